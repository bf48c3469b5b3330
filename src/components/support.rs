//! The reader-support prompt, shown inline in the body: amounts as a radio
//! group, the call to action, payment badges and "Remind me later". Whether
//! it shows at all is the [`schedule`](crate::schedule)'s decision.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent, MouseEvent};

use super::markdown_body::{BlockRun, MarkdownBody};
use crate::events::Reporter;
use crate::markdown::{self, Document};
use crate::model::{Amount, Frequency, Support};
use crate::schedule::Policy;
use crate::tracking::{self, ViewTracker};
use crate::{intl, storage};

/// The amount a reader chose in a widget's prompt, by campaign; provided
/// once per widget, so it lasts across renders of new article content.
#[derive(Clone, Default)]
pub struct Choice(Arc<Mutex<Option<(String, usize)>>>);

impl Choice {
    fn of(&self, campaign: &str) -> Option<usize> {
        let chosen = self.0.lock().ok()?;
        chosen
            .as_ref()
            .filter(|(c, _)| c == campaign)
            .map(|(_, i)| *i)
    }

    fn remember(&self, campaign: &str, index: usize) {
        if let Ok(mut chosen) = self.0.lock() {
            *chosen = Some((campaign.to_string(), index));
        }
    }
}

/// The support block as the prompt shows it: the block, its text
/// rendered, and the base URL and language it is shown with. The article
/// keys its prompt on this: while it stays equal, the prompt stays as it
/// is (the reader's focus, the chosen amount, the watch on its view).
#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    /// The checked support block.
    pub support: Arc<Support>,
    /// Its `body`, rendered.
    pub text: Arc<Document>,
    /// Base URL for relative links.
    pub base: Option<String>,
    /// The language amounts are formatted for.
    pub lang: Option<String>,
}

impl Campaign {
    /// The prompt of `support`, shown with `base` and `lang`.
    pub fn new(support: Arc<Support>, base: Option<String>, lang: Option<String>) -> Self {
        let text = Arc::new(markdown::render(support.body.as_deref().unwrap_or("")));
        Self {
            support,
            text,
            base,
            lang,
        }
    }
}

/// The prompt, or nothing when snoozed or past its frequency cap.
/// Its views are watched from the moment its `aside` is in the DOM until
/// it goes (snoozed, or the component is disposed).
#[component]
pub fn SupportPrompt(campaign: Campaign) -> impl IntoView {
    let Campaign {
        support,
        text,
        base,
        lang,
    } = campaign;
    let policy = Policy::of(&support);
    let campaign = support.campaign.clone();
    let record = storage::load(&campaign);
    let now = tracking::now();
    let shown = !record.snoozed(policy, now)
        && (tracking::seen_this_load(&campaign) || record.may_show(policy, now));
    let visible = RwSignal::new(shown);
    // The reader's choice outlives the view: a change to the support block
    // builds the prompt anew, and must not undo it.
    let choice = use_context::<Choice>().unwrap_or_default();
    let kept = choice.of(&campaign).filter(|&i| i < support.amounts.len());
    let first = kept.unwrap_or_else(|| support.amounts.iter().position(|a| a.default).unwrap_or(0));
    let selected = RwSignal::new(first);
    {
        let campaign = campaign.clone();
        Effect::new(move |_| choice.remember(&campaign, selected.get()));
    }
    let reporter = use_context::<Reporter>();
    let cta_base = crate::dom::resolve(&support.cta.href, base.as_deref());
    let run = BlockRun {
        range: 0..text.blocks.len(),
        document: text,
        base,
    };
    let aside = NodeRef::<leptos::html::Aside>::new();
    watch_views(aside, visible, &campaign, policy, reporter.clone());

    move || {
        if !visible.get() {
            return None;
        }
        let (support, campaign, reporter) = (support.clone(), campaign.clone(), reporter.clone());
        let amounts: Arc<[Amount]> = support.amounts.clone().into();
        let href = {
            let (amounts, campaign, cta_base) =
                (amounts.clone(), campaign.clone(), cta_base.clone());
            Memo::new(move |_| cta_url(&cta_base, amounts.get(selected.get()), &campaign))
        };
        let on_cta = {
            let (amounts, campaign, reporter) =
                (amounts.clone(), campaign.clone(), reporter.clone());
            move |_: MouseEvent| {
                let mut detail = vec![
                    ("campaign", campaign.as_str().into()),
                    ("url", href.get_untracked().into()),
                ];
                detail.extend(
                    amounts
                        .get(selected.get_untracked())
                        .map(|a| ("amount", JsValue::from(a.value))),
                );
                if let Some(reporter) = &reporter {
                    reporter.send("folio:support-click", &detail);
                }
            }
        };
        let on_later = {
            let campaign = campaign.clone();
            move |event: MouseEvent| {
                let mut record = storage::load(&campaign);
                let until = record.snooze(policy, tracking::now());
                storage::save(&campaign, &record);
                focus_after(&event);
                visible.set(false);
                if let Some(reporter) = &reporter {
                    let detail = [
                        ("campaign", campaign.as_str().into()),
                        ("until", intl::iso_time(until).into()),
                    ];
                    reporter.send("folio:support-dismiss", &detail);
                }
            }
        };
        let count = amounts.len();
        let choices = amounts
            .iter()
            .enumerate()
            .map(|(i, amount)| {
                let text = amount.label.clone().unwrap_or_else(|| {
                    intl::money(amount.value, support.currency.as_deref(), lang.as_deref())
                });
                let per = match (amount.label.is_some(), amount.frequency) {
                    (true, _) => None,
                    (false, Frequency::Monthly) => Some(" / month"),
                    (false, Frequency::Annual) => Some(" / year"),
                    (false, Frequency::Once) => Some(" once"),
                };
                view! {
                    <button
                        type="button"
                        role="radio"
                        class="folio-support__amount"
                        aria-checked=move || (selected.get() == i).to_string()
                        tabindex=move || if selected.get() == i { "0" } else { "-1" }
                        on:click=move |_| selected.set(i)
                    >
                        {text}
                        {per.map(|per| view! { <span class="folio-support__per">{per}</span> })}
                    </button>
                }
            })
            .collect_view();
        let decline = support.decline.clone();
        let decline_text = decline.as_ref().and_then(|d| d.text.clone());
        let decline_label = decline
            .and_then(|d| d.label)
            .unwrap_or_else(|| "Remind me later".into());
        Some(view! {
            <aside node_ref=aside class="folio-support" aria-labelledby="folio-support-heading" data-campaign=campaign.clone()>
                <h2 class="folio-support__heading" id="folio-support-heading">{support.heading.clone()}</h2>
                <MarkdownBody run=Memo::new({ let run = run.clone(); move |_| run.clone() }) class="folio-support__body"/>
                {(count > 0).then(|| view! {
                    <div
                        class="folio-support__amounts"
                        role="radiogroup"
                        aria-label="Choose an amount"
                        on:keydown=move |event: KeyboardEvent| arrow_keys(&event, count, selected)
                    >
                        {choices}
                    </div>
                })}
                <a class="folio-support__cta" href=move || href.get() on:click=on_cta>{support.cta.label.clone()}</a>
                <ul class="folio-support__methods" aria-label="Payment methods">
                    {support.payment_methods.iter().map(|method| {
                        let (class, text) = badge(method);
                        view! { <li class=format!("folio-badge folio-badge--{class}")>{text}</li> }
                    }).collect_view()}
                </ul>
                <p class="folio-support__decline">
                    {decline_text.map(|text| view! { <span>{text}" "</span> })}
                    <button type="button" class="folio-support__later" on:click=on_later>{decline_label}</button>
                </p>
            </aside>
        })
    }
}

