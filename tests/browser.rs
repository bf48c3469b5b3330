//! In the browser (headless Chromium): mount articles and check what a
//! reader sees in the widget's shadow root.
#![cfg(target_arch = "wasm32")]

use folio::embed::Widget;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../www/sample/article.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

/// A fresh host element on the page, with a widget rendering `json` into it.
fn mount(json: &str, base: Option<&str>) -> (HtmlElement, ShadowRoot, Widget) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document
        .create_element("folio-test")
        .unwrap()
        .unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let mut widget = Widget::new(host.clone()).unwrap();
    widget
        .render(json, base.map(str::to_string), true)
        .expect("the core accepts the render");
    let root = host.shadow_root().unwrap();
    (host, root, widget)
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn with_body(markdown: &str) -> String {
    let mut article = sample();
    article["body"] = json!(markdown);
    article.to_string()
}

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

    // The same article from another place: the photo follows it.
    widget
        .render(
            &article,
            Some("https://other.example/a/b.json".into()),
            true,
        )
        .expect("the core accepts the render");
    settle().await;
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://other.example/a/hero.svg")
    );
}

#[wasm_bindgen_test]
async fn bad_content_shows_an_error_naming_the_field_and_sends_folio_error() {
    let mut article = sample();
    article["image"]["alt"] = json!("");
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document
        .create_element("folio-test")
        .unwrap()
        .unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let sink = seen.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |event: web_sys::CustomEvent| *sink.borrow_mut() = Some(event.detail()),
    );
    host.add_event_listener_with_callback("folio:error", listener.as_ref().unchecked_ref())
        .unwrap();
    let mut widget = Widget::new(host.clone()).unwrap();
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;

    let root = host.shadow_root().unwrap();
    assert_eq!(
        text(&root, ".folio-error__title"),
        "This article could not be shown"
    );
    assert_eq!(
        text(&root, ".folio-error__reason"),
        "`image.alt` must not be empty."
    );
    let detail = seen.borrow().clone().expect("folio:error sent");
    let path = js_sys::Reflect::get(&detail, &"path".into()).unwrap();
    assert_eq!(path.as_string().as_deref(), Some("image.alt"));
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

/// Lets the render effects a content change scheduled run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn rendering_again_keeps_the_nodes_of_unchanged_paragraphs() {
    let (_host, root, mut widget) = mount(SAMPLE, None);
    let before = all(&root, ".folio-body > .folio-chunk > p");
    let h1 = root.query_selector("h1").unwrap().unwrap();
    let mut article = sample();
    let body = article["body"].as_str().unwrap().to_string();
    let second = body.split("\n\n").nth(1).unwrap().to_string();
    article["body"] = json!(body.replace(&second, "A new second paragraph."));
    article["headline"] = json!("A new headline");
    // Every node the update adds to or removes from the body, recorded.
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |records: js_sys::Array| sink.borrow_mut().extend(records.iter()),
    );
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    observer.observe_with_options(&root, &options).unwrap();
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;
    seen.borrow_mut().extend(observer.take_records().iter());
    observer.disconnect();
    let moved: Vec<(u32, u32)> = seen
        .borrow()
        .iter()
        .cloned()
        .map(|r| r.unchecked_into::<web_sys::MutationRecord>())
        .filter(|r| {
            r.target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| {
                    let body = |e: &Element| e.class_name() == "folio-body";
                    body(&t) || t.parent_element().is_some_and(|p| body(&p))
                })
        })
        .map(|r| (r.added_nodes().length(), r.removed_nodes().length()))
        .collect();
    assert_eq!(
        moved.iter().fold((0, 0), |(a, r), (x, y)| (a + x, r + y)),
        (1, 1),
        "only the changed paragraph leaves and enters the body: {moved:?}"
    );

    let after = all(&root, ".folio-body > .folio-chunk > p");
    assert_eq!(text(&root, "h1"), "A new headline");
    assert!(
        root.query_selector("h1").unwrap().unwrap() == h1,
        "the headline element is reused"
    );
    assert_eq!(after.len(), before.len());
    for (i, (old, new)) in before.iter().zip(&after).enumerate() {
        assert_eq!(old == new, i != 1, "paragraph {i}");
    }
    assert_eq!(
        after[1].text_content().as_deref(),
        Some("A new second paragraph.")
    );
}

