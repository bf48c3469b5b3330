//! Supporters on pre-rendered pages: the island thanks a supporter with
//! the server's thank-you line, in the prompt's place and the banner's,
//! as the widget does, and follows a mark made while the page is open,
//! without the core.

use super::island::twice;
use super::{center, island_prompt, server};
use crate::browser::Browser;
use serde_json::json;

/// What each `<folio-article>` of the page shows in the prompt's place
/// and the banner's.
const SHOWN: &str = r#"
return [...document.querySelectorAll("folio-article")].map((element) => {
  const root = element.shadowRoot;
  return {
    asks: !!root.querySelector("aside.folio-support"),
    thanks: root.querySelector(".folio-thanks")?.textContent ?? null,
    banner: root.querySelector(".folio-banner")?.textContent ?? null,
    thanksDir: root.querySelector(".folio-thanks") ? getComputedStyle(root.querySelector(".folio-thanks")).direction : null,
  };
});
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_island_thanks_a_supporter_as_the_widget_does() {
    let server = twice();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser
        .open(&server.url("twice.html?folio-supported=favor-2024-ar"))
        .await;
    center(&browser, "[data-island]").await;
    let both = "return [...document.querySelectorAll('folio-article')]\
                .every((e) => e.shadowRoot?.querySelector('.folio-thanks'));";
    browser.wait_for(both, "both thank-you lines").await;
    let shown = browser.eval(SHOWN, vec![]).await;
    let thanks = "شكرًا لدعمك صحافتنا.";
    let expected = json!({ "asks": false, "thanks": thanks, "banner": thanks, "thanksDir": "rtl" });
    assert_eq!(shown, json!([expected, expected]), "island, then widget");
    browser.screenshot("prerender-supporter-ar").await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mark_made_on_the_page_reaches_the_islands_prompt_without_the_core() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    browser.open(&server.url("prerendered.html")).await;
    island_prompt(&browser, "the island's prompt").await;
    let marked = browser
        .eval("return await Folio.markSupported('favor-2024');", vec![])
        .await;
    assert_eq!(marked, true);
    let shown = browser.eval(SHOWN, vec![]).await;
    let thanks = "Thank you for supporting our journalism.";
    assert_eq!(
        shown,
        json!([{ "asks": false, "thanks": thanks, "banner": thanks, "thanksDir": "ltr" }])
    );
    let core = browser
        .eval(
            "return performance.getEntriesByType('resource').some((e) => e.name.endsWith('/core/folio_bg.wasm'));",
            vec![],
        )
        .await;
    assert_eq!(core, false, "the island marked it, not the core");
    let stored = browser
        .eval(
            "return JSON.parse(localStorage.getItem('folio:v1:support:favor-2024')).supported;",
            vec![],
        )
        .await;
    assert!(stored.is_i64(), "{stored}");
    browser.stop().await;
}
