//! A small JSON reader: text to a tree of values that borrow from it.
//!
//! It does what Folio needs and no more, which keeps the WebAssembly small:
//! strings without escapes (a Markdown body, most of an article) are not
//! copied, and numbers stay as written until a field asks for one, so the
//! float parser is only reached for the few amounts that have decimals and
//! a number no float can hold fails only its own field. RFC 8259 strictly:
//! no comments, no trailing commas, no byte-order mark. An escaped lone
//! surrogate, which RFC 8259's grammar allows and `JSON.stringify` writes
//! for one in a JavaScript string, is read as U+FFFD; so is an escaped
//! character no HTML document may hold (`\u0000`, most controls).
//!
//! [`parse`] reads text into a [`Value`] tree; [`from_value`] reads a
//! tree into any `serde` type, naming the path of every bad field (the
//! model and the locale files go through it); what the support island
//! reads (a prompt's props, the reader's records) is read from the tree
//! by hand with [`Value::get`] and its kin, which keeps the decoder out of
//! the island; [`write()`] writes a tree back.

mod decode;
mod number;
mod read;
mod write;

use std::borrow::Cow;

pub use decode::{Decoder, describe, excerpt, from_text, from_value};
pub use number::{Integer, float, integer, whole};
pub use read::parse;
pub(crate) use read::plain_until;
pub use write::{write, write_for_script};

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as written (already checked against the JSON grammar).
    Number(Cow<'a, str>),
    /// A string, borrowed from the text unless it had escapes.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's members in the order written (repeated keys kept).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Why text is not JSON, and where it stopped being JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// What was wrong, with its line and column ("expected `:` at line 3
    /// column 9").
    pub message: String,
    /// The text ended too early.
    pub eof: bool,
}

impl Value<'static> {
    /// A string of `text`.
    pub fn text(text: &str) -> Self {
        Value::String(Cow::Owned(text.to_string()))
    }

    /// A number, written as Folio writes numbers (`2`, `2.5`); `null` for
    /// one JSON cannot hold (infinite, not a number).
    pub fn number(value: f64) -> Self {
        match value.is_finite() {
            true => Value::Number(Cow::Owned(crate::number::plain(value))),
            false => Value::Null,
        }
    }
}

impl<'a> Value<'a> {
    /// The member `name` of an object (the first, if repeated); `None`
    /// for any other value.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A whole number an `i64` holds, however written (`3`, `-3`, `3.0`,
    /// `3e2`).
    pub fn as_whole(&self) -> Option<i64> {
        let Value::Number(number) = self else {
            return None;
        };
        whole(number).or_else(|| match integer(number) {
            Integer::Whole(n) => i64::try_from(n).ok(),
            _ => None,
        })
    }

    /// A number, as the nearest `f64` (none for one no float can hold).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => float(number),
            _ => None,
        }
    }

    /// An object of `members`, in order.
    pub fn object(members: Vec<(&'static str, Value<'a>)>) -> Self {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v))
                .collect(),
        )
    }
}