/// Counts the prompt's views (see [`ViewTracker`]) while `aside` is shown.
fn watch_views(
    aside: NodeRef<leptos::html::Aside>,
    visible: RwSignal<bool>,
    campaign: &str,
    policy: Policy,
    reporter: Option<Reporter>,
) {
    let tracker = StoredValue::new_local(None::<ViewTracker>);
    let campaign = campaign.to_string();
    Effect::new(move |_| {
        let shown = aside.get().filter(|_| visible.get());
        let watch = shown.zip(reporter.clone()).and_then(|(aside, reporter)| {
            ViewTracker::start(aside.into(), campaign.clone(), policy, reporter)
        });
        tracker.set_value(watch);
    });
    on_cleanup(move || {
        tracker.try_update_value(Option::take);
    });
}

/// Radio-group keys: arrows move the choice (wrapping), Home and End jump;
/// focus follows the choice.
fn arrow_keys(event: &KeyboardEvent, count: usize, selected: RwSignal<usize>) {
    let current = selected.get_untracked();
    let next = match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => (current + 1) % count,
        "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        _ => return,
    };
    event.prevent_default();
    selected.set(next);
    let group = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok());
    let buttons = group.and_then(|g| g.query_selector_all("[role=radio]").ok());
    if let Some(button) = buttons
        .and_then(|b| b.item(next as u32))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// Before the prompt goes, moves focus to what follows it: the next part
/// of the article with text, else the "Read more" link.
fn focus_after(event: &MouseEvent) {
    let target = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok());
    let Some(aside) = target.and_then(|t| t.closest("aside").ok().flatten()) else {
        return;
    };
    // The prompt sits in its slot in the article; what follows the slot.
    let slot = aside
        .closest(".folio-prompt")
        .ok()
        .flatten()
        .unwrap_or(aside);
    let mut next = slot.next_element_sibling();
    while let Some(candidate) = next.clone() {
        if candidate
            .text_content()
            .is_some_and(|t| !t.trim().is_empty())
        {
            break;
        }
        next = candidate.next_element_sibling();
    }
    let Some(next) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    let target = match next.query_selector("a").ok().flatten() {
        Some(link) if next.class_name() == "folio-read-more" => link.unchecked_into(),
        _ => {
            next.set_tab_index(-1);
            next
        }
    };
    let _ = target.focus();
}

/// The call to action with the chosen amount, its frequency and the
/// campaign as query parameters (existing ones kept, values encoded).
fn cta_url(href: &str, amount: Option<&Amount>, campaign: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let Ok(url) = web_sys::Url::new_with_base(href, base.as_deref().unwrap_or("about:blank"))
    else {
        return href.to_string();
    };
    let params = url.search_params();
    if let Some(amount) = amount {
        params.set("amount", &crate::intl::number_text(amount.value));
        params.set("frequency", amount.frequency.as_str());
    }
    params.set("campaign", campaign);
    url.href()
}

/// The badge of a payment method: a known brand gets its own look, any other
/// method is shown by its name.
fn badge(method: &str) -> (&'static str, String) {
    match method {
        "visa" => ("visa", "VISA".into()),
        "mastercard" => ("mastercard", "mastercard".into()),
        "amex" => ("amex", "AMEX".into()),
        "paypal" => ("paypal", "PayPal".into()),
        "apple-pay" => ("apple-pay", "Apple Pay".into()),
        "google-pay" => ("google-pay", "G Pay".into()),
        other => ("other", other.to_string()),
    }
}
