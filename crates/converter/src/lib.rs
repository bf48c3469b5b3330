//! Folio's converter module: ANS stories, schema.org JSON-LD and web pages
//! holding it, mapped by [`folio_formats`] onto Article JSON v1 and handed
//! to the widget's core, which checks the article once (naming a bad field
//! by its source path through the mapping's origins). It is a WebAssembly
//! module of its own, so that a page given Article JSON v1 never downloads
//! it: `folio.js` loads it only when the core finds another format.
#![deny(missing_docs)]

use folio_core::json::{self, Value};
use folio_formats::{self as formats, Format};
use wasm_bindgen::prelude::wasm_bindgen;

/// What [`convert`] made of a document: the Article JSON v1 text with its
/// origins and notices, or the error that stopped it.
#[wasm_bindgen]
pub struct Conversion {
    article: Option<String>,
    origins: Option<String>,
    notices: String,
    error: Option<(String, String)>,
}

#[wasm_bindgen]
impl Conversion {
    /// The Article JSON v1 text, for the core (none after an error).
    #[wasm_bindgen(getter)]
    pub fn article(&self) -> Option<String> {
        self.article.clone()
    }

    /// Where each field came from, for the core's errors: JSON text of
    /// `[[folioPath, sourcePath], …]`; none for Article JSON v1 handed
    /// back as it was (the core reads it as any other, limits and all).
    #[wasm_bindgen(getter)]
    pub fn origins(&self) -> Option<String> {
        self.origins.clone()
    }

    /// What was left out: JSON text of `[{path, message}, …]`.
    #[wasm_bindgen(getter)]
    pub fn notices(&self) -> String {
        self.notices.clone()
    }

    /// The error's message, in one sentence (none when it converted).
    #[wasm_bindgen(getter, js_name = errorMessage)]
    pub fn error_message(&self) -> Option<String> {
        self.error.as_ref().map(|(message, _)| message.clone())
    }

    /// The error's path in the source (empty: the document as a whole).
    #[wasm_bindgen(getter, js_name = errorPath)]
    pub fn error_path(&self) -> Option<String> {
        self.error.as_ref().map(|(_, path)| path.clone())
    }
}

/// Converts article JSON `text` (of `format`, a name [`Format::named`]
/// reads, else detected), fetched from `base`.
#[wasm_bindgen]
pub fn convert(text: &str, base: Option<String>, format: Option<String>) -> Conversion {
    let format = format.as_deref().and_then(Format::named);
    match formats::convert(text, format, base.as_deref()) {
        Ok(converted) => {
            let pairs = converted
                .origins
                .iter()
                .map(|(field, from)| Value::Array(vec![Value::text(field), Value::text(from)]));
            let notices = converted.notices.iter().map(|n| {
                Value::object(vec![
                    ("path", Value::text(&n.path)),
                    ("message", Value::text(&n.message)),
                ])
            });
            let mapped = converted.format != Format::Folio;
            Conversion {
                article: Some(converted.json),
                origins: mapped.then(|| written(Value::Array(pairs.collect()))),
                notices: written(Value::Array(notices.collect())),
                error: None,
            }
        }
        Err(error) => Conversion {
            article: None,
            origins: None,
            notices: "[]".into(),
            error: Some((error.to_string(), error.path)),
        },
    }
}

/// `value` as JSON text.
fn written(value: Value) -> String {
    let mut out = String::new();
    json::write(&value, &mut out);
    out
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
        let origins: Vec<(String, String)> = json::from_text(&out.origins().unwrap()).unwrap();
        let article = folio_core::model::parse_mapped(&out.article().unwrap(), &origins)
            .expect("Article JSON v1");
        assert_eq!(article.headline, "A & B");
        let v1 = convert(r#"{"id":"a"}"#, None, None);
        assert_eq!(v1.article().as_deref(), Some(r#"{"id":"a"}"#));
        assert_eq!(v1.origins(), None, "v1 as it was: no mapping");
        assert_eq!(
            out.notices(),
            r#"[{"path":"content_elements[1]","message":"Raw HTML is left out: Folio never renders it."}]"#
        );
    }

    #[test]
    fn a_document_that_cannot_be_mapped_is_an_error_naming_its_source_path() {
        let out = convert(
            r#"{"type":"video","_id":"v","headlines":{"basic":"H"}}"#,
            None,
            Some("ans".into()),
        );
        assert!(out.article().is_none());
        let message = out.error_message().unwrap();
        assert!(message.starts_with("`type`"), "{message}");
        assert_eq!(out.error_path().as_deref(), Some("type"));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_by_its_source_path_in_the_core() {
        let out = convert(
            r#"{"type":"story","_id":"a","headlines":{"basic":1},"display_date":"2024-06-25T07:00:00Z",
               "content_elements":[{"type":"text","content":"One"}]}"#,
            None,
            Some("ans".into()),
        );
        let origins: Vec<(String, String)> = json::from_text(&out.origins().unwrap()).unwrap();
        let error = folio_core::model::parse_mapped(&out.article().unwrap(), &origins)
            .expect_err("a number for a headline");
        assert!(
            error
                .to_string()
                .starts_with("`headlines.basic` must be text"),
            "{error}"
        );
    }

    #[test]
    fn a_bad_field_of_the_mapping_is_named_by_its_source_path_in_the_core() {
        let story = r#"{"type":"story","_id":"a1","headlines":{"basic":"H"},
            "display_date":"2024-06-25T07:00:00Z",
            "promo_items":{"basic":{"type":"image","url":"https://x.example/a.jpg","caption":"c","width":0}},
            "content_elements":[{"type":"text","content":"One"}]}"#;
        let out = convert(story, None, None);
        let origins: Vec<(String, String)> = json::from_text(&out.origins().unwrap()).unwrap();
        let error = folio_core::model::parse_mapped(&out.article().unwrap(), &origins)
            .expect_err("a width of 0");
        assert_eq!(error.path, "promo_items.basic.width");
    }
}

/// The module's allocator: talc, in the place of the Rust standard
/// library's dlmalloc, which makes this module larger (the core and the
/// island, measured the same way, are no smaller with talc and keep
/// dlmalloc).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
