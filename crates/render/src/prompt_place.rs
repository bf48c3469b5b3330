//! Where the support prompt goes in an article rendered on a server: the
//! prompt itself needs script (the reader's snooze, the view cap, the
//! chosen amount), so the page holds its place: the prompt, written by
//! the widget's own view into an inert `<template>` for the island to
//! show, the island's props, and, for a reader without JavaScript, a plain
//! link to the call to action.

use leptos::either::Either;
use leptos::prelude::*;

use folio::{Campaign, Card, thanks_banner, thanks_line};
use folio_core::island::Props;
use folio_core::locale::Word;
use folio_core::model::Supporters;

/// A `div.folio-prompt` that takes no room until the island shows the
/// prompt: the campaign's [`Props`] in a JSON data block, the prompt in a
/// `<template>` (or each variant's in a `<template data-variant>`), what a supporter sees in a `<template data-thanks>` (the
/// thank-you line, and the banner that thanks, when the publisher chose
/// to thank), and the call to action as a link inside `<noscript>`.
#[component]
pub fn PromptPlace(campaign: Campaign) -> impl IntoView {
    let props = props(&campaign);
    let fallback = fallback(&campaign);
    let prompts = match campaign.support.variants.len() {
        0 => Either::Left(
            view! { <template>{Card::of(&campaign).view(|_| (), |_| (), |_| (), |_| ()).into_any()}</template> },
        ),
        count => Either::Right((0..count).map(|i| variant(&campaign, i)).collect_view()),
    };
    let words = &campaign.locale.words;
    let thanks =
        (campaign.support.supporters.unwrap_or_default() == Supporters::Thank).then(|| {
            let text = words.get(Word::Thanks).to_string();
            let label = words.get(Word::Support).to_string();
            view! {
                <template data-thanks>
                    {campaign.support.banner.is_some().then(|| thanks_banner(text.clone(), label))}
                    {thanks_line(text)}
                </template>
            }
        });
    view! {
        <div class="folio-prompt" data-island="support">
            <script type="application/json" inner_html=props></script>
            {prompts}
            {thanks}
            <noscript>{fallback}</noscript>
        </div>
    }
}

/// Variant `index`'s prompt, in a `<template data-variant data-weight>`
/// of its name and weight, its own props first (its amounts may not be
/// the campaign's).
fn variant(campaign: &Campaign, index: usize) -> impl IntoView + use<> {
    let shown = campaign.as_variant(index);
    let props = props(&shown);
    let variant = &campaign.support.variants[index];
    let (name, weight) = (variant.name.clone(), variant.weight.to_string());
    view! {
        <template data-variant=name data-weight=weight>
            <script type="application/json" inner_html=props></script>
            {Card::of(&shown).view(|_| (), |_| (), |_| (), |_| ()).into_any()}
        </template>
    }
}

/// The props of the prompt of `campaign`, as JSON.
fn props(campaign: &Campaign) -> String {
    let support = &campaign.support;
    Props::of(support, &campaign.locale.tag)
        .counted(support, &campaign.article, &campaign.locale.words)
        .to_json()
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