/// Edits that reorder, repeat, drop and add blocks on both sides of the
/// prompt leave the body exactly as a fresh widget renders it.
#[wasm_bindgen_test]
async fn reordered_blocks_render_like_a_fresh_widget() {
    let paragraphs: Vec<String> = (0..8).map(|i| format!("Paragraph {i}.")).collect();
    let body = |order: &[usize], extra: &str| {
        let mut blocks: Vec<&str> = order.iter().map(|&i| paragraphs[i].as_str()).collect();
        blocks.push(extra);
        blocks.join("\n\n")
    };
    let bodies = [
        body(&[0, 1, 2, 3, 4, 5, 6, 7], "- a list"),
        body(&[0, 3, 2, 1, 4, 5, 7, 6], "- a list"),
        body(&[3, 3, 0, 5, 5, 7], "> a quote"),
        body(&[7, 6, 5, 4, 3, 2, 1, 0], "- a list"),
        body(&[1], ""),
        body(&[0, 1, 2, 3, 4, 5, 6, 7], "- a list"),
    ];
    let mut article = sample();
    article["body"] = json!(bodies[0]);
    let (_host, root, mut widget) = mount(&article.to_string(), None);
    for body in &bodies[1..] {
        article["body"] = json!(body);
        widget
            .render(&article.to_string(), None, true)
            .expect("the core accepts the render");
        settle().await;
        let (_fresh_host, fresh, _fresh_widget) = mount(&article.to_string(), None);
        // The blocks in page order, with where the prompt sits among them.
        let html = |root: &ShadowRoot| -> Vec<String> {
            all(root, ".folio-body > .folio-chunk > *, .folio-prompt")
                .iter()
                .map(|e| match e.class_name().as_str() {
                    "folio-prompt" => "(the prompt)".to_string(),
                    _ => e.outer_html(),
                })
                .collect()
        };
        assert!(!html(&fresh).is_empty(), "the body shows blocks");
        assert_eq!(html(&root), html(&fresh), "after the body {body:?}");
    }
}

