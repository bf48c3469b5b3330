//! Pre-rendered articles (`folio render`) in Chromium: the page the build
//! writes (`prerendered.html`, the seed as `--embed`) paints styled with no
//! script, `folio.js` adopts it without touching a node or loading the
//! core, the support island shows the prompt near the viewport and
//! respects a snooze, updates load the core, the strict CSP holds, and a
//! reader without JavaScript gets the whole article and a plain link.

mod csp;
mod island;
mod supporters;

use std::path::Path;
use std::time::Duration;

use crate::browser::Browser;
use crate::server::{Server, file};
use crate::site::dist;
use serde_json::{Value, json};

/// The policy of the issue: only the page's own origin.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// What the pre-rendered page itself names: its stylesheets, its icon and
/// the article's photo.
const PAGE_FILES: [&str; 4] = [
    "/demo.css",
    "/favicon.svg",
    "/folio.css",
    "/sample/hero.svg",
];

/// How long `/slow/folio.js` is held back.
const HELD: Duration = Duration::from_secs(2);

/// `dist/` served with prefixes: `/csp/…` answers with the strict
/// policy, `/inline/…` with the strict policy and the inline stylesheet's
/// hash, `/unhashed/…` with the strict policy alone (both serve
/// `prerendered.html` with the stylesheet inline, as `--style inline`
/// writes it), `/slow/…` holds `folio.js` back for [`HELD`].
fn server() -> Server {
    let hashed = format!("{CSP} {}", folio_render::style_hash());
    Server::with_route(
        dist(),
        Box::new(move |path: &str, root: &Path| {
            let policy = |mut response: crate::server::Response, policy: &str| {
                response
                    .headers
                    .push(("Content-Security-Policy".into(), policy.into()));
                Some(response)
            };
            if let Some(rest) = path.strip_prefix("/csp") {
                return policy(file(root, rest), CSP);
            }
            for (prefix, csp) in [("/inline", hashed.as_str()), ("/unhashed", CSP)] {
                if let Some(rest) = path.strip_prefix(prefix) {
                    return match rest {
                        "/prerendered.html" => policy(inline_page(), csp),
                        _ => policy(file(root, rest), csp),
                    };
                }
            }
            let rest = path.strip_prefix("/slow")?;
            if rest == "/folio.js" {
                std::thread::sleep(HELD);
            }
            Some(file(root, rest))
        }),
    )
}

/// The demo's pre-rendered page with the seed rendered `--style inline`.
fn inline_page() -> crate::server::Response {
    let options = folio_render::Options {
        style: folio_render::Style::Inline,
        base: Some("sample/article.json".into()),
        ..Default::default()
    };
    let seed = std::fs::read_to_string(dist().join("sample/article.json")).unwrap();
    let fragment = folio_render::render(&seed, &options).unwrap().text;
    let host = std::fs::read_to_string("www/prerendered.html").unwrap();
    let mut response = file(&dist(), "/prerendered.html");
    response.body = host
        .replace("<!-- folio render --embed -->", &fragment)
        .into_bytes();
    response
}

/// Recorded in every document before its scripts: the headline's and the
/// body paragraphs' nodes as parsed (before any module script runs),
/// the layout shifts, the CSP violations, the `folio:*` events, and when the
/// prompt's `aside` first appears.
const WATCH: &str = r#"
window.__seen = { shifts: [], violations: [], events: [], errors: [], promptAt: null };
addEventListener("error", (e) => window.__seen.errors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => window.__seen.errors.push(String(e.reason)));
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__seen.shifts.push(e.value);
}).observe({ type: "layout-shift", buffered: true });
document.addEventListener("securitypolicyviolation", (e) => window.__seen.violations.push(e.violatedDirective + " " + e.blockedURI));
for (const name of ["folio:render", "folio:error", "folio:support-view", "folio:support-dismiss", "folio:support-click"]) {
  document.addEventListener(name, (e) => window.__seen.events.push({ type: name, detail: e.detail }));
}
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  const root = document.querySelector("folio-article")?.shadowRoot ?? document;
  window.__parsed = {
    defined: !!customElements.get("folio-article"),
    h1: root.querySelector("h1"),
    paragraphs: [...root.querySelectorAll(".folio-body > p")],
  };
  new MutationObserver(() => {
    if (!window.__seen.promptAt && root.querySelector("aside.folio-support")) window.__seen.promptAt = scrollY;
  }).observe(root, { childList: true, subtree: true });
});
"#;

