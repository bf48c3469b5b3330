//! What a reader of the support prompt chooses from: the amounts as a
//! radio group, one of each frequency perhaps marked "Recommended", and
//! below them the benefits of the chosen amount's frequency; when the
//! block asks for `frequencyTabs` and the amounts come in more than one
//! frequency, a tablist of the frequencies above them, each tab showing
//! its own amounts. One chosen amount is the whole state: the tab shown
//! is its frequency's.

use std::sync::Arc;

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use folio_browser::controls::arrow_key;
use folio_browser::intl;
use folio_core::locale::{Locale, Word};
use folio_core::model::{Amount, Frequency, Support, frequencies, preferred};

/// The id of the panel of amounts the tabs control.
const PANEL: &str = "folio-support-amounts";

/// The tab's id of `frequency`.
fn tab_id(frequency: Frequency) -> String {
    ["folio-support-tab-", frequency.as_str()].concat()
}

/// The locale's word for the tab of `frequency`.
fn tab_word(frequency: Frequency) -> Word {
    match frequency {
        Frequency::Once => Word::GiveOnce,
        Frequency::Monthly => Word::GiveMonthly,
        Frequency::Annual => Word::GiveAnnually,
    }
}

/// The `div.folio-support__choices` of `support`'s amounts in `locale`,
/// `selected` the chosen one (by index), or nothing when it has none.
pub fn choices(
    support: &Support,
    locale: &Locale,
    selected: RwSignal<usize>,
) -> Option<impl IntoView + use<>> {
    if support.amounts.is_empty() {
        return None;
    }
    let words = &locale.words;
    let frequencies = frequencies(&support.amounts);
    let tabbed = support.frequency_tabs && frequencies.len() > 1;
    // Each amount's frequency, by index: the chosen one's is the tab shown.
    let of: Arc<[Frequency]> = support.amounts.iter().map(|a| a.frequency).collect();
    let shown = {
        let of = of.clone();
        move |frequency: Frequency| of.get(selected.get()) == Some(&frequency)
    };
    let tabs = tabbed.then(|| tabs(support, &frequencies, locale, selected, shown.clone()));
    // The panel is named by the tab shown: the chosen amount's frequency's.
    let labelled = {
        let of = of.clone();
        move || {
            (of.get(selected.get()).copied())
                .filter(|_| tabbed)
                .map(tab_id)
        }
    };
    // The arrows move among the amounts of the tab shown.
    let on_keys = move |event: KeyboardEvent| {
        let current = selected.get_untracked();
        let frequency = of.get(current);
        let among: Vec<usize> = (0..of.len())
            .filter(|&i| !tabbed || of.get(i) == frequency)
            .collect();
        if let Some(next) = arrow_key(&event, &among, current, "radio") {
            selected.set(next);
        }
    };
    // Spaced from the sum (the space collapses at the block's start) so
    // that the button's name reads as two words.
    let recommended = format!(" {}", words.get(Word::Recommended));
    let amounts = support
        .amounts
        .iter()
        .enumerate()
        .map(|(i, amount)| {
            let (before, sum, after) = amount_text(amount, support, locale);
            let per = |text: String| {
                (!text.is_empty()).then(|| view! { <span class="folio-support__per">{text}</span> })
            };
            let mark = amount.recommended.then(|| {
                view! { <span class="folio-support__recommended">{recommended.clone()}</span> }
            });
            let (frequency, shown) = (amount.frequency, shown.clone());
            view! {
                <button
                    type="button"
                    role="radio"
                    class="folio-support__amount"
                    aria-checked=move || (selected.get() == i).to_string()
                    tabindex=move || if selected.get() == i { "0" } else { "-1" }
                    hidden=move || tabbed && !shown(frequency)
                    on:click=move |_| selected.set(i)
                >
                    {per(before)}
                    {sum}
                    {per(after)}
                    {mark}
                </button>
            }
        })
        .collect_view();
    let benefits = benefits(support, &frequencies, shown);
    Some(view! {
        <div class="folio-support__choices">
            {tabs}
            <div role=tabbed.then_some("tabpanel") id=tabbed.then_some(PANEL) aria-labelledby=labelled>
                <div
                    class="folio-support__amounts"
                    role="radiogroup"
                    aria-label=words.get(Word::ChooseAmount).to_string()
                    on:keydown=on_keys
                >
                    {amounts}
                </div>
            </div>
            {benefits}
        </div>
    })
}

