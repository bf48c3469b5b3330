//! End to end: the release `dist/` served over HTTP on loopback, read by
//! headless Chromium the way a reader's browser reads it.

use std::path::PathBuf;

use crate::browser::Browser;
use crate::server::Server;
use crate::site::dist;
use serde_json::{Value, json};

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// What a reader sees of the demo, measured in the page.
const MEASURE: &str = r#"
const root = document.querySelector("folio-article").shadowRoot;
const style = (sel) => getComputedStyle(root.querySelector(sel));
const px = (sel, prop) => parseFloat(style(sel)[prop]);
return {
  headline: root.querySelector("h1").textContent,
  headlineSize: px("h1", "fontSize"),
  bodySize: px(".folio-body p", "fontSize"),
  gutter: px("article.folio", "paddingLeft"),
  bodyWidth: root.querySelector(".folio-body p").getBoundingClientRect().width,
  caption: root.querySelector(".folio-figure__text").textContent,
  credit: root.querySelector(".folio-figure__credit").textContent,
  creditTransform: style(".folio-figure__credit").textTransform,
  creditSize: px(".folio-figure__credit", "fontSize"),
  captionSize: px(".folio-figure__text", "fontSize"),
  imageRatio: root.querySelector("figure img").getBoundingClientRect().width
      / root.querySelector("figure img").getBoundingClientRect().height,
  overflow: document.documentElement.scrollWidth - innerWidth,
  wasmFetches: performance.getEntriesByType("resource").filter((r) => r.name.endsWith("folio_bg.wasm")).length,
  height: document.documentElement.scrollHeight,
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn demo_reads_as_a_news_article_on_desktop_and_phone() {
    let server = Server::start(dist());
    let browser = Browser::start().await;
    let sample: Value =
        serde_json::from_str(include_str!("../../www/sample/article.json")).unwrap();
    for width in [1280u32, 375] {
        browser.resize(width, 1000).await;
        browser.open(&server.url("index.html")).await;
        let ready = "const r = document.querySelector('folio-article')?.shadowRoot; \
                     return !!(r && r.querySelector('h1') && r.querySelector('figure img').complete);";
        browser.wait_for(ready, "the article to render").await;
        let seen = browser.eval(MEASURE, vec![]).await;

        assert_eq!(seen["headline"], sample["headline"], "at {width}px");
        let gutter = if width < 480 { 16.0 } else { 24.0 };
        assert_eq!(
            seen["gutter"].as_f64(),
            Some(gutter),
            "side padding at {width}px"
        );
        assert_eq!(
            seen["wasmFetches"], 1,
            "the preload hint and folio.js share one download"
        );
        assert_eq!(seen["caption"], sample["image"]["caption"]);
        assert_eq!(seen["credit"], sample["image"]["credit"]);
        assert_eq!(
            seen["creditTransform"], "uppercase",
            "the credit reads apart from the caption"
        );
        assert!(seen["creditSize"].as_f64().unwrap() < seen["captionSize"].as_f64().unwrap());
        assert!(seen["headlineSize"].as_f64().unwrap() >= 1.5 * seen["bodySize"].as_f64().unwrap());
        assert!(
            seen["bodyWidth"].as_f64().unwrap() <= 641.0,
            "text measure stays near 40rem: {seen}"
        );
        assert_eq!(
            seen["overflow"],
            json!(0),
            "nothing scrolls sideways at {width}px"
        );
        let ratio = seen["imageRatio"].as_f64().unwrap();
        assert!(
            (ratio - 1280.0 / 853.0).abs() < 0.01,
            "the photo keeps its aspect ratio: {ratio}"
        );

        let height = seen["height"].as_u64().unwrap_or(3000).min(8000) as u32;
        browser.resize(width, height).await;
        let png = browser.driver.screenshot_as_png().await.unwrap();
        std::fs::write(screenshot_dir().join(format!("demo-{width}.png")), png).unwrap();
    }
    browser.stop().await;
}
