//! The reader-support prompt in a real browser: keyboard only, reloads,
//! the clock moved on, views counted only when seen, storage that throws.

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};
use thirtyfour::Key;

const STORED: &str = "return localStorage.getItem('folio:v1:support:favor-2024');";

/// What the widget `#article` shows of the prompt, and where focus is.
const PROMPT: &str = r#"
const root = document.getElementById("article").shadowRoot;
const active = root.activeElement;
return {
  shown: !!root.querySelector("aside.folio-support"),
  banner: !!root.querySelector(".folio-banner"),
  checked: [...root.querySelectorAll("[role=radio]")].findIndex((b) => b.getAttribute("aria-checked") === "true"),
  focus: active ? (active.className || active.localName) : (document.activeElement?.localName ?? null),
  focusText: active ? active.textContent.slice(0, 30) : null,
  cta: root.querySelector(".folio-support__cta")?.href ?? null,
};
"#;

async fn open(browser: &Browser, site: &Site) {
    browser.open_demo(&site.page("plain.html")).await;
}

/// Brings the prompt of `#article` to the middle of the window.
async fn scroll_to_prompt(browser: &Browser) {
    browser
        .eval(
            "document.getElementById('article').shadowRoot.querySelector('aside.folio-support').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await;
}

/// Waits for the page's first `folio:support-view`.
async fn wait_for_view(browser: &Browser) {
    browser
        .wait_for(
            "return folioLog.events.some((e) => e.type === 'folio:support-view');",
            "the view",
        )
        .await;
}

fn events(log: &Value, kind: &str) -> Vec<Value> {
    log.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .map(|e| e["detail"].clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_prompt_works_with_the_keyboard_alone() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    open(&browser, &site).await;
    // Following the call to action would leave the page; the test stays.
    browser
        .eval(
            "document.addEventListener('click', (e) => e.preventDefault());",
            vec![],
        )
        .await;

    let mut presses = 0;
    while browser.eval(PROMPT, vec![]).await["focus"] != "folio-support__amount" {
        browser.press(Key::Tab).await;
        presses += 1;
        assert!(presses < 12, "Tab never reached the amounts");
    }
    assert_eq!(
        browser.eval(PROMPT, vec![]).await["checked"],
        0,
        "the default amount is chosen"
    );
    browser.press(Key::Right).await;
    let seen = browser.eval(PROMPT, vec![]).await;
    assert_eq!(
        (seen["checked"].clone(), seen["focusText"].clone()),
        (json!(1), json!("$10 / month"))
    );

    browser.press(Key::Tab).await;
    let seen = browser.eval(PROMPT, vec![]).await;
    assert_eq!(
        seen["focus"], "folio-support__cta",
        "one Tab leaves the radio group for the call to action"
    );
    assert!(
        seen["cta"]
            .as_str()
            .unwrap()
            .contains("amount=10&frequency=monthly&campaign=favor-2024")
    );
    browser.press(Key::Enter).await;
    let clicks = events(
        &browser.eval("return folioLog.events;", vec![]).await,
        "folio:support-click",
    );
    assert_eq!(
        clicks,
        [json!({"campaign": "favor-2024", "url": seen["cta"], "amount": 10})],
        "Enter on the call to action reports the click"
    );

    browser.press(Key::Tab).await;
    assert_eq!(
        browser.eval(PROMPT, vec![]).await["focus"],
        "folio-support__later"
    );
    browser.press(Key::Enter).await;
    browser
        .wait_for("return !document.getElementById('article').shadowRoot.querySelector('aside.folio-support');", "the prompt to go")
        .await;
    let seen = browser.eval(PROMPT, vec![]).await;
    assert_eq!(
        seen["focusText"], "Lukashenko has vowed to keep h",
        "focus moves on to the text after the prompt"
    );
    let dismissed = events(
        &browser.eval("return folioLog.events;", vec![]).await,
        "folio:support-dismiss",
    );
    assert_eq!(dismissed.len(), 1);
    assert_eq!(dismissed[0]["campaign"], "favor-2024");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dismissed_prompt_stays_hidden_across_reloads_until_the_snooze_ends() {
    let site = Site::start();
    let browser = Browser::start().await;
    open(&browser, &site).await;
    browser
        .eval(
            "document.getElementById('article').shadowRoot.querySelector('.folio-support__later').click();",
            vec![],
        )
        .await;
    let stored: Value =
        serde_json::from_str(browser.eval(STORED, vec![]).await.as_str().unwrap()).unwrap();
    let until = stored["until"].as_i64().unwrap();

    open(&browser, &site).await;
    let seen = browser.eval(PROMPT, vec![]).await;
    assert_eq!(
        (seen["shown"].clone(), seen["banner"].clone()),
        (json!(false), json!(true)),
        "hidden after reload"
    );

    // The clock moves on past `until`: the prompt is back.
    let shift = until
        - browser
            .eval("return Date.now();", vec![])
            .await
            .as_i64()
            .unwrap()
        + 1000;
    browser
        .before_each_document(&format!(
            "{{ const now = Date.now; Date.now = () => now() + {shift}; }}"
        ))
        .await;
    open(&browser, &site).await;
    assert_eq!(
        browser.eval(PROMPT, vec![]).await["shown"],
        true,
        "shown again once the snooze is over"
    );
    browser.stop().await;
}

/// Waits twice the time a view takes to count, so that a view that was
/// going to count has.
async fn past_the_dwell() {
    let dwell = 2 * folio_core::schedule::VIEW_DWELL_MS as u64;
    tokio::time::sleep(std::time::Duration::from_millis(dwell)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_view_counts_only_once_the_prompt_has_been_seen() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 700).await;
    open(&browser, &site).await;
    past_the_dwell().await;
    let log = browser.eval("return folioLog.events;", vec![]).await;
    assert!(
        events(&log, "folio:support-view").is_empty(),
        "below the fold, nothing is counted"
    );
    assert_eq!(browser.eval(STORED, vec![]).await, Value::Null);

    scroll_to_prompt(&browser).await;
    wait_for_view(&browser).await;
    let log = browser.eval("return folioLog.events;", vec![]).await;
    assert_eq!(
        events(&log, "folio:support-view"),
        [json!({"campaign": "favor-2024"})]
    );
    let stored: Value =
        serde_json::from_str(browser.eval(STORED, vec![]).await.as_str().unwrap()).unwrap();
    assert_eq!(stored["views"].as_array().unwrap().len(), 1);

    // Scrolling away and back in the same page load counts nothing more.
    browser.eval("scrollTo(0, 0);", vec![]).await;
    scroll_to_prompt(&browser).await;
    past_the_dwell().await;
    let log = browser.eval("return folioLog.events;", vec![]).await;
    assert_eq!(
        events(&log, "folio:support-view").len(),
        1,
        "once per page load"
    );

    // Three more page loads reach the cap of four; the fifth shows nothing.
    for _ in 0..3 {
        open(&browser, &site).await;
        scroll_to_prompt(&browser).await;
        wait_for_view(&browser).await;
    }
    open(&browser, &site).await;
    let seen = browser.eval(PROMPT, vec![]).await;
    assert_eq!(seen["shown"], false, "past the cap of 4 views");
    assert_eq!(seen["banner"], true, "the support block itself is fine");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn everything_works_for_the_page_when_storage_throws() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser
        .before_each_document(
            "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });",
        )
        .await;
    open(&browser, &site).await;
    assert_eq!(browser.eval(PROMPT, vec![]).await["shown"], true);
    browser
        .eval(
            "const el = document.createElement('div'); el.id = 'second'; document.body.append(el); \
             window.second = Folio.mount(el, arguments[0]);",
            vec![
                serde_json::from_str::<Value>(include_str!("../../www/sample/article.json"))
                    .unwrap(),
            ],
        )
        .await;
    browser
        .wait_for(
            "return !!document.getElementById('second').shadowRoot?.querySelector('aside.folio-support');",
            "the second widget",
        )
        .await;
    browser
        .eval(
            "document.getElementById('article').shadowRoot.querySelector('.folio-support__later').click();",
            vec![],
        )
        .await;
    browser.eval("second.update(arguments[0]);", vec![json!({"id": "x", "headline": "Other", "published": "2020-09-13T18:04:00Z", "body": "b", "support": {"campaign": "favor-2024", "heading": "h", "cta": {"label": "l", "href": "/s"}}})]).await;
    browser
        .wait_for("return document.getElementById('second').shadowRoot.querySelector('h1').textContent === 'Other';", "the update")
        .await;
    let seen = browser
        .eval(
            "return { first: !!document.getElementById('article').shadowRoot.querySelector('aside.folio-support'), \
                      second: !!document.getElementById('second').shadowRoot.querySelector('aside.folio-support'), \
                      errors: folioLog.errors, \
                      dismissed: folioLog.events.filter((e) => e.type === 'folio:support-dismiss').length };",
            vec![],
        )
        .await;
    assert_eq!(
        seen,
        json!({"first": false, "second": false, "errors": [], "dismissed": 1}),
        "the snooze holds for the page without storage, and nothing throws"
    );
    browser.stop().await;
}

/// Every piece of text in the widget, with its WCAG contrast ratio against
/// what is really behind it (backgrounds composited up to the page), and
/// the focus ring against the prompt's background.
const CONTRAST: &str = r#"
const root = document.getElementById("article").shadowRoot;
const parse = (c) => {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error("unexpected colour " + c);
  const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).map(Number);
  return [r, g, b, a];
};
const over = (top, below) => {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
};
const behind = (el) => {
  const layers = [];
  for (let node = el; node; node = node.parentElement ?? node.getRootNode().host) {
    layers.push(parse(getComputedStyle(node).backgroundColor));
  }
  return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
};
const lum = ([r, g, b]) => {
  const f = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (x, y) => {
  const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
};
const texts = [];
for (const el of root.querySelectorAll("*")) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const style = getComputedStyle(el);
  if (!own || style.visibility === "hidden" || el.closest("[hidden]")) continue;
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  const fg = over(parse(style.color), behind(el));
  texts.push({
    text: el.textContent.trim().slice(0, 40),
    ratio: Math.round(ratio(fg, behind(el)) * 100) / 100,
    needed: large ? 3 : 4.5,
  });
}
const amount = root.querySelector(".folio-support__amount");
const border = ratio(parse(getComputedStyle(amount).borderTopColor), behind(amount.parentElement));
// The focus ring as a keyboard user sees it.
amount.focus({ focusVisible: true });
const focused = getComputedStyle(amount);
const ring = focused.outlineStyle === "none" ? 0 : ratio(parse(focused.outlineColor), behind(amount.parentElement));
amount.blur();
return { texts, prompt: !!root.querySelector("aside.folio-support"), border, ring,
         ringWidth: parseFloat(focused.outlineWidth) };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn every_text_meets_wcag_aa_contrast_in_light_and_dark() {
    let site = Site::start();
    let browser = Browser::start().await;
    for width in [1280u32, 375] {
        browser.resize(width, 1600).await;
        for theme in ["light", "dark"] {
            open(&browser, &site).await;
            browser
                .eval(
                    "document.getElementById('article').setAttribute('theme', arguments[0]);",
                    vec![json!(theme)],
                )
                .await;
            let seen = browser.eval(CONTRAST, vec![]).await;
            assert_eq!(seen["prompt"], true);
            let texts = seen["texts"].as_array().unwrap();
            assert!(texts.len() > 20, "the whole article is measured: {seen}");
            let failing: Vec<_> = texts
                .iter()
                .filter(|t| t["ratio"].as_f64() < t["needed"].as_f64())
                .collect();
            assert!(
                failing.is_empty(),
                "{theme} at {width}px, below WCAG AA: {failing:?}"
            );
            assert!(
                seen["border"].as_f64().unwrap() >= 3.0,
                "the amount buttons' edges stand out from the prompt ({theme}): {seen}"
            );
            assert!(
                seen["ring"].as_f64().unwrap() >= 3.0 && seen["ringWidth"].as_f64() >= Some(2.0),
                "a visible focus ring, 3:1 against the prompt ({theme}): {seen}"
            );

            // A picture of the prompt, to look at.
            let prompt = browser
                .driver
                .execute(
                    "const a = document.getElementById('article').shadowRoot.querySelector('aside.folio-support'); \
                     a.scrollIntoView({block: 'start'}); return a;",
                    vec![],
                )
                .await
                .unwrap()
                .element()
                .unwrap();
            let png = prompt.screenshot_as_png().await.unwrap();
            let dir =
                std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("prompt-{theme}-{width}.png")), png).unwrap();
        }
    }
    browser.stop().await;
}
