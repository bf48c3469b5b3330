//! The `folio:*` events: `CustomEvent`s that bubble and cross shadow roots
//! (`composed`), each with a plain object as its `detail`.

#[cfg(feature = "widget")]
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Where a widget's events go: its host element for `<folio-article>` and
/// `mount` (the embed provides it as context; the island is handed it), or
/// the `<article>` itself when the component is used directly. The
/// article hands it to the part that reports, the support prompt.
#[derive(Clone)]
pub struct Reporter(Target);

#[derive(Clone)]
enum Target {
    Node(SendWrapper<EventTarget>),
    #[cfg(feature = "widget")]
    Article(NodeRef<leptos::html::Article>),
}

impl Reporter {
    /// Events sent on `target`.
    pub fn on(target: impl Into<EventTarget>) -> Self {
        Self(Target::Node(SendWrapper::new(target.into())))
    }

    /// Events sent on the `<article>` element `article` refers to, once
    /// it is built.
    #[cfg(feature = "widget")]
    pub fn on_article(article: NodeRef<leptos::html::Article>) -> Self {
        Self(Target::Article(article))
    }

    /// Sends `name` with a detail object of `fields`.
    pub fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        let target: EventTarget = match &self.0 {
            Target::Node(node) => (**node).clone(),
            #[cfg(feature = "widget")]
            Target::Article(article) => match article.get_untracked() {
                Some(article) => article.into(),
                None => return,
            },
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&crate::intl::object(fields));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&event);
        }
    }
}
