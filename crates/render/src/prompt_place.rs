//! Where the support prompt goes in an article rendered on a server: the
//! prompt itself needs script (the reader's snooze, the view cap, the
//! chosen amount), so the page holds its place: the prompt, written by
//! the widget's own view into an inert `<template>` for the island to
//! show, the island's props, and, for a reader without JavaScript, a plain
//! link to the call to action.

use leptos::prelude::*;

use folio::{Campaign, Card};
use folio_core::island::Props;

/// A `div.folio-prompt` that takes no room until the island shows the
/// prompt: the campaign's [`Props`] in a JSON data block, the prompt in a
/// `<template>`, and the call to action as a link inside `<noscript>`.
#[component]
pub fn PromptPlace(campaign: Campaign) -> impl IntoView {
    let props = Props::of(&campaign.support, &campaign.locale.tag).to_json();
    let fallback = fallback(&campaign);
    let card = Card::of(&campaign).view(|_| (), |_| ());
    view! {
        <div class="folio-prompt" data-island="support">
            <script type="application/json" inner_html=props></script>
            <template>{card}</template>
            <noscript>{fallback}</noscript>
        </div>
    }
}

/// The prompt for a reader without script: a plain link to the call to
/// action (alone, in a page with no script at all: feeds, e-mail).
pub fn fallback(campaign: &Campaign) -> impl IntoView + use<> {
    let (href, rel) = folio::page::link(&campaign.support.cta.href, campaign.base.as_deref());
    let label = campaign.support.cta.label.clone();
    view! {
        <p class="folio-support-fallback"><a class="folio-support__cta" href=href rel=rel>{label}</a></p>
    }
}