/// Whether the nodes parsed are the ones shown now, and what was seen.
const SAME_NODES: &str = r#"
const root = document.querySelector("folio-article")?.shadowRoot ?? document;
const now = [...root.querySelectorAll(".folio-body > p")];
const parsed = window.__parsed;
return {
  definedAtParse: parsed.defined,
  definedNow: !!customElements.get("folio-article"),
  sameH1: parsed.h1 !== null && parsed.h1 === root.querySelector("h1"),
  sameParagraphs: parsed.paragraphs.length > 0 && parsed.paragraphs.length === now.length && parsed.paragraphs.every((p, i) => p === now[i]),
  paragraphs: now.length,
  seen: window.__seen,
  fetched: performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
  beforePaint: performance.getEntriesByType("resource")
    .filter((e) => e.startTime < performance.getEntriesByName("first-contentful-paint")[0]?.startTime)
    .map((e) => new URL(e.name).pathname),
};
"#;

fn fetched(report: &Value) -> Vec<String> {
    report["fetched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// Opens the pre-rendered page, watched, and waits until it is adopted.
async fn open_adopted(browser: &Browser, server: &Server) {
    browser.before_each_document(WATCH).await;
    adopted(browser, server).await;
}

/// Opens the pre-rendered page again and waits until it is adopted.
async fn adopted(browser: &Browser, server: &Server) {
    browser.open(&server.url("prerendered.html")).await;
    browser
        .wait_for(
            "return window.__seen.events.some((e) => e.type === 'folio:render');",
            "folio:render",
        )
        .await;
}

/// Brings the article's first `selector` to the middle of the window (in
/// the widget's shadow root, or in the page for `--page`).
async fn center(browser: &Browser, selector: &str) {
    browser
        .eval(
            "(document.querySelector('folio-article')?.shadowRoot ?? document) \
             .querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![json!(selector)],
        )
        .await;
}

/// Brings the prompt's place into view and waits for the island's prompt.
async fn island_prompt(browser: &Browser, what: &str) {
    center(browser, "[data-island]").await;
    browser
        .wait_for(
            "return !!(document.querySelector('folio-article')?.shadowRoot ?? document).querySelector('aside.folio-support');",
            what,
        )
        .await;
}

fn shift_total(report: &Value) -> f64 {
    let shifts = report["seen"]["shifts"].as_array().unwrap();
    shifts.iter().map(|s| s.as_f64().unwrap()).sum()
}

#[tokio::test(flavor = "multi_thread")]
async fn folio_js_adopts_the_article_without_touching_a_node_or_loading_the_core() {
    let server = server();
    let browser = Browser::start().await;
    open_adopted(&browser, &server).await;
    let report = browser.eval(SAME_NODES, vec![]).await;
    assert_eq!(
        report["definedAtParse"], false,
        "parsed before folio.js ran"
    );
    assert_eq!(report["definedNow"], true, "folio.js ran");
    assert_eq!(report["sameH1"], true, "the same h1 node: {report}");
    assert_eq!(
        report["sameParagraphs"], true,
        "the same paragraphs: {report}"
    );
    assert!(report["paragraphs"].as_u64().unwrap() >= 8);
    let events = report["seen"]["events"].as_array().unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|e| e["type"] == "folio:render")
            .collect::<Vec<_>>(),
        [
            &json!({ "type": "folio:render", "detail": { "id": "putin-backs-lukashenko-succession" } })
        ]
    );
    let files = fetched(&report);
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("/core/folio") && !f.starts_with("/core/folio-island")),
        "neither the core nor the converter: {files:?}"
    );
    assert_eq!(shift_total(&report), 0.0, "nothing shifts: {report}");
    let before: Vec<&str> = report["beforePaint"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        before
            .iter()
            .all(|p| PAGE_FILES.contains(p) || *p == "/folio.js"),
        "before the first paint only the page's own files, its image and folio.js: {before:?}"
    );
    let styled = browser
        .eval(
            "const h1 = document.querySelector('folio-article').shadowRoot.querySelector('h1'); \
             return getComputedStyle(h1).fontFamily;",
            vec![],
        )
        .await;
    assert!(
        styled.as_str().unwrap().contains("Georgia"),
        "styled by folio.css: {styled}"
    );
    browser.screenshot("prerender-settled-1280").await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_paint_is_the_styled_article_before_any_script() {
    let server = server();
    let browser = Browser::start().await;
    browser.before_each_document(WATCH).await;
    // folio.js is held back: the page paints without it, with its
    // stylesheet (a parser-met stylesheet in a declarative shadow root
    // blocks the first paint until it is there).
    browser.open(&server.url("slow/prerendered.html")).await;
    let timing = browser
        .eval(
            r#"const at = (file) => performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === file);
               return { fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
                        script: at("/slow/folio.js")?.responseEnd ?? null,
                        sheet: at("/slow/folio.css")?.responseEnd ?? null,
                        before: performance.getEntriesByType("resource")
                          .filter((e) => e.startTime < performance.getEntriesByName("first-contentful-paint")[0]?.startTime)
                          .map((e) => new URL(e.name).pathname).sort() };"#,
            vec![],
        )
        .await;
    let number = |key: &str| {
        timing[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key}: {timing}"))
    };
    assert!(
        number("fcp") < number("script"),
        "painted while folio.js was held back: {timing}"
    );
    assert!(
        number("sheet") <= number("fcp"),
        "the stylesheet was there at the first paint: {timing}"
    );
    assert_eq!(
        timing["before"],
        json!([
            "/slow/demo.css",
            "/slow/folio.css",
            "/slow/folio.js",
            "/slow/sample/hero.svg"
        ]),
        "before the first paint: the page's own files, its image and folio.js alone"
    );
    let report = browser.eval(SAME_NODES, vec![]).await;
    assert_eq!(report["sameH1"], true, "{report}");
    assert_eq!(
        shift_total(&report),
        0.0,
        "the first frame is the last: {report}"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_update_or_a_changed_attribute_loads_the_core_and_renders_there() {
    let server = server();
    let browser = Browser::start().await;
    open_adopted(&browser, &server).await;
    browser
        .eval(
            "const el = document.querySelector('folio-article'); \
             el.article = { id: 'next', headline: 'A new headline', published: '2020-09-14T10:00:00Z', body: 'One paragraph.' };",
            vec![],
        )
        .await;
    let headline = browser
        .wait_for(
            "return window.__seen.events.some((e) => e.type === 'folio:render' && e.detail.id === 'next') \
             && document.querySelector('folio-article').shadowRoot.querySelector('h1')?.textContent;",
            "the update",
        )
        .await;
    assert_eq!(headline, "A new headline");
    let report = browser.eval(SAME_NODES, vec![]).await;
    assert!(
        fetched(&report).iter().any(|f| f == "/core/folio_bg.wasm"),
        "the core, now: {report}"
    );
    // The attribute path: the pre-rendered JSON shown again, without the
    // prompt; once the article is adopted, and while its adoption waits
    // for the first paint (hidden from folio.js here, so that it waits
    // until a second after the page has loaded): then it is never adopted
    // and renders once, from the core.
    adopted(&browser, &server).await;
    let off = "document.querySelector('folio-article').setAttribute('support', 'off');";
    browser.eval(off, vec![]).await;
    without_support(&browser, &server, 2).await;
    browser
        .before_each_document(&format!(
            "const entries = performance.getEntriesByName.bind(performance); \
             performance.getEntriesByName = (name, type) => name === 'first-contentful-paint' ? [] : entries(name, type); \
             Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', {{ value: [] }}); \
             document.addEventListener('DOMContentLoaded', () => {{ \
               window.__definedAtChange = document.querySelector('folio-article').matches(':defined'); {off} }}); \
             addEventListener('load', () => setTimeout(() => (window.__waited = true), 1500));"
        ))
        .await;
    browser.open(&server.url("prerendered.html")).await;
    without_support(&browser, &server, 1).await;
    let defined = browser
        .eval("return window.__definedAtChange;", vec![])
        .await;
    assert_eq!(defined, true, "the element is defined at once");
    // Past the time the adoption waited for: it stays called off.
    let after = browser
        .wait_for(
            "return window.__waited && { renders: window.__seen.events.filter((e) => e.type === 'folio:render').length, \
             island: performance.getEntriesByType('resource').some((e) => e.name.includes('/core/folio-island')) };",
            "a second and a half after load",
        )
        .await;
    assert_eq!(after, json!({ "renders": 1, "island": false }));
    browser.stop().await;
}

/// Waits for the `renders`th `folio:render`, of the seed rendered again
/// without its support banner and prompt, and checks it.
async fn without_support(browser: &Browser, server: &Server, renders: usize) {
    let condition = format!(
        "const root = document.querySelector('folio-article').shadowRoot; \
         return window.__seen.events.filter((e) => e.type === 'folio:render').length === {renders} \
         && root.querySelector('h1') !== window.__parsed.h1 \
         && {{ banner: !!root.querySelector('.folio-banner'), h1: root.querySelector('h1').textContent, \
              photo: root.querySelector('img.folio-figure__image')?.src }};"
    );
    let banner = browser
        .wait_for(&condition, "the render without support")
        .await;
    assert_eq!(banner["banner"], false, "{banner}");
    assert_eq!(
        banner["photo"],
        server.url("sample/hero.svg"),
        "relative URLs still resolve against the article's address (data-base)"
    );
    assert!(banner["h1"].as_str().unwrap().starts_with("Putin Backs"));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_reader_gets_the_article_the_banner_and_a_plain_link() {
    let server = server();
    let browser = Browser::start().await;
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    for page in ["prerendered.html", "prerendered-page.html"] {
        browser.open(&server.url(page)).await;
        let name = page.trim_end_matches(".html");
        browser.screenshot(&format!("prerender-no-js-{name}")).await;
        let seen = browser
            .cdp(
                "Runtime.evaluate",
                json!({ "expression": r#"JSON.stringify((() => {
                    const root = document.querySelector("folio-article")?.shadowRoot ?? document;
                    const link = root.querySelector(".folio-support-fallback a");
                    const box = link?.getBoundingClientRect();
                    return {
                      defined: !!customElements.get("folio-article"),
                      h1: root.querySelector("h1")?.textContent ?? null,
                      paragraphs: root.querySelectorAll(".folio-body > p").length,
                      banner: root.querySelector(".folio-banner a")?.textContent ?? null,
                      link: link ? { text: link.textContent, href: link.href, shown: box.width > 0 && box.height > 0 } : null,
                      buttons: root.querySelectorAll("button").length,
                    };
                  })())"#, "returnByValue": true }),
            )
            .await;
        let seen: Value = serde_json::from_str(seen["result"]["value"].as_str().unwrap()).unwrap();
        assert_eq!(seen["defined"], false, "{page}: no script ran");
        assert!(
            seen["h1"].as_str().unwrap().starts_with("Putin Backs"),
            "{page}: {seen}"
        );
        assert!(seen["paragraphs"].as_u64().unwrap() >= 8, "{page}: {seen}");
        assert_eq!(seen["banner"], "Support The Moscow Times!", "{page}");
        assert_eq!(
            seen["link"],
            json!({ "text": "Support us", "href": "https://publisher.example/support", "shown": true }),
            "{page}"
        );
        assert_eq!(seen["buttons"], 0, "{page}: nothing that needs script");
    }
    browser.stop().await;
}
