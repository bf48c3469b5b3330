//! Counting the prompt's views the way readers see it: a view is at least
//! half of the prompt on screen for at least a second, counted once per
//! page load and campaign, recorded in storage and sent as
//! `folio:support-view`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::embed::Reporter;
use crate::schedule::{Policy, VIEW_DWELL_MS};
use crate::storage;

/// How much of the prompt must be on screen (for [`VIEW_DWELL_MS`]).
const VISIBLE_RATIO: f64 = 0.5;

thread_local! {
    /// The campaigns whose view was counted during this page load.
    static SEEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The clock the prompt's schedule runs on: milliseconds since the epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// Whether a view of `campaign` was counted during this page load.
pub fn seen_this_load(campaign: &str) -> bool {
    SEEN.with(|seen| seen.borrow().iter().any(|c| c == campaign))
}

/// Watches one prompt element until its view is counted or it is dropped.
pub struct ViewTracker {
    element: Element,
    observer: IntersectionObserver,
    timer: Rc<Cell<Option<i32>>>,
    _on_change: Closure<dyn FnMut(js_sys::Array)>,
    _on_dwell: Rc<Closure<dyn FnMut()>>,
}

impl ViewTracker {
    /// Starts watching `element`, the prompt of `campaign`.
    pub fn start(
        element: Element,
        campaign: String,
        policy: Policy,
        reporter: Reporter,
    ) -> Option<Self> {
        let timer = Rc::new(Cell::new(None::<i32>));
        let on_dwell = Rc::new(Closure::<dyn FnMut()>::new({
            let (element, timer) = (element.clone(), timer.clone());
            move || {
                timer.set(None);
                if seen_this_load(&campaign) {
                    return;
                }
                SEEN.with(|seen| seen.borrow_mut().push(campaign.clone()));
                if !element.is_connected() {
                    return;
                }
                let mut record = storage::load(&campaign);
                record.add_view(policy, now());
                storage::save(&campaign, &record);
                reporter.send(
                    "folio:support-view",
                    &[("campaign", campaign.as_str().into())],
                );
            }
        }));
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new({
            let (timer, on_dwell) = (timer.clone(), on_dwell.clone());
            move |entries: js_sys::Array| {
                let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                else {
                    return;
                };
                let window = web_sys::window();
                let seen = entry.is_intersecting() && entry.intersection_ratio() >= VISIBLE_RATIO;
                match (seen, timer.get(), window) {
                    (true, None, Some(window)) => {
                        let callback = (*on_dwell).as_ref().unchecked_ref();
                        let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                            callback,
                            VIEW_DWELL_MS,
                        );
                        timer.set(handle.ok());
                    }
                    (false, Some(handle), Some(window)) => {
                        window.clear_timeout_with_handle(handle);
                        timer.set(None);
                    }
                    _ => {}
                }
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_threshold(&JsValue::from(VISIBLE_RATIO));
        let observer =
            IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(&element);
        Some(Self {
            element,
            observer,
            timer,
            _on_change: on_change,
            _on_dwell: on_dwell,
        })
    }

    /// The element being watched.
    pub fn element(&self) -> &Element {
        &self.element
    }
}

impl Drop for ViewTracker {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let (Some(handle), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }
}
