//! What a support prompt does in a page, written once for the widget's
//! prompt (a Leptos view) and the support island's (the server's markup
//! given life): whether it asks, thanks a supporter or stays away, the
//! call to action's address and its click, "Remind me later", and
//! watching its views. Each is a campaign's rule over the reader's stored
//! record, sending its `folio:support-*` event; the views only draw and
//! hide.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering::Relaxed;

use folio_core::model::{Amount, Supporters};
use folio_core::schedule::Policy;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, Event};

use crate::controls::{cta_url, focus_after};
use crate::events::Reporter;
use crate::reading;
use crate::reminder::{self, Asked};
use crate::tracking::{self, ViewTracker};
use crate::{intl, storage};
use folio_core::reminder::Event as ReminderEvent;
use folio_core::variant;

/// The query parameter that marks a reader coming back from the call to
/// action as a supporter: a page whose address has
/// `folio-supported=<campaign>` records that campaign as supported.
pub const SUPPORTED_PARAMETER: &str = "folio-supported";

/// The event sent on `window` when a campaign is marked as supported
/// (its `detail` is the campaign): every prompt of the page, in each of
/// Folio's modules, follows it.
pub const SUPPORTED_EVENT: &str = "folio:supported";

/// What a prompt shows this reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The ask: amounts, the call to action, "Remind me later".
    Ask,
    /// Not now: snoozed or past the view cap (the banner still shows).
    Rest,
    /// A supporter, thanked in the prompt's place and the banner's.
    Thank,
    /// A supporter the publisher leaves alone: no prompt, no banner.
    Spare,
}

/// One campaign's prompt, and where its events go.
#[derive(Clone)]
pub struct Prompt {
    campaign: String,
    policy: Policy,
    supporters: Supporters,
    reporter: Reporter,
    /// Whether the reader's consent lets the record go to `localStorage`
    /// (else it is kept in memory for the page); shared by the clones.
    store: Arc<AtomicBool>,
    /// The variant the reader was put in ([`Prompt::choose`]), if any.
    variant: Option<String>,
    /// The currency the call to action names ([`Prompt::priced_in`]).
    currency: Option<String>,
}

impl Prompt {
    /// The prompt of `campaign`, shown under `policy`, `supporters`
    /// thanked or left alone, its events sent through `reporter`.
    pub fn new(campaign: &str, policy: Policy, supporters: Supporters, reporter: Reporter) -> Self {
        Self {
            campaign: campaign.to_string(),
            policy,
            supporters,
            reporter,
            store: Arc::new(AtomicBool::new(true)),
            variant: None,
            currency: None,
        }
    }

    /// Names `currency` on the call to action from now on (a campaign with
    /// regions: its amounts are in the reader's region's currency).
    pub fn priced_in(&mut self, currency: Option<&str>) {
        self.currency = currency.map(str::to_string);
    }

    /// Puts the reader in one of the campaign's `variants` (name and
    /// weight each), and returns its index: by the draw of the host's
    /// `bucket` when it names the reader, else by the draw kept in the
    /// campaign's record (made the first time, and kept as the reader's
    /// consent allows: call [`Prompt::consent`] first). From then the
    /// variant's name is in every event and on the call to action. `None`
    /// when there are no variants to draw from.
    pub fn choose(&mut self, variants: &[(&str, f64)], bucket: Option<&str>) -> Option<usize> {
        if variants.is_empty() {
            return None;
        }
        let draw = match bucket.filter(|b| !b.is_empty()) {
            Some(bucket) => variant::bucket_draw(&self.campaign, bucket),
            None => {
                let mut record = storage::load(&self.campaign);
                let (draw, new) = record.draw(|| (js_sys::Math::random() * 4_294_967_296.0) as u32);
                if new {
                    storage::save(&self.campaign, &record, self.store.load(Relaxed));
                }
                draw
            }
        };
        let weights: Vec<f64> = variants.iter().map(|(_, weight)| *weight).collect();
        let chosen = variant::pick(&weights, draw)?;
        self.variant = Some(variants[chosen].0.to_string());
        Some(chosen)
    }

    /// The variant the reader was put in, if any.
    pub fn variant(&self) -> Option<&str> {
        self.variant.as_deref()
    }

