//! The reader-support prompt, shown inline in the body: amounts as a radio
//! group, the call to action, payment badges and "Remind me later"; a
//! supporter's thank-you line in its place. What shows is the
//! [`Prompt`]'s decision, over the [`schedule`](folio_core::schedule).

use std::sync::{Arc, Mutex};

use leptos::either::Either;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::MouseEvent;

use super::choices::choices;
use super::header::heading_tag;
use super::markdown_body::{BlockRun, MarkdownBody};
use super::thanks::{count_line, thanks_line};
use folio_browser::controls::badge;
use folio_browser::events::Reporter;
use folio_browser::prompt::{Prompt, Stage};
use folio_browser::reading;
use folio_browser::reminder::{self, Asked};
use folio_browser::tracking::ViewTracker;
use folio_core::locale::{Locale, Word};
use folio_core::markdown::{self, Document};
use folio_core::model::{Amount, Support, Supporters, preferred};
use folio_core::schedule::Policy;

/// The amount a reader chose in a widget's prompt, by campaign: kept by the
/// article (or provided by the widget, so it lasts across a remount) and
/// handed to each prompt it shows.
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
/// rendered, and the base URL and locale it is shown with. The article
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
    /// The words and formats of its controls and amounts.
    pub locale: Locale,
    /// The level of the article's headline (the prompt's heading is one
    /// below).
    pub level: u8,
    /// The article's `id`, counted in the reader's article count.
    pub article: Arc<str>,
}

impl Campaign {
    /// The prompt of `support`, shown with `base` in `locale`, in the
    /// article `article` (its id) whose headline is of `level`.
    pub fn new(
        support: Arc<Support>,
        base: Option<String>,
        locale: Locale,
        level: u8,
        article: Arc<str>,
    ) -> Self {
        let body = support.body.as_deref().unwrap_or("");
        // The prompt's own heading is one below the headline; its text's
        // headings, one further.
        let text = Arc::new(markdown::render_under(body, level + 1));
        Self {
            support,
            text,
            base,
            locale,
            level,
            article,
        }
    }

    /// The campaign's variants, by name and weight.
    pub fn weights(&self) -> Vec<(&str, f64)> {
        let variants = self.support.variants.iter();
        variants.map(|v| (v.name.as_str(), v.weight)).collect()
    }

    /// The prompt as variant `index` shows it (the campaign itself when
    /// there is no such variant): its text rendered again only when the
    /// variant has its own.
    pub fn as_variant(&self, index: usize) -> Self {
        let Some(variant) = self.support.variants.get(index) else {
            return self.clone();
        };
        let support = Arc::new(self.support.as_variant(variant));
        match variant.body {
            Some(_) => Self::new(
                support,
                self.base.clone(),
                self.locale.clone(),
                self.level,
                self.article.clone(),
            ),
            None => Self {
                support,
                ..self.clone()
            },
        }
    }
}

