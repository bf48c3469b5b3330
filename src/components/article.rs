//! The whole article, in reading order: banner, header, hero figure, the
//! body with the support prompt after its chosen paragraph, "Read more".

use std::sync::Arc;

use leptos::prelude::*;

use super::banner::Banner;
use super::byline::Credits;
use super::figure::HeroFigure;
use super::header::Header;
use super::markdown_body::{BlockRun, MarkdownBody};
use super::read_more::ReadMore;
use super::support::{Campaign, Choice, SupportPrompt};
use crate::events::Reporter;
use crate::markdown::{self, Document};
use crate::model::{self, Link};

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

impl Rendered {
    fn new(article: Arc<model::Article>, previous: Option<&Self>) -> Self {
        let body = match previous {
            Some(previous) if previous.article.body == article.body => previous.body.clone(),
            Some(previous) => Arc::new(markdown::rerender(
                &previous.body,
                &previous.article.body,
                &article.body,
            )),
            None => Arc::new(markdown::render(&article.body)),
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
#[component]
pub fn Article(
    /// The checked article (see [`crate::model::parse`]).
    #[prop(into)]
    article: Signal<Arc<model::Article>>,
    /// Where the article came from: its relative links and images resolve
    /// against it (absent: against the page).
    #[prop(optional, into)]
    base: Signal<Option<String>>,
    /// Whether the support banner and prompt show (`true` unless given).
    #[prop(into, default = true.into())]
    support: Signal<bool>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Article>::new();
    // Handed to the prompt, not provided: a component has no owner of its
    // own, so context provided here would reach the article's siblings.
    let reporter = use_context::<Reporter>().unwrap_or_else(|| Reporter::on_article(node));
    let choice = use_context::<Choice>().unwrap_or_default();

    // One memo per part, each of its own slice; parts of the same kind
    // share a type (every distinct type costs the reactive graph's code
    // once more in the WebAssembly).
    let rendered = Memo::new(move |previous| Rendered::new(article.get(), previous));
    let text = |slice: fn(&model::Article) -> &Option<String>| {
        Memo::new(move |_| article.with(|a| slice(a).clone()))
    };
    let (lang, kicker) = (text(|a| &a.lang), text(|a| &a.kicker));
    let standfirst = text(|a| &a.standfirst);
    let headline = Memo::new(move |_| article.with(|a| a.headline.clone()));
    let credits = Memo::new(move |_| article.with(|a| Credits::of(a)));
    let image = Memo::new(move |_| article.with(|a| a.image.clone()));
    let block = move || match support.get() {
        true => article.with(|a| a.support.clone().and_then(Result::ok)),
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
    let read_more = link(|a, _| a.read_more.clone());
    // The prompt is kept while its support block, base and language stay
    // the same: the memo does not change, so nothing rebuilds it.
    let prompt = Memo::new(move |previous: Option<&Option<Campaign>>| {
        let support = block()?;
        let (base, lang) = (base.get(), lang.get());
        if let Some(Some(shown)) = previous
            && *shown.support == support
            && shown.base == base
            && shown.lang == lang
        {
            return Some(shown.clone());
        }
        Some(Campaign::new(Arc::new(support), base, lang))
    });
    // The body before the prompt, and after it.
    let run = move |before: bool| {
        Memo::new(move |_| {
            let after = prompt.with(|p| p.as_ref().and_then(|p| p.support.after_paragraph));
            rendered.with(|r| {
                let split = r.body.position_after_paragraph(after);
                let range = match before {
                    true => 0..split,
                    false => split..r.body.blocks.len(),
                };
                BlockRun {
                    document: r.body.clone(),
                    range,
                    base: base.get(),
                }
            })
        })
    };

    view! {
        <article class="folio" lang=move || lang.get() node_ref=node>
            {move || banner.get().map(|link| view! { <Banner link base=base.get()/> })}
            <Header kicker headline standfirst credits/>
            {move || image.get().map(|image| view! { <HeroFigure image base=base.get()/> })}
            <MarkdownBody run=run(true) class="folio-body"/>
            {move || prompt.get().map(|campaign| view! {
                <div class="folio-prompt">
                    <SupportPrompt campaign reporter=reporter.clone() choice=choice.clone()/>
                </div>
            })}
            <MarkdownBody run=run(false) class="folio-body"/>
            {move || read_more.get().map(|link| view! { <ReadMore link base=base.get()/> })}
        </article>
    }
}
