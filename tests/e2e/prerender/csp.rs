//! Pre-rendered pages under the strict Content-Security-Policy: it holds
//! with and without the island, and the inline stylesheet paints styled
//! under the policy with its hash (and is refused without it).

use super::{SAME_NODES, WATCH, island_prompt, server, shift_total};
use crate::browser::Browser;
use crate::server::Server;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn the_strict_policy_holds_with_and_without_the_island() {
    let server = server();
    let browser = Browser::start().await;
    browser.before_each_document(WATCH).await;
    for page in ["csp/prerendered.html", "csp/prerendered-page.html"] {
        browser.open(&server.url(page)).await;
        let before = browser.eval(SAME_NODES, vec![]).await;
        assert_eq!(before["seen"]["violations"], json!([]), "{page}: {before}");
        island_prompt(&browser, &format!("the island under the policy on {page}")).await;
        let after = browser.eval(SAME_NODES, vec![]).await;
        assert_eq!(after["seen"]["violations"], json!([]), "{page}: {after}");
        let errors: Vec<&Value> = after["seen"]["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "folio:error")
            .collect();
        assert!(errors.is_empty(), "{page}: {errors:?}");
        assert_eq!(
            after["seen"]["errors"],
            json!([]),
            "{page}: no uncaught error"
        );
    }
    browser.stop().await;
}

/// How the headline and the article are styled, and what was fetched.
const STYLED: &str = r#"
const root = document.querySelector("folio-article").shadowRoot;
const h1 = getComputedStyle(root.querySelector("h1"));
const article = getComputedStyle(root.querySelector("article"));
return {
  headline: [h1.fontFamily, h1.fontSize, h1.lineHeight],
  article: [article.maxWidth, article.paddingLeft],
  readMore: getComputedStyle(root.querySelector(".folio-read-more__link"), "::after").content,
  violations: window.__seen.violations,
  sheets: performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.endsWith(".css")),
};
"#;

/// Opens `page`; how it is styled.
async fn styled(browser: &Browser, server: &Server, page: &str) -> Value {
    browser.open(&server.url(page)).await;
    browser.eval(STYLED, vec![]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_inline_stylesheet_paints_styled_under_the_policy_with_its_hash() {
    let server = server();
    let browser = Browser::start().await;
    browser.before_each_document(WATCH).await;
    let linked = styled(&browser, &server, "csp/prerendered.html").await;
    assert_eq!(linked["violations"], json!([]), "{linked}");

    let inline = styled(&browser, &server, "inline/prerendered.html").await;
    assert_eq!(inline["violations"], json!([]), "{inline}");
    assert_eq!(inline["headline"], linked["headline"], "styled as linked");
    assert_eq!(inline["article"], linked["article"], "laid out as linked");
    assert_eq!(
        (&inline["readMore"], &linked["readMore"]),
        (&json!("\" →\""), &json!("\" →\"")),
        "the sheet's escapes read as the arrow"
    );
    assert_eq!(
        inline["sheets"],
        json!(["/inline/demo.css"]),
        "no folio.css fetched"
    );
    let first = browser.eval(SAME_NODES, vec![]).await;
    assert_eq!(
        shift_total(&first),
        0.0,
        "styled from the first frame, nothing moved after: {first}"
    );
    browser.screenshot("prerender-inline-style").await;
    island_prompt(
        &browser,
        "the island's prompt under the policy with the hash",
    )
    .await;
    let after = browser.eval(SAME_NODES, vec![]).await;
    assert_eq!(after["seen"]["violations"], json!([]), "{after}");
    assert_eq!(after["seen"]["errors"], json!([]), "{after}");
    assert!(
        !after["seen"]["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "folio:error"),
        "{after}"
    );

    // Without the hash the policy refuses the sheet: the hash is what
    // allows it.
    let refused = styled(&browser, &server, "unhashed/prerendered.html").await;
    let violations = refused["violations"].as_array().unwrap();
    assert!(
        violations
            .iter()
            .any(|v| v.as_str().unwrap().starts_with("style-src")),
        "{refused}"
    );
    assert_ne!(refused["headline"], linked["headline"], "{refused}");
    browser.stop().await;
}
