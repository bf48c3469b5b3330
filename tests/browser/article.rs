//! What a reader sees of an article: its parts, links, dates, the error
//! state, and what never becomes markup.

use folio::embed::Widget;
use leptos::task::tick;
use serde_json::json;
use wasm_bindgen_test::*;

use crate::{SAMPLE, all, field, host, mount, record_events, sample, text, with_body};

#[wasm_bindgen_test]
fn seed_article_shows_headline_photo_caption_and_credit() {
    let article = sample();
    let (_host, root, _widget) = mount(SAMPLE, None);
    assert_eq!(text(&root, "h1"), article["headline"].as_str().unwrap());
    assert_eq!(text(&root, ".folio-kicker"), "Belarus");
    assert_eq!(
        text(&root, "figcaption .folio-figure__text"),
        article["image"]["caption"].as_str().unwrap()
    );
    assert_eq!(
        text(&root, "figcaption .folio-figure__credit"),
        "Mikhail Metzel / TASS"
    );
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(img.get_attribute("width").as_deref(), Some("1280"));
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        article["image"]["alt"].as_str()
    );
}

#[wasm_bindgen_test]
fn body_paragraphs_appear_in_order_with_the_prompt_after_the_fourth() {
    let article = sample();
    let expected: Vec<String> = article["body"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .map(|p| {
            p.split("](")
                .next()
                .unwrap()
                .replace('[', "")
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let (_host, root, _widget) = mount(SAMPLE, None);
    let paragraphs: Vec<String> = all(&root, ".folio-body > .folio-chunk > p")
        .iter()
        .filter_map(|p| p.text_content())
        .collect();
    assert_eq!(paragraphs.len(), expected.len());
    for (seen, source) in paragraphs.iter().zip(&expected) {
        assert!(
            seen.starts_with(source.as_str()),
            "{seen:?} should start with {source:?}"
        );
    }
    let prompt = root
        .query_selector("aside.folio-support")
        .unwrap()
        .expect("prompt shown");
    let slot = prompt
        .closest(".folio-prompt")
        .unwrap()
        .expect("in its slot");
    let before = slot.previous_element_sibling().unwrap();
    assert_eq!(
        before
            .query_selector_all(":scope > .folio-chunk > p")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(
        text(&root, ".folio-support__heading"),
        "… we have a small favor to ask."
    );
    assert_eq!(text(&root, ".folio-banner a"), "Support The Moscow Times!");
    assert!(text(&root, ".folio-support__decline").contains("Not ready to support today?"));
    assert_eq!(text(&root, ".folio-support__later"), "Remind me later");
    assert_eq!(text(&root, ".folio-read-more a"), "Read more");
}

#[wasm_bindgen_test]
fn links_keep_their_href_and_external_ones_get_rel() {
    let (_host, root, _widget) = mount(SAMPLE, None);
    let link = root.query_selector(".folio-body a").unwrap().unwrap();
    assert!(
        link.get_attribute("href")
            .unwrap()
            .starts_with("https://www.bloomberg.com/news/articles/2020-09-13/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.text_content().as_deref(), Some("Bloomberg reported"));
}

#[wasm_bindgen_test]
fn dates_are_machine_readable_and_formatted_for_the_language() {
    let (_host, root, _widget) = mount(SAMPLE, None);
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2020-09-13T18:04:00Z")
    );
    let shown = time.text_content().unwrap();
    assert!(
        shown.contains("2020") && shown.contains("September"),
        "{shown}"
    );

    let mut german = sample();
    german["lang"] = json!("de");
    let (_host, root, _widget) = mount(&german.to_string(), None);
    let shown = text(&root, "time");
    assert!(
        shown.contains("September 2020") && shown.starts_with("13."),
        "{shown}"
    );
}

#[wasm_bindgen_test]
fn raw_html_and_script_urls_never_become_markup() {
    let hostile = "<script>window.pwned = 1</script>\n\nText <img src=x onerror=\"window.pwned=2\"> \
                   and [a link](javascript:window.pwned=3) and <b onclick=x>bold</b>.\n";
    let (_host, root, _widget) = mount(&with_body(hostile), None);
    assert!(all(&root, "script").is_empty());
    assert!(all(&root, ".folio-body img").is_empty());
    assert!(
        all(&root, ".folio-body a").is_empty(),
        "a javascript: link is not a link"
    );
    assert!(all(&root, "[onerror], [onclick], b").is_empty());
    let body = text(&root, ".folio-body");
    assert!(body.contains("and a link and bold."), "{body}");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn relative_urls_resolve_against_where_the_article_came_from() {
    let article = with_body("See [more](../more.html).");
    let (_host, root, mut widget) =
        mount(&article, Some("https://news.example/articles/seed.json"));
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://news.example/articles/hero.svg")
    );
    let link = root.query_selector(".folio-body a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://news.example/more.html")
    );

    // The same article from another place: the photo and the body's links
    // follow it.
    widget
        .render(
            &article,
            Some("https://other.example/a/b.json".into()),
            true,
        )
        .expect("the core accepts the render");
    tick().await;
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://other.example/a/hero.svg")
    );
    let link = root.query_selector(".folio-body a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://other.example/more.html")
    );
}

#[wasm_bindgen_test]
async fn bad_content_shows_an_error_naming_the_field_and_sends_folio_error() {
    let mut article = sample();
    article["image"]["alt"] = json!("");
    let host = host();
    let seen = record_events(&host, "folio:error");
    let mut widget = Widget::new(host.clone()).unwrap();
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    tick().await;

    let root = host.shadow_root().unwrap();
    assert_eq!(
        text(&root, ".folio-error__title"),
        "This article could not be shown"
    );
    assert_eq!(
        text(&root, ".folio-error__reason"),
        "Its content has a mistake the publisher needs to fix."
    );
    assert_eq!(
        text(&root, ".folio-error__detail"),
        "`image.alt` must not be empty."
    );
    let details = seen.borrow();
    assert_eq!(details.len(), 1, "one folio:error sent");
    assert_eq!(
        field(&details[0], "path").as_string().as_deref(),
        Some("image.alt")
    );
}

#[wasm_bindgen_test]
fn a_bad_support_block_hides_the_prompt_but_not_the_article() {
    let mut article = sample();
    article["support"]["amounts"][1]["value"] = json!(-10);
    let (_host, root, _widget) = mount(&article.to_string(), None);
    assert!(!text(&root, "h1").is_empty());
    assert!(all(&root, ".folio-support, .folio-banner").is_empty());
}

#[wasm_bindgen_test]
fn unmount_leaves_the_shadow_root_empty() {
    let (_host, root, mut widget) = mount(SAMPLE, None);
    assert!(root.child_element_count() > 0);
    widget.unmount();
    assert_eq!(root.child_nodes().length(), 0);
}
