//! The JSON Schema of Article JSON v1, generated from the model's types.

use crate::model::Article;

/// Where the schema is published, relative to `dist/`.
pub const PATH: &str = "schema/article.v1.json";

/// The schema as pretty-printed JSON, ending in a newline.
pub fn article_v1() -> String {
    let mut schema = schemars::schema_for!(Article);
    schema.insert("title".into(), "Folio Article JSON, version 1".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
