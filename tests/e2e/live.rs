//! Live stories: a `<folio-article src live>` asks for its article again
//! while the page is visible, letting the browser revalidate (the server
//! answers 304 while nothing changed), shows a change through the update
//! path (the blocks it left alone keep their nodes), tells a reader who
//! has scrolled past the top with a polite "Show new updates (N)" that
//! takes them to the first change, asks nothing while the page is hidden
//! or the element is gone, and waits longer after errors.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::server::{Response, Server};
use crate::site::dist;

/// What the live article's server holds and has seen.
#[derive(Default)]
struct Newsroom {
    /// The article's version now (its ETag is `"v<version>"`).
    version: usize,
    /// Whether it answers 500 instead.
    failing: bool,
    /// Each request for the article: when, and its `If-None-Match`.
    asked: Vec<(Instant, Option<String>)>,
    /// How many of them were answered 304.
    unchanged: usize,
}

/// The article at `version`: the sample whose third paragraph, from
/// version 2 on, is rewritten and followed by a new one.
fn article(version: usize) -> String {
    let text = std::fs::read_to_string(dist().join("sample/article.json")).unwrap();
    let mut article: Value = serde_json::from_str(&text).unwrap();
    article.as_object_mut().unwrap().remove("support");
    if version >= 2 {
        let body = article["body"].as_str().unwrap();
        let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
        paragraphs[2] = "UPDATE: Crowds gathered again on Sunday evening.".into();
        paragraphs.insert(3, "A second update, a paragraph of its own.".into());
        article["body"] = json!(paragraphs.join("\n\n"));
    }
    article.to_string()
}

/// Serves the release, `/live.html` (a tall page with the live article
/// in its middle) and `/live.json` as the newsroom holds it.
fn server(newsroom: Arc<Mutex<Newsroom>>) -> Server {
    Server::with_header_route(
        dist(),
        Box::new(move |path: &str, headers: &[(String, String)], _: &Path| {
            let html = |body: &str| Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                body: body.as_bytes().to_vec(),
            };
            match path {
                "/live.html" => Some(html(
                    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Live</title>\
                     <script type=\"module\" src=\"/folio.js\"></script>\
                     <p style=\"height: 600px\">Before</p>\
                     <folio-article src=\"/live.json\" live=\"5\" support=\"off\"></folio-article>\
                     <p style=\"height: 2000px\">After</p></html>",
                )),
                "/live.json" => {
                    let mut room = newsroom.lock().ok()?;
                    let asked = headers
                        .iter()
                        .find(|(name, _)| name == "if-none-match")
                        .map(|(_, value)| value.clone());
                    room.asked.push((Instant::now(), asked.clone()));
                    let etag = format!("\"v{}\"", room.version);
                    let cache = |status, body: Vec<u8>| Response {
                        status,
                        headers: vec![
                            ("Content-Type".into(), "application/json".into()),
                            ("ETag".into(), etag.clone()),
                            ("Cache-Control".into(), "no-cache".into()),
                        ],
                        body,
                    };
                    if room.failing {
                        return Some(Response {
                            status: "500 Internal Server Error",
                            headers: Vec::new(),
                            body: b"down".to_vec(),
                        });
                    }
                    if asked.as_deref() == Some(etag.as_str()) {
                        room.unchanged += 1;
                        return Some(cache("304 Not Modified", Vec::new()));
                    }
                    Some(cache("200 OK", article(room.version).into_bytes()))
                }
                _ => None,
            }
        }),
    )
}

/// What the reader sees of the live article: its paragraphs, whether the
/// first one is still the node it was, the toast, and what has focus.
const SEEN: &str = r#"
const root = document.querySelector("folio-article").shadowRoot;
const paragraphs = [...root.querySelectorAll(".folio-body p")];
window.__first ??= paragraphs[0];
const status = root.querySelector(".folio-live");
return {
  paragraphs: paragraphs.map((p) => p.textContent),
  sameFirst: window.__first === paragraphs[0],
  status: status && { role: status.getAttribute("role"), hidden: status.hidden, text: status.textContent },
  focus: root.activeElement?.textContent ?? null,
  top: root.activeElement ? Math.round(root.activeElement.getBoundingClientRect().top) : null,
  visibility: document.visibilityState,
};
"#;

/// How many requests for the article the newsroom has seen.
fn asked(newsroom: &Arc<Mutex<Newsroom>>) -> usize {
    newsroom.lock().unwrap().asked.len()
}

