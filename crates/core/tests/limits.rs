//! The limits: each refused before parsing, with the path of the field.
#![cfg(not(target_arch = "wasm32"))]

use folio_core::error::Problem;
use folio_core::limits::{self, MAX_BODY_BYTES, MAX_JSON_DEPTH, MAX_JSON_VALUES, MAX_TEXT_BYTES};
use folio_core::model;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../www/sample/article.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

fn refused(json: &str) -> (String, String) {
    let error = model::parse(json).expect_err("over a limit");
    assert!(
        matches!(error.problem, Problem::Limit(_)),
        "a limit error: {error}"
    );
    (error.path.clone(), error.to_string())
}

#[test]
fn the_sample_is_well_within_every_limit() {
    assert_eq!(limits::check(SAMPLE), Ok(()));
}

#[test]
fn a_body_at_its_limit_is_accepted_and_one_byte_more_is_refused() {
    let mut article = sample();
    article["body"] = json!("a".repeat(MAX_BODY_BYTES));
    assert!(model::parse(&article.to_string()).is_ok());
    article["body"] = json!("a".repeat(MAX_BODY_BYTES + 1));
    let (path, message) = refused(&article.to_string());
    assert_eq!(path, "body");
    assert_eq!(
        message,
        "`body` is 2,097,153 bytes long; the most Folio reads is 2,097,152 bytes (2 MB)."
    );
}

#[test]
fn a_ten_megabyte_body_names_the_body() {
    let mut article = sample();
    article["body"] = json!("word ".repeat(2 << 20));
    let (path, message) = refused(&article.to_string());
    assert_eq!(path, "body");
    assert!(
        message
            .contains("is 10,485,760 bytes long; the most Folio reads is 2,097,152 bytes (2 MB)"),
        "{message}"
    );
}

#[test]
fn other_text_has_a_smaller_limit_named_by_its_path() {
    let mut article = sample();
    article["support"]["amounts"][1]["label"] = json!("x".repeat(MAX_TEXT_BYTES + 1));
    assert_eq!(refused(&article.to_string()).0, "support.amounts[1].label");
    let mut article = sample();
    article["support"]["body"] = json!("x".repeat(MAX_TEXT_BYTES + 1));
    assert_eq!(refused(&article.to_string()).0, "support.body");
    let mut article = sample();
    article["headline"] = json!("x".repeat(MAX_TEXT_BYTES));
    assert!(model::parse(&article.to_string()).is_ok());
}

#[test]
fn deep_json_is_refused_at_the_limit_with_its_path() {
    let mut article = sample();
    let mut deep = json!(1);
    for _ in 0..MAX_JSON_DEPTH - 2 {
        // With the article object and the outer array below: 32 levels.
        deep = json!([deep]);
    }
    article["extra"] = json!([deep.clone()]);
    assert!(model::parse(&article.to_string()).is_ok(), "at the limit");
    article["extra"] = json!([[deep]]);
    let (path, message) = refused(&article.to_string());
    assert!(path.starts_with("extra[0][0]"), "{path}");
    assert!(message.contains("more than 32 deep"), "{message}");
}

