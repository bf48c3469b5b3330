//! Consent: a host that says `consent="pending"` (or `denied`) gets a
//! prompt that still works for the page while nothing is written to
//! `localStorage`, read after every action; a change to `granted` writes
//! the record then. For the widget and for a pre-rendered article's island.

use std::path::Path;

use crate::browser::Browser;
use crate::server::{Response, Server};
use crate::site::dist;
use serde_json::{Value, json};

/// What Folio keeps in `localStorage`, key by key.
const STORED: &str = r#"
return Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("folio:")).map((k) => [k, JSON.parse(localStorage.getItem(k))]));
"#;

/// `dist/` with two pages whose article's host says `consent="pending"`:
/// `/widget.html` (the seed from its JSON) and `/prerendered.html` (the
/// seed pre-rendered, its prompt the island's).
fn server() -> Server {
    let seed = std::fs::read_to_string(dist().join("sample/article.json")).unwrap();
    let options = folio_render::Options {
        assets: "/".into(),
        base: Some("/sample/article.json".into()),
        ..folio_render::Options::default()
    };
    let embed = folio_render::render(&seed, &options).unwrap().text;
    let page = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pending</title>\
             <script>window.__events = []; for (const t of [\"folio:support-view\", \"folio:support-dismiss\", \"folio:error\"]) \
             document.addEventListener(t, (e) => __events.push({{ type: t, detail: e.detail }}));</script>\
             <script type=\"module\" src=\"/folio.js\"></script></head><body>{body}</body></html>"
        )
    };
    let widget = page(
        "<folio-article id=\"article\" consent=\"pending\" src=\"/sample/article.json\"></folio-article>",
    );
    let prerendered = page(&embed.replacen(
        "<folio-article",
        "<folio-article id=\"article\" consent=\"pending\"",
        1,
    ));
    Server::with_route(
        dist(),
        Box::new(move |path: &str, _: &Path| {
            let body = match path {
                "/widget.html" => &widget,
                "/prerendered.html" => &prerendered,
                _ => return None,
            };
            Some(Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                body: body.clone().into_bytes(),
            })
        }),
    )
}

/// The prompt of `#article`, brought to the middle of the window once it
/// is there.
async fn prompt_in_view(browser: &Browser) {
    let root = "document.getElementById('article').shadowRoot";
    browser
        .eval(
            &format!(
                "{root}.querySelector('.folio-prompt').scrollIntoView({{ block: 'center' }});"
            ),
            vec![],
        )
        .await;
    browser
        .wait_for(
            &format!("return !!{root}.querySelector('aside.folio-support');"),
            "the prompt",
        )
        .await;
    // An island's prompt fills its place only now.
    browser
        .eval(
            &format!(
                "{root}.querySelector('aside.folio-support').scrollIntoView({{ block: 'center' }});"
            ),
            vec![],
        )
        .await;
}

/// Waits for the page's first event of `kind`.
async fn event(browser: &Browser, kind: &str) {
    let seen = format!("return __events.some((e) => e.type === '{kind}');");
    browser.wait_for(&seen, kind).await;
}

/// A view, a snooze and a supporter's mark, then consent: nothing stored
/// until consent is granted, then the record of what happened.
async fn pending_then_granted(browser: &Browser) {
    assert_eq!(browser.eval(STORED, vec![]).await, json!({}), "on load");
    prompt_in_view(browser).await;
    event(browser, "folio:support-view").await;
    assert_eq!(
        browser.eval(STORED, vec![]).await,
        json!({}),
        "after a view"
    );
    browser
        .eval(
            "document.getElementById('article').shadowRoot.querySelector('.folio-support__later').click();",
            vec![],
        )
        .await;
    event(browser, "folio:support-dismiss").await;
    assert_eq!(
        browser.eval(STORED, vec![]).await,
        json!({}),
        "after the snooze"
    );
    let shown = "return !!document.getElementById('article').shadowRoot.querySelector('aside.folio-support');";
    assert_eq!(
        browser.eval(shown, vec![]).await,
        false,
        "snoozed for the page"
    );
    let marked = browser
        .eval(
            "return await Folio.markSupported('favor-2024', { consent: 'pending' });",
            vec![],
        )
        .await;
    assert_eq!(marked, true);
    assert_eq!(
        browser.eval(STORED, vec![]).await,
        json!({}),
        "after the mark"
    );

    browser
        .eval(
            "document.getElementById('article').setAttribute('consent', 'granted');",
            vec![],
        )
        .await;
    let stored = browser
        .wait_for(
            "const s = localStorage.getItem('folio:v1:support:favor-2024'); return s && JSON.parse(s);",
            "the record, once consent is granted",
        )
        .await;
    assert!(stored["until"].is_i64(), "the snooze: {stored}");
    assert_eq!(
        stored["views"].as_array().map(Vec::len),
        Some(1),
        "{stored}"
    );
    let errors = browser
        .eval(
            "return __events.filter((e) => e.type === 'folio:error');",
            vec![],
        )
        .await;
    assert_eq!(errors, json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_writes_nothing_until_consent_is_granted() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.open_demo(&server.url("widget.html")).await;
    pending_then_granted(&browser).await;

    // A value the host mistyped does not grant; `mount` refuses it by name.
    let refused: Value = browser
        .eval(
            r#"const element = document.createElement("div");
            document.body.append(element);
            const error = new Promise((done) => element.addEventListener("folio:error", (e) => done(e.detail), { once: true }));
            Folio.mount(element, {}, { consent: "yes" });
            return await error;"#,
            vec![],
        )
        .await;
    assert_eq!(refused["path"], "options.consent", "{refused}");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_islands_prompt_writes_nothing_until_consent_is_granted() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.open(&server.url("prerendered.html")).await;
    pending_then_granted(&browser).await;
    let core = browser
        .eval(
            "return performance.getEntriesByType('resource').some((e) => e.name.endsWith('/core/folio_bg.wasm'));",
            vec![],
        )
        .await;
    assert_eq!(core, false, "the island did it all, without the core");
    browser.stop().await;
}
