//! The support island on pre-rendered pages: it shows the prompt near the
//! viewport and a snooze holds, and its prompt is the widget's own in the
//! article's language, chosen with the arrow keys without scrolling.

use std::path::Path;
use std::time::Duration;

use super::{SAME_NODES, WATCH, center, island_prompt, server};
use crate::browser::Browser;
use crate::server::Server;
use crate::site::dist;
use serde_json::{Value, json};

/// The prompt of the pre-rendered page, as the island shows it.
const PROMPT: &str = r#"
const root = document.querySelector("folio-article").shadowRoot;
const aside = root.querySelector("aside.folio-support");
return {
  shown: !!aside,
  amounts: [...root.querySelectorAll("[role=radio]")].map((b) => b.textContent),
  cta: root.querySelector(".folio-support__cta")?.href ?? null,
  later: root.querySelector(".folio-support__later")?.textContent ?? null,
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_island_shows_the_prompt_near_the_viewport_and_a_snooze_holds() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.before_each_document(WATCH).await;
    browser.open(&server.url("prerendered.html")).await;
    island_prompt(&browser, "the island's prompt").await;
    let prompt = browser.eval(PROMPT, vec![]).await;
    assert_eq!(
        prompt["amounts"],
        json!(["$2 / month", "$10 / month", "$25 / month", "$50 once"])
    );
    assert_eq!(prompt["later"], "Remind me later");
    assert!(
        prompt["cta"]
            .as_str()
            .unwrap()
            .contains("amount=2&frequency=monthly&campaign=favor-2024"),
        "{prompt}"
    );
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelectorAll('[role=radio]')[1].click();",
            vec![],
        )
        .await;
    let chosen = browser.eval(PROMPT, vec![]).await;
    assert!(
        chosen["cta"].as_str().unwrap().contains("amount=10"),
        "{chosen}"
    );
    center(&browser, "aside.folio-support").await;
    browser
        .wait_for(
            "return window.__seen.events.some((e) => e.type === 'folio:support-view');",
            "the prompt's view",
        )
        .await;
    browser.screenshot("prerender-island-prompt").await;
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelector('.folio-support__later').click();",
            vec![],
        )
        .await;
    let after = browser.eval(PROMPT, vec![]).await;
    assert_eq!(after["shown"], false, "snoozed: {after}");
    let report = browser.eval(SAME_NODES, vec![]).await;
    let kinds: Vec<&str> = report["seen"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"folio:support-dismiss"), "{kinds:?}");
    assert!(
        report["seen"]["promptAt"].is_number(),
        "the prompt appeared: {report}"
    );
    let stored = browser
        .eval(
            "return localStorage.getItem('folio:v1:support:favor-2024');",
            vec![],
        )
        .await;
    assert!(stored.as_str().unwrap().contains("\"until\""), "{stored}");

    // The reader comes back: the prompt never shows, not for a frame.
    browser.open(&server.url("prerendered.html")).await;
    center(&browser, "[data-island]").await;
    browser
        .wait_for(
            "return performance.getEntriesByType('resource').some((e) => e.name.endsWith('folio-island_bg.wasm'));",
            "the island to load",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let again = browser.eval(SAME_NODES, vec![]).await;
    assert_eq!(
        again["seen"]["promptAt"],
        Value::Null,
        "never shown: {again}"
    );
    browser.stop().await;
}

/// Each prompt on the page, by element: its text and controls as a
/// reader and a screen reader get them, and the first sum as the server
/// wrote it (in the template, for the island).
const PROMPTS: &str = r#"
return [...document.querySelectorAll("folio-article")].map((element) => {
  const aside = element.shadowRoot.querySelector("aside.folio-support");
  const template = element.shadowRoot.querySelector("[data-island] template");
  return {
    text: aside?.textContent ?? null,
    dir: aside ? getComputedStyle(aside).direction : null,
    amounts: [...(aside?.querySelectorAll("[role=radio]") ?? [])].map((b) => [b.textContent, b.getAttribute("aria-checked"), b.tabIndex]),
    labels: [...(aside?.querySelectorAll("[aria-label]") ?? [])].map((e) => e.getAttribute("aria-label")),
    cta: aside?.querySelector(".folio-support__cta").href ?? null,
    written: template?.content.querySelector("[role=radio]").textContent ?? null,
  };
});
"#;

