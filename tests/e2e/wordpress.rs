//! Pages that cannot take a script: an article's `--page`, its oEmbed
//! response (`--oembed --iframe-src`) and its frame document (`--iframe`)
//! served as a publisher would, then pasted into a post of a real
//! WordPress (Debian's package, 6.1, on loopback), which discovers the
//! response, keeps the iframe in its sandbox, sizes it by the frame's
//! `height` messages and follows its `link` messages; and the same frame
//! on a plain host page with the README's few lines for `folio:height`.

mod site;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;
use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::publisher::{Publisher, seed};
use crate::server::Server;
use folio_render::Style;
use site::WordPress;

/// The seed's headline, as a reader sees it.
const HEADLINE: &str = "Putin Backs Lukashenko's ‘Eventual Succession’ in Belarus – Bloomberg";

/// The publisher's site with the seed as `story`.
fn publisher() -> Publisher {
    Publisher::start(&[("story", seed())], Style::Link)
}

/// What the frame document shows, read inside it.
pub const INSIDE: &str = r#"
const root = document.documentElement;
const link = (text) => [...document.querySelectorAll("a")].find((a) => a.textContent.includes(text))?.href ?? null;
let storage = true;
try { localStorage.length; } catch { storage = false; }
return {
  view: root.dataset.view ?? null,
  height: Math.ceil(root.getBoundingClientRect().height),
  headline: document.querySelector("h1")?.textContent ?? null,
  copies: document.querySelectorAll("article.folio").length,
  paragraphs: [...document.querySelectorAll(".folio-body > p")].filter((p) => !p.hidden).length,
  prompt: !!document.querySelector("aside.folio-support"),
  checked: [...document.querySelectorAll("[role=radio]")].findIndex((b) => b.getAttribute("aria-checked") === "true"),
  continues: link("Continue reading"),
  readMore: link("Read more"),
  storage,
  log: window.__log ?? null,
};
"#;

/// Recorded in every document before its scripts (where the browser runs
/// it in the frame too), for a failure to tell why: the errors and
/// `folio:*` events, and when the island's prompt came.
const WATCH: &str = r#"
window.__log = [];
const note = (what) => window.__log.push(`${Math.round(performance.now())} ms: ${what}`);
addEventListener("error", (e) => note(`error ${e.message}`));
addEventListener("unhandledrejection", (e) => note(`rejection ${e.reason}`));
for (const name of ["folio:error", "folio:support-view"]) {
  document.addEventListener(name, (e) => note(`${name} ${JSON.stringify(e.detail)}`));
}
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector("aside.folio-support")) return;
    note("prompt");
    observer.disconnect();
  }).observe(document.body, { childList: true, subtree: true });
});
"#;

/// The frame as the host page has it.
const OUTSIDE: &str = r#"
const frame = document.querySelector("iframe");
const quote = document.querySelector("blockquote.wp-embedded-content");
return frame && {
  sandbox: frame.getAttribute("sandbox"),
  security: frame.getAttribute("security"),
  src: frame.getAttribute("src"),
  style: frame.getAttribute("style"),
  height: Number(frame.getAttribute("height")),
  shown: Math.round(frame.getBoundingClientRect().height),
  quote: quote ? getComputedStyle(quote).display : null,
};
"#;

/// Makes the page's first iframe the one scripts and clicks go to.
async fn enter_frame(browser: &Browser) {
    let frame = browser
        .driver
        .find(By::Css("iframe"))
        .await
        .expect("an iframe");
    frame.enter_frame().await.expect("enter the frame");
}

/// Reads [`INSIDE`] in the page's first iframe.
async fn inside(browser: &Browser) -> Value {
    enter_frame(browser).await;
    let seen = browser.eval(INSIDE, vec![]).await;
    browser
        .driver
        .enter_default_frame()
        .await
        .expect("back to the page");
    seen
}