#[test]
fn json_ten_thousand_deep_is_refused_with_a_cut_path() {
    let json = format!(
        "{{\"headline\": {}1{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (path, _) = refused(&json);
    assert!(path.starts_with("headline[0]"), "{path}");
    assert!(path.ends_with('…'), "a deep path is cut short: {path}");
}

#[test]
fn too_many_values_are_refused() {
    let mut article = sample();
    article["extra"] = json!(vec![0; MAX_JSON_VALUES]);
    let (path, message) = refused(&article.to_string());
    assert!(path.starts_with("extra["), "{path}");
    assert!(
        message.contains(&format!("{MAX_JSON_VALUES} values")),
        "{message}"
    );
    article["extra"] = json!(vec![0; MAX_JSON_VALUES - 200]);
    assert!(model::parse(&article.to_string()).is_ok());
}

#[test]
fn a_huge_document_is_refused_as_a_whole() {
    let json = format!("{{\"x\": \"{}\"}}", " ".repeat(limits::MAX_ARTICLE_BYTES));
    let (path, message) = refused(&json);
    assert_eq!(path, "");
    assert!(
        message.starts_with(
            "The article is 16,777,225 bytes long; the most Folio reads is 16,777,216 bytes (16 MB)"
        ),
        "{message}"
    );
}

#[test]
fn escapes_and_odd_text_do_not_confuse_the_scan() {
    for text in [
        r#"{"a": "\"}{[[[[", "b": "\\"}"#,
        r#"{"a": "unterminated"#,
        "]]]]}}}}",
        "\"\\",
        "",
        "[1,2,,,]",
        "nul",
    ] {
        // Only measured: the parser reports malformed JSON, with its position.
        assert_eq!(limits::check(text), Ok(()), "{text:?}");
    }
    let mut article = sample();
    article["headline"] = json!("]]]]}}}} \" [[[[{{{{ \\");
    assert!(model::parse(&article.to_string()).is_ok());
}

fn depth(node: &folio_core::html::Node) -> usize {
    match node {
        folio_core::html::Node::Element(e) => 1 + e.children.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn markdown_ten_thousand_deep_renders_flattened_with_its_text() {
    let n = 10_000;
    for (kind, markdown) in [
        ("lists", "- ".repeat(n) + "deepest"),
        ("quotes", ">".repeat(n) + " deepest"),
        ("emphasis", "*".repeat(n) + "deepest" + &"*".repeat(n)),
        (
            "links",
            "[".repeat(n) + "deepest" + &"](https://x.example/)".repeat(n),
        ),
        (
            "indented lists",
            (0..2_000)
                .map(|i| format!("{}- deepest\n", "  ".repeat(i)))
                .collect(),
        ),
    ] {
        let document = folio_core::markdown::render(&markdown);
        let deepest = document.blocks.iter().map(|b| depth(b)).max().unwrap_or(0);
        assert!(
            deepest <= folio_core::markdown::MAX_DEPTH,
            "{kind}: {deepest} deep"
        );
        assert!(
            document.to_html().contains("deepest"),
            "{kind} keeps its text"
        );
    }
}

/// The sample as JSON text without its body, and the body.
fn split_sample() -> (String, String) {
    let mut article = sample();
    let body = article["body"].as_str().unwrap().to_string();
    article.as_object_mut().unwrap().remove("body");
    (article.to_string(), body)
}

#[test]
fn a_body_given_apart_reads_as_the_same_article() {
    let (rest, body) = split_sample();
    let apart = model::parse_with_body(&rest, Some(&body)).unwrap();
    assert_eq!(apart, model::parse(SAMPLE).unwrap());
}

#[test]
fn a_body_given_apart_has_the_same_limit_and_errors() {
    let (rest, _) = split_sample();
    let at_limit = "a".repeat(MAX_BODY_BYTES);
    assert!(model::parse_with_body(&rest, Some(&at_limit)).is_ok());
    let over = "a".repeat(MAX_BODY_BYTES + 1);
    let error = model::parse_with_body(&rest, Some(&over)).expect_err("over the limit");
    assert_eq!(error.path, "body");
    assert_eq!(
        error.to_string(),
        "`body` is 2,097,153 bytes long; the most Folio reads is 2,097,152 bytes (2 MB)."
    );
    let blank = model::parse_with_body(&rest, Some("  ")).expect_err("blank");
    assert_eq!(
        (blank.path.as_str(), blank.problem),
        ("body", Problem::Empty)
    );
    let twice = model::parse_with_body(SAMPLE, Some("Also a body.")).expect_err("twice");
    assert_eq!(
        (twice.path.as_str(), twice.problem),
        ("body", Problem::Duplicate)
    );
}
