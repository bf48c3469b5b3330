//! Embedding on pages Folio does not own: the release `dist/` on one origin,
//! host pages on another, read by headless Chromium.

mod element;

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../www/sample/article.json");

/// Waits until the widget with `id` has rendered its headline (or error).
async fn rendered(browser: &Browser, id: &str) {
    let script = format!(
        "const r = document.getElementById('{id}')?.shadowRoot; \
         return !!(r && r.querySelector('h1, .folio-error'));"
    );
    browser.wait_for(&script, &format!("#{id} to render")).await;
}

/// Computed styles of the widget's parts, as a reader's browser applies them.
const STYLES: &str = r#"
const root = document.getElementById(arguments[0]).shadowRoot;
const parts = ["h1", ".folio-kicker", ".folio-standfirst", ".folio-byline", ".folio-body > .folio-chunk > p",
  ".folio-body a", ".folio-figure__image", ".folio-figure__text", ".folio-figure__credit",
  ".folio-support", ".folio-support__amount", ".folio-support__cta", ".folio-banner", ".folio-read-more a"];
const props = ["fontFamily", "fontSize", "fontWeight", "color", "backgroundColor", "lineHeight",
  "letterSpacing", "textTransform", "marginTop", "marginBottom", "display", "width", "height", "pointerEvents"];