/// The tablist of `frequencies`: a tab chooses the amount its frequency
/// prefers (see [`preferred`]).
fn tabs<F: Fn(Frequency) -> bool + Clone + Send + Sync + 'static>(
    support: &Support,
    frequencies: &[Frequency],
    locale: &Locale,
    selected: RwSignal<usize>,
    shown: F,
) -> impl IntoView + use<F> {
    let preferred: Arc<[usize]> = (frequencies.iter())
        .map(|&f| preferred(&support.amounts, Some(f)))
        .collect();
    let buttons = frequencies
        .iter()
        .enumerate()
        .map(|(i, &frequency)| {
            let (chosen, shown) = (preferred[i], shown.clone());
            let current = shown.clone();
            view! {
                <button
                    type="button"
                    role="tab"
                    class="folio-support__frequency"
                    id=tab_id(frequency)
                    data-frequency=frequency.as_str()
                    aria-controls=PANEL
                    aria-selected=move || shown(frequency).to_string()
                    tabindex=move || if current(frequency) { "0" } else { "-1" }
                    on:click=move |_| selected.set(chosen)
                >
                    {locale.words.get(tab_word(frequency)).to_string()}
                </button>
            }
        })
        .collect_view();
    let on_keys = {
        let frequencies: Arc<[Frequency]> = frequencies.into();
        move |event: KeyboardEvent| {
            let tabs: Vec<usize> = (0..frequencies.len()).collect();
            let current = frequencies.iter().position(|&f| shown(f)).unwrap_or(0);
            if let Some(next) = arrow_key(&event, &tabs, current, "tab") {
                selected.set(preferred[next]);
            }
        }
    };
    view! {
        <div
            class="folio-support__frequencies"
            role="tablist"
            aria-label=locale.words.get(Word::Frequency).to_string()
            on:keydown=on_keys
        >
            {buttons}
        </div>
    }
}

/// Each frequency's benefits, shown with its amounts.
fn benefits<F: Fn(Frequency) -> bool + Clone + Send + Sync + 'static>(
    support: &Support,
    frequencies: &[Frequency],
    shown: F,
) -> impl IntoView + use<F> {
    let all = support.benefits.clone().unwrap_or_default();
    frequencies
        .iter()
        .filter(|&&f| !all.of(f).is_empty())
        .map(|&frequency| {
            let shown = shown.clone();
            let lines = all
                .of(frequency)
                .iter()
                .map(|line| view! { <li>{line.clone()}</li> });
            view! {
                <ul
                    class="folio-support__benefits"
                    data-frequency=frequency.as_str()
                    hidden=move || !shown(frequency)
                >
                    {lines.collect_view()}
                </ul>
            }
        })
        .collect_view()
}

/// An amount's text around its sum: a label the article gives is the
/// whole text; else the amount formatted, inside the locale's words for
/// its frequency ("$2 / month", "Aylık 2 $").
fn amount_text(amount: &Amount, support: &Support, locale: &Locale) -> (String, String, String) {
    if let Some(label) = &amount.label {
        return (String::new(), label.clone(), String::new());
    }
    let sum = intl::money(amount.value, support.currency.as_deref(), Some(&locale.tag));
    let word = match amount.frequency {
        Frequency::Monthly => Word::PerMonth,
        Frequency::Annual => Word::PerYear,
        Frequency::Once => Word::Once,
    };
    let (before, after) = locale.words.around(word, "amount");
    (before, sum, after)
}
