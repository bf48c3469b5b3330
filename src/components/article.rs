//! The whole article, in reading order: banner, header, hero figure, the
//! body with the support prompt after its chosen paragraph, "Read more".

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::banner::Banner;
use super::byline::Credits;
use super::figure::HeroFigure;
use super::header::Header;
use super::markdown_body::{BlockRun, MarkdownBody};
use super::read_more::ReadMore;
use super::related::related_list;
use super::support::{Campaign, Choice, SupportPrompt};
use super::thanks::thanks_banner;
use folio_browser::events::Reporter;
use folio_core::locale::{self, Locale, Word, Words};
use folio_core::markdown::{self, Document, Media};
use folio_core::model::{self, Link, Supporters};

/// How the support prompt's slot is filled instead of with the widget's
/// own [`SupportPrompt`]: a server, where the prompt needs script it does
/// not have, renders its place for the support island.
#[derive(Clone)]
pub struct PromptSlot(pub Arc<dyn Fn(Campaign) -> AnyView + Send + Sync>);

/// The support prompt in its slot: through the [`PromptSlot`] given, else
/// the prompt itself (not made an `AnyView`: each type made
/// one costs the WebAssembly its code again).
fn prompt_view(
    campaign: Campaign,
    slot: Option<PromptSlot>,
    reader: &Reader,
) -> impl IntoView + use<> {
    if let Some(PromptSlot(slot)) = slot {
        return Either::Left(slot(campaign));
    }
    Either::Right(own_prompt(campaign, reader.clone()))
}

/// The widget's own prompt, in its place.
#[cfg(not(feature = "split"))]
fn own_prompt(campaign: Campaign, reader: Reader) -> impl IntoView + use<> {
    prompt_in_place(campaign, reader)
}

#[cfg(feature = "split")]
thread_local! {
    /// Whether the chunk of the WebAssembly that holds the prompt's code
    /// has loaded (set once, for every widget of the page).
    static LOADED: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// The attempt to load it under way, which every caller of
    /// [`prompt_code`] during it shares: one request, however many ask.
    static LOADING: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// The widget's own prompt, in its place once the chunk of the
/// WebAssembly that holds its code has loaded (nothing, if it cannot
/// load; the next prompt asks for it again). The prompt is built when the
/// chunk has loaded, by the view's own reactive closure: a prompt taken
/// away before that is never built.
#[cfg(feature = "split")]
fn own_prompt(campaign: Campaign, reader: Reader) -> impl IntoView + use<> {
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    let loaded = LOADED.with(Clone::clone);
    if !loaded.get_untracked() {
        wasm_bindgen_futures::spawn_local(prompt_code());
    }
    move || {
        // Read untracked once loaded: a signal of the page's life would
        // otherwise keep a subscription for every prompt ever drawn.
        if !(loaded.get_untracked() || loaded.get()) {
            return None;
        }
        // Loaded: the call into the chunk is ready at its first poll.
        let chunk = pin!(prompt_chunk(campaign.clone(), reader.clone()));
        match chunk.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(view) => view.ok(),
            Poll::Pending => None,
        }
    }
}

/// Resolves once the code of the widget's own prompt is loaded, and the
/// prompts waiting for it are drawn (or once it could not be loaded): at
/// once, unless the build splits it into a chunk of its own.
#[cfg(target_arch = "wasm32")]
pub async fn prompt_code() {
    #[cfg(feature = "split")]
    {
        use wasm_bindgen::JsValue;
        use wasm_bindgen_futures::{JsFuture, future_to_promise};

        let loaded = LOADED.with(Clone::clone);
        if loaded.get_untracked() {
            return;
        }
        let attempt = LOADING.with_borrow_mut(|loading| {
            let attempt = loading.get_or_insert_with(|| {
                future_to_promise(async {
                    let loaded = load_prompt().await.is_ok();
                    // Settled: the next call finds it loaded, or tries again.
                    LOADING.with_borrow_mut(|loading| *loading = None);
                    Ok(JsValue::from_bool(loaded))
                })
            });
            attempt.clone()
        });
        let done = JsFuture::from(attempt).await;
        if done.ok().and_then(|ok| ok.as_bool()) != Some(true) {
            return;
        }
        if !loaded.get_untracked() {
            loaded.set(true);
        }
        // One turn behind the render effects that setting it scheduled.
        let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    }
}

