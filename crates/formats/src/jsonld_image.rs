//! The hero photo of a JSON-LD article: one of its `image` values (a URL,
//! an `ImageObject`, lists of either), chosen and mapped.

use super::{Node, Out};
use folio_core::json::Value;
use folio_core::url;

/// One image of the article, followed from its reference, with the text
/// read around it: `(text, where)`.
pub(super) struct Candidate<'v, 'a> {
    pub node: Node<'v, 'a>,
    pub caption: Option<(String, Node<'v, 'a>)>,
    pub description: Option<(String, Node<'v, 'a>)>,
    pub name: Option<(String, Node<'v, 'a>)>,
    pub credit: Option<String>,
}

impl<'v, 'a> Candidate<'v, 'a> {
    /// Its URL and where it was: the string itself, `url`, or `contentUrl`.
    fn src(&self) -> Option<(&'v str, Node<'v, 'a>)> {
        match self.node.value {
            Value::String(_) => Some((self.node.str()?, self.node.clone())),
            _ => ["url", "contentUrl"].iter().find_map(|key| {
                let node = self.node.get(key);
                let first = node.items().into_iter().next()?;
                Some((first.str()?, first))
            }),
        }
    }

    /// Its width as a number, for choosing the widest.
    fn width(&self) -> i64 {
        size(&self.node.get("width"))
            .and_then(|v| folio_core::json::whole(&v))
            .unwrap_or(0)
    }
}

/// A width or height as sites write it: a number, `"768"`, `"768px"`, a
/// `QuantitativeValue` or a node whose `name` is the number.
fn size<'a>(node: &Node<'_, 'a>) -> Option<String> {
    let value = match node.value {
        Value::Object(_) => match node.get("value").is_null() {
            false => node.get("value"),
            true => node.get("name"),
        },
        _ => node.clone(),
    };
    match value.value {
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) => {
            let text = text.trim();
            let digits = text.strip_suffix("px").unwrap_or(text).trim();
            // Written as JSON writes a number: no leading zeros.
            let digits = match digits.trim_start_matches('0') {
                "" if !digits.is_empty() => "0",
                rest => rest,
            };
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.to_string())
        }
        _ => None,
    }
}

/// Puts the hero among `candidates` into `out`: the one marked
/// `representativeOfPage`, else the widest, else the first. One with
/// nothing to describe it is left out, with a notice.
pub(super) fn hero<'a>(candidates: &[Candidate<'_, 'a>], base: Option<&str>, out: &mut Out<'a>) {
    let marked = candidates
        .iter()
        .find(|c| matches!(c.node.get("representativeOfPage").value, Value::Bool(true)));
    let widest = candidates
        .iter()
        .filter(|c| c.src().is_some())
        .max_by_key(|c| c.width());
    let Some(image) = marked.or(widest).or(candidates.first()) else {
        return;
    };
    out.origin("image", &image.node.path);
    let Some((raw, at)) = image.src() else {
        let path = image.node.get("url").path;
        out.origin("image.src", &path);
        return out.put("image", Value::Object(Vec::new()), &image.node.path);
    };
    // `//host/…` with no document address takes `https:`.
    let raw = raw.trim();
    let base = match raw.starts_with("//") {
        true => base.or(Some("https:")),
        false => base,
    };
    let Some(src) = url::image(raw, base) else {
        return out.notice(&at.path, "The photo is left out: its URL is not one Folio shows, or is relative with no address to resolve it against.");
    };
    // schema.org has no alternative text: the image's description, else
    // its caption, else its name describes it.
    let Some((alt, alt_at)) = [&image.description, &image.caption, &image.name]
        .into_iter()
        .find_map(|t| t.as_ref())
    else {
        return out.notice(
            &image.node.path,
            "The photo is left out: it has no description, caption or name to describe it to readers who cannot see it.",
        );
    };
    out.put("image.src", Value::String(src.into()), &at.path);
    out.put("image.alt", Value::String(alt.clone().into()), &alt_at.path);
    for (key, field) in [("width", "image.width"), ("height", "image.height")] {
        let node = image.node.get(key);
        match size(&node) {
            Some(number) => out.put(field, Value::Number(number.into()), &node.path),
            None if !node.is_null() && !matches!(image.node.value, Value::String(_)) => {
                out.put(field, node.value.clone(), &node.path)
            }
            None => {}
        }
    }
    if let Some((caption, at)) = &image.caption {
        out.put(
            "image.caption",
            Value::String(caption.clone().into()),
            &at.path,
        );
    }
    if let Some(credit) = &image.credit {
        out.put(
            "image.credit",
            Value::String(credit.clone().into()),
            &image.node.path,
        );
    }
}
