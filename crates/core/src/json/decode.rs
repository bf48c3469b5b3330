//! A `serde` deserializer over a [`Value`] tree that knows each value's
//! path, so that every problem names its field in one sentence
//! (`support.amounts[1].value`): the model, a prompt's props, the stored
//! record and the locale files are all read through it.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::Value;
use crate::error::{ContentError, Problem};
use crate::model::join;

/// Reads JSON `text` into a `T`: a syntax error says where the text broke
/// (line and column), a value that does not fit names its field.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    let value = super::parse(text)
        .map_err(|error| ContentError::new("", Problem::Syntax(error.message)))?;
    from_value(&value)
}

/// Reads a JSON tree into a `T`, naming the field of the first value that
/// does not fit.
pub fn from_value<T: DeserializeOwned>(value: &Value<'_>) -> Result<T, ContentError> {
    T::deserialize(Decoder::child(value, String::new())).map_err(|error| error.0)
}

/// A problem met while decoding. Errors the derive makes (a missing or
/// repeated field) name only the field; the object they come from adds its
/// path on the way out (see [`Decoder::deserialize_map`]).
#[derive(Debug)]
pub struct DecodeError(pub ContentError, Located);

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
    /// This object's members, or the error that it is no object.
    #[inline(never)]
    fn members(&self) -> Result<Members<'v, 'a, '_>, DecodeError> {
        match self.value {
            Value::Object(members) => Ok(Members {
                members: members.iter(),
                path: &self.path,
                next: None,
            }),
            _ => Err(self.wrong_type("an object")),
        }
    }

    /// `value` at `path`.
    pub fn child(value: &'v Value<'a>, path: String) -> Self {
        Self { value, path }
    }

    fn wrong_type(&self, expected: &str) -> DecodeError {
        let found = describe(self.value);
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
        match super::integer(number) {
            super::Integer::Whole(n) if n <= max => Ok(n),
            super::Integer::Fraction => Err(self.wrong_type(&expected)),
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
        match super::float(number) {
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

    /// A whole number, below zero too (a time in milliseconds).
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.value {
            Value::Number(number) => match super::whole(number) {
                Some(n) => visitor.visit_i64(n),
                None => Err(self.wrong_type("a whole number")),
            },
            _ => Err(self.wrong_type("a whole number")),
        }
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
        let access = self.members()?;
        let path = access.path;
        visitor.visit_map(access).map_err(|error| error.under(path))
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
        i8 i16 i32 i128 u8 u16 u128 f32 char bytes byte_buf unit unit_struct
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
        match self.advance() {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        seed.deserialize(self.value()?)
    }
}

// The work of a map that does not depend on the type read, kept out of
// the generic functions above, which are made once for each type.
impl<'v, 'a> Members<'v, 'a, '_> {
    /// The next member's key; its value is held for [`Members::value`].
    #[inline(never)]
    fn advance(&mut self) -> Option<&'v str> {
        let (key, value) = self.members.next()?;
        self.next = Some((value, join(self.path, key)));
        Some(key.as_ref())
    }

    /// The value of the key just read, with its path.
    #[inline(never)]
    fn value(&mut self) -> Result<Decoder<'v, 'a>, DecodeError> {
        match self.next.take() {
            Some((value, path)) => Ok(Decoder::child(value, path)),
            None => Err(de::Error::custom("a value without a key")),
        }
    }
}

impl DecodeError {
    /// The error, its path whole: an error the derive made names only its
    /// field, which goes under the object's `path`.
    #[inline(never)]
    fn under(self, path: &str) -> Self {
        match self.1 {
            Located::Whole => self,
            Located::FieldOnly => DecodeError::at(join(path, &self.0.path), self.0.problem),
        }
    }
}

/// The start of `text`, enough to recognise it in a message.
pub fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// What `value` is, as a message names what was found in the place of
/// what a field must be ("a list", "the number 5", "text (\"…\")").
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(value) => value.to_string(),
        Value::Number(number) => format!("the number {}", excerpt(number)),
        Value::String(text) => format!("text (\"{}\")", excerpt(text)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}
