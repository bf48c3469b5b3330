//! What a support prompt does in a page, written once for the widget's
//! prompt (a Leptos view) and the support island's (the server's markup
//! given life): whether it shows, the call to action's address and its
//! click, "Remind me later", and watching its views. Each is a campaign's
//! rule over the reader's stored record, sending its `folio:support-*`
//! event; the views only draw and hide.

use folio_core::model::Amount;
use folio_core::schedule::Policy;
use wasm_bindgen::JsValue;
use web_sys::{Element, Event};

use crate::controls::{cta_url, focus_after};
use crate::events::Reporter;
use crate::tracking::{self, ViewTracker};
use crate::{intl, storage};

/// One campaign's prompt, and where its events go.
#[derive(Clone)]
pub struct Prompt {
    campaign: String,
    policy: Policy,
    reporter: Reporter,
}

impl Prompt {
    /// The prompt of `campaign`, shown under `policy`, its events sent
    /// through `reporter`.
    pub fn new(campaign: &str, policy: Policy, reporter: Reporter) -> Self {
        Self {
            campaign: campaign.to_string(),
            policy,
            reporter,
        }
    }

    /// The campaign.
    pub fn campaign(&self) -> &str {
        &self.campaign
    }

    /// Whether it shows now: not while "Remind me later" holds, nor past
    /// the cap of views (unless it was seen during this page load already,
    /// which did not end that load's showing).
    pub fn shows(&self) -> bool {
        let (record, now) = (storage::load(&self.campaign), tracking::now());
        !record.snoozed(self.policy, now)
            && (tracking::seen_this_load(&self.campaign) || record.may_show(self.policy, now))
    }

    /// The call to action at `href` with `amount` chosen: its parameters
    /// added (see [`cta_url`]).
    pub fn url(&self, href: &str, amount: Option<&Amount>) -> String {
        cta_url(href, amount, &self.campaign)
    }

    /// The call to action at `url` was followed with `amount` chosen:
    /// `folio:support-click`.
    pub fn clicked(&self, url: &str, amount: Option<&Amount>) {
        let mut detail = vec![
            ("campaign", self.campaign.as_str().into()),
            ("url", url.into()),
        ];
        detail.extend(amount.map(|a| ("amount", JsValue::from(a.value))));
        self.reporter.send("folio:support-click", &detail);
    }

    /// "Remind me later" (`event` is its click): the snooze stored, focus
    /// moved to what follows the prompt, the prompt taken away (`hide`),
    /// then `folio:support-dismiss`.
    pub fn later(&self, event: &Event, hide: impl FnOnce()) {
        let mut record = storage::load(&self.campaign);
        let until = record.snooze(self.policy, tracking::now());
        storage::save(&self.campaign, &record);
        focus_after(event);
        hide();
        let detail = [
            ("campaign", self.campaign.as_str().into()),
            ("until", intl::iso_time(until).into()),
        ];
        self.reporter.send("folio:support-dismiss", &detail);
    }

    /// Starts counting the views of the prompt's `aside` (see
    /// [`ViewTracker`]); dropping the tracker stops it.
    pub fn watch(&self, aside: Element) -> Option<ViewTracker> {
        ViewTracker::start(
            aside,
            self.campaign.clone(),
            self.policy,
            self.reporter.clone(),
        )
    }
}
