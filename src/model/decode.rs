//! JSON text to a checked [`Article`], with serde's errors turned into
//! [`ContentError`]s that name the field.

use serde::{Deserialize, Deserializer};

use super::{Article, Support, validate};
use crate::error::{ContentError, Problem};

/// Parses and checks an article. Unknown fields are ignored; the first
/// problem found is returned with the path of its field. A bad `support`
/// block does not fail the article: it is kept as `Some(Err(..))`.
pub fn parse(json: &str) -> Result<Article, ContentError> {
    crate::limits::check(json)?;
    let mut article: Article = from_str(json)?;
    validate::article(&mut article)?;
    Ok(article)
}

/// Deserializes all of `json`; an error names the field where the parser
/// stopped (found from the error's position, which keeps the WebAssembly
/// free of a path-tracking wrapper around every field).
fn from_str<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, ContentError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(&mut de).and_then(|value| de.end().map(|()| value));
    value.map_err(|error| from_serde(json, &error))
}

/// Deserializes the `support` field without ever failing the article.
pub(super) fn lenient_support<'de, D>(
    deserializer: D,
) -> Result<Option<Result<Support, ContentError>>, D::Error>
where
    D: Deserializer<'de>,
{
    // Kept as text and parsed on its own: one parser for the whole article
    // (smaller WebAssembly than a second one over `serde_json::Value`), and
    // even a number no float can hold only fails the support block.
    let Some(raw) = Option::<Box<serde_json::value::RawValue>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let support = from_str(raw.get()).map_err(|mut error: ContentError| {
        error.path = join("support", &error.path);
        error
    });
    Ok(Some(support))
}

fn from_serde(json: &str, inner: &serde_json::Error) -> ContentError {
    let path = crate::limits::path_at(json, offset(json, inner.line(), inner.column()));
    if inner.is_eof() {
        return ContentError::new("", Problem::Syntax(inner.to_string()));
    }
    if !inner.is_data() {
        // The field where the text broke (say, a lone surrogate) helps.
        return ContentError::new(path, Problem::Syntax(inner.to_string()));
    }
    let message = inner.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => &message[..cut],
        None => &message,
    };
    if let Some(field) = between(message, "missing field `", "`") {
        return ContentError::new(join(&path, field), Problem::Missing);
    }
    if let Some(field) = between(message, "duplicate field `", "`") {
        // The parser stops on the repeated key itself.
        let path = if path == field || path.ends_with(&format!(".{field}")) {
            path
        } else {
            join(&path, field)
        };
        return ContentError::new(path, Problem::Duplicate);
    }
    ContentError::new(path, describe(message))
}

/// Rewrites serde's wording ("invalid type: string \"x\", expected u32") in
/// a publisher's terms ("must be a whole number, not text").
fn describe(message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return Problem::WrongType {
            expected: expected_in_words(expected),
            found: found_in_words(found),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return Problem::Invalid(format!(
            "must be {}; {} is out of range",
            expected_in_words(expected),
            found_in_words(found)
        ));
    }
    if message.starts_with("invalid length") && message.contains("expected struct") {
        return Problem::WrongType {
            expected: "an object".into(),
            found: "a list".into(),
        };
    }
    if let Some(variant) = between(message, "unknown variant `", "`") {
        let choices = message.rsplit_once("expected ").map_or("", |(_, c)| c);
        let choices = choices.trim_start_matches("one of ").replace('`', "");
        return Problem::Invalid(format!("must be one of {choices} (it is \"{variant}\")"));
    }
    Problem::Invalid(message.to_string())
}

fn expected_in_words(expected: &str) -> String {
    match expected {
        "a string" => "text".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" => "a whole number from 0 to 9007199254740991".into(),
        "f64" => "a number".into(),
        "a sequence" => "a list".into(),
        "a boolean" => "true or false".into(),
        s if s.starts_with("struct ") => "an object".into(),
        s if s.starts_with("variant ") || s.starts_with("enum ") => {
            "one of the listed words".into()
        }
        other => other.into(),
    }
}

fn found_in_words(found: &str) -> String {
    let literal = between(found, "`", "`");
    match found.split([' ', '`']).next().unwrap_or(found) {
        "string" => format!("text ({})", found.trim_start_matches("string ")),
        "integer" | "floating" => format!("the number {}", literal.unwrap_or("")),
        "boolean" => literal.unwrap_or("true or false").into(),
        "map" => "an object".into(),
        "sequence" => "a list".into(),
        "unit" | "null" => "null".into(),
        _ => found.into(),
    }
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// Joins a parent path and a child (`support` + `amounts[1]`).
pub(super) fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_string(),
        (_, true) => parent.to_string(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}

/// The byte offset of a parser position (line and column count from 1).
fn offset(json: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        n => json
            .match_indices('\n')
            .nth(n - 2)
            .map_or(json.len(), |(i, _)| i + 1),
    };
    start + column
}
