//! What `folio.js` calls: a widget per host element, rendered in its open
//! shadow root, reporting through `folio:*` events.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::components::{
    ArticleView, Choice, ErrorView, MountedPrompt, Prepared, Retry, STYLESHEET,
};
use crate::error::ContentError;
use crate::tracking::ViewTracker;
use crate::{model, panics};

/// Sends a widget's events from inside its views (provided as context).
#[derive(Clone)]
pub struct Reporter(send_wrapper::SendWrapper<HtmlElement>);

impl Reporter {
    /// Sends `name` with a detail object of `fields`.
    pub fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        dispatch(&self.0, name, fields);
    }
}

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
    Failed(String, Option<Retry>),
}

/// One widget: its host element, its shadow root and what is mounted there.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    content: Option<ArcRwSignal<Content>>,
    mounted: Option<Box<dyn Any>>,
    /// The watcher counting the prompt's views.
    tracker: Rc<RefCell<Option<ViewTracker>>>,
    /// The support prompt, kept while the support block stays the same.
    mounted_prompt: Option<MountedPrompt>,
    /// The amount the reader chose, kept when the prompt is mounted anew.
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
        let tracker = Rc::new(RefCell::new(None));
        Ok(Widget {
            host,
            root,
            content: None,
            mounted: None,
            tracker,
            mounted_prompt: None,
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
                let mut prepared =
                    self.shown(|previous| Prepared::new(article, base, support, previous));
                self.mounted_prompt = prepared.support.clone().and_then(|support| {
                    let context = (self.reporter(), self.choice.clone());
                    let (base, lang) = (prepared.base.clone(), prepared.article.lang.clone());
                    MountedPrompt::keep_or_mount(
                        self.mounted_prompt.take(),
                        support,
                        base,
                        lang,
                        context,
                    )
                });
                prepared.prompt = self.mounted_prompt.as_ref().map(MountedPrompt::node);
                self.show(Content::Article(prepared));
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
        self.mounted_prompt = None;
        let retry = retry.map(send_wrapper::SendWrapper::new);
        self.show(Content::Failed(reason.to_string(), retry));
        self.report(reason, None);
        Ok(())
    }

    /// Removes everything the widget put in the shadow root.
    pub fn unmount(&mut self) {
        self.tracker.borrow_mut().take();
        self.mounted = None;
        self.mounted_prompt = None;
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
        self.mounted_prompt = None;
        self.show(Content::Failed(error.to_string(), None));
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
        let reporter = self.reporter();
        let handle = leptos::mount::mount_to(container, move || {
            provide_context(reporter);
            move || match state.get() {
                Content::Article(prepared) => view! { <ArticleView prepared=prepared/> }.into_any(),
                Content::Failed(reason, retry) => {
                    view! { <ErrorView reason=reason retry=retry/> }.into_any()
                }
            }
        });
        self.content = Some(content);
        self.mounted = Some(Box::new(handle));
    }

    /// Calls `f` with the article shown now, if one is.
    fn shown<T>(&self, f: impl FnOnce(Option<&Prepared>) -> T) -> T {
        match &self.content {
            Some(content) => content.with_untracked(|shown| match shown {
                Content::Article(prepared) => f(Some(prepared)),
                Content::Failed(..) => f(None),
            }),
            None => f(None),
        }
    }

    fn reporter(&self) -> Reporter {
        Reporter(send_wrapper::SendWrapper::new(self.host.clone()))
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

    /// Once the DOM shows the latest content (queued behind the render
    /// effects a content change has just scheduled): watches the prompt, if
    /// one is shown, and sends the event.
    fn after_update(&self, name: &'static str, detail: Vec<(&'static str, JsValue)>) {
        let (host, root, tracker, reporter) = (
            self.host.clone(),
            self.root.clone(),
            self.tracker.clone(),
            self.reporter(),
        );
        let prompt = self.mounted_prompt.as_ref().map(MountedPrompt::campaign);
        wasm_bindgen_futures::spawn_local(async move {
            let aside = root.query_selector("aside.folio-support").ok().flatten();
            let mut tracker = tracker.borrow_mut();
            let same = matches!((tracker.as_ref(), &aside), (Some(t), Some(a)) if t.element() == a);
            if !same {
                *tracker = aside.zip(prompt).and_then(|(aside, (campaign, policy))| {
                    ViewTracker::start(aside, campaign, policy, reporter)
                });
            }
            drop(tracker);
            dispatch(&host, name, &detail);
        });
    }
}

/// Sends a bubbling, composed `CustomEvent` whose detail has `fields`.
fn dispatch(host: &HtmlElement, name: &str, fields: &[(&str, JsValue)]) {
    let detail = crate::intl::object(fields);
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
