//! The JSON-LD article of an HTML page: the text of its
//! `<script type="application/ld+json">` blocks, read as JSON and nothing
//! else (the page is scanned as text; none of it runs or is inserted).

use super::{Node, Out, jsonld};
use folio_core::error::{ContentError, Problem};
use folio_core::json::{self, Value};

/// Maps the article among the JSON-LD blocks of the page `html` (served
/// from `base`). A block that is not JSON is skipped, with a notice.
pub(super) fn map<'a>(html: &'a str, base: Option<&str>) -> Result<Out<'a>, ContentError> {
    if html.len() > folio_core::limits::MAX_ARTICLE_BYTES {
        folio_core::limits::check(html)?;
    }
    let blocks = blocks(html);
    let mut out = Out::default();
    let mut values = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let path = format!("script[{i}]");
        let parsed = folio_core::limits::check(block).and_then(|()| {
            json::parse(block).map_err(|e| ContentError::new("", Problem::Syntax(e.message)))
        });
        match parsed {
            Ok(value) => values.push(value),
            Err(error) => {
                values.push(Value::Null);
                out.notice(
                    &path,
                    format!("A JSON-LD block is skipped: it {}.", error.problem),
                );
            }
        }
    }
    if blocks.is_empty() {
        return Err(ContentError::new(
            "",
            Problem::Invalid(
                "is a web page with no JSON-LD (`<script type=\"application/ld+json\">`) \
                 to read an article from"
                    .into(),
            ),
        ));
    }
    let all = Value::Array(values);
    let root = Node::root(&all, "script".into());
    jsonld::document(&root, base, &mut out)?;
    Ok(out)
}

/// The text of each JSON-LD script of `html`, without the comment or
/// CDATA wrappers some pages put around it.
fn blocks(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| i + at) {
        // A script inside a comment is no script.
        if let Some(comment) = lower[at..start].find("<!--").map(|i| i + at) {
            at = lower[comment..]
                .find("-->")
                .map_or(html.len(), |i| comment + i + 3);
            continue;
        }
        let Some(open_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let tag = &lower[start..open_end];
        let content_start = open_end + 1;
        let content_end = lower[content_start..]
            .find("</script")
            .map_or(html.len(), |i| i + content_start);
        at = content_end;
        if is_json_ld(tag) {
            found.push(unwrap(&html[content_start..content_end]));
        }
    }
    found
}

/// Whether a `<script …` start tag (lower case) declares JSON-LD: a
/// `type` attribute of its own (not `data-type`, not inside a value)
/// whose value starts `application/ld+json`.
fn is_json_ld(tag: &str) -> bool {
    let mut rest = tag.strip_prefix("<script").unwrap_or(tag);
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(rest.len());
        if name_len == 0 {
            return false;
        }
        let (name, after) = rest.split_at(name_len);
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('=') else {
            rest = after;
            continue;
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &after[1..];
                let end = inner.find(q).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                after.split_at(end)
            }
        };
        if name == "type" {
            return value.trim_start().starts_with("application/ld+json");
        }
        rest = next;
    }
}

/// A script's text without `<!-- … -->` or `<![CDATA[ … ]]>` around it.
fn unwrap(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_json_ld_blocks_and_nothing_else() {
        let html = r#"<html><head>
            <script>var x = "<script type='application/ld+json'>";</script>
            <SCRIPT type="application/ld+json">{"a":1}</SCRIPT>
            <script type='application/ld+json; charset=utf-8'>
              //<![CDATA[
              [{"b":2}]
              //]]>
            </script>
            <script type="text/javascript">{"c":3}</script>
            <script data-type="application/ld+json">{"d":4}</script>
            <script id="prototype" type="application/ld+json">{"e":5}</script>
            <!-- <script type="application/ld+json">{"f":6}</script> -->
        </head></html>"#;
        assert_eq!(blocks(html), [r#"{"a":1}"#, r#"[{"b":2}]"#, r#"{"e":5}"#]);
    }
}
