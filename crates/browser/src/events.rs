//! The `folio:*` events: `CustomEvent`s that bubble and cross shadow roots
//! (`composed`), each with a plain object as its `detail`.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Where a widget's events go: its host element for `<folio-article>` and
/// `mount` (the embed provides it as context; the island is handed it), or
/// the `<article>` itself when the component is used directly. The
/// article hands it to the part that reports, the support prompt. With
/// the `send` feature (the Leptos components ask for it: a view's
/// context must be) it is `Send` and `Sync`, and used on the page's one
/// thread only.
#[derive(Clone)]
pub struct Reporter(Target);

#[derive(Clone)]
enum Target {
    Node(Kept<EventTarget>),
    Found(Kept<Rc<dyn Fn() -> Option<EventTarget>>>),
}

/// What a reporter keeps: `Send` and `Sync` with the `send` feature, else
/// as it is (the support island: the wrapper's thread checks would cost
/// it the standard library's thread code and a second allocator).
#[cfg(feature = "send")]
type Kept<T> = send_wrapper::SendWrapper<T>;
#[cfg(not(feature = "send"))]
type Kept<T> = T;

fn kept<T>(value: T) -> Kept<T> {
    #[cfg(feature = "send")]
    return send_wrapper::SendWrapper::new(value);
    #[cfg(not(feature = "send"))]
    value
}

impl Reporter {
    /// Events sent on `target`.
    pub fn on(target: impl Into<EventTarget>) -> Self {
        Self(Target::Node(kept(target.into())))
    }

    /// Events sent on what `find` gives when there is one to send (an
    /// element not built yet gives none, and the event is not sent).
    pub fn on_found(find: impl Fn() -> Option<EventTarget> + 'static) -> Self {
        Self(Target::Found(kept(Rc::new(find))))
    }

    /// Sends `name` with a detail object of `fields`.
    pub fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        let target: EventTarget = match &self.0 {
            Target::Node(node) => EventTarget::clone(node),
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
