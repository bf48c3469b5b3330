//! The malformed-input corpus in headless Chromium: every case gives either
//! a correct render or an error naming the field, never a panic or an
//! uncaught exception, and the page and its other widget are unharmed.

mod cases;

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../www/sample/article.json");

use cases::CASES;
use cases::Expect::{self, *};

#[tokio::test(flavor = "multi_thread")]
async fn malformed_input_gives_a_render_or_an_error_naming_the_field() {
    assert!(CASES.len() >= 50, "{} cases", CASES.len());
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    let cases: Vec<Value> = CASES.iter().map(|(n, e, _)| json!([n, e])).collect();
    let results = browser
        .eval(
            include_str!("malformed/runner.js"),
            vec![json!(cases), serde_json::from_str(SAMPLE).unwrap()],
        )
        .await;

    let mut failures = Vec::new();
    for (name, _, expect) in CASES {
        let result = &results[name];
        assert!(result["build"].is_null(), "{name}: {result}");
        // Every input goes through mount(); text also inline.
        let text = result["text"].as_bool();
        assert!(text.is_some(), "{name}: the runner returned {result}");
        let paths: &[&str] = if text == Some(true) {
            &["mount", "inline"]
        } else {
            &["mount"]
        };
        for path in paths {
            let seen = &result[path];
            if let Err(why) = judge(*expect, seen) {
                failures.push(format!("{name} via {path}: {why}; saw {seen}"));
            }
        }
    }
    let mut slow: Vec<_> = CASES
        .iter()
        .map(|(n, _, _)| (results[n]["ms"].as_u64().unwrap_or(0), *n))
        .collect();
    slow.sort();
    println!(
        "slowest cases (ms, both paths): {:?}",
        &slow[slow.len() - 5..]
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let page = browser
        .eval(
            "return { errors: folioLog.errors, \
                      title: document.querySelector('.host-title').textContent, \
                      own: document.getElementById('article').shadowRoot.querySelector('h1')?.textContent ?? null };",
            vec![],
        )
        .await;
    assert_eq!(page["errors"], json!([]), "no uncaught error on the page");
    assert_eq!(page["title"], "A publisher's page");
    assert!(
        page["own"].is_string(),
        "the other widget still shows its article"
    );
    browser.stop().await;
}

fn judge(expect: Expect, seen: &Value) -> Result<(), String> {
    let events = seen["events"].as_array().cloned().unwrap_or_default();
    let errors: Vec<&Value> = events
        .iter()
        .filter(|e| e["type"] == "folio:error")
        .collect();
    let rendered =
        events.iter().any(|e| e["type"] == "folio:render") && seen["headline"].is_string();
    let error_path = errors.first().map(|e| e["path"].as_str().unwrap_or(""));
    let alert = seen["alert"].as_str().unwrap_or("");
    match expect {
        Renders if rendered && errors.is_empty() => Ok(()),
        Renders => Err("should render without error".into()),
        Support(path)
            if rendered
                && !seen["prompt"].as_bool().unwrap_or(true)
                && error_path == Some(path) =>
        {
            Ok(())
        }
        Support(path) => Err(format!(
            "should render without the prompt, reporting `{path}`"
        )),
        Card if rendered
            && errors.is_empty()
            && seen["blocks"] == 0
            && seen["prompt"] == false
            && seen["continues"] == "Continue reading at The Moscow Times" =>
        {
            Ok(())
        }
        Card => Err("should render as a card".into()),
        _ if rendered => Err("should not render".into()),
        _ if !alert.starts_with("This article could not be shown") => Err("no error state".into()),
        Whole if error_path == Some("") => Ok(()),
        Field(path) if error_path == Some(path) && alert.contains(&format!("`{path}`")) => Ok(()),
        FieldStarting(prefix) if error_path.is_some_and(|p| p.starts_with(prefix)) => Ok(()),
        _ => Err(format!("{expect:?} expected")),
    }
}
