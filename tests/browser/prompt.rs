//! The support prompt: amounts, keys, "Remind me later" and its cap.

use leptos::task::tick;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::{SAMPLE, all, field, mount, prompt_shown, record_events, with_campaign};

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
    tick().await;
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
    tick().await;
    assert_eq!(checked(), Some(3), "arrows wrap around");
    press("Home");
    tick().await;
    assert_eq!(checked(), Some(0));

    press("End");
    tick().await;
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
    tick().await;

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

/// Waits `ms` milliseconds of the page's clock.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A page whose listener unmounts the widget as its prompt's view is
/// counted (the event is sent from inside the view tracker) leaves the
/// core working: no panic, and the next widget renders.
#[wasm_bindgen_test]
async fn a_listener_that_unmounts_on_the_view_event_leaves_the_core_working() {
    let (host, root, widget) = mount(&with_campaign("unmounted on view").to_string(), None);
    let widget = std::rc::Rc::new(std::cell::RefCell::new(Some(widget)));
    let views = std::rc::Rc::new(std::cell::Cell::new(0));
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
        let (widget, views) = (widget.clone(), views.clone());
        move || {
            views.set(views.get() + 1);
            if let Some(mut widget) = widget.borrow_mut().take() {
                widget.unmount();
            }
        }
    });
    host.add_event_listener_with_callback("folio:support-view", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    let aside = root
        .query_selector("aside.folio-support")
        .unwrap()
        .expect("the prompt");
    aside.scroll_into_view();
    sleep(1600).await;
    assert_eq!(views.get(), 1, "the view was counted once");
    assert_eq!(
        root.child_nodes().length(),
        0,
        "the listener unmounted the widget"
    );
    let (_host, next, _widget) = mount(SAMPLE, None);
    assert!(
        next.query_selector("h1").unwrap().is_some(),
        "the next widget renders"
    );
}
