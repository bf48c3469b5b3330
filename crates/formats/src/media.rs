//! Media of another format as Folio's: a photo's details as an entry of
//! `images`, and a video or a post (ANS's `video` and `oembed_response`,
//! JSON-LD's `VideoObject`) as an entry of `embeds`, its link alone in a
//! paragraph of the body. Nothing here becomes markup: an oEmbed `html`
//! is passed on as text, for Folio to take only its one frame's address
//! from.

use folio_core::json::{self, Value};

use super::Node;
use super::inline::{collapse, plain};

/// The longest text an embed's placeholder shows, in characters.
const MAX_TEXT: usize = 280;

/// A string value.
fn text<'a>(text: &str) -> Value<'a> {
    Value::String(text.to_string().into())
}

/// `node`'s `width` and `height`, when both are whole numbers a `u32` holds.
pub(super) fn size(node: &Node) -> Option<(u32, u32)> {
    let whole = |key: &str| match &node.get(key).value {
        Value::Number(n) => json::whole(n).and_then(|n| u32::try_from(n).ok()),
        _ => None,
    };
    Some((whole("width")?, whole("height")?)).filter(|(w, h)| *w > 0 && *h > 0)
}

/// The fields of a size, for an object.
fn sized<'a>(fields: &mut Vec<(std::borrow::Cow<'a, str>, Value<'a>)>, size: Option<(u32, u32)>) {
    if let Some((width, height)) = size {
        fields.push(("width".into(), Value::Number(width.to_string().into())));
        fields.push(("height".into(), Value::Number(height.to_string().into())));
    }
}

/// An entry of `images`: the photo at `src`, described by `alt`, with its
/// caption, credit and size.
pub(super) fn photo<'a>(
    src: &str,
    alt: &str,
    caption: Option<&str>,
    credit: Option<&str>,
    size: Option<(u32, u32)>,
) -> Value<'a> {
    let mut fields = vec![("src".into(), text(src)), ("alt".into(), text(alt))];
    sized(&mut fields, size);
    for (key, value) in [("caption", caption), ("credit", credit)] {
        if let Some(value) = value {
            fields.push((key.into(), text(value)));
        }
    }
    Value::Object(fields)
}

/// What an embed's placeholder shows and loads.
pub(super) struct Embed<'s> {
    /// The link the body holds.
    pub(super) url: String,
    pub(super) provider: Option<String>,
    pub(super) title: Option<String>,
    pub(super) text: Option<String>,
    /// The oEmbed or player `html`, passed on as text.
    pub(super) html: Option<&'s str>,
    pub(super) size: Option<(u32, u32)>,
}

impl Embed<'_> {
    /// Its entry of `embeds`.
    pub(super) fn entry<'a>(&self) -> Value<'a> {
        let mut fields = vec![("url".into(), text(&self.url))];
        let texts = [
            ("provider", self.provider.as_deref()),
            ("title", self.title.as_deref()),
            ("text", self.text.as_deref()),
            ("html", self.html),
        ];
        for (key, value) in texts {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                fields.push((key.into(), text(value)));
            }
        }
        sized(&mut fields, self.size);
        Value::Object(fields)
    }
}

/// A text of `node` as plain text, when there is one.
pub(super) fn plain_text(node: &Node) -> Option<String> {
    node.str().map(plain).filter(|t| !t.is_empty())
}

/// The words of an oEmbed `html` (a post's text, say) as plain text, at
/// most [`MAX_TEXT`] characters.
pub(super) fn fallback_text(html: &str) -> Option<String> {
    let words = collapse(&plain(html));
    if words.is_empty() {
        return None;
    }
    match words.char_indices().nth(MAX_TEXT) {
        None => Some(words),
        Some((at, _)) => Some(format!("{}…", words[..at].trim_end())),
    }
}

/// Whether an `html` holds an `iframe` (a player Folio can load).
pub(super) fn has_frame(html: Option<&str>) -> bool {
    html.is_some_and(|h| h.to_ascii_lowercase().contains("<iframe"))
}