/// The prompt, as the variant the reader is put in shows it (drawn by the
/// host's `bucket` when it names the reader, else once and kept), with
/// the amounts of the region of the reader's `country` (the host's
/// word); a
/// supporter's thank-you line (or nothing, as the publisher
/// chose) once the reader is a supporter of the campaign (`supporter`:
/// the host says so; or the page's address, or `Folio.markSupported`);
/// its record stored as `consent` allows;
/// nothing when snoozed or past its frequency cap. Whether the reader is a
/// supporter goes to `supported`, which the banner follows. Its views are watched from the
/// moment its `aside` is in the DOM until it goes (snoozed, or the
/// component is disposed).
#[component]
pub fn SupportPrompt(
    campaign: Campaign,
    reporter: Reporter,
    choice: Choice,
    supporter: Signal<bool>,
    consent: Signal<bool>,
    supported: RwSignal<bool>,
    bucket: Option<Arc<str>>,
    country: Option<Arc<str>>,
) -> impl IntoView {
    let supporters = campaign.support.supporters.unwrap_or_default();
    let policy = Policy::of(&campaign.support);
    let mut behaviour = Prompt::new(&campaign.support.campaign, policy, supporters, reporter);
    behaviour.consent(consent.get_untracked());
    let variant = behaviour.choose(&campaign.weights(), bucket.as_deref());
    let Campaign {
        support,
        text,
        base,
        locale,
        level,
        article,
    } = variant.map_or_else(|| campaign.clone(), |i| campaign.as_variant(i));
    // The reader's region's amounts, in the place of the block's or the
    // variant's; the call to action names their currency.
    let region = country.as_deref().and_then(|c| support.region(c));
    let support = region.map_or_else(|| support.clone(), |r| Arc::new(support.in_region(r)));
    if !support.regions.is_empty() {
        behaviour.priced_in(support.currency.as_deref());
    }
    let campaign = support.campaign.clone();
    let stage = behaviour.start(supporter.get_untracked());
    supported.set(matches!(stage, Stage::Thank | Stage::Spare));
    let visible = RwSignal::new(stage == Stage::Ask);
    let count = support.article_count.as_ref().and_then(|counted| {
        let count = behaviour.count(&article, counted.threshold)?;
        let lang = Some(locale.tag.as_str());
        let words = locale.words.get(Word::READ[reading::category(count, lang)]);
        Some(reading::line(words, count, lang))
    });
    follow_host(&behaviour, supporter, consent, supported);
    // What a supporter sees: the thank-you line, or nothing.
    let thanks =
        (supporters == Supporters::Thank).then(|| locale.words.get(Word::Thanks).to_string());
    // The reader's choice outlives the view: a change to the support block
    // builds the prompt anew, and must not undo it.
    let kept = choice.of(&campaign).filter(|&i| i < support.amounts.len());
    let selected = RwSignal::new(kept.unwrap_or_else(|| preferred(&support.amounts, None)));
    Effect::new(move |_| choice.remember(&campaign, selected.get()));
    let cta_base = crate::page::resolve(&support.cta.href, base.as_deref());
    let text = text_run(text, base.clone());
    let aside = NodeRef::<leptos::html::Aside>::new();
    watch_views(aside, visible, supported, behaviour.clone());

    move || {
        if supported.get() {
            return thanks.clone().map(|text| Either::Right(thanks_line(text)));
        }
        if !visible.get() {
            return None;
        }
        let support = support.clone();
        let amounts: Arc<[Amount]> = support.amounts.clone().into();
        let href = {
            let (amounts, behaviour, cta_base) =
                (amounts.clone(), behaviour.clone(), cta_base.clone());
            Memo::new(move |_| behaviour.url(&cta_base, amounts.get(selected.get())))
        };
        let on_cta = {
            let behaviour = behaviour.clone();
            move |_: MouseEvent| {
                let amount = amounts.get(selected.get_untracked());
                behaviour.clicked(&href.get_untracked(), amount);
            }
        };
        let on_later = {
            let behaviour = behaviour.clone();
            move |event: MouseEvent| behaviour.later(&event, || visible.set(false))
        };
        let asked = reminder::asked();
        let reminder = Remind::of(&support, &locale, asked, |href| {
            behaviour.reminder_url(&crate::page::resolve(href, base.as_deref()), asked)
        });
        let on_remind = {
            let (behaviour, heading, link) = (
                behaviour.clone(),
                support.heading.clone(),
                reminder.as_ref().is_some_and(|r| r.href.is_some()),
            );
            move |event: MouseEvent| {
                let url = href.get_untracked();
                let calendar = (!link).then_some((heading.as_str(), url.as_str()));
                behaviour.remind(&event, asked, calendar, || visible.set(false));
            }
        };
        let on_count_off = {
            let behaviour = behaviour.clone();
            move |event: MouseEvent| behaviour.count_off(&event)
        };
        let card = Card {
            count: count.clone(),
            support,
            text,
            locale: locale.clone(),
            level,
            selected,
            href: href.into(),
            aside,
            reminder,
        };
        Some(Either::Left(card.view(
            on_cta,
            on_later,
            on_remind,
            on_count_off,
        )))
    }
}

