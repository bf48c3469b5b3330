//! JSON text to a checked [`Article`]: the text is read by [`crate::json`],
//! then the model's own `serde` derive reads the tree through [`Decoder`],
//! a `serde::Deserializer` that knows each value's path, so every error
//! names its field in one sentence.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

use super::{Article, Support, join, validate};
use crate::error::{ContentError, Problem};
use crate::json::{self, Value};

type Read<T> = Result<T, ContentError>;

/// Parses and checks an article. Unknown fields are ignored; the first
/// problem found is returned with the path of its field. A bad `support`
/// block does not fail the article: it is kept as `Some(Err(..))`.
pub fn parse(text: &str) -> Read<Article> {
    parse_with_body(text, None)
}

/// [`parse`] for an article whose `body` comes as a string of its own
/// rather than inside `text` (as `folio.js` hands over an object's body,
/// so that a long one is neither escaped into JSON nor read back out of
/// it). The body is held to the same limit; `text` must not have one too.
pub fn parse_with_body(text: &str, body: Option<&str>) -> Read<Article> {
    crate::limits::check(text)?;
    if let Some(body) = body {
        crate::limits::check_body(body, text.len())?;
    }
    let mut value = json::parse(text).map_err(|error| {
        // The field where the text broke (say, a lone surrogate) helps;
        // text cut short concerns the whole article.
        let path = match error.eof {
            true => String::new(),
            false => crate::limits::path_at(text, error.offset),
        };
        ContentError::new(path, Problem::Syntax(error.message))
    })?;
    // A body given apart reads as the article's first member: one in the
    // text too is then a `body` given twice, where it is written.
    if let (Some(body), Value::Object(members)) = (body, &mut value) {
        members.insert(0, ("body".into(), Value::String(body.into())));
    }
    from_value(&value)
}

/// Decodes and checks an article from its JSON tree (read by
/// [`crate::json`], or built from another format by Folio's converters).
pub fn from_value(value: &Value) -> Read<Article> {
    let decoder = Decoder {
        value,
        path: String::new(),
    };
    let mut article = Article::deserialize(decoder).map_err(|error| error.0)?;
    validate::article(&mut article)?;
    Ok(article)
}

/// Reads `support` so that a bad block is kept as its error instead of
/// failing the article (`deserialize_with` for [`Article::support`]).
pub(super) fn lenient<'de, D: Deserializer<'de>>(
    decoder: D,
) -> Result<Option<Read<Support>>, D::Error> {
    match Option::<Support>::deserialize(decoder) {
        Ok(support) => Ok(support.map(Ok)),
        Err(error) => {
            let found = std::error::Error::source(&error)
                .and_then(|source| source.downcast_ref::<ContentError>());
            match found {
                Some(content) => Ok(Some(Err(content.clone()))),
                None => Err(error),
            }
        }
    }
}

/// A problem met while decoding. Errors the derive makes (a missing or
/// repeated field) name only the field; the object they come from adds its
/// path on the way out (see [`Decoder::deserialize_map`]).
#[derive(Debug)]
pub struct DecodeError(ContentError, Located);

/// Whether an error's path is whole, or only the field's name.
#[derive(Debug, PartialEq)]
enum Located {
    Whole,
    FieldOnly,
}

impl DecodeError {
    fn at(path: impl Into<String>, problem: Problem) -> Self {
        Self(ContentError::new(path, problem), Located::Whole)
    }

    fn field(field: &str, problem: Problem) -> Self {
        Self(ContentError::new(field, problem), Located::FieldOnly)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self::field("", Problem::Invalid(message.to_string()))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::field(field, Problem::Missing)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::field(field, Problem::Duplicate)
    }

    // The decoder checks every value's type itself, with its own words, so
    // serde's descriptions of what it found (and the float formatting they
    // would link in) are never needed.
    fn invalid_type(_found: de::Unexpected, _expected: &dyn de::Expected) -> Self {
        Self::field("", Problem::Invalid("has a value of the wrong type".into()))
    }

    fn invalid_value(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(found, expected)
    }

    fn invalid_length(_len: usize, _expected: &dyn de::Expected) -> Self {
        Self::field("", Problem::Invalid("has the wrong number of items".into()))
    }
}

/// One value of the tree and its path.
pub struct Decoder<'v, 'a> {
    value: &'v Value<'a>,
    path: String,
}