    /// Sends `name` with the campaign, `fields` and the variant.
    fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        self.reporter.send(
            name,
            &detail(&self.campaign, fields, self.variant.as_deref()),
        );
    }

    /// The reader's consent to storage: `granted` (the default) lets the
    /// campaign's record go to `localStorage`, and writes there what was
    /// kept in memory until then; otherwise nothing is written there, and
    /// the record lives in memory for the page.
    pub fn consent(&self, granted: bool) {
        self.store.store(granted, Relaxed);
        if granted {
            storage::persist(&self.campaign);
        }
    }

    /// The campaign.
    pub fn campaign(&self) -> &str {
        &self.campaign
    }

    /// What it shows as the page starts it: a supporter's stage when the
    /// record says the reader supports the campaign, or when the page's
    /// address carries the campaign's marker ([`SUPPORTED_PARAMETER`]) or
    /// `host_supporter` (the host's `supporter` attribute or option) says
    /// so, which records it, then (once the caller's render is done) tells
    /// the page's other prompts and sends `folio:support-supporter`; else
    /// see [`Prompt::stage`].
    pub fn start(&self, host_supporter: bool) -> Stage {
        let via = match host_supporter {
            true => Some("host"),
            false => marked_in_address(&self.campaign).then_some("url"),
        };
        if let Some(via) = via
            && !storage::load(&self.campaign).is_supporter()
        {
            record_supporter(&self.campaign, self.store.load(Relaxed));
            let (campaign, reporter) = (self.campaign.clone(), self.reporter.clone());
            let variant = self.variant.clone();
            // Told once the render is done: a listener may remove the widget.
            Timeout::new(0, move || {
                tell_page(&campaign);
                let detail = detail(&campaign, &[("via", via.into())], variant.as_deref());
                reporter.send("folio:support-supporter", &detail);
            })
            .forget();
        }
        self.stage()
    }

    /// What it shows now: a supporter's stage (the publisher's choice);
    /// else the ask, but not while "Remind me later" holds, nor past the
    /// cap of views (unless it was seen during this page load already,
    /// which did not end that load's showing).
    pub fn stage(&self) -> Stage {
        let (record, now) = (storage::load(&self.campaign), tracking::now());
        if record.is_supporter() {
            return self.supporter_stage();
        }
        let asks = !record.snoozed(self.policy, now)
            && (tracking::seen_this_load(&self.campaign) || record.may_show(self.policy, now));
        if asks { Stage::Ask } else { Stage::Rest }
    }

    /// What a supporter sees, as the publisher chose.
    fn supporter_stage(&self) -> Stage {
        match self.supporters {
            Supporters::Thank => Stage::Thank,
            Supporters::Hide => Stage::Spare,
        }
    }

    /// Calls `then` when the page marks the campaign as supported from now
    /// on ([`mark_supported`]: another prompt, `Folio.markSupported`),
    /// having kept the mark in this module's record too; dropping the
    /// listener stops it.
    pub fn on_supported(&self, then: impl Fn() + 'static) -> Option<EventListener> {
        let window = web_sys::window()?;
        let (campaign, store) = (self.campaign.clone(), self.store.clone());
        Some(EventListener::new(&window, SUPPORTED_EVENT, move |event| {
            let detail = event.dyn_ref::<CustomEvent>().map(CustomEvent::detail);
            if detail.and_then(|d| d.as_string()).as_deref() == Some(campaign.as_str()) {
                // Kept by this module too, where storage refuses it.
                record_supporter(&campaign, store.load(Relaxed));
                then();
            }
        }))
    }

    /// The call to action at `href` with `amount` chosen: its parameters
    /// added (see [`cta_url`]).
    pub fn url(&self, href: &str, amount: Option<&Amount>) -> String {
        let currency = self.currency.as_deref();
        cta_url(
            href,
            amount,
            currency,
            &self.campaign,
            self.variant.as_deref(),
        )
    }

    /// The call to action at `url` was followed with `amount` chosen:
    /// `folio:support-click`.
    pub fn clicked(&self, url: &str, amount: Option<&Amount>) {
        let mut fields = vec![("url", url.into())];
        fields.extend(amount.map(|a| ("amount", JsValue::from(a.value))));
        self.send("folio:support-click", &fields);
    }

    /// "Remind me later" (`event` is its click): the snooze stored, focus
    /// moved to what follows the prompt, the prompt taken away (`hide`),
    /// then `folio:support-dismiss`.
    pub fn later(&self, event: &Event, hide: impl FnOnce()) {
        let mut record = storage::load(&self.campaign);
        let until = record.snooze(self.policy, tracking::now());
        storage::save(&self.campaign, &record, self.store.load(Relaxed));
        focus_after(event);
        hide();
        self.send(
            "folio:support-dismiss",
            &[("until", intl::iso_time(until).into())],
        );
    }

    /// The reminder's link to the publisher's own service at `href`: the
    /// call to action's parameters (no amount) and the reminder's day as
    /// `date` (`2027-01-01`).
    pub fn reminder_url(&self, href: &str, asked: Asked) -> String {
        let url = cta_url(href, None, None, &self.campaign, self.variant.as_deref());
        match web_sys::Url::new(&url) {
            Ok(url) => {
                url.search_params().set("date", &asked.day.iso());
                url.href()
            }
            Err(_) => url,
        }
    }

    /// The reminder (`event` is its click, `asked` the reminder): the
    /// prompt rests until its day, the calendar file of `calendar` (the
    /// prompt's heading and the call to action's address) is handed to
    /// the reader (none when the reminder is a link to the publisher's
    /// service, which the browser follows), focus moves to what follows
    /// the prompt, the prompt goes (`hide`), then
    /// `folio:support-reminder`.
    pub fn remind(
        &self,
        event: &Event,
        asked: Asked,
        calendar: Option<(&str, &str)>,
        hide: impl FnOnce(),
    ) {
        let mut record = storage::load(&self.campaign);
        record.remind(asked.until);
        storage::save(&self.campaign, &record, self.store.load(Relaxed));
        if let Some((summary, url)) = calendar {
            let uid = format!("{}-{}", self.campaign, asked.day.compact());
            let stamp = reminder::stamp();
            let day = asked.day;
            reminder::download(&ReminderEvent {
                summary,
                url,
                day,
                stamp: &stamp,
                uid: &uid,
            });
        }
        focus_after(event);
        hide();
        let via = if calendar.is_some() {
            "calendar"
        } else {
            "link"
        };
        let fields = [
            ("until", intl::iso_time(asked.until).into()),
            ("date", asked.day.iso().into()),
            ("via", via.into()),
        ];
        self.send("folio:support-reminder", &fields);
    }

    /// The reader's article count as the prompt shows it: the article
    /// `id` counted as opened (see [`reading::open`]), and the count when
    /// it reaches `threshold`; never without the reader's consent.
    pub fn count(&self, id: &str, threshold: Option<u32>) -> Option<usize> {
        reading::open(id, threshold, self.store.load(Relaxed))
    }

    /// The control that turns the article count off (`event` is its
    /// click): the count forgotten and off for good, the count's line
    /// (the control's paragraph) taken away, focus on the prompt's
    /// heading, then `folio:support-count-off`.
    pub fn count_off(&self, event: &Event) {
        reading::turn_off(self.store.load(Relaxed));
        let control = event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(control) = control {
            let aside = control.closest("aside").ok().flatten();
            if let Some(line) = control.parent_element() {
                line.remove();
            }
            let heading = aside.and_then(|a| a.query_selector(".folio-support__heading").ok()?);
            if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                heading.set_tab_index(-1);
                let _ = heading.focus();
            }
        }
        self.send("folio:support-count-off", &[]);
    }

    /// Starts counting the views of the prompt's `aside` (see
    /// [`ViewTracker`]); dropping the tracker stops it.
    pub fn watch(&self, aside: Element) -> Option<ViewTracker> {
        ViewTracker::start(
            aside,
            self.campaign.clone(),
            self.policy,
            self.reporter.clone(),
            self.store.clone(),
            self.variant.clone(),
        )
    }
}