/// Keeps the prompt with its host and its reader: consent given or taken
/// back later goes to the prompt's record; a host that says later that
/// the reader is a supporter, and a mark made elsewhere on the page, make
/// the prompt a supporter's (`supported`).
fn follow_host(
    behaviour: &Prompt,
    supporter: Signal<bool>,
    consent: Signal<bool>,
    supported: RwSignal<bool>,
) {
    let host = behaviour.clone();
    Effect::new(move |first: Option<()>| {
        let (granted, says) = (consent.get(), supporter.get());
        if first.is_some() {
            host.consent(granted);
            if says {
                host.start(true);
                supported.set(true);
            }
        }
    });
    // Dropped with the prompt; only ever touched on the page's thread.
    let listener = SendWrapper::new(behaviour.on_supported(move || supported.set(true)));
    on_cleanup(move || drop(listener));
}

/// The prompt as it looks, whoever decides whether it shows: the widget's
/// [`SupportPrompt`] in the browser, or a server writing it for the support
/// island of a pre-rendered article (which gives the controls their
/// behaviour in the page).
pub struct Card {
    /// The checked support block.
    pub support: Arc<Support>,
    /// Its text, rendered.
    pub text: Memo<BlockRun>,
    /// The words and formats of its controls and amounts.
    pub locale: Locale,
    /// The level of the article's headline.
    pub level: u8,
    /// The amount chosen, by index.
    pub selected: RwSignal<usize>,
    /// The call to action's address.
    pub href: Signal<String>,
    /// The `aside` once built.
    pub aside: NodeRef<leptos::html::Aside>,
    /// The reminder beside "Remind me later", when the block has one.
    pub reminder: Option<Remind>,
    /// The reader's article count, as its line says it (never on a
    /// server: the island writes it in the page). Its control takes the
    /// line away, and the card is not drawn again with it.
    pub count: Option<String>,
}

/// The reminder's control as the card shows it.
#[derive(Clone)]
pub struct Remind {
    /// "Remind me on 1 January", in the card's language.
    pub label: String,
    /// The locale's words around the date ("Remind me on {date}"), kept
    /// on the control for the island, which writes the label again by its
    /// reader's clock.
    pub words: String,
    /// The publisher's reminder service: the control is a link there
    /// (else a button that hands the reader a calendar file).
    pub href: Option<String>,
}

impl Remind {
    /// The reminder of `support` in `locale` for a reader asking as
    /// `asked` says, its link (if any) at `href`.
    fn of(
        support: &Support,
        locale: &Locale,
        asked: Asked,
        href: impl FnOnce(&str) -> String,
    ) -> Option<Self> {
        let reminder = support.reminder.as_ref()?;
        let words = locale.words.get(Word::RemindOn).to_string();
        Some(Self {
            label: reminder::label(&words, asked.day, Some(&locale.tag)),
            words,
            href: reminder.href.as_deref().map(href),
        })
    }
}

impl Card {
    /// The card of `campaign` as a server writes it for the island: the
    /// default amount chosen, the call to action's own address.
    pub fn of(campaign: &Campaign) -> Self {
        let support = campaign.support.clone();
        let href = crate::page::resolve(&support.cta.href, campaign.base.as_deref());
        let base = campaign.base.as_deref();
        let reminder = Remind::of(&support, &campaign.locale, reminder::asked(), |href| {
            crate::page::resolve(href, base)
        });
        Self {
            reminder,
            count: None,
            selected: RwSignal::new(preferred(&support.amounts, None)),
            text: text_run(campaign.text.clone(), campaign.base.clone()),
            locale: campaign.locale.clone(),
            level: campaign.level,
            href: Signal::stored(href),
            aside: NodeRef::new(),
            support,
        }
    }

