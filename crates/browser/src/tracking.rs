//! Counting the prompt's views the way readers see it: a view is at least
//! half of the prompt on screen for at least a second, while the page is
//! shown, counted once per page load and campaign, recorded in storage and
//! sent as `folio:support-view`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering::Relaxed;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::events::Reporter;
use crate::storage;
use folio_core::schedule::{Policy, VIEW_DWELL_MS};

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

/// What is being watched, and the dwell under way.
struct Watch {
    element: Element,
    campaign: String,
    policy: Policy,
    reporter: Reporter,
    /// Whether the record may go to `localStorage` (the reader's consent).
    store: Arc<AtomicBool>,
    /// The reader's variant, for the event.
    variant: Option<String>,
    /// On screen, as the observer last said.
    on_screen: bool,
    /// The view was counted (or had been this page load): nothing more to do.
    done: bool,
    /// The dwell timer, running while the prompt is on screen and the page
    /// shown; dropping it cancels it.
    dwell: Option<Timeout>,
}

/// Watches one prompt element, counting its view at most once, until it is
/// dropped (which disconnects the observer and cancels the timer and the
/// listener).
pub struct ViewTracker {
    observer: IntersectionObserver,
    _on_change: Closure<dyn FnMut(js_sys::Array)>,
    _on_visibility: Option<EventListener>,
    watch: Rc<RefCell<Watch>>,
}

impl ViewTracker {
    /// Starts watching `element`, the prompt of `campaign`; its views are
    /// stored as `store` (the reader's consent) says when they count.
    pub fn start(
        element: Element,
        campaign: String,
        policy: Policy,
        reporter: Reporter,
        store: Arc<AtomicBool>,
        variant: Option<String>,
    ) -> Option<Self> {
        let watch = Rc::new(RefCell::new(Watch {
            element: element.clone(),
            campaign,
            policy,
            reporter,
            store,
            variant,
            on_screen: false,
            done: false,
            dwell: None,
        }));
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new({
            let watch = watch.clone();
            move |entries: js_sys::Array| {
                let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                else {
                    return;
                };
                let on_screen =
                    entry.is_intersecting() && entry.intersection_ratio() >= VISIBLE_RATIO;
                watch.borrow_mut().on_screen = on_screen;
                Watch::update(&watch);
            }
        });
        // A hidden page (another tab, a minimised window) is not read.
        let on_visibility = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let watch = Rc::downgrade(&watch);
                EventListener::new(&document, "visibilitychange", move |_| {
                    if let Some(watch) = watch.upgrade() {
                        Watch::update(&watch);
                    }
                })
            });
        let options = IntersectionObserverInit::new();
        options.set_threshold(&JsValue::from(VISIBLE_RATIO));
        let observer =
            IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(&element);
        Some(Self {
            observer,
            _on_change: on_change,
            _on_visibility: on_visibility,
            watch,
        })
    }
}

impl Watch {
    /// Starts the dwell when the prompt is on screen and the page shown,
    /// and cancels it otherwise.
    fn update(this: &Rc<RefCell<Self>>) {
        let Ok(mut watch) = this.try_borrow_mut() else {
            return;
        };
        let shown = !web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if watch.done || !(watch.on_screen && shown) {
            watch.dwell = None;
        } else if watch.dwell.is_none() {
            let weak = Rc::downgrade(this);
            watch.dwell = Some(Timeout::new(VIEW_DWELL_MS as u32, move || {
                let Some(watch) = weak.upgrade() else {
                    return;
                };
                // The event goes out with the watch released: a listener
                // may remove the widget, and with it this tracker.
                let counted = watch.try_borrow_mut().ok().and_then(|mut w| w.counted());
                if let Some((reporter, detail)) = counted {
                    reporter.send("folio:support-view", &detail);
                }
            }));
        }
    }

    /// The dwell is over: the view counts, once per page load. Returns
    /// where to report it, and the event's detail.
    fn counted(&mut self) -> Option<(Reporter, Vec<(&'static str, JsValue)>)> {
        self.dwell = None;
        self.done = true;
        if seen_this_load(&self.campaign) {
            return None;
        }
        SEEN.with(|seen| seen.borrow_mut().push(self.campaign.clone()));
        if !self.element.is_connected() {
            return None;
        }
        let mut record = storage::load(&self.campaign);
        record.add_view(self.policy, now());
        storage::save(&self.campaign, &record, self.store.load(Relaxed));
        let detail = crate::prompt::detail(&self.campaign, &[], self.variant.as_deref());
        Some((self.reporter.clone(), detail))
    }
}

impl Drop for ViewTracker {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let Ok(mut watch) = self.watch.try_borrow_mut() {
            watch.done = true;
            watch.dwell = None;
        }
    }
}