/// Waits until the host has set the frame's height to the frame
/// document's own and the prompt has had its say; returns both views.
async fn settled(browser: &Browser, what: &str) -> (Value, Value) {
    let started = Instant::now();
    let mut seen = Value::Null;
    loop {
        let outside = browser.eval(OUTSIDE, vec![]).await;
        // WordPress hides a frame (`clip`) until it has said its height.
        let hidden = outside["style"]
            .as_str()
            .is_some_and(|s| s.contains("clip"));
        if !outside.is_null() && !hidden {
            let inside = inside(browser).await;
            if inside["height"] == outside["height"] && inside["prompt"] == true {
                return (outside, inside);
            }
            seen = inside;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what}: the host never sized the frame to its document: {outside}, inside {seen}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks, inside the page's first iframe, the element `selector` finds.
async fn click_inside(browser: &Browser, selector: &str) {
    enter_frame(browser).await;
    let target = browser
        .driver
        .find(By::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector} in the frame: {e}"));
    target.scroll_into_view().await.expect("scroll");
    target.click().await.expect("click");
    browser.driver.enter_default_frame().await.expect("page");
}

#[tokio::test(flavor = "multi_thread")]
async fn wordpress_discovers_the_article_and_keeps_sizes_and_follows_its_frame() {
    let publisher = publisher();
    let story = publisher.url("story.html");
    let wordpress = WordPress::start(&story);
    let browser = Browser::start().await;
    browser.before_each_document(WATCH).await;
    browser.resize(1280, 2000).await;
    browser.open(&wordpress.post_url()).await;

    let (outside, card) = settled(&browser, "WordPress at 1280 px").await;
    assert_eq!(outside["sandbox"], "allow-scripts", "{outside}");
    assert_eq!(outside["security"], "restricted", "{outside}");
    let src = outside["src"].as_str().unwrap_or_default();
    assert!(
        src.starts_with(&publisher.url("story.frame.html")) && src.contains("#?secret="),
        "WordPress frames the article's frame document with its secret: {src}"
    );
    assert_eq!(outside["quote"], "none", "the fallback quote is hidden");
    let height = card["height"].as_u64().unwrap_or_default();
    assert!(
        (200..=1000).contains(&height),
        "under WordPress's cap the card fits whole: {card}"
    );
    assert_eq!(
        outside["shown"], card["height"],
        "the frame shows all of it"
    );
    assert_eq!(card["view"], "card", "{card}");
    assert_eq!(card["copies"], 1, "one copy of the article is left: {card}");
    assert_eq!(card["headline"], HEADLINE);
    assert_eq!(card["continues"], story.as_str(), "{card}");
    assert_eq!(card["readMore"], Value::Null, "{card}");
    assert_eq!(card["storage"], false, "WordPress's sandbox has no storage");
    browser.screenshot("wordpress-1280").await;

    // The prompt works in the sandbox, and its going resizes the frame.
    click_inside(&browser, ".folio-support [role=radio] ~ [role=radio]").await;
    let chosen = inside(&browser).await;
    assert_eq!(
        chosen["checked"], 1,
        "the second amount is chosen: {chosen}"
    );
    click_inside(&browser, ".folio-support__later").await;
    let started = Instant::now();
    let (resized, later) = loop {
        let outside = browser.eval(OUTSIDE, vec![]).await;
        let inside = inside(&browser).await;
        let moved = outside["height"].as_u64() != Some(height);
        if inside["prompt"] == false && moved && inside["height"] == outside["height"] {
            break (outside, inside);
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the prompt went but the frame kept its height: {outside} {inside}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    // The card fits again: shorter, or with a paragraph back in the room.
    assert!(
        resized["height"].as_u64() < Some(height)
            || later["paragraphs"].as_u64() > chosen["paragraphs"].as_u64(),
        "{resized} {later} after {outside} {chosen}"
    );
    assert!(resized["height"].as_u64() <= Some(1000), "{resized}");

    // "Continue reading" goes through WordPress to the article's page.
    click_inside(&browser, ".folio-read-more__link").await;
    let started = Instant::now();
    while browser
        .driver
        .current_url()
        .await
        .ok()
        .map(|u| u.to_string())
        != Some(story.clone())
    {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "WordPress did not follow the frame's link to {story}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page = browser
        .eval("return document.querySelector('h1')?.textContent;", vec![])
        .await;
    assert_eq!(page, HEADLINE, "the article's own page opened");

    // A phone: the card still fits, and still reads whole.
    browser.viewport(375, 2000, 1.0).await;
    browser.open(&wordpress.post_url()).await;
    let (_, phone) = settled(&browser, "WordPress at 375 px").await;
    assert!(phone["height"].as_u64() <= Some(1000), "{phone}");
    assert_eq!(phone["headline"], HEADLINE);
    assert_eq!(phone["continues"], story.as_str());
    browser.screenshot("wordpress-375").await;
    browser.stop().await;
}

/// The host page of the README's section "Partners and oEmbed": its
/// `<iframe>` and its few lines that honour `folio:height`.
fn readme_host(frame: &str) -> String {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let snippet = readme
        .split("```html\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("folio:height") && block.contains("<iframe"))
        .expect("README shows a host how to honour folio:height");
    let placeholder = "https://news.example/2020/09/13/story.frame.html";
    assert!(snippet.contains(placeholder), "{snippet}");
    format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>A partner</title>\
         <body style=\"max-width: 52rem; margin: 2rem auto; font-family: sans-serif\">\
         <p>Before the story.</p>{}<p>After the story.</p></body></html>",
        snippet.replace(placeholder, frame)
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plain_host_with_the_readmes_lines_shows_the_whole_article_at_its_height() {
    let publisher = publisher();
    let folder: PathBuf =
        std::env::temp_dir().join(format!("folio-partner-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("host folder");
    let frame = publisher.url("story.frame.html");
    std::fs::write(folder.join("index.html"), readme_host(&frame)).expect("host page");
    let host = Server::start(folder);
    let browser = Browser::start().await;
    browser.resize(1280, 2000).await;
    browser.open(&host.url("index.html")).await;

    let (outside, full) = settled(&browser, "a plain host").await;
    assert_eq!(full["view"], "full", "{full}");
    assert_eq!(full["copies"], 1, "{full}");
    assert!(
        full["height"].as_u64() > Some(1000),
        "no cap: the whole article at its height: {full}"
    );
    assert_eq!(outside["shown"], full["height"], "{outside}");
    assert_eq!(full["continues"], Value::Null, "{full}");
    assert!(full["readMore"].is_string(), "{full}");
    assert!(full["paragraphs"].as_u64() > Some(2), "{full}");
    browser.screenshot("partner-1280").await;

    // A link opens in a new tab; the host page stays.
    let before = browser.driver.windows().await.expect("windows").len();
    click_inside(&browser, ".folio-read-more__link").await;
    let started = Instant::now();
    while browser.driver.windows().await.expect("windows").len() == before {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "Read more opened no tab"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let here = browser.driver.current_url().await.expect("url").to_string();
    assert_eq!(here, host.url("index.html"), "the host page stays");

    browser.viewport(375, 2000, 1.0).await;
    browser.open(&host.url("index.html")).await;
    let (_, phone) = settled(&browser, "a plain host at 375 px").await;
    assert_eq!(phone["view"], "full");
    browser.screenshot("partner-375").await;
    browser.stop().await;
}