/// The detail of a `folio:support-*` event: the campaign, `fields`, and
/// the variant when the reader was put in one.
pub(crate) fn detail<'a>(
    campaign: &str,
    fields: &[(&'a str, JsValue)],
    variant: Option<&str>,
) -> Vec<(&'a str, JsValue)> {
    let mut detail = vec![("campaign", JsValue::from(campaign))];
    detail.extend_from_slice(fields);
    detail.extend(variant.map(|v| ("variant", JsValue::from(v))));
    detail
}

/// Records the reader as a supporter of `campaign` on this browser (in
/// `localStorage` when `store`, the reader's consent, allows it, else in
/// memory for the page) and tells every prompt of the page
/// ([`SUPPORTED_EVENT`]); returns whether they were not one before.
/// `Folio.markSupported` comes here.
pub fn mark_supported(campaign: &str, store: bool) -> bool {
    let new = record_supporter(campaign, store);
    tell_page(campaign);
    new
}

/// Tells every prompt of the page that `campaign` is supported
/// ([`SUPPORTED_EVENT`]).
fn tell_page(campaign: &str) {
    let init = CustomEventInit::new();
    init.set_detail(&campaign.into());
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        CustomEvent::new_with_event_init_dict(SUPPORTED_EVENT, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Stores the supporter's mark in the campaign's record, once.
fn record_supporter(campaign: &str, store: bool) -> bool {
    let mut record = storage::load(campaign);
    let new = record.support(tracking::now());
    if new {
        storage::save(campaign, &record, store);
    }
    new
}

/// Whether the page's address marks `campaign` as supported
/// (`?folio-supported=<campaign>`, one parameter per campaign).
fn marked_in_address(campaign: &str) -> bool {
    let href = web_sys::window().and_then(|w| w.location().href().ok());
    let Some(url) = href.and_then(|h| web_sys::Url::new(&h).ok()) else {
        return false;
    };
    url.search_params()
        .get_all(SUPPORTED_PARAMETER)
        .iter()
        .any(|value| value.as_string().as_deref() == Some(campaign))
}