const out = {};
for (const part of parts) {
  const el = root.querySelector(part);
  const style = el ? getComputedStyle(el) : null;
  out[part] = style ? Object.fromEntries(props.map((p) => [p, style[p]])) : null;
}
return out;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_looks_the_same_on_a_hostile_page_and_leaves_the_page_alone() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;

    browser.open(&site.page("plain.html")).await;
    rendered(&browser, "article").await;
    let plain = browser.eval(STYLES, vec![json!("article")]).await;
    let host = browser
        .eval(
            "return { text: getComputedStyle(document.querySelector('.host-text')).color, \
                      title: getComputedStyle(document.querySelector('.host-title')).fontSize, \
                      sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length };",
            vec![],
        )
        .await;
    assert_eq!(
        host,
        json!({"text": "rgb(34, 68, 102)", "title": "20px", "sheets": 1, "adopted": 0})
    );

    browser.open(&site.page("hostile.html")).await;
    rendered(&browser, "from-src").await;
    let hostile = browser.eval(STYLES, vec![json!("from-src")]).await;
    for (part, style) in plain.as_object().unwrap() {
        assert!(!style.is_null(), "{part} is missing on the plain page");
        assert_eq!(style, &hostile[part], "{part} differs on the hostile page");
    }
    let host_title = browser
        .eval(
            "return getComputedStyle(document.querySelector('.host-title')).color;",
            vec![],
        )
        .await;
    assert_eq!(
        host_title, "rgb(255, 0, 0)",
        "the page's own (hostile) rules still apply to the page"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_widget_shows_its_error_while_the_others_render_and_report() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open(&site.page("hostile.html")).await;
    for id in ["from-src", "inline", "failing"] {
        rendered(&browser, id).await;
    }
    let seen = browser
        .eval(
            "const r = (id) => document.getElementById(id).shadowRoot; \
             return { failing: r('failing').querySelector('.folio-error__detail')?.textContent, \
                      why: r('failing').querySelector('.folio-error__reason')?.textContent, \
                      inline: r('inline').querySelector('h1').textContent, \
                      inlineSupport: r('inline').querySelectorAll('.folio-support, .folio-banner').length, \
                      inlineBg: getComputedStyle(r('inline').querySelector('.folio-root')).backgroundColor, \
                      srcSupport: r('from-src').querySelectorAll('.folio-support, .folio-banner').length };",
            vec![],
        )
        .await;
    let reason = seen["failing"].as_str().unwrap_or_default();
    assert!(
        reason.contains("missing.json") && reason.contains("404"),
        "{reason}"
    );
    assert_eq!(
        seen["why"],
        "It could not be loaded. Check your connection and try again."
    );
    assert_eq!(
        seen["inline"],
        "An article given inline, in the page itself"
    );
    assert_eq!(
        seen["inlineSupport"], 0,
        "support=\"off\" hides prompt and banner"
    );
    assert_eq!(
        seen["inlineBg"], "rgb(18, 18, 18)",
        "theme=\"dark\" applies"
    );
    assert_eq!(seen["srcSupport"], 2);

    let events = browser.eval("return folioLog.events;", vec![]).await;
    let of = |target: &str, kind: &str| -> Vec<Value> {
        let list = events.as_array().unwrap().iter();
        list.filter(|e| e["target"] == target && e["type"] == kind)
            .cloned()
            .collect()
    };
    assert_eq!(
        of("from-src", "folio:render")[0]["detail"],
        json!({"id": "putin-backs-lukashenko-succession"})
    );
    assert_eq!(
        of("inline", "folio:render")[0]["detail"],
        json!({"id": "inline-brief"})
    );
    let error = &of("failing", "folio:error")[0];
    assert!(error["detail"]["message"].as_str().unwrap().contains("404"));
    assert!(
        error["detail"].get("path").is_none(),
        "a network failure names no field"
    );
    assert!(error["bubbles"] == true && error["composed"] == true);
    assert!(of("failing", "folio:render").is_empty());
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lazy_widget_fetches_nothing_until_scrolled_near() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    browser.open(&site.page("hostile.html")).await;
    for id in ["from-src", "inline", "failing"] {
        rendered(&browser, id).await;
    }
    let lazy_fetched = || {
        site.host
            .requests()
            .iter()
            .any(|r| r.contains("article.json?lazy"))
    };
    assert!(
        !lazy_fetched(),
        "the lazy widget fetched before it was near the viewport"
    );
    let skeleton = browser
        .eval(
            "return !!document.getElementById('lazy').shadowRoot.querySelector('.folio-skeleton');",
            vec![],
        )
        .await;
    assert_eq!(skeleton, true, "it holds its place with a skeleton");

    browser
        .eval("document.getElementById('lazy').scrollIntoView();", vec![])
        .await;
    rendered(&browser, "lazy").await;
    assert!(lazy_fetched());
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn update_changes_only_what_changed_and_unmount_frees_everything() {
    let (_site, browser) = plain_page().await;
    let live_before = browser.eval("return Folio.liveWidgets();", vec![]).await;

    let mut article = sample();
    browser
        .eval(
            "const el = document.createElement('div'); el.id = 'api'; document.body.append(el); \
             window.handle = Folio.mount(el, arguments[0], { theme: 'light' });",
            vec![article.clone()],
        )
        .await;
    rendered(&browser, "api").await;
    browser
        .eval(
            "const r = document.getElementById('api').shadowRoot; \
             window.before = { ps: [...r.querySelectorAll('.folio-body > .folio-chunk > p')], h1: r.querySelector('h1') };",
            vec![],
        )
        .await;

    let body = article["body"].as_str().unwrap().to_string();
    let third = body.split("\n\n").nth(2).unwrap().to_string();
    article["body"] = json!(body.replace(&third, "A new third paragraph."));
    article["headline"] = json!("An updated headline");
    browser
        .eval("handle.update(arguments[0]);", vec![article])
        .await;
    browser
        .wait_for(
            "return document.getElementById('api').shadowRoot.querySelector('h1').textContent === 'An updated headline';",
            "the update",
        )
        .await;
    let kept = browser
        .eval(
            "const now = [...document.getElementById('api').shadowRoot.querySelectorAll('.folio-body > .folio-chunk > p')]; \
             return { same: now.map((p, i) => p === before.ps[i]), third: now[2].textContent, \
                      h1: document.getElementById('api').shadowRoot.querySelector('h1') === before.h1 };",
            vec![],
        )
        .await;
    let same: Vec<bool> = serde_json::from_value(kept["same"].clone()).unwrap();
    assert_eq!(same.len(), 9);
    for (i, kept) in same.iter().enumerate() {
        assert_eq!(
            *kept,
            i != 2,
            "paragraph {i}: untouched ones keep their node, the changed one is new"
        );
    }
    assert_eq!(kept["third"], "A new third paragraph.");
    assert_eq!(kept["h1"], true, "the headline changed in place");

    let after = browser
        .eval(
            "const live = Folio.liveWidgets(); handle.unmount(); \
             const api = document.getElementById('api').shadowRoot; \
             const leftApi = api.childNodes.length + api.adoptedStyleSheets.length; \
             const el = document.getElementById('article'); const root = el.shadowRoot; el.remove(); \
             return { live, afterUnmount: leftApi, afterRemove: root.childNodes.length, liveNow: Folio.liveWidgets() };",
            vec![],
        )
        .await;
    assert_eq!(after["live"], json!(live_before.as_u64().unwrap() + 1));
    assert_eq!(
        after["afterUnmount"], 0,
        "unmount leaves nothing in the shadow root"
    );
    assert_eq!(
        after["afterRemove"], 0,
        "removing the element clears its shadow root"
    );
    assert_eq!(
        after["liveNow"],
        json!(live_before.as_u64().unwrap() - 1),
        "both widgets were freed"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mount_never_throws_for_bad_content_and_a_second_include_is_harmless() {
    let (site, browser) = plain_page().await;
    let seen = browser
        .eval(
            "const el = document.createElement('div'); el.id = 'bad'; document.body.append(el); \
             const handle = Folio.mount(el, '{\"id\": 1}'); \
             const cyclic = {}; cyclic.self = cyclic; \
             const el2 = document.createElement('div'); el2.id = 'cyclic'; document.body.append(el2); \
             Folio.mount(el2, cyclic); \
             return { handle: typeof handle.update, version: Folio.version };",
            vec![],
        )
        .await;
    assert_eq!(
        seen,
        json!({"handle": "function", "version": env!("CARGO_PKG_VERSION")})
    );
    rendered(&browser, "bad").await;
    rendered(&browser, "cyclic").await;
    let errors = browser
        .eval(
            "return folioLog.events.filter((e) => e.type === 'folio:error').map((e) => [e.target, e.detail]);",
            vec![],
        )
        .await;
    assert_eq!(
        errors[0],
        json!(["bad", {"message": "`id` must be text, not the number 1.", "path": "id"}])
    );
    assert!(
        errors[1][1]["message"]
            .as_str()
            .unwrap()
            .contains("could not be read as JSON"),
        "{errors}"
    );

    let folio_url = site.folio.url("folio.js?again");
    let twice = browser
        .eval(
            "const first = globalThis[Symbol.for('folio.instance')]; \
             const again = await import(arguments[0]); \
             return { same: again.default === first, wasm: performance.getEntriesByType('resource') \
                      .filter((e) => e.name.includes('folio_bg.wasm')).length, \
                      element: customElements.get('folio-article') !== undefined };",
            vec![json!(folio_url)],
        )
        .await;
    assert_eq!(twice, json!({"same": true, "wasm": 1, "element": true}));
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_strict_csp_page_renders_without_violations_or_errors_and_nothing_shifts() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    let mut timings = Vec::new();
    for _ in 0..5 {
        browser.open(&site.page("csp.html")).await;
        rendered(&browser, "article").await;
        browser
            .wait_for(
                "return document.getElementById('article').shadowRoot.querySelector('figure img').complete;",
                "the photo",
            )
            .await;
        let seen = browser
            .eval(
                "const shifts = await new Promise((done) => { let total = 0; \
                   new PerformanceObserver((list) => { for (const e of list.getEntries()) \
                     if (!e.hadRecentInput) total += e.value; }).observe({ type: 'layout-shift', buffered: true }); \
                   setTimeout(() => done(total), 300); }); \
                 const start = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/folio.js')); \
                 const render = folioLog.events.find((e) => e.type === 'folio:render'); \
                 return { shifts, violations: folioLog.violations, errors: folioLog.errors, \
                          ms: render.at - start.startTime, csp: document.getElementById('article').shadowRoot \
                            .querySelector('h1').textContent.length > 0 };",
                vec![],
            )
            .await;
        assert_eq!(seen["violations"], json!([]), "no CSP violation");
        assert_eq!(seen["errors"], json!([]), "no console error");
        assert_eq!(seen["shifts"], json!(0), "cumulative layout shift");
        assert_eq!(seen["csp"], true);
        timings.push(seen["ms"].as_f64().unwrap());
    }
    timings.sort_by(f64::total_cmp);
    eprintln!(
        "folio.js start -> folio:render on the strict-CSP page: median {:.0} ms of {timings:?}",
        timings[2]
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_enforcing_trusted_types_get_the_whole_article_with_or_without_folios_policy() {
    let site = Site::start();
    let browser = Browser::start().await;
    let body = "const root = document.getElementById('article').shadowRoot; \
                return { html: root.querySelector('.folio-body').parentNode.innerHTML, \
                         paragraphs: root.querySelectorAll('.folio-body > .folio-chunk > p').length, \
                         violations: folioLog.violations, errors: folioLog.errors };";
    let mut seen = Vec::new();
    for page in [
        "csp.html",
        "trusted-types.html",
        "trusted-types-refused.html",
    ] {
        browser.open(&site.page(page)).await;
        rendered(&browser, "article").await;
        seen.push(browser.eval(body, vec![]).await);
    }
    let [plain, allowed, refused] = &seen[..] else {
        unreachable!()
    };
    assert!(plain["paragraphs"].as_u64().unwrap() >= 8, "{plain}");
    assert_eq!(allowed["violations"], json!([]), "the policy is allowed");
    assert_eq!(allowed["errors"], json!([]));
    assert_eq!(
        allowed["html"], plain["html"],
        "the same article through the policy"
    );
    // Refused, Folio builds node by node: the only report is the refused policy.
    assert_eq!(
        refused["html"], plain["html"],
        "the same article, node by node"
    );
    assert_eq!(refused["errors"], json!([]));
    assert_eq!(
        refused["violations"],
        json!(["trusted-types trusted-types-policy"]),
        "{refused}"
    );
    browser.stop().await;
}

/// The sample article as JSON.
pub fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

/// The plain demo page in a new browser, its `#article` rendered.
pub async fn plain_page() -> (Site, Browser) {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open(&site.page("plain.html")).await;
    rendered(&browser, "article").await;
    (site, browser)
}
