//! Where the support prompt goes in an article rendered on a server: the
//! prompt itself needs script (the reader's snooze, the view cap, the
//! chosen amount), so the page holds its place: the prompt, written by
//! the widget's own view into an inert `<template>` for the island to
//! show, the island's props, and, for a reader without JavaScript, a plain
//! link to the call to action.

use leptos::either::Either;
use leptos::prelude::*;

use folio::{Campaign, Card, choices, count_line, thanks_banner, thanks_line};
use folio_core::island::Props;
use folio_core::locale::Word;
use folio_core::model::{Supporters, preferred};

/// A `div.folio-prompt` that takes no room until the island shows the
/// prompt: the campaign's [`Props`] in a JSON data block, the prompt in a
/// `<template>` (or each variant's in a `<template data-variant>`), the
/// reader's article count's line (see [`count`]), each region's amounts
/// (see [`regions`]), what a supporter sees
/// in a `<template data-thanks>` (the
/// thank-you line, and the banner that thanks, when the publisher chose
/// to thank), and the call to action as a link inside `<noscript>`.
#[component]
pub fn PromptPlace(campaign: Campaign) -> impl IntoView {
    let props = Props::of(&campaign.support, &campaign.locale.tag).to_json();
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
            {count(&campaign)}
            {regions(&campaign)}
            <noscript>{fallback}</noscript>
        </div>
    }
}

/// Variant `index`'s prompt, in a `<template data-variant data-weight>`
/// of its name and weight, its own props first (its amounts may not be
/// the campaign's).
fn variant(campaign: &Campaign, index: usize) -> impl IntoView + use<> {
    let shown = campaign.as_variant(index);
    let props = Props::of(&shown.support, &shown.locale.tag).to_json();
    let variant = &campaign.support.variants[index];
    let (name, weight) = (variant.name.clone(), variant.weight.to_string());
    view! {
        <template data-variant=name data-weight=weight>
            <script type="application/json" inner_html=props></script>
            {Card::of(&shown).view(|_| (), |_| (), |_| (), |_| ()).into_any()}
        </template>
    }
}

/// The reader's article count's line, when the campaign shows it, for
/// the island to fill and put first in the prompt: a `<template
/// data-count>` of the line with its text empty, naming the article
/// (`data-article`), the threshold (`data-threshold`, when the article
/// sets one) and the locale's words for each plural category
/// (`data-zero` … `data-other`).
fn count(campaign: &Campaign) -> Option<impl IntoView + use<>> {
    let counted = campaign.support.article_count.as_ref()?;
    let words = &campaign.locale.words;
    let [zero, one, two, few, many, other] = Word::READ.map(|w| words.get(w).to_string());
    let off = words.get(Word::CountOff).to_string();
    Some(view! {
        <template
            data-count
            data-article=campaign.article.to_string()
            data-threshold=counted.threshold.map(|t| t.to_string())
            data-zero=zero data-one=one data-two=two data-few=few data-many=many data-other=other
        >
            {count_line(String::new(), off, |_| ())}
        </template>
    })
}

/// Each region's amounts, for the island to put in the prompt's place of
/// the block's when the host names one of its countries: a `<template
/// data-region>` of its countries' codes (space-separated) holding the
/// props of the block in that region and its choices as the widget draws
/// them.
fn regions(campaign: &Campaign) -> impl IntoView + use<> {
    let support = &campaign.support;
    let regions = support.regions.iter().map(|region| {
        let shown = support.in_region(region);
        let props = Props::of(&shown, &campaign.locale.tag).to_json();
        let selected = RwSignal::new(preferred(&shown.amounts, None));
        let choices = choices(&shown, &campaign.locale, selected);
        view! {
            <template data-region=region.countries.join(" ")>
                <script type="application/json" inner_html=props></script>
                {choices}
            </template>
        }
    });
    regions.collect_view()
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
