//! What `folio.js` calls: a widget per host element, rendered in its open
//! shadow root, reporting through `folio:*` events.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::components::{ArticleView, ErrorView, Prepared, STYLESHEET};
use crate::error::ContentError;
use crate::model;

/// The library version, as `Folio.version` reports it.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// One `<folio-article>`: its shadow root and what is mounted in it.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    mounted: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Widget {
    /// Attaches (or reuses) the host's open shadow root and adopts the
    /// widget's stylesheet into it.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Widget, JsValue> {
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        root.set_adopted_style_sheets(&js_sys::Array::of1(&stylesheet()?.into()));
        Ok(Widget {
            host,
            root,
            mounted: None,
        })
    }

    /// Renders article JSON. `base` is the URL it came from (relative links
    /// and images resolve against it); `support` false hides the prompt.
    /// Bad content renders the error state and sends `folio:error`.
    pub fn render(&mut self, json: &str, base: Option<String>, support: bool) {
        match model::parse(json) {
            Ok(article) => {
                let support_error = match &article.support {
                    Some(Err(error)) if support => Some(error.clone()),
                    _ => None,
                };
                let id = article.id.clone();
                let prepared = Prepared::new(article, base, support);
                self.mount(move || view! { <ArticleView prepared=prepared/> });
                if let Some(error) = support_error {
                    self.report_content_error(&error);
                }
                self.dispatch("folio:render", &[("id", id.as_str())]);
            }
            Err(error) => {
                let message = error.to_string();
                self.mount(move || view! { <ErrorView reason=message/> });
                self.report_content_error(&error);
            }
        }
    }

    /// Shows the error state with `reason` and sends `folio:error`.
    pub fn fail(&mut self, reason: &str) {
        let text = reason.to_string();
        self.mount(move || view! { <ErrorView reason=text/> });
        self.dispatch("folio:error", &[("message", reason)]);
    }

    /// Removes everything the widget put in the shadow root.
    pub fn unmount(&mut self) {
        self.mounted = None;
        self.root.set_text_content(None);
    }
}

impl Widget {
    fn mount<V: IntoView + 'static>(&mut self, view: impl FnOnce() -> V + 'static) {
        self.unmount();
        let handle = leptos::mount::mount_to(self.root.clone().unchecked_into(), view);
        self.mounted = Some(Box::new(handle));
    }

    fn report_content_error(&self, error: &ContentError) {
        let message = error.to_string();
        self.dispatch(
            "folio:error",
            &[("message", &message), ("path", &error.path)],
        );
    }

    /// Sends a bubbling, composed `CustomEvent` whose detail has `fields`.
    fn dispatch(&self, name: &str, fields: &[(&str, &str)]) {
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &(*key).into(), &(*value).into());
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The one constructable stylesheet every widget on the page adopts.
fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLESHEET)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}
