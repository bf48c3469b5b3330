//! `examples/leptos-app`, a Leptos app using Folio's `Article` component,
//! built by `cargo xtask test` and read in headless Chromium: the article
//! shows, and an edit through the app's signal changes only what changed.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::server::Server;
use crate::site::prepared;

/// The example's build, written by `cargo xtask test` before the tests run.
fn app_dist() -> PathBuf {
    prepared(
        "FOLIO_APP_DIST",
        "examples/leptos-app/dist",
        "index.html",
        "build of the example",
    )
}

/// What a reader sees of the article, and whether its nodes are the ones
/// recorded in `window.before`.
const SEEN: &str = r#"
const article = document.querySelector("article.folio");
const h1 = article.querySelector("h1");
const paragraphs = [...article.querySelectorAll(".folio-body > .folio-chunk > p")];
const before = window.before ?? {};
return {
  headline: h1.textContent,
  kicker: article.querySelector(".folio-kicker")?.textContent,
  paragraphs: paragraphs.length,
  photo: article.querySelector("img.folio-figure__image")?.naturalWidth ?? 0,
  prompt: article.querySelector(".folio-prompt aside.folio-support h2")?.textContent ?? null,
  sameHeadline: before.h1 === h1,
  sameParagraphs: !!before.paragraphs && before.paragraphs.every((p, i) => p === paragraphs[i]),
  samePrompt: !!before.prompt && before.prompt === article.querySelector("aside.folio-support"),
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_leptos_app_shows_the_article_and_its_signal_updates_only_the_headline() {
    let server = Server::start(app_dist());
    let browser = Browser::start().await;
    browser.open(&server.url("/index.html")).await;
    browser
        .wait_for(
            "const img = document.querySelector('article.folio img.folio-figure__image'); \
             return !!img && img.complete;",
            "the app to show the article and its photo",
        )
        .await;
    let sample: Value =
        serde_json::from_str(include_str!("../../www/sample/article.json")).unwrap();
    let first = browser.eval(SEEN, vec![]).await;
    assert_eq!(first["headline"], sample["headline"]);
    assert_eq!(first["kicker"], json!("Belarus"));
    assert_eq!(first["prompt"], sample["support"]["heading"]);
    assert!(first["paragraphs"].as_u64().unwrap() > 4, "{first}");
    assert!(
        first["photo"].as_u64().unwrap() > 0,
        "the photo loads from beside the article: {first}"
    );

    browser
        .eval(
            "const article = document.querySelector('article.folio'); \
             window.before = { h1: article.querySelector('h1'), \
               paragraphs: [...article.querySelectorAll('.folio-body > .folio-chunk > p')], \
               prompt: article.querySelector('aside.folio-support') }; \
             document.getElementById('edit').click();",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "return document.querySelector('article.folio h1').textContent === 'Edited live (1)';",
            "the edit to reach the headline",
        )
        .await;
    let after = browser.eval(SEEN, vec![]).await;
    assert_eq!(after["kicker"], json!("Belarus"), "{after}");
    assert_eq!(after["paragraphs"], first["paragraphs"], "{after}");
    assert_eq!(
        after["sameHeadline"],
        json!(true),
        "the h1 is kept: {after}"
    );
    assert_eq!(
        after["sameParagraphs"],
        json!(true),
        "the body is kept: {after}"
    );
    assert_eq!(
        after["samePrompt"],
        json!(true),
        "the prompt is kept: {after}"
    );
    browser.stop().await;
}