/// Waits until the newsroom has seen `count` requests.
async fn until_asked(newsroom: &Arc<Mutex<Newsroom>>, count: usize, what: &str) {
    let started = Instant::now();
    while asked(newsroom) < count {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what}: {} requests",
            asked(newsroom)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A newsroom at version 1 (failing from the start when `failing`), its
/// server, and a browser on `/live.html` once the widget shows `shown`
/// (a selector in its shadow root).
async fn live_page(failing: bool, shown: &str) -> (Arc<Mutex<Newsroom>>, Server, Browser) {
    let newsroom = Arc::new(Mutex::new(Newsroom {
        version: 1,
        failing,
        ..Newsroom::default()
    }));
    let server = server(newsroom.clone());
    let browser = Browser::start().await;
    browser.resize(1000, 700).await;
    browser.open(&server.url("live.html")).await;
    let script = format!(
        "return !!document.querySelector('folio-article').shadowRoot.querySelector('{shown}');"
    );
    browser.wait_for(&script, shown).await;
    (newsroom, server, browser)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_article_revalidates_shows_a_change_in_place_and_rests_while_hidden() {
    let (newsroom, _server, browser) = live_page(false, ".folio-body p").await;
    let first = browser.eval(SEEN, vec![]).await;

    // Unchanged: the browser revalidates with the ETag, the server answers
    // 304, and nothing on the page moves.
    until_asked(&newsroom, 2, "a second ask").await;
    let again = browser.eval(SEEN, vec![]).await;
    {
        let room = newsroom.lock().unwrap();
        assert_eq!(room.asked[1].1.as_deref(), Some("\"v1\""), "revalidated");
        assert_eq!(room.unchanged, 1);
    }
    assert_eq!(again["paragraphs"], first["paragraphs"]);
    assert_eq!(again["sameFirst"], true);
    assert_eq!(again["status"], Value::Null, "no change, no toast");

    // Changed, with the reader past the article's top: the change is in
    // place, the first paragraph the same node, and the toast says so.
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelectorAll('.folio-body p')[4].scrollIntoView();",
            vec![],
        )
        .await;
    newsroom.lock().unwrap().version = 2;
    let updated = browser
        .wait_for(
            &format!(
                "const seen = (() => {{ {SEEN} }})(); return seen.status?.text ? seen : null;"
            ),
            "the toast",
        )
        .await;
    let paragraphs = updated["paragraphs"].as_array().unwrap();
    assert_eq!(
        paragraphs[2],
        "UPDATE: Crowds gathered again on Sunday evening."
    );
    assert_eq!(paragraphs[3], "A second update, a paragraph of its own.");
    assert_eq!(
        updated["sameFirst"], true,
        "unchanged paragraphs keep their nodes"
    );
    assert_eq!(
        updated["status"],
        json!({ "role": "status", "hidden": false, "text": "Show new updates (2)" })
    );
    browser.screenshot("live-toast").await;
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelector('.folio-live button').click();",
            vec![],
        )
        .await;
    let taken = browser.eval(SEEN, vec![]).await;
    assert_eq!(
        taken["focus"], "UPDATE: Crowds gathered again on Sunday evening.",
        "the button takes the reader to the first change: {taken}"
    );
    assert!(
        taken["top"].as_i64().is_some_and(|top| top.abs() <= 2),
        "the first change at the top of the window: {taken}"
    );
    assert_eq!(taken["status"]["text"], "", "the toast goes once used");

    // Hidden (the window minimized): nothing is asked for.
    browser.driver.minimize_window().await.unwrap();
    let hidden = browser.eval(SEEN, vec![]).await;
    assert_eq!(hidden["visibility"], "hidden", "{hidden}");
    let before = asked(&newsroom);
    tokio::time::sleep(Duration::from_secs(12)).await;
    assert_eq!(
        asked(&newsroom),
        before,
        "no request while the page is hidden"
    );
    // Shown again (the window restored): it asks again.
    browser.resize(1000, 700).await;
    let shown = browser.eval(SEEN, vec![]).await;
    assert_eq!(shown["visibility"], "visible", "{shown}");
    until_asked(&newsroom, before + 1, "an ask once the page shows again").await;

    // Gone from the page: nothing more is asked for.
    browser
        .eval("document.querySelector('folio-article').remove();", vec![])
        .await;
    let gone = asked(&newsroom);
    tokio::time::sleep(Duration::from_secs(12)).await;
    assert_eq!(
        asked(&newsroom),
        gone,
        "no request once the element is gone"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_article_waits_longer_after_each_error_and_keeps_what_it_shows() {
    let (newsroom, _server, browser) = live_page(false, ".folio-body p").await;
    let shown = browser.eval(SEEN, vec![]).await;
    newsroom.lock().unwrap().failing = true;
    let from = asked(&newsroom);
    until_asked(&newsroom, from + 3, "three failed asks").await;
    let times: Vec<Instant> = newsroom.lock().unwrap().asked[from..from + 3]
        .iter()
        .map(|(at, _)| *at)
        .collect();
    let (first, second) = (times[1] - times[0], times[2] - times[1]);
    assert!(
        second > first + Duration::from_secs(3),
        "after a second error the wait doubles: {first:?} then {second:?}"
    );
    let after = browser.eval(SEEN, vec![]).await;
    assert_eq!(
        after["paragraphs"], shown["paragraphs"],
        "errors leave the article as it was"
    );
    assert_eq!(after["sameFirst"], true);
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_article_whose_first_load_failed_shows_the_first_good_answer() {
    let (newsroom, _server, browser) = live_page(true, ".folio-error").await;
    newsroom.lock().unwrap().failing = false;
    let shown = browser
        .wait_for(
            &format!(
                "const seen = (() => {{ {SEEN} }})(); return seen.paragraphs.length ? seen : null;"
            ),
            "the article, once the server answers",
        )
        .await;
    assert_eq!(
        shown["paragraphs"].as_array().map(Vec::len),
        Some(9),
        "{shown}"
    );
    browser.stop().await;
}