/// The Arabic sample twice on one page: pre-rendered (`folio render
/// --embed`, its prompt shown by the island) and from its JSON (the
/// widget's own prompt). The reader gets the same prompt from both, its
/// sums formatted by the browser in Arabic although the server, without
/// `Intl`, wrote them the English way; the island's arrow keys choose
/// without scrolling the page, as the widget's do.
#[tokio::test(flavor = "multi_thread")]
async fn the_islands_prompt_is_the_widgets_in_the_articles_language() {
    use thirtyfour::prelude::Key;
    let server = twice();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.open(&server.url("twice.html")).await;
    center(&browser, "[data-island]").await;
    let both = "return [...document.querySelectorAll('folio-article')]\
                .every((e) => e.shadowRoot?.querySelector('aside.folio-support'));";
    browser.wait_for(both, "both prompts").await;
    let prompts = browser.eval(PROMPTS, vec![]).await;
    let (island, widget) = (&prompts[0], &prompts[1]);
    assert!(island["text"].is_string(), "{prompts}");
    assert_eq!(island["text"], widget["text"], "the same words");
    assert_eq!(island["amounts"], widget["amounts"], "the same amounts");
    assert_eq!(island["labels"], widget["labels"]);
    assert_eq!(island["cta"], widget["cta"]);
    assert_eq!(
        (&island["dir"], &widget["dir"]),
        (&json!("rtl"), &json!("rtl"))
    );
    let shown = island["amounts"][0][0].as_str().unwrap();
    let written = island["written"].as_str().unwrap();
    assert_ne!(shown, written, "the island formats the sums again");
    assert!(written.contains("$2"), "{written}");
    browser.screenshot("prerender-island-ar").await;

    // The keyboard, on the island's prompt: the choice moves, the page stays.
    let focus = "const r = document.querySelector('folio-article').shadowRoot; \
                 r.querySelector('[role=radio][aria-checked=true]').focus(); return scrollY;";
    let before = browser.eval(focus, vec![]).await;
    browser.press(Key::Down).await;
    let after = browser
        .eval(
            "const r = document.querySelector('folio-article').shadowRoot; \
             const radios = [...r.querySelectorAll('[role=radio]')]; \
             return { scroll: scrollY, checked: radios.map((b) => b.getAttribute('aria-checked')), \
                      focused: radios.indexOf(r.activeElement), cta: r.querySelector('.folio-support__cta').href };",
            vec![],
        )
        .await;
    assert_eq!(
        after["checked"],
        json!(["false", "true", "false", "false"]),
        "{after}"
    );
    assert_eq!(after["focused"], 1, "focus follows the choice");
    assert!(
        after["cta"].as_str().unwrap().contains("amount=10"),
        "{after}"
    );
    assert_eq!(
        after["scroll"], before,
        "the arrow key does not scroll the page"
    );
    browser.stop().await;
}

/// Serves `/twice.html`: the Arabic sample pre-rendered (`folio render
/// --embed`), then the same sample from its JSON in a `<folio-article>`.
pub(super) fn twice() -> Server {
    use folio_render::{Options, render};
    let article = std::fs::read_to_string(dist().join("sample/article.ar.json")).unwrap();
    let options = Options {
        assets: "/".into(),
        base: Some("/sample/article.ar.json".into()),
        ..Options::default()
    };
    let embed = render(&article, &options).unwrap().text;
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Twice</title>\
         <script type=\"module\" src=\"/folio.js\"></script></head><body>{embed}\
         <folio-article src=\"/sample/article.ar.json\"></folio-article></body></html>"
    );
    Server::with_route(
        dist(),
        Box::new(move |path: &str, _: &Path| {
            (path == "/twice.html").then(|| crate::server::Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                body: page.clone().into_bytes(),
            })
        }),
    )
}

/// Serves `dist/` under `/flaky/…`, where the island's WebAssembly fails
/// (503) for its first two seconds, and `/down/…`, where it always fails.
fn failing_island() -> Server {
    use std::sync::{Arc, Mutex};
    use std::time::Instant;
    let first = Arc::new(Mutex::new(None::<Instant>));
    let unavailable = || crate::server::Response {
        status: "503 Service Unavailable",
        headers: Vec::new(),
        body: b"try again".to_vec(),
    };
    Server::with_route(
        dist(),
        Box::new(move |path: &str, root: &Path| {
            let island = path.ends_with("/core/folio-island_bg.wasm");
            if let Some(rest) = path.strip_prefix("/down") {
                return Some(if island {
                    unavailable()
                } else {
                    crate::server::file(root, rest)
                });
            }
            let rest = path.strip_prefix("/flaky")?;
            if island {
                let mut first = first.lock().ok()?;
                let since = first.get_or_insert_with(Instant::now).elapsed();
                if since < Duration::from_secs(2) {
                    return Some(unavailable());
                }
            }
            Some(crate::server::file(root, rest))
        }),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn an_island_that_failed_to_load_is_asked_for_again_and_one_that_cannot_is_reported() {
    let server = failing_island();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.before_each_document(WATCH).await;
    let island_requests = || {
        let requests = server.requests();
        let of = |prefix: &str| {
            requests
                .iter()
                .filter(|r| r.starts_with(prefix) && r.ends_with("/core/folio-island_bg.wasm"))
                .count()
        };
        (of("/flaky/"), of("/down/"))
    };

    // A failure at first: the prompt comes all the same, with no error.
    browser.open(&server.url("flaky/prerendered.html")).await;
    island_prompt(&browser, "the island's prompt after a failed load").await;
    let report = browser.eval(SAME_NODES, vec![]).await;
    let errors: Vec<&Value> = report["seen"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "folio:error")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let (flaky, _) = island_requests();
    assert!(
        flaky >= 2,
        "the island was asked for again: {flaky} requests"
    );

    // A lasting failure: one error the host hears, and the article stays.
    browser.open(&server.url("down/prerendered.html")).await;
    center(&browser, "[data-island]").await;
    let error = browser
        .wait_for(
            "return window.__seen.events.find((e) => e.type === 'folio:error')?.detail ?? null;",
            "the island's error",
        )
        .await;
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("Folio's support prompt could not start"),
        "{error}"
    );
    let (_, down) = island_requests();
    assert!(
        down >= 2,
        "asked for twice before giving up: {down} requests"
    );
    let page = browser
        .eval(
            "const root = document.querySelector('folio-article').shadowRoot; \
             return { h1: root.querySelector('h1')?.textContent ?? null, \
             prompt: !!root.querySelector('aside.folio-support') };",
            vec![],
        )
        .await;
    assert_eq!(page["prompt"], false, "{page}");
    assert!(page["h1"].as_str().is_some_and(|h| !h.is_empty()), "{page}");
    browser.stop().await;
}
