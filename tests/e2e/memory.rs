//! Memory that goes back: widgets mounted, updated and unmounted, or added
//! and removed as elements, hundreds of times over, leave the core holding
//! what it held before, and its WebAssembly memory no larger.
//!
//! The core of the build with test hooks counts the bytes its allocator
//! holds (`__folioHeapBytes`): the WebAssembly memory only grows, so only
//! that count can show a widget's bytes going back.

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::embed::sample;
use crate::site::Site;

/// How many times each test mounts and unmounts after the first few
/// (even, as the first few are: the last cycle of each updates).
const CYCLES: u32 = 500;

/// The first cycles, which fill what the core keeps for the page (the
/// words, the reactive runtime's arena): they are not a widget's.
const WARM_UP: u32 = 6;

/// The test-hooks build's blank page, its core started, with `heap()`
/// (the core's live bytes and its memory's size), `rendered(host)` (a
/// promise of the widget's headline, rejected on its error state) and
/// `headline(host, text)` (a promise of that headline) on the page.
pub async fn blank_page() -> (Site, Browser) {
    let site = Site::serving(crate::site::dist_with_test_hooks());
    let browser = Browser::start().await;
    browser.open(&site.folio.url("index.html")).await;
    browser
        .eval(
            "if (!(await Folio.ready)) throw new Error('the core did not start'); \
             const core = await import(arguments[0]); \
             const { memory } = await core.default(); \
             window.heap = () => ({ bytes: core.__folioHeapBytes(), memory: memory.buffer.byteLength }); \
             const until = (host, done) => new Promise((resolve, reject) => { \
               const look = () => { \
                 const error = host.shadowRoot?.querySelector('.folio-error'); \
                 if (error) return reject(new Error('the widget failed: ' + error.textContent)); \
                 done(host.shadowRoot?.querySelector('.folio-headline')) ? resolve() : requestAnimationFrame(look); \
               }; \
               look(); }); \
             window.rendered = (host) => until(host, (h) => h); \
             window.headline = (host, text) => until(host, (h) => h?.textContent === text);",
            vec![json!(site.folio.url("core/folio.js"))],
        )
        .await;
    (site, browser)
}

/// Runs `cycle` (an async function body taking `i`, which calls `shown()`
/// while its widget is up) `count` times in the page; returns `heap()`
/// after, with `peak`: the most bytes the core held while a widget was up.
async fn cycles(browser: &Browser, cycle: &str, count: u32, article: &Value) -> Value {
    let script = format!(
        "const article = arguments[1]; let peak = 0; \
         const shown = () => {{ peak = Math.max(peak, heap().bytes); }}; \
         const cycle = async (i) => {{ {cycle} }}; \
         for (let i = 0; i < arguments[0]; i++) await cycle(i); \
         await new Promise((r) => setTimeout(r, 50)); \
         return {{ ...heap(), peak }};"
    );
    browser
        .eval(&script, vec![json!(count), article.clone()])
        .await
}

/// Asserts that a widget holds its article while it is up, and that the
/// core holds after `CYCLES` more cycles what it held after the first
/// few, in a memory no larger.
async fn gives_back(cycle: &str) {
    let (_site, browser) = blank_page().await;
    let article = sample();
    // The support prompt's code (a chunk of the core, loaded the first time
    // a widget shows a prompt) and what it keeps for the page come first:
    // they are not a widget's.
    browser
        .eval(
            "const el = document.createElement('div'); document.body.append(el); \
             const shown = new Promise((resolve) => el.addEventListener('folio:render', resolve, { once: true })); \
             const handle = Folio.mount(el, arguments[0]); await shown; \
             if (!el.shadowRoot.querySelector('.folio-support')) throw new Error('no prompt shown'); \
             handle.unmount(); el.remove();",
            vec![article.clone()],
        )
        .await;
    let warm = cycles(&browser, cycle, WARM_UP, &article).await;
    let after = cycles(&browser, cycle, CYCLES, &article).await;
    let live = browser.eval("return Folio.liveWidgets();", vec![]).await;
    assert_eq!(live, json!(0), "every widget is gone");
    let held = after["peak"].as_f64().unwrap_or(0.0) - warm["bytes"].as_f64().unwrap_or(0.0);
    assert!(
        held > 10_000.0,
        "a widget of the seed holds its article while it is up, and the count sees it \
         ({held} bytes more than between widgets)"
    );
    assert_eq!(
        after["bytes"], warm["bytes"],
        "the core holds what it held before {CYCLES} more widgets came and went \
         (after {WARM_UP}: {warm}, after {CYCLES} more: {after})"
    );
    assert_eq!(
        after["memory"], warm["memory"],
        "the core's memory did not grow (after {WARM_UP}: {warm}, after {CYCLES} more: {after})"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn widgets_mounted_and_unmounted_give_their_memory_back() {
    gives_back(
        "const el = document.createElement('div'); document.body.append(el); \
         const handle = Folio.mount(el, article); await rendered(el); shown(); \
         if (i % 2) { \
           handle.update({ ...article, headline: 'Updated ' + i }); \
           await headline(el, 'Updated ' + i); shown(); \
         } \
         handle.unmount(); el.remove();",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn elements_added_and_removed_give_their_memory_back() {
    gives_back(
        "const el = document.createElement('folio-article'); \
         const data = document.createElement('script'); data.type = 'application/json'; \
         data.textContent = JSON.stringify(article); el.append(data); \
         document.body.append(el); await rendered(el); shown(); el.remove(); \
         await new Promise((r) => setTimeout(r, 0));",
    )
    .await;
}
