//! The accessibility gate: axe-core run inside every widget's shadow root
//! on the demo, the hostile page, the error state and the right-to-left
//! article, light and dark, at 1280 and 375 px; the keyboard alone; high
//! contrast; 320 px and 200 % zoom; and the headline's heading level.

use std::path::PathBuf;

use crate::browser::Browser;
use crate::locales::{mount, wordless};
use crate::server::Server;
use crate::site::{Site, dist};
use serde_json::json;
use thirtyfour::prelude::*;

/// Mounts the article `arguments[0]` with the theme `arguments[1]` alone
/// on the page, on a background of that theme, into `.mounted` (an
/// `axe-host`, which [`axe`] audits).
pub const MOUNT_THEMED: &str = "document.body.replaceChildren(); document.body.style.background = arguments[1] === 'dark' ? '#111' : '#fff';\
    const element = document.createElement('div'); element.className = 'mounted axe-host';\
    document.body.append(element);\
    Folio.mount(element, arguments[0], { theme: arguments[1] });";

/// A script that scrolls the first `selector` of the mounted article to
/// the middle of the window.
pub fn scroll_to(selector: &str) -> String {
    format!(
        "document.querySelector('.mounted').shadowRoot.querySelector('{selector}').scrollIntoView({{ block: 'center' }});"
    )
}

/// axe-core from `node_modules` (pinned in `package.json`).
pub fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; `cargo xtask test` installs it", path.display()))
}

/// Runs axe on every widget of the page (each host element and its shadow
/// tree) and returns the violations, each as "rule: target (summary)".
/// `region` is left out: it judges whether the host page put the widget
/// inside a landmark, which is the page's choice, not the widget's.
const AXE: &str = r#"
const hosts = [...document.querySelectorAll("folio-article, .axe-host")];
const found = [];
let checked = 0;
for (const host of hosts) {
  const result = await axe.run(host, { rules: { region: { enabled: false } }, resultTypes: ["violations"] });
  checked += result.passes.length;
  for (const rule of result.violations) {
    for (const node of rule.nodes) found.push(`${rule.id}: ${JSON.stringify(node.target)} (${node.failureSummary})`);
  }
}
return { hosts: hosts.length, checked, found };
"#;

