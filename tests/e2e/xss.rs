//! The XSS corpus (`tests/e2e/xss/vectors.json`) in headless Chromium, through
//! `Folio.mount()` and `<folio-article>` inline JSON, with every vector in
//! every field it can reach, in Article JSON v1, ANS and JSON-LD. See `tests/e2e/xss/runner.js` for the audit.

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

const VECTORS: &str = include_str!("xss/vectors.json");
const SAMPLE: &str = include_str!("../../www/sample/article.json");
const ANS: &str = include_str!("../../www/sample/article.ans.json");
const JSON_LD: &str = include_str!("../../www/sample/article.jsonld.json");

#[tokio::test(flavor = "multi_thread")]
async fn no_vector_runs_script_or_leaves_markup_outside_the_allowed_set() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let count = vectors.as_array().unwrap().len();
    assert!(count >= 150, "the corpus holds {count} vectors");
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;

    let report = browser
        .eval(
            include_str!("xss/runner.js"),
            vec![
                vectors,
                serde_json::from_str(SAMPLE).unwrap(),
                json!(40),
                json!({
                    "ans": serde_json::from_str::<Value>(ANS).unwrap(),
                    "jsonld": serde_json::from_str::<Value>(JSON_LD).unwrap(),
                }),
            ],
        )
        .await;
    let cases = report["cases"].as_u64().unwrap();
    println!(
        "{count} vectors, {cases} placements, {} renders through two paths: {}",
        report["renders"], report["outcomes"]
    );
    assert_eq!(
        report["failures"],
        json!([]),
        "every placement is safe: {report}"
    );
    assert_eq!(report["renders"].as_u64(), Some(2 * cases));
    assert!(
        report["outcomes"]["render"].as_u64().unwrap() > cases / 3,
        "most placements render (refusals alone would prove little): {report}"
    );
    assert_eq!(report["flagAtEnd"], Value::Null);
    let after = browser
        .eval(
            "return { errors: folioLog.errors, own: document.getElementById('article').shadowRoot.querySelector('h1')?.textContent ?? null };",
            vec![],
        )
        .await;
    assert_eq!(after["errors"], json!([]), "no uncaught error on the page");
    assert!(
        after["own"].is_string(),
        "the page's own widget still shows its article"
    );
    browser.stop().await;
}