/// [`prompt_in_place`], in a chunk of the WebAssembly of its own.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    prompt,
    wasm_split_path = ::leptos::wasm_split,
    preload(#[doc(hidden)] load_prompt),
    fallible
)]
fn prompt_chunk(
    campaign: Campaign,
    reader: Reader,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(prompt_in_place(campaign, reader).into_any())
}

/// The prompt's place and the prompt in it.
fn prompt_in_place(campaign: Campaign, reader: Reader) -> impl IntoView + use<> {
    let Reader {
        reporter,
        choice,
        supporter,
        consent,
        supported,
        bucket,
        country,
    } = reader;
    view! {
        <div class="folio-prompt">
            <SupportPrompt campaign reporter choice supporter consent supported bucket country/>
        </div>
    }
}

/// What the article's prompt keeps of its reader: where its events go,
/// the amount chosen, the host's word that they are a supporter, their
/// consent to storage, whether they are one (which the banner follows),
/// the host's name for them among the variants, and their country.
#[derive(Clone)]
struct Reader {
    reporter: Reporter,
    choice: Choice,
    supporter: Signal<bool>,
    consent: Signal<bool>,
    supported: RwSignal<bool>,
    bucket: Option<Arc<str>>,
    country: Option<Arc<str>>,
}

/// An article with its body rendered. The component keeps the last one,
/// so that a new body is rendered again only around what changed.
#[derive(Clone, Debug)]
struct Rendered {
    article: Arc<model::Article>,
    body: Arc<Document>,
}

impl PartialEq for Rendered {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.article, &other.article) && Arc::ptr_eq(&self.body, &other.body)
    }
}

/// An article's Markdown body ("" for a card without one).
#[inline(always)]
fn text(article: &model::Article) -> &str {
    article.body.as_deref().unwrap_or_default()
}

impl Rendered {
    /// `article` with its body rendered under a headline of `level`.
    fn new(
        article: Arc<model::Article>,
        level: u8,
        words: &Arc<Words>,
        previous: Option<&Self>,
    ) -> Self {
        let same_media =
            |p: &Self| p.article.images == article.images && p.article.embeds == article.embeds;
        let body = match previous {
            Some(p) if p.article.body == article.body && same_media(p) => p.body.clone(),
            Some(p) if same_media(p) => Arc::new(markdown::rerender(
                &p.body,
                text(&p.article),
                text(&article),
            )),
            _ => Arc::new(markdown::render_with(
                text(&article),
                level,
                Arc::new(Media {
                    images: article.images.clone(),
                    embeds: article.embeds.clone(),
                    words: words.clone(),
                }),
            )),
        };
        Self { article, body }
    }
}