pub async fn axe(browser: &Browser, source: &str, page: &str) -> Vec<String> {
    if browser.eval("return !!window.axe;", vec![]).await != json!(true) {
        browser.eval(source, vec![]).await;
    }
    let result = browser
        .eval(&format!("return (async () => {{ {AXE} }})();"), vec![])
        .await;
    assert!(result["hosts"].as_u64().unwrap() > 0, "{page}: no widget");
    assert!(
        result["checked"].as_u64().unwrap() > 0,
        "{page}: axe checked nothing"
    );
    result["found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| format!("{page}: {}", v.as_str().unwrap_or_default()))
        .collect()
}

/// Sets `theme` on every widget and waits for the dark or light colours.
async fn theme(browser: &Browser, theme: &str) {
    browser
        .eval(
            "for (const el of document.querySelectorAll('folio-article, .axe-host')) el.setAttribute('theme', arguments[0]);",
            vec![json!(theme)],
        )
        .await;
    // Styles apply on the next frame.
    browser
        .eval("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));", vec![])
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_violation_in_any_widget_state_theme_or_width() {
    let site = Site::start();
    let folio = Server::start(dist());
    let browser = Browser::start().await;
    let source = axe_source();
    let mut violations = Vec::new();
    for width in [1280u32, 375] {
        browser.resize(width, 1000).await;
        let pages = [
            ("demo", folio.url("index.html")),
            ("hostile", site.page("hostile.html")),
            ("error", site.page("plain.html")),
            ("rtl", site.page("ar.html")),
            // A supporter: the thank-you line in the prompt's and the
            // banner's places.
            (
                "supporter",
                site.page("plain.html?folio-supported=favor-2024"),
            ),
            (
                "supporter-rtl",
                site.page("ar.html?folio-supported=favor-2024-ar"),
            ),
        ];
        for (name, url) in pages {
            browser.open(&url).await;
            browser
                .eval(
                    "for (const el of document.querySelectorAll('[lazy]')) el.scrollIntoView();",
                    vec![],
                )
                .await;
            browser
                .wait_for(
                    "const hosts = [...document.querySelectorAll('folio-article')]; \
                     return hosts.length > 0 && hosts.every((h) => h.shadowRoot?.querySelector('.folio-root'));",
                    "every widget to render",
                )
                .await;
            if name == "error" {
                browser
                    .eval(
                        "const el = document.createElement('main'); el.className = 'axe-host'; \
                         document.body.append(el); Folio.mount(el, '{\"id\": 1}');",
                        vec![],
                    )
                    .await;
                browser
                    .wait_for(
                        "return !!document.querySelector('.axe-host').shadowRoot?.querySelector('.folio-error[role=alert]');",
                        "the error state",
                    )
                    .await;
            }
            if name == "demo" {
                let prompts = browser
                    .eval(
                        "return document.querySelector('folio-article').shadowRoot.querySelectorAll('.folio-support__amount').length;",
                        vec![],
                    )
                    .await;
                assert_eq!(prompts, 4, "the prompt is there to be checked");
            }
            let supporter = name.starts_with("supporter");
            if supporter {
                let thanked = browser
                    .eval(
                        "const line = document.getElementById('article').shadowRoot.querySelector('.folio-thanks'); \
                         line?.scrollIntoView({ block: 'center' }); return !!line;",
                        vec![],
                    )
                    .await;
                assert_eq!(
                    thanked, true,
                    "{name}: the thank-you line is there to be checked"
                );
            }
            for scheme in ["light", "dark"] {
                theme(&browser, scheme).await;
                violations
                    .extend(axe(&browser, &source, &format!("{name} {scheme} {width}px")).await);
                if supporter {
                    browser
                        .screenshot(&format!("{name}-{scheme}-{width}"))
                        .await;
                }
            }
            if supporter {
                // The next pages ask again.
                browser.eval("localStorage.clear();", vec![]).await;
            }
        }
    }
    assert!(
        violations.is_empty(),
        "axe violations:\n{}",
        violations.join("\n")
    );
    browser.stop().await;
}

/// Opens the demo from `folio` and waits for its support prompt.
async fn open_with_prompt(browser: &Browser, folio: &Server) {
    browser.open(&folio.url("index.html")).await;
    browser
        .wait_for(
            "return !!document.querySelector('folio-article').shadowRoot?.querySelector('.folio-support__later');",
            "the demo's prompt",
        )
        .await;
}

/// The deepest focused element, through shadow roots: whether it is in a
/// widget, what it is, and whether its focus ring shows.
const FOCUS: &str = r#"
let el = document.activeElement;
const host = el;
while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
const inside = el !== host;
const style = el ? getComputedStyle(el) : null;
const previous = window.__lastFocus;
const after = !previous || !inside || (previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
if (inside) window.__lastFocus = el;
return {
  inside,
  what: el ? (el.className || el.localName) : null,
  ring: inside ? style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 : null,
  after,
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_alone_reaches_every_control_in_order_with_focus_shown_and_leaves() {
    let folio = Server::start(dist());
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    open_with_prompt(&browser, &folio).await;
    let mut stops: Vec<String> = Vec::new();
    let mut left = false;
    for _ in 0..60 {
        browser.press(Key::Tab).await;
        let focus = browser.eval(FOCUS, vec![]).await;
        if focus["inside"] != json!(true) {
            if !stops.is_empty() {
                left = true;
                break;
            }
            continue;
        }
        let what = focus["what"].as_str().unwrap_or_default().to_string();
        assert_eq!(focus["ring"], true, "focus shows on {what}");
        assert_eq!(focus["after"], true, "{what} comes after the last stop");
        stops.push(what);
    }
    assert!(
        left,
        "focus leaves the widget after its last control: {stops:?}"
    );
    let count = |class: &str| stops.iter().filter(|s| s.contains(class)).count();
    assert_eq!(count("folio-banner__link"), 1, "{stops:?}");
    assert_eq!(
        count("folio-support__amount"),
        1,
        "one stop for the amounts: {stops:?}"
    );
    assert_eq!(count("folio-support__cta"), 1, "{stops:?}");
    assert_eq!(count("folio-support__later"), 1, "{stops:?}");
    assert_eq!(count("folio-read-more__link"), 1, "{stops:?}");
    assert_eq!(
        stops.first().map(String::as_str),
        Some("folio-banner__link")
    );
    assert_eq!(
        stops.last().map(String::as_str),
        Some("folio-read-more__link")
    );
    browser.stop().await;
}

/// The amounts' colours and borders, and the call to action's border.
const CONTRAST: &str = r#"
const root = document.querySelector("folio-article").shadowRoot;
const [chosen, other] = root.querySelectorAll(".folio-support__amount");
const look = (el) => { const s = getComputedStyle(el); return { bg: s.backgroundColor, color: s.color, border: s.borderTopColor, width: s.borderTopWidth }; };
chosen.focus();
const ring = getComputedStyle(chosen);
return {
  forced: matchMedia("(forced-colors: active)").matches,
  chosen: look(chosen), other: look(other),
  ring: ring.outlineStyle !== "none" && parseFloat(ring.outlineWidth) >= 2,
  cta: getComputedStyle(root.querySelector(".folio-support__cta")).borderTopStyle,
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn in_forced_colors_the_chosen_amount_borders_and_focus_stay_visible() {
    let folio = Server::start(dist());
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    browser.media(&[("forced-colors", "active")]).await;
    open_with_prompt(&browser, &folio).await;
    let seen = browser.eval(CONTRAST, vec![]).await;
    assert_eq!(seen["forced"], true);
    assert_ne!(
        seen["chosen"]["bg"], seen["other"]["bg"],
        "the chosen amount stands out: {seen}"
    );
    assert_ne!(seen["chosen"]["color"], seen["other"]["color"], "{seen}");
    assert_ne!(
        seen["other"]["width"], "0px",
        "unchosen amounts keep their border: {seen}"
    );
    assert_eq!(seen["ring"], true, "focus shows");
    assert_eq!(
        seen["cta"], "solid",
        "the call to action keeps a border: {seen}"
    );
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelector('.folio-support').scrollIntoView();",
            vec![],
        )
        .await;
    browser.screenshot("forced-colors").await;
    browser.media(&[]).await;
    browser.stop().await;
}

/// Horizontal overflow: of the page, and of any element of the widget past
/// the widget's edges (but inside a box that scrolls on purpose, a table
/// or code).
const OVERFLOW: &str = r#"
const host = document.querySelector("folio-article");
const edge = host.getBoundingClientRect();
const scrolls = (el) => { for (let e = el.parentElement; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
const out = [...host.shadowRoot.querySelectorAll("*")].filter((el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1) && !scrolls(el);
}).map((el) => el.className || el.localName);
return { page: document.documentElement.scrollWidth - innerWidth, out: out.slice(0, 10) };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn at_320_px_and_at_200_percent_zoom_nothing_scrolls_sideways_or_is_cut() {
    let folio = Server::start(dist());
    let browser = Browser::start().await;
    for (width, scale, name) in [(320u32, 1.0, "320px"), (640, 2.0, "zoom-200")] {
        browser.viewport(width, 900, scale).await;
        open_with_prompt(&browser, &folio).await;
        let seen = browser.eval(OVERFLOW, vec![]).await;
        assert_eq!(seen["page"], 0, "{name}: the page scrolls sideways: {seen}");
        assert_eq!(seen["out"], json!([]), "{name}: cut at the edge: {seen}");
        browser
            .eval(
                "document.querySelector('folio-article').shadowRoot.querySelector('.folio-support').scrollIntoView();",
                vec![],
            )
            .await;
        browser.screenshot(&format!("a11y-{name}")).await;
    }
    browser
        .cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;
    browser.stop().await;
}

/// The tags of the widget `#id`'s headings, in order.
const HEADINGS: &str = "return [...document.getElementById(arguments[0]).shadowRoot \
    .querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.localName + (h.className ? '.' + h.className : ''));";

#[tokio::test(flavor = "multi_thread")]
async fn the_heading_level_moves_the_headline_and_every_heading_below_it() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    let mut article = wordless();
    let body = article["body"].as_str().unwrap().to_string();
    article["body"] = json!(format!("# Section\n\n{body}\n\n## Sub-section\n\nText.\n"));
    article["support"]["afterParagraph"] = json!(1);

    mount(&browser, "default", &article, json!({})).await;
    assert_eq!(
        browser.eval(HEADINGS, vec![json!("default")]).await,
        json!(["h1.folio-headline", "h2", "h2.folio-support__heading", "h3"])
    );
    mount(&browser, "third", &article, json!({ "headingLevel": 3 })).await;
    assert_eq!(
        browser.eval(HEADINGS, vec![json!("third")]).await,
        json!(["h3.folio-headline", "h4", "h4.folio-support__heading", "h5"])
    );

    // The attribute, changed live.
    browser
        .eval(
            "const el = document.createElement('folio-article'); el.id = 'attr'; \
             el.setAttribute('heading-level', '2'); el.article = arguments[0]; document.body.append(el);",
            vec![article.clone()],
        )
        .await;
    browser
        .wait_for(
            "return !!document.getElementById('attr').shadowRoot?.querySelector('h2.folio-headline');",
            "an h2 headline",
        )
        .await;
    assert_eq!(
        browser.eval(HEADINGS, vec![json!("attr")]).await,
        json!(["h2.folio-headline", "h3", "h3.folio-support__heading", "h4"])
    );
    browser
        .eval(
            "document.getElementById('attr').setAttribute('heading-level', '6');",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "return !!document.getElementById('attr').shadowRoot?.querySelector('h6.folio-headline');",
            "an h6 headline",
        )
        .await;
    assert_eq!(
        browser.eval(HEADINGS, vec![json!("attr")]).await,
        json!(["h6.folio-headline", "h6", "h6.folio-support__heading", "h6"])
    );
    browser.stop().await;
}
