//! The `folio:*` events: `CustomEvent`s that bubble and cross shadow roots
//! (`composed`), each with a plain object as its `detail`.

use std::rc::Rc;

use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Where a widget's events go: its host element for `<folio-article>` and
/// `mount` (the embed provides it as context; the island is handed it), or
/// the `<article>` itself when the component is used directly. The
/// article hands it to the part that reports, the support prompt. It is
/// `Send` and `Sync` (a view's context must be), and used on the page's
/// one thread only.
#[derive(Clone)]
pub struct Reporter(Target);

#[derive(Clone)]
enum Target {
    Node(SendWrapper<EventTarget>),
    Found(SendWrapper<Rc<dyn Fn() -> Option<EventTarget>>>),
}

impl Reporter {
    /// Events sent on `target`.
    pub fn on(target: impl Into<EventTarget>) -> Self {
        Self(Target::Node(SendWrapper::new(target.into())))
    }

    /// Events sent on what `find` gives when there is one to send (an
    /// element not built yet gives none, and the event is not sent).
    pub fn on_found(find: impl Fn() -> Option<EventTarget> + 'static) -> Self {
        Self(Target::Found(SendWrapper::new(Rc::new(find))))
    }

    /// Sends `name` with a detail object of `fields`.
    pub fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        let target: EventTarget = match &self.0 {
            Target::Node(node) => (**node).clone(),
            Target::Found(find) => match find() {
                Some(target) => target,
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