impl<'v, 'a> Decoder<'v, 'a> {
    fn child(value: &'v Value<'a>, path: String) -> Self {
        Self { value, path }
    }

    fn wrong_type(&self, expected: &str) -> DecodeError {
        let found = match self.value {
            Value::Null => "null".into(),
            Value::Bool(value) => value.to_string(),
            Value::Number(number) => format!("the number {}", excerpt(number)),
            Value::String(text) => format!("text (\"{}\")", excerpt(text)),
            Value::Array(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
        };
        let expected = expected.into();
        DecodeError::at(&self.path, Problem::WrongType { expected, found })
    }

    /// A whole number from 0 to `max`, written in any way JSON writes one
    /// (`1280`, `1.28e3`, `1280.0`).
    fn whole(&self, max: u64) -> Result<u64, DecodeError> {
        let expected = format!("a whole number from 0 to {max}");
        let Value::Number(number) = self.value else {
            return Err(self.wrong_type(&expected));
        };
        match json::integer(number) {
            json::Integer::Whole(n) if n <= max => Ok(n),
            json::Integer::Fraction => Err(self.wrong_type(&expected)),
            _ => Err(DecodeError::at(
                &self.path,
                Problem::Invalid(format!(
                    "must be {expected}; the number {} is out of range",
                    excerpt(number)
                )),
            )),
        }
    }
}

impl<'de> Deserializer<'de> for Decoder<'_, '_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(*value),
            Value::String(text) => visitor.visit_str(text),
            Value::Number(_) => self.deserialize_f64(visitor),
            Value::Array(_) => self.deserialize_seq(visitor),
            Value::Object(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.value {
            Value::String(text) => visitor.visit_str(text),
            _ => Err(self.wrong_type("text")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.value {
            Value::Bool(value) => visitor.visit_bool(*value),
            _ => Err(self.wrong_type("true or false")),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let Value::Number(number) = self.value else {
            return Err(self.wrong_type("a number"));
        };
        match json::float(number) {
            Some(value) => visitor.visit_f64(value),
            None => Err(DecodeError::at(
                &self.path,
                Problem::Invalid(format!(
                    "must be a number a computer can hold (it is {})",
                    excerpt(number)
                )),
            )),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let n = self.whole(u32::MAX.into())?;
        visitor.visit_u32(n as u32)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_u64(self.whole(u64::MAX)?)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong_type("a list"));
        };
        let path = &self.path;
        let items = items
            .iter()
            .enumerate()
            .map(|(i, item)| Decoder::child(item, format!("{path}[{i}]")));
        visitor.visit_seq(de::value::SeqDeserializer::new(items))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let Value::Object(members) = self.value else {
            return Err(self.wrong_type("an object"));
        };
        let path = self.path.as_str();
        let access = Members {
            members: members.iter(),
            path,
            next: None,
        };
        visitor.visit_map(access).map_err(|error| match error.1 {
            Located::Whole => error,
            Located::FieldOnly => DecodeError::at(join(path, &error.0.path), error.0.problem),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    /// An enum of unit variants, written as one of their names.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let words = variants.join(", ");
        let Value::String(word) = self.value else {
            return Err(self.wrong_type(&format!("one of {words}")));
        };
        if !variants.contains(&word.as_ref()) {
            let problem = Problem::Invalid(format!("must be one of {words} (it is \"{word}\")"));
            return Err(DecodeError::at(&self.path, problem));
        }
        visitor.visit_enum(word.as_ref().into_deserializer())
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct identifier
    }
}

impl<'de> IntoDeserializer<'de, DecodeError> for Decoder<'_, '_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// An object's members in order, each value with its path.
struct Members<'v, 'a, 'p> {
    members: std::slice::Iter<'v, (std::borrow::Cow<'a, str>, Value<'a>)>,
    path: &'p str,
    /// The value whose key was just read, and its path.
    next: Option<(&'v Value<'a>, String)>,
}

impl<'de> de::MapAccess<'de> for Members<'_, '_, '_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.next = Some((value, join(self.path, key)));
        seed.deserialize(key.as_ref().into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        match self.next.take() {
            Some((value, path)) => seed.deserialize(Decoder::child(value, path)),
            None => Err(de::Error::custom("a value without a key")),
        }
    }
}

/// The start of `text`, enough to recognise it in a message.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
