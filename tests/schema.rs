//! The committed JSON Schema is the one the types generate.
//! `cargo xtask schema` (or `FOLIO_BLESS=1 cargo test --test schema`) rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn committed_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www")
        .join(folio::schema::PATH);
    let generated = folio::schema::article_v1();
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the model: run `cargo xtask schema`",
        path.display()
    );
}

#[test]
fn schema_names_the_required_fields_and_nested_types() {
    let schema: serde_json::Value = serde_json::from_str(&folio::schema::article_v1()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(required, ["id", "headline", "published", "body"]);
    let support = &schema["$defs"]["Support"];
    assert!(support["properties"]["afterParagraph"].is_object());
    assert!(
        support["required"]
            .as_array()
            .unwrap()
            .contains(&"campaign".into())
    );
    assert!(schema["$defs"]["Amount"]["properties"]["value"].is_object());
}
