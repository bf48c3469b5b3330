//! Failure stays contained: a server that misbehaves on purpose (stalls,
//! 404, 500, a web page with no JSON-LD article, an oversized body, no CORS), and a
//! panic in the core. Each failing widget shows its error and sends
//! `folio:error`; the other widgets on the page render.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::browser::Browser;
use crate::server::{Response, Server};
use crate::site::Site;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../www/sample/article.json");

fn answer(status: &'static str, content_type: &str, body: Vec<u8>) -> Option<Response> {
    Some(Response {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        body,
    })
}

/// A server that fails in every way a publisher's server can. `/stall`
/// stalls its first request for a minute, then answers.
fn faulty_server() -> Server {
    let stalls = Arc::new(AtomicUsize::new(0));
    Server::with_route(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www"),
        Box::new(move |path, _| match path {
            "/stall" => {
                if stalls.fetch_add(1, Ordering::SeqCst) == 0 {
                    std::thread::sleep(Duration::from_secs(60));
                }
                answer("200 OK", "application/json", SAMPLE.into())
            }
            "/missing" => answer("404 Not Found", "text/plain", b"no such article".to_vec()),
            "/broken" => answer("500 Internal Server Error", "text/plain", b"oops".to_vec()),
            "/page" => answer(
                "200 OK",
                "text/html; charset=utf-8",
                b"<!doctype html><title>Sign in</title><p>Please sign in".to_vec(),
            ),
            "/page-as-json" => answer(
                "200 OK",
                "application/json",
                b"\n  <html><body>Error</body></html>".to_vec(),
            ),
            "/huge" => answer("200 OK", "application/json", vec![b' '; 17 << 20]),
            "/not-json" => answer("200 OK", "application/json", b"{\"id\": \"x\",".to_vec()),
            "/no-cors" => Some(Response {
                status: "200 OK",
                headers: vec![
                    ("Content-Type".into(), "application/json".into()),
                    (
                        "Access-Control-Allow-Origin".into(),
                        "https://somewhere-else.example".into(),
                    ),
                ],
                body: SAMPLE.into(),
            }),
            _ => None,
        }),
    )
}

/// What each widget on the page shows, and the events and errors so far.
const STATE: &str = r#"
const state = {};
for (const el of document.querySelectorAll("folio-article, .mounted")) {
  const root = el.shadowRoot;
  state[el.id] = {
    headline: root?.querySelector("h1")?.textContent ?? null,
    error: root?.querySelector("[role=alert]")?.textContent ?? null,
    retry: !!root?.querySelector(".folio-error__retry"),
  };
}
return { state, events: folioLog.events.filter((e) => e.type === "folio:error")
                       .map((e) => [e.target, e.detail.message]),
         errors: folioLog.errors };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn every_server_fault_shows_an_error_and_the_other_widgets_render() {
    let site = Site::start();
    let faults = faulty_server();
    let browser = Browser::start().await;
    browser.open(&site.page("plain.html")).await;
    let cases = [
        ("stall", "stall", "no answer within 1.5 s"),
        ("missing", "missing", "the server answered 404 Not Found"),
        (
            "broken",
            "broken",
            "the server answered 500 Internal Server Error",
        ),
        ("page", "page", "is a web page with no JSON-LD"),
        (
            "page-as-json",
            "page-as-json",
            "is a web page with no JSON-LD",
        ),
        (
            "huge",
            "huge",
            "it is 17,825,792 bytes; the most Folio reads is 16,777,216 bytes (16 MB).",
        ),
        ("not-json", "not-json", "is not valid JSON"),
        ("no-cors", "no-cors", "not allowed by CORS"),
        ("refused", "refused", "the request failed"),
    ];
    for (id, route, _) in &cases {
        let src = if *route == "refused" {
            // A port nothing listens on.
            "http://127.0.0.1:9/article.json".to_string()
        } else {
            faults.url(route)
        };
        browser
            .eval(
                "const el = document.createElement('folio-article'); \
                 el.id = arguments[0]; el.setAttribute('timeout', '1500'); \
                 el.setAttribute('src', arguments[1]); document.body.append(el);",
                vec![json!(id), json!(src)],
            )
            .await;
    }
    let done = format!(
        "return folioLog.events.filter((e) => e.type === 'folio:error').length >= {} \
           && !!document.getElementById('article').shadowRoot.querySelector('h1');",
        cases.len()
    );
    browser.wait_for(&done, "every fault to be reported").await;
    let seen = browser.eval(STATE, vec![]).await;

    assert_eq!(
        seen["state"]["article"]["headline"],
        serde_json::from_str::<Value>(SAMPLE).unwrap()["headline"],
        "the healthy widget renders: {seen}"
    );
    for (id, _, expected) in &cases {
        let widget = &seen["state"][id];
        let error = widget["error"].as_str().unwrap_or_default();
        assert!(
            error.starts_with("This article could not be shown") && error.contains(expected),
            "#{id} shows \"{expected}\": {widget}"
        );
        let sent: Vec<_> = seen["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e[0] == *id)
            .collect();
        assert_eq!(sent.len(), 1, "#{id} sends one folio:error: {seen}");
        assert!(
            sent[0][1].as_str().unwrap().contains(expected),
            "#{id}'s event names the fault: {sent:?}"
        );
        // Fetch failures can be tried again; bad content cannot.
        let content = ["not-json", "page", "page-as-json"].contains(id);
        assert_eq!(widget["retry"], !content, "#{id}: {widget}");
    }
    assert_eq!(seen["errors"], json!([]), "no uncaught error on the page");

    // The stalled server now answers: "Try again" loads the article.
    browser
        .eval(
            "document.getElementById('stall').shadowRoot.querySelector('.folio-error__retry').click();",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "return document.getElementById('stall').shadowRoot.querySelector('h1')?.textContent;",
            "the retried article",
        )
        .await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_is_reported_and_the_widget_says_so() {
    // A bug on demand: the release core has no such hook.
    let site = Site::serving(crate::site::dist_with_test_hooks());
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    // The same module instance `folio.js` loaded, from beside it.
    browser
        .eval(
            "return import(arguments[0]).then((core) => { core.__folioPanicOnNextRender(); \
               for (const id of ['first', 'second']) { \
                 const el = document.createElement('div'); el.id = id; el.className = 'mounted'; \
                 document.body.append(el); Folio.mount(el, arguments[1]); \
               } });",
            vec![
                json!(site.folio.url("core/folio.js")),
                serde_json::from_str::<Value>(SAMPLE).unwrap(),
            ],
        )
        .await;
    browser
        .wait_for(
            "return folioLog.events.filter((e) => e.type === 'folio:error').length >= 2;",
            "both failures to be reported",
        )
        .await;
    let seen = browser.eval(STATE, vec![]).await;
    assert!(
        seen["state"]["article"]["headline"].is_string(),
        "the widget rendered before stays: {seen}"
    );
    for id in ["first", "second"] {
        let error = seen["state"][id]["error"].as_str().unwrap_or_default();
        assert!(
            error.contains("The reader hit an internal error"),
            "#{id} says it failed: {seen}"
        );
    }
    let console = seen["errors"].as_array().unwrap();
    assert!(
        console.iter().any(|e| e
            .as_str()
            .unwrap()
            .contains("a deliberate panic, asked for by a test")),
        "the panic's message reaches the console: {console:?}"
    );
    assert!(
        seen["events"][0][1]
            .as_str()
            .unwrap()
            .starts_with("Folio hit an internal error"),
        "{seen}"
    );
    browser.stop().await;
}
