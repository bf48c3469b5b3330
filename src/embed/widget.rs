//! One widget: the [`Article`] component mounted in its host's open
//! shadow root, with the signals `folio.js` updates it through, and the
//! error state.

use std::any::Any;
use std::cell::Cell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::locales::{locale_for, locale_or_formats};
use super::panics;
use super::sheet::stylesheet;
use super::shown::{Failure, Pending, Shown, option_text, pairs};
use crate::components::{Article, Cause, Choice, ErrorView, prompt_code};
use folio_browser::events::Reporter;
use folio_core::error::{ContentError, Problem};
use folio_core::format::Format;
use folio_core::locale::{self, Locale};
use folio_core::model;

/// How many widgets are alive on the page.
pub fn live() -> u32 {
    LIVE.get()
}

/// What the view is mounted with, beside the article: the locale,
/// direction, heading level, bucket and country (the article is mounted
/// anew when one changes).
type Frame = (
    Locale,
    Option<String>,
    u8,
    Option<Arc<str>>,
    Option<Arc<str>>,
);

/// What is mounted in a widget's shadow root, and the signals it reads.
struct Mounted {
    /// The article shown, once there is one.
    article: Option<ArcRwSignal<Arc<model::Article>>>,
    base: ArcRwSignal<Option<String>>,
    support: ArcRwSignal<bool>,
    /// The host's word that the reader is a supporter.
    supporter: ArcRwSignal<bool>,
    /// The reader's consent to storage, as the host says.
    consent: ArcRwSignal<bool>,
    /// The locale, direction, heading level, bucket and country the view
    /// was mounted with (the article is mounted anew when they change).
    frame: Frame,
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
    /// What to show once its locale is loaded.
    pending: Option<Pending>,
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
            pending: None,
        })
    }

    /// Renders article JSON, changing only what changed since the last
    /// render. `body`, when given, is the article's `body`, handed over
    /// apart from the JSON text of the rest (which then has none): how
    /// `folio.js` passes an object, so that a long body is neither escaped
    /// into JSON nor read back out of it. `base` is the URL it came from
    /// (relative links and images resolve against it). The JSON is Article
    /// JSON v1: other formats go through the converter module first (see
    /// [`converter_for`](super::converter_for)). `options` is
    /// `{ support, supporter, consent, lang, dir, headingLevel, format,
    /// origins }`:
    /// `support` false hides the prompt and banner, `supporter` true
    /// records the reader as a supporter of the article's campaign,
    /// `consent` other than `granted` keeps the prompt's record out of
    /// `localStorage`; `lang` is the host's UI language
    /// and `dir` its direction, when it sets them; `headingLevel` the
    /// headline's level (1 unless given); `format` is the format the
    /// content was forced to (only `folio` is read here); `origins`, for
    /// the converter's mapping of another format, is its list of
    /// `[folioPath, sourcePath]`, by which a bad field is named (the
    /// source was held to the limits as it was read). Bad content renders
    /// the error state and sends `folio:error`.
    ///
    /// Returns the code of a locale the page has not loaded yet, having
    /// rendered nothing: add it ([`add_locale`]), then call
    /// [`Widget::resume`].
    #[wasm_bindgen(js_name = render)]
    pub fn render_parts(
        &mut self,
        json: &str,
        body: Option<String>,
        base: Option<String>,
        options: &JsValue,
    ) -> Result<Option<String>, JsValue> {
        panics::watch()?;
        panics::maybe_panic_for_tests();
        let format = option_text(options, "format");
        let read = match format.as_deref().map(|name| (name, Format::named(name))) {
            Some((name, forced)) if forced != Some(Format::Folio) => {
                let problem = match forced {
                    None => format!("must be folio, ans or json-ld (it is \"{name}\")"),
                    Some(_) => format!("is \"{name}\", whose converter did not run"),
                };
                Err(ContentError::new("format", Problem::Invalid(problem)))
            }
            // The converter's mapping of another format: checked here,
            // once, a bad field named by its source path.
            _ => match js_sys::Reflect::get(options, &"origins".into()) {
                Ok(origins) if origins.is_array() => {
                    model::parse_mapped(json, &pairs(&origins.into()))
                }
                _ => model::parse_with_body(json, body.as_deref()),
            },
        };
        let shown = Shown::read(base, options);
        let pending = match read {
            Ok(article) => Pending::Article(Arc::new(article), shown),
            Err(error) => Pending::Error(error, shown),
        };
        match locale_for(pending.ui(), pending.lang()) {
            Ok(locale) => {
                self.show(pending, locale);
                Ok(None)
            }
            Err(code) => {
                self.pending = Some(pending);
                Ok(Some(code.to_string()))
            }
        }
    }

    /// Shows what [`Widget::render_parts`] held back for its locale (in
    /// English words when the locale is still not loaded).
    pub fn resume(&mut self) -> Result<(), JsValue> {
        panics::watch()?;
        if let Some(pending) = self.pending.take() {
            let locale = locale_or_formats(pending.ui(), pending.lang());
            self.show(pending, locale);
        }
        Ok(())
    }

    /// Shows the error state with `reason` (a failure to load) and sends
    /// `folio:error`. With `retry`, the state offers "Try again", which
    /// calls it. `options` are as for [`Widget::render_parts`]; the
    /// locale of its `lang` should be loaded first (English otherwise).
    pub fn fail(
        &mut self,
        reason: &str,
        retry: Option<js_sys::Function>,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        panics::watch()?;
        self.pending = None;
        let retry = retry.map(send_wrapper::SendWrapper::new);
        let shown = Shown::read(None, options);
        let locale = locale_or_formats(shown.ui.as_deref(), None);
        self.show_failure(
            Failure {
                cause: Cause::Load,
                reason: reason.to_string(),
                retry,
            },
            &shown,
            locale,
        );
        self.report(reason, None);
        Ok(())
    }

    /// Shows the error state for content the converter module refused:
    /// `message` (one sentence) and the source `path` it names, sent as
    /// `folio:error`. `options` are as for [`Widget::render_parts`].
    pub fn refuse(
        &mut self,
        message: &str,
        path: Option<String>,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        panics::watch()?;
        self.pending = None;
        let shown = Shown::read(None, options);
        let locale = locale_or_formats(shown.ui.as_deref(), None);
        let failure = Failure {
            cause: Cause::Content,
            reason: message.to_string(),
            retry: None,
        };
        self.show_failure(failure, &shown, locale);
        self.report(message, path.as_deref().filter(|p| !p.is_empty()));
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
    /// [`Widget::render_parts`] for JSON text that holds its body, with
    /// no UI language of the host's (the article's own then chooses);
    /// waits for no locale (English stands in for one not loaded).
    pub fn render(
        &mut self,
        json: &str,
        base: Option<String>,
        support: bool,
    ) -> Result<(), JsValue> {
        let options = folio_browser::intl::object(&[("support", support.into())]);
        self.render_parts(json, None, base, &options)?;
        self.resume()
    }

    /// Shows `pending` in `locale`, and reports it.
    fn show(&mut self, pending: Pending, locale: Locale) {
        match pending {
            Pending::Article(article, shown) => {
                let support_error = match &article.support {
                    Some(Err(error)) if shown.support => Some(error.clone()),
                    _ => None,
                };
                let id = article.id.clone();
                let prompt = shown.support && article.prompt().is_some();
                self.show_article(article, shown, locale);
                if let Some(error) = support_error {
                    self.report(&error.to_string(), Some(&error.path));
                }
                self.rendered(id, prompt);
            }
            Pending::Error(error, shown) => self.show_error(&error, &shown, locale),
        }
    }

    fn show_error(&mut self, error: &ContentError, shown: &Shown, locale: Locale) {
        self.show_failure(
            Failure {
                cause: Cause::Content,
                reason: error.to_string(),
                retry: None,
            },
            shown,
            locale,
        );
        self.report(
            &error.to_string(),
            Some(error.path.as_str()).filter(|p| !p.is_empty()),
        );
    }

    /// Sets the signals the mounted article reads (only those that
    /// changed), or mounts it the first time.
    fn show_article(&mut self, next: Arc<model::Article>, shown: Shown, locale: Locale) {
        let frame = (
            locale,
            shown.dir.clone(),
            shown.level,
            shown.bucket.clone(),
            shown.country.clone(),
        );
        let mounted = self
            .mounted
            .as_ref()
            .filter(|m| m.article.is_some() && m.frame == frame);
        let Some(mounted) = mounted else {
            return self.mount(Some(next), shown, frame.0, None);
        };
        set_if_changed(&mounted.base, shown.base);
        set_if_changed(&mounted.support, shown.support);
        set_if_changed(&mounted.supporter, shown.supporter);
        set_if_changed(&mounted.consent, shown.consent);
        if let Some(article) = &mounted.article {
            article.set(next);
        }
        if mounted.failure.with_untracked(Option::is_some) {
            mounted.failure.set(None);
        }
    }

    fn show_failure(&mut self, failure: Failure, shown: &Shown, locale: Locale) {
        match &self.mounted {
            Some(mounted) if mounted.frame.0 == locale => mounted.failure.set(Some(failure)),
            _ => {
                let article = self.mounted.as_ref().and_then(|m| m.article.as_ref());
                let article = article.map(|a| a.get_untracked());
                self.mount(article, shown.clone(), locale, Some(failure));
            }
        }
    }

    /// Mounts the view (replacing the loading skeleton, or what was mounted
    /// before): the error state while `failure` is set, else the article.
    fn mount(
        &mut self,
        article: Option<Arc<model::Article>>,
        shown: Shown,
        locale: Locale,
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
        self.label(&shown, &locale);
        let article = article.map(ArcRwSignal::new);
        let (base, support, supporter, consent) = (
            ArcRwSignal::new(shown.base),
            ArcRwSignal::new(shown.support),
            ArcRwSignal::new(shown.supporter),
            ArcRwSignal::new(shown.consent),
        );
        let frame = (locale, shown.dir, shown.level, shown.bucket, shown.country);
        let failure = ArcRwSignal::new(failure);
        let context = (Reporter::on(self.host.clone()), self.choice.clone());
        let view = {
            let (article, base, support, supporter, consent, failure) = (
                article.clone(),
                base.clone(),
                support.clone(),
                supporter.clone(),
                consent.clone(),
                failure.clone(),
            );
            let (locale, dir, level, bucket, country) = frame.clone();
            move || {
                provide_context(context.0);
                provide_context(context.1);
                move || match (failure.get(), &article) {
                    (
                        Some(Failure {
                            cause,
                            reason,
                            retry,
                        }),
                        _,
                    ) => {
                        let locale = locale.clone();
                        view! { <ErrorView cause detail=reason retry locale/> }.into_any()
                    }
                    (None, Some(article)) => view! {
                        <Article
                            article=article.clone()
                            base=base.clone()
                            support=support.clone()
                            supporter=supporter.clone()
                            consent=consent.clone()
                            bucket=bucket.clone()
                            country=country.clone()
                            locale=locale.clone()
                            dir=dir.clone()
                            heading_level=level
                        />
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
            supporter,
            consent,
            frame,
            failure,
            _handle: Box::new(handle),
        });
    }

    /// Marks the root with the language and direction of Folio's own
    /// words: the host's `dir`, else the locale's.
    fn label(&self, shown: &Shown, locale: &Locale) {
        let Some(root) = self.root.first_element_child() else {
            return;
        };
        let dir = shown
            .dir
            .clone()
            .unwrap_or_else(|| locale::direction(&locale.tag).to_string());
        let _ = root.set_attribute("lang", &locale.tag);
        let _ = root.set_attribute("dir", &dir);
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
        self.after_update("folio:error", detail, false);
    }

    /// Sends `folio:render` for the article `id` once it is in the DOM:
    /// with its prompt, when it shows one (see [`Widget::after_update`]).
    fn rendered(&self, id: String, prompt: bool) {
        self.after_update("folio:render", vec![("id", id.into())], prompt);
    }

    /// Sends the event once the DOM shows the latest content (queued
    /// behind the render effects a content change has just scheduled),
    /// and, with `prompt`, once the prompt's code has loaded and the
    /// prompt is drawn, or it could not be loaded (see [`prompt_code`]).
    fn after_update(&self, name: &'static str, detail: Vec<(&'static str, JsValue)>, prompt: bool) {
        let reporter = Reporter::on(self.host.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if prompt {
                prompt_code().await;
            }
            reporter.send(name, &detail);
        });
    }
}

/// Sets `signal` to `value` unless it holds it already (so that nothing
/// reading it runs again for nothing).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: &ArcRwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

thread_local! {
    static LIVE: Cell<u32> = const { Cell::new(0) };
}
