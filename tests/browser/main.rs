//! In the browser (headless Chromium), in one test binary: mount articles
//! and check what a reader sees in the widget's shadow root.
#![cfg(target_arch = "wasm32")]

use folio::embed::Widget;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

mod article;
mod markup;
mod prompt;
mod updates;

pub const SAMPLE: &str = include_str!("../../www/sample/article.json");

pub fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

/// A fresh host element at the end of the page.
pub fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document
        .create_element("folio-test")
        .unwrap()
        .unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// A fresh host element on the page, with a widget rendering `json` into it.
pub fn mount(json: &str, base: Option<&str>) -> (HtmlElement, ShadowRoot, Widget) {
    let host = host();
    let mut widget = Widget::new(host.clone()).unwrap();
    widget
        .render(json, base.map(str::to_string), true)
        .expect("the core accepts the render");
    let root = host.shadow_root().unwrap();
    (host, root, widget)
}

pub fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

pub fn text(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn with_body(markdown: &str) -> String {
    let mut article = sample();
    article["body"] = json!(markdown);
    article.to_string()
}

/// The sample article with its own campaign (tests share one page's storage).
pub fn with_campaign(campaign: &str) -> Value {
    let mut article = sample();
    article["support"]["campaign"] = json!(campaign);
    article
}

/// Whether a new widget shows the sample's prompt under `campaign`.
pub fn prompt_shown(campaign: &str) -> bool {
    let (_host, root, _widget) = mount(&with_campaign(campaign).to_string(), None);
    root.query_selector(".folio-support").unwrap().is_some()
}

/// Records the `detail` of every `name` event on `host`.
pub fn record_events(
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

pub fn field(detail: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(detail, &key.into()).unwrap()
}
