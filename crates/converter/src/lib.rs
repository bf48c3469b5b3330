//! Folio's converter module: ANS stories, schema.org JSON-LD and web pages
//! holding it, read by [`folio_formats`] and handed to the widget as
//! Article JSON v1. It is a WebAssembly module of its own, so that a page
//! given Article JSON v1 never downloads it: `folio.js` loads it only when
//! the core finds another format.
#![deny(missing_docs)]

use folio_core::json::{self, Value};
use folio_formats::{self as formats, Format};

/// Converts article JSON `text` (of `format`, a name [`Format::named`]
/// reads, else detected), fetched from `base`, to JSON text:
/// `{"article": {…}, "notices": [{"path", "message"}…]}` with the Article
/// JSON v1 it maps to, or `{"error": {"message", "path"?}}`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn convert(text: &str, base: Option<String>, format: Option<String>) -> String {
    let format = format.as_deref().and_then(Format::named);
    let mut out = String::new();
    match formats::convert(text, format, base.as_deref()) {
        Ok(converted) => {
            out.push_str("{\"article\":");
            out.push_str(&converted.json);
            out.push_str(",\"notices\":");
            let notices = converted
                .notices
                .into_iter()
                .map(|n| object(vec![("path", n.path), ("message", n.message)]))
                .collect();
            json::write(&Value::Array(notices), &mut out);
            out.push('}');
        }
        Err(error) => {
            let mut detail = vec![("message", error.to_string())];
            if !error.path.is_empty() {
                detail.push(("path", error.path));
            }
            out.push_str("{\"error\":");
            json::write(&object(detail), &mut out);
            out.push('}');
        }
    }
    out
}

fn object(fields: Vec<(&'static str, String)>) -> Value<'static> {
    Value::Object(
        fields
            .into_iter()
            .map(|(key, text)| (key.into(), Value::String(text.into())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ans_story_comes_back_as_article_json_with_its_notices() {
        let story = r#"{"type":"story","_id":"a1","headlines":{"basic":"A &amp; B"},
            "display_date":"2024-06-25T07:00:00Z",
            "content_elements":[{"type":"text","content":"One"},{"type":"raw_html","content":"<b>x</b>"}]}"#;
        let out = convert(story, None, None);
        let parsed = json::parse(&out).expect("JSON");
        let article = folio_core::model::from_value(match &parsed {
            Value::Object(members) => &members[0].1,
            _ => panic!("an object: {out}"),
        })
        .expect("Article JSON v1");
        assert_eq!(article.headline, "A & B");
        assert!(out.contains(r#""notices":[{"path":"content_elements[1]","message":"Raw HTML is left out: Folio never renders it."}]"#), "{out}");
    }

    #[test]
    fn an_error_names_the_source_path() {
        let out = convert(
            r#"{"type":"story","headlines":{"basic":1}}"#,
            None,
            Some("ans".into()),
        );
        assert!(
            out.starts_with(r#"{"error":{"message":"`headlines.basic` must be text"#),
            "{out}"
        );
        assert!(out.ends_with(r#""path":"headlines.basic"}}"#), "{out}");
    }
}
