//! JSON text to a checked [`Article`]: the text is held to the limits and
//! read by [`crate::json`], then the model's own `serde` derive reads the
//! tree through [`json::Decoder`], so every error names its field in one
//! sentence, then the article is checked.

use serde::{Deserialize, Deserializer};

use super::{Article, Support, validate};
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

/// Decodes and checks the Article JSON v1 another format was mapped to
/// (by the converter module), naming a bad field by its path in the
/// source through `origins` (`("image.src", "promo_items.basic.url")`).
/// The source was held to the limits when it was read; this text, its
/// mapping, is not held to them again.
pub fn parse_mapped(text: &str, origins: &[(String, String)]) -> Read<Article> {
    let value =
        json::parse(text).map_err(|error| ContentError::new("", Problem::Syntax(error.message)))?;
    from_value(&value).map_err(|error| locate(error, origins))
}

/// `error` with its Folio path turned into the source path it came from
/// (the longest field of `origins` it is at or under).
pub fn locate(mut error: ContentError, origins: &[(String, String)]) -> ContentError {
    let found = origins
        .iter()
        .filter(|(field, _)| {
            error.path == *field
                || error
                    .path
                    .strip_prefix(field.as_str())
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
        .max_by_key(|(field, _)| field.len());
    if let Some((field, from)) = found {
        error.path = format!("{from}{}", &error.path[field.len()..]);
    }
    error
}

/// Decodes and checks an article from its JSON tree (read by
/// [`crate::json`], or built from another format by Folio's converters).
pub fn from_value(value: &Value) -> Read<Article> {
    let mut article: Article = json::from_value(value)?;
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