/// Live updates of everything around the body (banner, kicker, headline,
/// standfirst, byline, photo and its caption, "Read more"), adding and
/// dropping parts, leave the article as a fresh widget shows it, with the
/// headline and the photo kept as the same elements.
#[wasm_bindgen_test]
async fn updates_around_the_body_read_like_a_fresh_widget_and_keep_their_elements() {
    let mut article = sample();
    let (_host, root, mut widget) = mount(&article.to_string(), None);
    let (h1, img) = (
        root.query_selector("h1").unwrap().expect("headline"),
        root.query_selector("img.folio-figure__image")
            .unwrap()
            .expect("photo"),
    );
    let edits: [fn(&mut Value); 5] = [
        |a| {
            a["headline"] = json!("A headline changed live");
            a["kicker"] = Value::Null;
            a["image"]["caption"] = Value::Null;
        },
        |a| {
            a["standfirst"] = json!("A new standfirst <b>kept as text</b>.");
            a["updated"] = json!("2020-09-14T08:30:00Z");
            a["authors"] = json!(["One", "Two", "Three"]);
            a["image"]["credit"] = json!("New credit");
            a["support"]["banner"] = Value::Null;
        },
        |a| {
            a["kicker"] = json!("Back again");
            a["readMore"] = Value::Null;
            a["image"]["srcset"] = Value::Null;
            a["image"]["width"] = Value::Null;
        },
        |a| {
            a["image"] = Value::Null;
            a["updated"] = Value::Null;
            a["authors"] = json!([]);
        },
        |a| {
            a["image"] = sample()["image"].clone();
            a["readMore"] = sample()["readMore"].clone();
            a["support"]["banner"] = sample()["support"]["banner"].clone();
        },
    ];
    for (i, edit) in edits.iter().enumerate() {
        edit(&mut article);
        widget
            .render(&article.to_string(), None, true)
            .expect("the core accepts the render");
        settle().await;
        let (_fresh_host, fresh, _fresh_widget) = mount(&article.to_string(), None);
        let outside_the_body = |root: &ShadowRoot| -> Vec<String> {
            all(root, "article.folio > :not(.folio-body, .folio-prompt)")
                .iter()
                .map(Element::outer_html)
                .collect()
        };
        assert!(
            !outside_the_body(&fresh).is_empty(),
            "edit {i}: parts shown"
        );
        assert_eq!(
            outside_the_body(&root),
            outside_the_body(&fresh),
            "edit {i}"
        );
        let order = |root: &ShadowRoot| -> Vec<String> {
            all(root, "article.folio > *")
                .iter()
                .map(Element::class_name)
                .collect()
        };
        assert_eq!(order(&root), order(&fresh), "edit {i}: the parts' order");
        if i < 3 {
            assert!(
                img.is_connected(),
                "edit {i}: the photo is the same element"
            );
        }
    }
    assert!(
        root.query_selector("h1").unwrap().as_ref() == Some(&h1),
        "the headline is the same element"
    );
    assert_eq!(h1.text_content().unwrap(), "A headline changed live");
    assert!(
        !img.is_connected(),
        "the photo went with the image and a new one came back"
    );
}