    /// The `aside`: the reader's article count and its control that
    /// turns it off (`on_count_off`), heading, text, the amounts as a
    /// radio group, the call to action (`on_cta` on its click), payment
    /// badges, "Remind me later" (`on_later`) and the reminder
    /// (`on_remind`). A formatted sum is the button's own text, between
    /// the spans of its frequency's words (where the island formats it
    /// again in the reader's language).
    pub fn view(
        self,
        on_cta: impl FnMut(MouseEvent) + 'static,
        on_later: impl FnMut(MouseEvent) + 'static,
        on_remind: impl FnMut(MouseEvent) + 'static,
        on_count_off: impl FnMut(MouseEvent) + 'static,
    ) -> impl IntoView {
        let Card {
            support,
            text,
            locale,
            level,
            selected,
            href,
            aside,
            reminder,
            count,
        } = self;
        let remind = reminder.map(|Remind { label, words, href }| match href {
            Some(href) => Either::Left(view! {
                <a class="folio-support__remind" href=href data-words=words on:click=on_remind>{label}</a>
            }),
            None => Either::Right(view! {
                <button type="button" class="folio-support__remind" data-words=words on:click=on_remind>{label}</button>
            }),
        });
        let words = locale.words.clone();
        let off = words.get(Word::CountOff).to_string();
        let count_line = count.map(|line| count_line(line, off, on_count_off));
        let choices = choices(&support, &locale, selected);
        let decline = support.decline.clone();
        let decline_text = decline.as_ref().and_then(|d| d.text.clone());
        let decline_label = decline
            .and_then(|d| d.label)
            .unwrap_or_else(|| words.get(Word::RemindLater).to_string());
        view! {
            <aside node_ref=aside class="folio-support" aria-labelledby="folio-support-heading" data-campaign=support.campaign.clone()>
                {count_line}
                {leptos::html::custom(heading_tag(level + 1))
                    .class("folio-support__heading")
                    .id("folio-support-heading")
                    .child(support.heading.clone())}
                <MarkdownBody run=text class="folio-support__body"/>
                {choices}
                <a class="folio-support__cta" href=move || href.get() on:click=on_cta>{support.cta.label.clone()}</a>
                <ul class="folio-support__methods" aria-label=words.get(Word::PaymentMethods).to_string()>
                    {support.payment_methods.iter().map(|method| {
                        let (class, text) = badge(method, &words);
                        view! { <li class=format!("folio-badge folio-badge--{class}")>{text}</li> }
                    }).collect_view()}
                </ul>
                <p class="folio-support__decline">
                    {decline_text.map(|text| view! { <span>{text}" "</span> })}
                    <button type="button" class="folio-support__later" on:click=on_later>{decline_label}</button>
                    {remind.map(|remind| view! { " " {remind} })}
                </p>
            </aside>
        }
    }
}

/// The prompt's text as the body component shows it. It never changes
/// while the prompt is shown: the campaign is its key.
fn text_run(document: Arc<Document>, base: Option<String>) -> Memo<BlockRun> {
    let run = BlockRun {
        range: 0..document.blocks.len(),
        document,
        base,
    };
    Memo::new(move |_| run.clone())
}

/// Counts the prompt's views (see [`ViewTracker`]) while `aside` is shown.
fn watch_views(
    aside: NodeRef<leptos::html::Aside>,
    visible: RwSignal<bool>,
    supported: RwSignal<bool>,
    behaviour: Prompt,
) {
    let tracker = StoredValue::new_local(None::<ViewTracker>);
    Effect::new(move |_| {
        let shown = aside.get().filter(|_| visible.get() && !supported.get());
        tracker.set_value(shown.and_then(|aside| behaviour.watch(aside.into())));
    });
    on_cleanup(move || {
        tracker.try_update_value(Option::take);
    });
}
