//! What `folio.js` calls: a widget per host element, rendered in its open
//! shadow root, reporting through `folio:*` events.

use std::any::Any;
use std::cell::{Cell, RefCell};

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

/// How many widgets are alive on the page (diagnostics, and the tests that
/// check removal frees them).
#[wasm_bindgen(js_name = liveWidgets)]
pub fn live_widgets() -> u32 {
    LIVE.get()
}

/// What a widget shows.
#[derive(Clone)]
enum Content {
    Article(Prepared),
    Failed(String),
}

/// One widget: its host element, its shadow root and what is mounted there.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    content: Option<ArcRwSignal<Content>>,
    mounted: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Widget {
    /// Attaches (or reuses) the host's open shadow root.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Widget, JsValue> {
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        LIVE.set(LIVE.get() + 1);
        Ok(Widget {
            host,
            root,
            content: None,
            mounted: None,
        })
    }

    /// Renders article JSON, changing only what changed since the last
    /// render. `base` is the URL it came from (relative links and images
    /// resolve against it); `support` false hides the prompt and banner.
    /// Bad content renders the error state and sends `folio:error`.
    pub fn render(&mut self, json: &str, base: Option<String>, support: bool) {
        match model::parse(json) {
            Ok(article) => {
                let support_error = match &article.support {
                    Some(Err(error)) if support => Some(error.clone()),
                    _ => None,
                };
                let id = article.id.clone();
                self.show(Content::Article(Prepared::new(article, base, support)));
                if let Some(error) = support_error {
                    self.report(&error.to_string(), Some(&error.path));
                }
                self.after_update("folio:render", vec![("id", id)]);
            }
            Err(error) => self.show_error(&error),
        }
    }

    /// Shows the error state with `reason` and sends `folio:error`.
    pub fn fail(&mut self, reason: &str) {
        self.show(Content::Failed(reason.to_string()));
        self.report(reason, None);
    }

    /// Removes everything the widget put in the shadow root.
    pub fn unmount(&mut self) {
        self.mounted = None;
        self.content = None;
        self.root.set_text_content(None);
        self.root.set_adopted_style_sheets(&js_sys::Array::new());
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        LIVE.set(LIVE.get().saturating_sub(1));
    }
}

impl Widget {
    fn show_error(&mut self, error: &ContentError) {
        self.show(Content::Failed(error.to_string()));
        self.report(
            &error.to_string(),
            Some(error.path.as_str()).filter(|p| !p.is_empty()),
        );
    }

    /// Mounts on first use (replacing the loading skeleton), then updates
    /// in place through the content signal.
    fn show(&mut self, next: Content) {
        if let Some(content) = &self.content {
            content.set(next);
            return;
        }
        let Ok(sheet) = stylesheet() else { return };
        let Some(container) = self.container() else {
            return;
        };
        self.root
            .set_adopted_style_sheets(&js_sys::Array::of1(&sheet.into()));
        self.root.set_text_content(None);
        let _ = self.root.append_child(&container);
        let content = ArcRwSignal::new(next);
        let state = content.clone();
        let handle = leptos::mount::mount_to(container, move || {
            move || match state.get() {
                Content::Article(prepared) => view! { <ArticleView prepared=prepared/> }.into_any(),
                Content::Failed(reason) => view! { <ErrorView reason=reason/> }.into_any(),
            }
        });
        self.content = Some(content);
        self.mounted = Some(Box::new(handle));
    }

    fn container(&self) -> Option<HtmlElement> {
        let document = self.host.owner_document()?;
        let container: HtmlElement = document.create_element("div").ok()?.unchecked_into();
        container.set_class_name("folio-root");
        Some(container)
    }

    fn report(&self, message: &str, path: Option<&str>) {
        let mut detail = vec![("message", message.to_string())];
        detail.extend(path.map(|p| ("path", p.to_string())));
        self.after_update("folio:error", detail);
    }

    /// Sends an event once the DOM shows the latest content: queued behind
    /// the render effects that a content change has just scheduled.
    fn after_update(&self, name: &'static str, detail: Vec<(&'static str, String)>) {
        let host = self.host.clone();
        wasm_bindgen_futures::spawn_local(async move { dispatch(&host, name, &detail) });
    }
}

/// Sends a bubbling, composed `CustomEvent` whose detail has `fields`.
pub(crate) fn dispatch(host: &HtmlElement, name: &str, fields: &[(&str, String)]) {
    let detail = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &(*key).into(), &value.into());
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static LIVE: Cell<u32> = const { Cell::new(0) };
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