/// A long body sits in chunks of at most 64 blocks, and updates that add,
/// drop and reorder blocks across chunk edges show what a fresh widget
/// shows, with no empty chunk left behind.
#[wasm_bindgen_test]
async fn long_bodies_sit_in_chunks_that_updates_keep_in_order() {
    let paragraph = |i: usize| format!("Paragraph {i}.");
    let body = |ids: &[usize]| {
        ids.iter()
            .map(|&i| paragraph(i))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let first: Vec<usize> = (0..300).collect();
    let inserted: Vec<usize> = (0..130).chain(1000..1100).chain(130..300).collect();
    let dropped: Vec<usize> = inserted[70..].to_vec();
    let hollowed: Vec<usize> = dropped[..60]
        .iter()
        .copied()
        .chain(2000..2005)
        .chain(dropped[200..].iter().copied())
        .collect();
    let reversed: Vec<usize> = first.iter().rev().copied().collect();
    let chunks_of = |root: &ShadowRoot| -> Vec<u32> {
        all(root, ".folio-body > .folio-chunk")
            .iter()
            .map(|c| c.child_element_count())
            .collect()
    };
    let blocks = |root: &ShadowRoot| -> Vec<String> {
        all(root, ".folio-body > .folio-chunk > *")
            .iter()
            .map(Element::outer_html)
            .collect()
    };

    let mut article = sample();
    article["body"] = json!(body(&first));
    let (_host, root, mut widget) = mount(&article.to_string(), None);
    let sizes = chunks_of(&root);
    assert!(
        sizes.iter().all(|&n| (1..=64).contains(&n)) && sizes.len() >= 5,
        "300 paragraphs in chunks of at most 64: {sizes:?}"
    );
    for ids in [&inserted, &dropped, &hollowed, &reversed, &first] {
        article["body"] = json!(body(ids));
        widget
            .render(&article.to_string(), None, true)
            .expect("the core accepts the render");
        settle().await;
        let (_fresh_host, fresh, _fresh_widget) = mount(&article.to_string(), None);
        assert_eq!(blocks(&root).len(), ids.len(), "one block per paragraph");
        assert_eq!(
            blocks(&root),
            blocks(&fresh),
            "the same blocks in the same order"
        );
        assert!(
            chunks_of(&root).iter().all(|&n| n > 0),
            "no empty chunk: {:?}",
            chunks_of(&root)
        );
        assert!(
            all(&root, ".folio-body > :not(.folio-chunk)").is_empty(),
            "blocks sit only in chunks"
        );
    }
}

/// An update that leaves the support block as it was leaves the prompt as
/// it was: the same elements, and the reader's focus where it was. A
/// changed support block is shown.
#[wasm_bindgen_test]
async fn an_update_elsewhere_keeps_the_prompt_and_the_focus_in_it() {
    let mut article = with_campaign("kept prompt");
    let (_host, root, mut widget) = mount(&article.to_string(), None);
    let aside = root
        .query_selector("aside.folio-support")
        .unwrap()
        .expect("prompt");
    let third: HtmlElement = all(&root, "[role=radio]")[2].clone().unchecked_into();
    third.click();
    third.focus().unwrap();
    settle().await;
    assert!(root.active_element().as_ref() == Some(third.unchecked_ref::<Element>()));

    article["headline"] = json!("A headline changed live");
    article["body"] = json!(format!(
        "A new first paragraph.\n\n{}",
        article["body"].as_str().unwrap()
    ));
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;
    assert_eq!(text(&root, "h1"), "A headline changed live");
    assert!(
        root.query_selector("aside.folio-support").unwrap().as_ref() == Some(&aside),
        "the same prompt element"
    );
    assert!(
        root.active_element().as_ref() == Some(third.unchecked_ref::<Element>()),
        "focus stays on the chosen amount"
    );
    assert_eq!(third.get_attribute("aria-checked").as_deref(), Some("true"));

    article["support"]["heading"] = json!("A new appeal");
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;
    assert_eq!(text(&root, ".folio-support__heading"), "A new appeal");
}

/// A live update of the article keeps the amount the reader chose; a new
/// campaign starts from its own default.
#[wasm_bindgen_test]
async fn an_update_keeps_the_chosen_amount() {
    let mut article = with_campaign("kept choice");
    let (_host, root, mut widget) = mount(&article.to_string(), None);
    let checked = || {
        all(&root, "[role=radio]")
            .iter()
            .position(|b| b.get_attribute("aria-checked").as_deref() == Some("true"))
    };
    let default = checked();
    assert_eq!(default, Some(0), "the sample's default amount");
    all(&root, "[role=radio]")[2]
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(checked(), Some(2));

    article["headline"] = json!("An updated headline");
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;
    assert_eq!(text(&root, "h1"), "An updated headline");
    assert_eq!(checked(), Some(2), "the choice survives the update");

    article["support"]["campaign"] = json!("another campaign");
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    settle().await;
    assert_eq!(checked(), default, "a new campaign starts from its default");
}

/// The sample article with its own campaign (tests share one page's storage).
fn with_campaign(campaign: &str) -> Value {
    let mut article = sample();
    article["support"]["campaign"] = json!(campaign);
    article
}

/// Whether a new widget shows the sample's prompt under `campaign`.
fn prompt_shown(campaign: &str) -> bool {
    let (_host, root, _widget) = mount(&with_campaign(campaign).to_string(), None);
    root.query_selector(".folio-support").unwrap().is_some()
}

/// Records the `detail` of every `name` event on `host`.
fn record_events(
    host: &HtmlElement,
    name: &str,
) -> std::rc::Rc<std::cell::RefCell<Vec<wasm_bindgen::JsValue>>> {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |event: web_sys::CustomEvent| sink.borrow_mut().push(event.detail()),
    );
    host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

fn field(detail: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(detail, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn amounts_are_formatted_for_the_currency_and_language_with_the_default_chosen() {
    let (_host, root, _widget) = mount(&with_campaign("format").to_string(), None);
    let amounts: Vec<(String, Option<String>)> = all(&root, "[role=radio]")
        .iter()
        .map(|b| (b.text_content().unwrap(), b.get_attribute("aria-checked")))
        .collect();
    assert_eq!(
        amounts,
        [
            ("$2 / month".to_string(), Some("true".to_string())),
            ("$10 / month".to_string(), Some("false".to_string())),
            ("$25 / month".to_string(), Some("false".to_string())),
            ("$50 once".to_string(), Some("false".to_string())),
        ]
    );
    let mut german = with_campaign("format-de");
    german["lang"] = json!("de");
    german["support"]["currency"] = json!("EUR");
    german["support"]["amounts"][1]["value"] = json!(10.5);
    let (_host, root, _widget) = mount(&german.to_string(), None);
    let second = all(&root, "[role=radio]")[1].text_content().unwrap();
    assert_eq!(second.replace('\u{a0}', " "), "10,50 € / month");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_choice_and_the_cta_carries_it() {
    let mut article = with_campaign("favor 2024/ü");
    article["support"]["cta"]["href"] =
        json!("https://publisher.example/support?ref=folio&note=a%20b");
    let (_host, root, _widget) = mount(&article.to_string(), None);
    let group = root.query_selector("[role=radiogroup]").unwrap().unwrap();
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        all(&root, "[role=radio]")[0]
            .dispatch_event(&event)
            .unwrap();
    };
    let checked = || {
        all(&root, "[role=radio]")
            .iter()
            .position(|b| b.get_attribute("aria-checked").as_deref() == Some("true"))
    };
    let tabbable = || {
        all(&root, "[role=radio]")
            .iter()
            .filter(|b| b.get_attribute("tabindex").as_deref() == Some("0"))
            .count()
    };
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Choose an amount")
    );

    press("ArrowRight");
    settle().await;
    assert_eq!(checked(), Some(1));
    assert_eq!(tabbable(), 1, "one radio in the tab order: the chosen one");
    let focused = root.active_element().and_then(|e| e.text_content());
    assert_eq!(
        focused.as_deref(),
        Some("$10 / month"),
        "focus follows the choice"
    );
    press("ArrowLeft");
    press("ArrowLeft");
    settle().await;
    assert_eq!(checked(), Some(3), "arrows wrap around");
    press("Home");
    settle().await;
    assert_eq!(checked(), Some(0));

    press("End");
    settle().await;
    let href = root
        .query_selector(".folio-support__cta")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    let url = web_sys::Url::new(&href).unwrap();
    let params = url.search_params();
    assert_eq!(
        params.get("ref").as_deref(),
        Some("folio"),
        "existing parameters are kept"
    );
    assert_eq!(params.get("note").as_deref(), Some("a b"));
    assert_eq!(params.get("amount").as_deref(), Some("50"));
    assert_eq!(params.get("frequency").as_deref(), Some("once"));
    assert_eq!(params.get("campaign").as_deref(), Some("favor 2024/ü"));
    assert!(
        href.contains("campaign=favor+2024%2F%C3%BC"),
        "values are encoded: {href}"
    );
}

#[wasm_bindgen_test]
async fn remind_me_later_hides_the_prompt_stores_the_snooze_and_reports_it() {
    let (host, root, _widget) = mount(&with_campaign("later").to_string(), None);
    let dismissed = record_events(&host, "folio:support-dismiss");
    let before = js_sys::Date::now();
    let later: HtmlElement = root
        .query_selector(".folio-support__later")
        .unwrap()
        .unwrap()
        .unchecked_into();
    later.click();
    settle().await;

    assert!(
        root.query_selector(".folio-support").unwrap().is_none(),
        "the prompt is gone"
    );
    assert!(
        root.query_selector(".folio-banner").unwrap().is_some(),
        "the banner stays"
    );
    let focused = root.active_element().expect("focus stays in the widget");
    assert!(
        focused
            .text_content()
            .unwrap()
            .starts_with("Lukashenko has vowed"),
        "it moves to what followed the prompt"
    );

    let detail = dismissed
        .borrow()
        .first()
        .cloned()
        .expect("folio:support-dismiss sent");
    assert_eq!(
        field(&detail, "campaign").as_string().as_deref(),
        Some("later")
    );
    let until = js_sys::Date::parse(&field(&detail, "until").as_string().unwrap());
    let week = 7.0 * 86_400_000.0;
    let after = js_sys::Date::now();
    assert!(
        before + week <= until && until <= after + week,
        "until is a week from the click: {until} not in [{}, {}]",
        before + week,
        after + week
    );

    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage
        .get_item("folio:v1:support:later")
        .unwrap()
        .expect("snooze stored");
    let record: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(record["v"], 1);
    assert_eq!(record["until"].as_f64().unwrap(), until);

    assert!(
        !prompt_shown("later"),
        "a new widget of the campaign stays hidden"
    );
    assert!(prompt_shown("another"), "other campaigns are not snoozed");
}

#[wasm_bindgen_test]
fn a_campaign_past_its_cap_shows_no_prompt_and_corrupt_storage_is_ignored() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let now = js_sys::Date::now();
    let views: Vec<i64> = (0..4).map(|i| now as i64 - i * 86_400_000).collect();
    let record = json!({"v": 1, "views": views}).to_string();
    storage
        .set_item("folio:v1:support:capped", &record)
        .unwrap();
    assert!(!prompt_shown("capped"));

    for (campaign, junk) in [
        ("junk", "{not json"),
        ("future", "{\"v\":9,\"until\":9e15}"),
        ("foreign", "[1,2,3]"),
    ] {
        storage
            .set_item(&format!("folio:v1:support:{campaign}"), junk)
            .unwrap();
        assert!(prompt_shown(campaign), "{campaign}");
    }
}

#[wasm_bindgen_test]
fn only_links_that_leave_the_page_origin_get_rel() {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let mut article = sample();
    article["body"] = json!(format!(
        "[near](/local) [here]({origin}/x?y) [far](https://elsewhere.example/) \
         [sly](http://127.0.0.1.evil.example/) [proto](//elsewhere.example/) [mail](mailto:desk@example.org)"
    ));
    let base = format!("{origin}/articles/a.json");
    let (_host, root, _widget) = mount(&article.to_string(), Some(&base));
    let links = root.query_selector_all(".folio-body a").unwrap();
    let rels: Vec<(String, Option<String>)> = (0..links.length())
        .map(|i| links.item(i).unwrap().unchecked_into::<web_sys::Element>())
        .map(|a| (a.text_content().unwrap(), a.get_attribute("rel")))
        .collect();
    let far = Some("noopener noreferrer".to_string());
    assert_eq!(
        rels,
        [
            ("near".to_string(), None),
            ("here".to_string(), None),
            ("far".to_string(), far.clone()),
            ("sly".to_string(), far.clone()),
            ("proto".to_string(), far),
            ("mail".to_string(), None),
        ]
    );
}

#[wasm_bindgen_test]
fn text_outside_the_basic_plane_keeps_every_character() {
    let mut article = sample();
    article["body"] = json!(
        "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, café, 日本語.\n\n[😀 link 𝔘](https://example.org/😀?q=日本) after *ü𝔘*"
    );
    let (_host, root, _widget) = mount(&article.to_string(), None);
    let paragraphs = all(&root, ".folio-body > .folio-chunk > p");
    assert_eq!(
        paragraphs[0].text_content().as_deref(),
        Some("Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, café, 日本語.")
    );
    assert_eq!(
        paragraphs[1].text_content().as_deref(),
        Some("😀 link 𝔘 after ü𝔘")
    );
    let link = root.query_selector(".folio-body a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/😀?q=日本")
    );
    assert_eq!(text(&root, ".folio-body em"), "ü𝔘");
}

