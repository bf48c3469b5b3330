//! What `folio.js` calls: a widget per host element, the [`Article`]
//! component rendered in the host's open shadow root, reporting through
//! `folio:*` events.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::STYLESHEET;
use crate::components::{Article, Choice, ErrorView, Retry};
use crate::error::ContentError;
use crate::events::Reporter;
use crate::{model, panics};

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

/// Why a widget shows its error state, and what "Try again" calls.
#[derive(Clone)]
struct Failure {
    reason: String,
    retry: Option<Retry>,
}

/// What is mounted in a widget's shadow root, and the signals it reads.
struct Mounted {
    /// The article shown, once there is one.
    article: Option<ArcRwSignal<Arc<model::Article>>>,
    base: ArcRwSignal<Option<String>>,
    support: ArcRwSignal<bool>,
    /// Shown instead of the article while set.
    failure: ArcRwSignal<Option<Failure>>,
    _handle: Box<dyn Any>,
}

/// One widget: its host element, its shadow root and what is mounted there.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    mounted: Option<Mounted>,
    /// The amount the reader chose, kept when the article is mounted anew.
    choice: Choice,
}

#[wasm_bindgen]
impl Widget {
    /// Attaches (or reuses) the host's open shadow root. Refused once the
    /// core has panicked: its state can no longer be trusted.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Widget, JsValue> {
        panics::watch()?;
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        LIVE.set(LIVE.get() + 1);
        Ok(Widget {
            host,
            root,
            mounted: None,
            choice: Choice::default(),
        })
    }

    /// Renders article JSON, changing only what changed since the last
    /// render. `body`, when given, is the article's `body`, handed over
    /// apart from the JSON text of the rest (which then has none): how
    /// `folio.js` passes an object, so that a long body is neither escaped
    /// into JSON nor read back out of it. `base` is the URL it came from
    /// (relative links and images resolve against it); `support` false
    /// hides the prompt and banner. Bad content renders the error state and
    /// sends `folio:error`.
    #[wasm_bindgen(js_name = render)]
    pub fn render_parts(
        &mut self,
        json: &str,
        body: Option<String>,
        base: Option<String>,
        support: bool,
    ) -> Result<(), JsValue> {
        panics::watch()?;
        panics::maybe_panic_for_tests();
        match model::parse_with_body(json, body.as_deref()) {
            Ok(article) => {
                let support_error = match &article.support {
                    Some(Err(error)) if support => Some(error.clone()),
                    _ => None,
                };
                let id = article.id.clone();
                self.show_article(Arc::new(article), base, support);
                if let Some(error) = support_error {
                    self.report(&error.to_string(), Some(&error.path));
                }
                self.after_update("folio:render", vec![("id", id.into())]);
            }
            Err(error) => self.show_error(&error),
        }
        Ok(())
    }

    /// Shows the error state with `reason` and sends `folio:error`. With
    /// `retry`, the state offers "Try again", which calls it.
    pub fn fail(&mut self, reason: &str, retry: Option<js_sys::Function>) -> Result<(), JsValue> {
        panics::watch()?;
        let retry = retry.map(send_wrapper::SendWrapper::new);
        self.show_failure(Failure {
            reason: reason.to_string(),
            retry,
        });
        self.report(reason, None);
        Ok(())
    }

    /// Removes everything the widget put in the shadow root.
    pub fn unmount(&mut self) {
        self.mounted = None;
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
    /// [`Widget::render_parts`] for JSON text that holds its body.
    pub fn render(
        &mut self,
        json: &str,
        base: Option<String>,
        support: bool,
    ) -> Result<(), JsValue> {
        self.render_parts(json, None, base, support)
    }

    fn show_error(&mut self, error: &ContentError) {
        self.show_failure(Failure {
            reason: error.to_string(),
            retry: None,
        });
        self.report(
            &error.to_string(),
            Some(error.path.as_str()).filter(|p| !p.is_empty()),
        );
    }

    /// Sets the signals the mounted article reads (only those that
    /// changed), or mounts it the first time.
    fn show_article(&mut self, next: Arc<model::Article>, base: Option<String>, support: bool) {
        let Some(mounted) = &self.mounted else {
            return self.mount(Some(next), base, support, None);
        };
        let Some(article) = &mounted.article else {
            return self.mount(Some(next), base, support, None);
        };
        if mounted.base.with_untracked(|b| *b != base) {
            mounted.base.set(base);
        }
        if mounted.support.get_untracked() != support {
            mounted.support.set(support);
        }
        article.set(next);
        if mounted.failure.with_untracked(Option::is_some) {
            mounted.failure.set(None);
        }
    }

    fn show_failure(&mut self, failure: Failure) {
        match &self.mounted {
            Some(mounted) => mounted.failure.set(Some(failure)),
            None => self.mount(None, None, true, Some(failure)),
        }
    }

    /// Mounts the view (replacing the loading skeleton, or what was mounted
    /// before): the error state while `failure` is set, else the article.
    fn mount(
        &mut self,
        article: Option<Arc<model::Article>>,
        base: Option<String>,
        support: bool,
        failure: Option<Failure>,
    ) {
        self.mounted = None;
        let Ok(sheet) = stylesheet() else { return };
        let Some(container) = self.container() else {
            return;
        };
        self.root
            .set_adopted_style_sheets(&js_sys::Array::of1(&sheet.into()));
        self.root.set_text_content(None);
        let _ = self.root.append_child(&container);
        let article = article.map(ArcRwSignal::new);
        let (base, support) = (ArcRwSignal::new(base), ArcRwSignal::new(support));
        let failure = ArcRwSignal::new(failure);
        let context = (Reporter::on(self.host.clone()), self.choice.clone());
        let view = {
            let (article, base, support, failure) = (
                article.clone(),
                base.clone(),
                support.clone(),
                failure.clone(),
            );
            move || {
                provide_context(context.0);
                provide_context(context.1);
                move || match (failure.get(), &article) {
                    (Some(Failure { reason, retry }), _) => {
                        view! { <ErrorView reason retry/> }.into_any()
                    }
                    (None, Some(article)) => view! {
                        <Article article=article.clone() base=base.clone() support=support.clone()/>
                    }
                    .into_any(),
                    (None, None) => ().into_any(),
                }
            }
        };
        let handle = leptos::mount::mount_to(container, view);
        self.mounted = Some(Mounted {
            article,
            base,
            support,
            failure,
            _handle: Box::new(handle),
        });
    }

    fn container(&self) -> Option<HtmlElement> {
        let document = self.host.owner_document()?;
        let container: HtmlElement = document.create_element("div").ok()?.unchecked_into();
        container.set_class_name("folio-root");
        Some(container)
    }

    fn report(&self, message: &str, path: Option<&str>) {
        let mut detail = vec![("message", message.into())];
        detail.extend(path.map(|p| ("path", p.into())));
        self.after_update("folio:error", detail);
    }

    /// Sends the event once the DOM shows the latest content (queued
    /// behind the render effects a content change has just scheduled).
    fn after_update(&self, name: &'static str, detail: Vec<(&'static str, JsValue)>) {
        let reporter = Reporter::on(self.host.clone());
        wasm_bindgen_futures::spawn_local(async move { reporter.send(name, &detail) });
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
