//! The committed JSON Schema is the one the types generate.
//! `cargo xtask schema` (or `FOLIO_BLESS=1 cargo test --test schema`) rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use folio_core::error::Problem;
use folio_core::model;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../www/sample/article.json");

#[test]
fn committed_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../www")
        .join(folio_core::schema::PATH);
    let generated = folio_core::schema::article_v1();
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
    let schema: Value = serde_json::from_str(&folio_core::schema::article_v1()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(required, ["id", "headline", "published"]);
    // Text, or an address to continue at: a card.
    assert_eq!(
        schema["anyOf"],
        serde_json::json!([{ "required": ["body"] }, { "required": ["url"] }])
    );
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

/// Every property the schema describes, with its path in an article
/// (`support.amounts[0].value`) and the schema of its value.
fn properties(schema: &Value, node: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    let node = resolve(schema, node);
    if let Some(items) = node.get("items") {
        let item = format!("{path}[0]");
        out.push((item.clone(), resolve(schema, items).clone()));
        properties(schema, items, &item, out);
    }
    for (name, property) in node["properties"].as_object().into_iter().flatten() {
        let at = match path {
            "" => name.clone(),
            _ => format!("{path}.{name}"),
        };
        out.push((at.clone(), resolve(schema, property).clone()));
        properties(schema, property, &at, out);
    }
}

/// `node` with `$ref` followed and `null` left out of an `anyOf` of types
/// (the article's own `anyOf`, body or url, only says what is required).
fn resolve<'s>(schema: &'s Value, node: &'s Value) -> &'s Value {
    if let Some(name) = node["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return resolve(schema, &schema["$defs"][name]);
    }
    let branches = node["anyOf"].as_array().into_iter().flatten();
    let typed = |b: &&Value| b.get("type").is_some() || b.get("$ref").is_some();
    match branches
        .into_iter()
        .filter(typed)
        .find(|b| b["type"] != "null")
    {
        Some(branch) => resolve(schema, branch),
        None => node,
    }
}

/// A value no field of this schema takes.
fn wrong_for(node: &Value) -> Value {
    let kind = match &node["type"] {
        Value::Array(kinds) => kinds.iter().find(|k| *k != "null").cloned(),
        Value::Null => None,
        kind => Some(kind.clone()),
    };
    match kind.as_ref().and_then(Value::as_str) {
        Some("string") | None => json!(7),
        Some("number" | "integer" | "boolean") => json!("seven"),
        Some("array") => json!({ "not": "a list" }),
        Some(_) => json!("text"),
    }
}

/// Sets the value at `path` (`a.b[0].c`) in `article`, making the objects
/// and one-item lists on the way where they are missing.
fn set(article: &mut Value, path: &str, value: Value) {
    let mut at = article;
    let steps: Vec<&str> = path.split('.').collect();
    for (n, step) in steps.iter().enumerate() {
        let (key, indexed) = match step.strip_suffix("[0]") {
            Some(key) => (key, true),
            None => (*step, false),
        };
        let last = n + 1 == steps.len();
        let slot = &mut at[key];
        if !indexed {
            if last {
                *slot = value;
                return;
            }
            at = slot;
            continue;
        }
        if slot.as_array().is_none_or(|items| items.is_empty()) {
            *slot = json!([{}]);
        }
        let item = &mut slot[0];
        if last {
            *item = value;
            return;
        }
        at = item;
    }
}

#[test]
fn a_value_of_the_wrong_type_anywhere_in_the_schema_is_refused_with_its_path() {
    let schema: Value = serde_json::from_str(&folio_core::schema::article_v1()).unwrap();
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    let mut found = Vec::new();
    properties(&schema, &schema, "", &mut found);
    assert!(found.len() > 40, "the walk finds the schema's properties");
    for (path, node) in found {
        let wrong = wrong_for(&node);
        let mut article = sample.clone();
        set(&mut article, &path, wrong.clone());
        let error = match model::parse(&article.to_string()) {
            Err(error) => error,
            Ok(parsed) => match parsed.support {
                Some(Err(error)) if path.starts_with("support") => error,
                _ => panic!("{path} = {wrong} was accepted"),
            },
        };
        assert_eq!(error.path, path, "{path} = {wrong}: {error}");
        assert!(
            matches!(error.problem, Problem::WrongType { .. }),
            "{path} = {wrong}: {error}"
        );
    }
}
