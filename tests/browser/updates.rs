//! Live updates: what an update keeps (nodes, focus, the chosen amount)
//! and that it always reads like a fresh render.

use leptos::task::tick;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::{SAMPLE, all, mount, sample, text, with_campaign};

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
    tick().await;
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
        tick().await;
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
        tick().await;
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
        tick().await;
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
    tick().await;
    assert!(root.active_element().as_ref() == Some(third.unchecked_ref::<Element>()));

    article["headline"] = json!("A headline changed live");
    article["body"] = json!(format!(
        "A new first paragraph.\n\n{}",
        article["body"].as_str().unwrap()
    ));
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    tick().await;
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
    tick().await;
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
    tick().await;
    assert_eq!(checked(), Some(2));

    article["headline"] = json!("An updated headline");
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    tick().await;
    assert_eq!(text(&root, "h1"), "An updated headline");
    assert_eq!(checked(), Some(2), "the choice survives the update");

    article["support"]["campaign"] = json!("another campaign");
    widget
        .render(&article.to_string(), None, true)
        .expect("the core accepts the render");
    tick().await;
    assert_eq!(checked(), default, "a new campaign starts from its default");
}