/// A news article, as Folio shows it: the support banner, the kicker,
/// headline, standfirst and byline, the hero photo with its caption and
/// credit, the Markdown body with the support prompt after its chosen
/// paragraph, and "Read more". Style it with [`crate::STYLESHEET`] inside
/// an element of class `folio-root`.
///
/// Each part reads its own slice of `article`, so a new value changes only
/// what changed: a new headline changes the headline's text, body blocks
/// an edit did not touch keep their DOM nodes, and while the support block
/// is the same the prompt stays as it is, with the reader's choice and
/// focus. Support events (`folio:support-view`, `-click`, `-dismiss`) go to
/// the [`Reporter`] in context, else they are dispatched on the
/// `<article>` element.
///
/// The words Folio writes itself ("Updated", "Remind me later", the
/// controls' names) are `locale`'s, English unless given; words the
/// article gives always win. The article runs in the direction of its
/// `lang` (right to left for Arabic, Hebrew, Persian…) unless `dir` says.
///
/// A card stands for the article where its whole text is not shown: the
/// header and photo, the first `teaser` paragraphs, "Continue reading at
/// {publisher}" linking to its `url`, then the support prompt (no
/// banner). An article without a `body` is always a card, of none of its
/// paragraphs and no prompt.
#[component]
pub fn Article(
    /// The checked article (see [`folio_core::model::parse`]).
    #[prop(into)]
    article: Signal<Arc<model::Article>>,
    /// Where the article came from: its relative links and images resolve
    /// against it (absent: against the page).
    #[prop(optional, into)]
    base: Signal<Option<String>>,
    /// Whether the support banner and prompt show (`true` unless given).
    #[prop(into, default = true.into())]
    support: Signal<bool>,
    /// The host knows the reader supports the publisher: the prompt's
    /// campaign is recorded as supported (`false` unless given).
    #[prop(into, default = false.into())]
    supporter: Signal<bool>,
    /// Whether the reader's consent lets the prompt keep its record (the
    /// snooze, the views, the supporter's mark) in `localStorage`; else
    /// it is kept in memory for the page, and written once it turns true
    /// (`true` unless given).
    #[prop(into, default = true.into())]
    consent: Signal<bool>,
    /// The host's own name for the reader (a user id), which puts them in
    /// the same variant of the prompt wherever the host names them so
    /// (absent: a draw kept on this browser). Read as the prompt starts.
    #[prop(default = None)]
    bucket: Option<Arc<str>>,
    /// The reader's country (ISO 3166-1 alpha-2, as a CDN's country header
    /// gives it), which picks the prompt's amounts of its region (absent:
    /// the support block's own). Read as the prompt starts.
    #[prop(default = None)]
    country: Option<Arc<str>>,
    /// The language of Folio's own words and formats (English unless
    /// given; see [`folio_core::locale`]). Fixed for the component's life, like
    /// `dir` and `heading_level`: a reactive prop of each type would cost
    /// its share of the reactive graph's code again in the WebAssembly.
    #[prop(optional)]
    locale: Locale,
    /// `ltr` or `rtl`, over the direction the article's `lang` implies.
    #[prop(default = None)]
    dir: Option<String>,
    /// The headline's heading level, 1 (`h1`, the default) to 6, for pages
    /// where the article is not the main heading; the body's headings and
    /// the prompt's follow below it.
    #[prop(default = 1)]
    heading_level: u8,
    /// What fills the support prompt's slot instead of the prompt (a
    /// server's place for the support island).
    #[prop(optional)]
    prompt_slot: Option<PromptSlot>,
    /// Show the article as a card of its first `teaser` paragraphs.
    #[prop(default = None)]
    teaser: Option<usize>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Article>::new();
    // Handed to the prompt, not provided: a component has no owner of its
    // own, so context provided here would reach the article's siblings.
    let reporter = use_context::<Reporter>()
        .unwrap_or_else(|| Reporter::on_found(move || node.get_untracked().map(Into::into)));
    let reader = Reader {
        reporter,
        choice: use_context::<Choice>().unwrap_or_default(),
        supporter,
        consent,
        supported: RwSignal::new(false),
        bucket,
        country,
    };
    let supported = reader.supported;

    // One memo per part, each of its own slice; parts of the same kind
    // share a type (every distinct type costs the reactive graph's code
    // once more in the WebAssembly).
    let level = heading_level.clamp(1, 6);
    let words = locale.words.clone();
    let rendered = Memo::new(move |previous| Rendered::new(article.get(), level, &words, previous));
    let text = |slice: fn(&model::Article) -> &Option<String>| {
        Memo::new(move |_| article.with(|a| slice(a).clone()))
    };
    let (lang, kicker) = (text(|a| &a.lang), text(|a| &a.kicker));
    let standfirst = text(|a| &a.standfirst);
    let headline = Memo::new(move |_| article.with(|a| a.headline.clone()));
    let credits = {
        let locale = locale.clone();
        Memo::new(move |_| article.with(|a| Credits::of(a, &locale)))
    };
    let image = Memo::new(move |_| article.with(|a| a.image.clone()));
    // A card: how many paragraphs it shows (see above).
    let card = Memo::new(move |_| article.with(|a| teaser.or(a.body.is_none().then_some(0))));
    let block = move || match support.get() {
        true => article.with(|a| a.prompt().cloned()),
        false => None,
    };
    let link = |slice: fn(&model::Article, bool) -> Option<Link>| {
        Memo::new(move |_| {
            let on = support.get();
            article.with(|a| slice(a, on))
        })
    };
    let banner = link(|a, on| {
        let banner = a.support.as_ref()?.as_ref().ok()?.banner.as_ref()?;
        on.then(|| Link {
            label: banner.text.clone(),
            href: banner.href.clone(),
        })
    });
    // The same type as the banner's memo, so that it costs no code of its
    // own. A card continues at the article's own address.
    let read_more = {
        let words = locale.words.clone();
        Memo::new(move |_| {
            article.with(|a| {
                if let (Some(_), Some(url)) = (card.get(), &a.url) {
                    let label = match &a.publisher {
                        Some(publisher) => {
                            words.fill(Word::ContinueAt, "publisher", &publisher.name)
                        }
                        None => words.get(Word::ContinueReading).into(),
                    };
                    return Some(Link {
                        label,
                        href: url.clone(),
                    });
                }
                let link = a.read_more.as_ref()?;
                Some(Link {
                    label: link
                        .label
                        .clone()
                        .unwrap_or_else(|| words.get(Word::ReadMore).into()),
                    href: link.href.clone(),
                })
            })
        })
    };
    // The related articles, after the article (a card has none).
    let related = {
        let locale = locale.clone();
        Memo::new(move |_| {
            let articles = article.with(|a| match card.get() {
                None => related_list(&a.related, &locale, level),
                Some(_) => Document::default(),
            });
            BlockRun {
                range: 0..articles.blocks.len(),
                document: Arc::new(articles),
                base: base.get(),
            }
        })
    };
    let direction = move || {
        dir.clone()
            .or_else(|| lang.get().map(|l| locale::direction(&l).to_string()))
    };
    let prompt_locale = locale.clone();
    // The prompt is kept while its support block, base and locale stay
    // the same: the memo does not change, so nothing rebuilds it.
    let prompt = Memo::new(move |previous: Option<&Option<Campaign>>| {
        let support = block()?;
        let base = base.get();
        let id = article.with(|a| a.id.clone());
        if let Some(Some(shown)) = previous
            && *shown.support == support
            && shown.base == base
            && *shown.article == *id
        {
            return Some(shown.clone());
        }
        Some(Campaign::new(
            Arc::new(support),
            base,
            prompt_locale.clone(),
            level,
            id.into(),
        ))
    });
    // The body before the prompt, and after it; a card's paragraphs.
    let run = move |before: bool| {
        Memo::new(move |_| {
            let after = prompt.with(|p| p.as_ref().and_then(|p| p.support.after_paragraph));
            let teaser = card.get();
            rendered.with(|r| {
                let split = r
                    .body
                    .position_after_paragraph(teaser.map(|n| n as u64).or(after));
                let range = match (before, teaser) {
                    (true, _) => 0..split,
                    (false, Some(_)) => split..split,
                    (false, None) => split..r.body.blocks.len(),
                };
                BlockRun {
                    document: r.body.clone(),
                    range,
                    base: base.get(),
                }
            })
        })
    };

    let banner_label = locale.words.get(Word::Support).to_string();
    let thanks = locale.words.get(Word::Thanks).to_string();
    // A supporter's banner thanks them, or is gone, as the prompt is.
    let banner = move || {
        let link = banner.get().filter(|_| card.get().is_none())?;
        let label = banner_label.clone();
        if !supported.get() {
            return Some(Either::Left(view! { <Banner link base=base.get() label/> }));
        }
        let hide = article.with(|a| {
            let support = a.support.as_ref().and_then(|s| s.as_ref().ok());
            support.and_then(|s| s.supporters) == Some(Supporters::Hide)
        });
        (!hide).then(|| Either::Right(thanks_banner(thanks.clone(), label)))
    };
    // A card continues before its prompt; an article, after its body.
    let more = move || {
        read_more
            .get()
            .map(|link| view! { <ReadMore link base=base.get()/> })
    };
    view! {
        <article class="folio" lang=move || lang.get() dir=direction node_ref=node>
            {banner}
            <Header kicker headline standfirst credits level/>
            {move || image.get().map(|image| view! { <HeroFigure image base=base.get()/> })}
            <MarkdownBody run=run(true) class="folio-body"/>
            {move || card.get().and_then(|_| more())}
            {move || prompt.get().map(|campaign| prompt_view(campaign, prompt_slot.clone(), &reader))}
            <MarkdownBody run=run(false) class="folio-body"/>
            {move || card.get().map_or_else(more, |_| None)}
            <MarkdownBody run=related class="folio-related"/>
        </article>
    }
}
