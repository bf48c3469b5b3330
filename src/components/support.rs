//! The reader-support prompt, shown inline in the body.

use std::sync::Arc;

use leptos::prelude::*;

use super::blocks::{BlockRun, Blocks};
use crate::markdown::Document;
use crate::model::Support;

/// The prompt: heading, Markdown text, amount choices, the call to action,
/// payment-method badges and the decline line.
#[component]
pub fn SupportPrompt(
    support: Arc<Support>,
    body: Arc<Document>,
    base: Option<Arc<str>>,
) -> impl IntoView {
    let resolve = |url: &str| crate::dom::resolve(url, base.as_deref());
    let cta_href = resolve(&support.cta.href);
    let run = BlockRun {
        range: 0..body.blocks.len(),
        document: body,
        base: base.clone(),
    };
    let amounts = support
        .amounts
        .iter()
        .map(|amount| {
            let label = amount.label.clone().unwrap_or_else(|| amount.value.to_string());
            let checked = if amount.default { "true" } else { "false" };
            view! {
                <button type="button" role="radio" class="folio-support__amount" aria-checked=checked>
                    {label}
                </button>
            }
        })
        .collect_view();
    let methods = support
        .payment_methods
        .iter()
        .map(|method| {
            let (class, text) = badge(method);
            view! { <li class=format!("folio-badge folio-badge--{class}")>{text}</li> }
        })
        .collect_view();
    let decline = support.decline.clone();
    let decline_text = decline.as_ref().and_then(|d| d.text.clone());
    let decline_label = decline
        .and_then(|d| d.label)
        .unwrap_or_else(|| "Remind me later".into());
    view! {
        <aside class="folio-support" aria-labelledby="folio-support-heading">
            <h2 class="folio-support__heading" id="folio-support-heading">{support.heading.clone()}</h2>
            <Blocks run=run class="folio-support__body"/>
            <div class="folio-support__amounts" role="radiogroup" aria-label="Choose an amount">
                {amounts}
            </div>
            <a class="folio-support__cta" href=cta_href>{support.cta.label.clone()}</a>
            <ul class="folio-support__methods" aria-label="Payment methods">{methods}</ul>
            <p class="folio-support__decline">
                {decline_text.map(|text| view! { <span>{text}" "</span> })}
                <button type="button" class="folio-support__later">{decline_label}</button>
            </p>
        </aside>
    }
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