/// Markdown that stresses the serializer: every construct, characters the
/// HTML parser treats specially, and content at the nesting limit.
fn markup_cases() -> Vec<String> {
    let mut cases: Vec<String> = [
        include_str!("markdown/autolinks.md"),
        include_str!("markdown/blockquote.md"),
        include_str!("markdown/code.md"),
        include_str!("markdown/deep_nesting.md"),
        include_str!("markdown/emphasis.md"),
        include_str!("markdown/escapes.md"),
        include_str!("markdown/headings.md"),
        include_str!("markdown/images.md"),
        include_str!("markdown/links.md"),
        include_str!("markdown/lists.md"),
        include_str!("markdown/paragraphs.md"),
        include_str!("markdown/raw_html.md"),
        include_str!("markdown/reference_links.md"),
        include_str!("markdown/rule.md"),
        include_str!("markdown/table.md"),
        include_str!("markdown/unsafe_urls.md"),
        "a\0b `c\0d` [e](/f \"g\0h\")",
        "```\r\nline\rbreak\r\n```\n\ntext\rwith\r\nreturns",
        "```\n\n\nleading blank lines\n```",
        "&lt;b&gt; &amp;amp; &#60;i&#62; &quot;q&quot; <b>raw</b> & < > \"",
        "[a \"title\" & <link>](https://x.example/?a=1&b=\"2\" 'it''s')",
    ]
    .iter()
    .map(|case| case.to_string())
    .collect();
    for depth in 26..=34 {
        let q = "> ".repeat(depth);
        cases.push(format!("{q}```\n{q}\n{q}x\n{q}```\n"));
        cases.push(format!("{q}| a | b |\n{q}|---|--:|\n{q}| c | *d* |\n"));
        cases.push(format!("{q}- a\n{q}  - b\n\n{q}  c\n"));
    }
    // Random documents from pieces that open, close and escape things.
    let pieces = [
        "a",
        "word ",
        " ",
        "\n",
        "\n\n",
        "*",
        "_",
        "**",
        "`",
        "```\n",
        "~~",
        "[",
        "]",
        "(",
        ")",
        "](",
        "](/x)",
        "<",
        ">",
        "&",
        "&amp;",
        "&#0;",
        "&#13;",
        "\"",
        "'",
        "\r",
        "\r\n",
        "\0",
        "\t",
        "    ",
        "> ",
        "- ",
        "1. ",
        "3) ",
        "# ",
        "## ",
        "|",
        "| a | b |\n|---|:-:|\n",
        "---\n",
        "![",
        "https://x.example/a?b=1&c=2",
        "javascript:",
        "<b>",
        "</p>",
        "<!--",
        "\\",
        "é",
        "😀",
        "\u{200B}",
        "<https://y.example>",
        "[r]",
        "[r]: /ref\n",
    ];
    let mut rng = folio::testing::Lcg(0x5EED);
    let mut next = |n: usize| rng.below(n);
    for _ in 0..3000 {
        let len = 1 + next(60);
        cases.push((0..len).map(|_| pieces[next(pieces.len())]).collect());
    }
    cases
}

#[wasm_bindgen_test]
fn markup_parses_to_the_same_dom_as_building_node_by_node() {
    let document = web_sys::window().unwrap().document().unwrap();
    let base = Some("https://publisher.example/news/story.json");
    for markdown in markup_cases() {
        let rendered = folio::markdown::render(&markdown);
        let blocks: Vec<_> = rendered.blocks.iter().map(|b| &**b).collect();
        let parsed = document.create_element("div").unwrap();
        let built = document.create_element("div").unwrap();
        let nodes = folio::dom::parse_into(&parsed, &blocks, base);
        assert_eq!(
            nodes.map(|n| n.length() as usize),
            Some(blocks.len()),
            "one node per block from the parser for {markdown:?}"
        );
        folio::dom::build_nodes(&built, &blocks, base);
        assert!(
            parsed.is_equal_node(Some(&built)),
            "{markdown:?}\nparsed: {}\nbuilt:  {}",
            parsed.inner_html(),
            built.inner_html()
        );
    }
}
