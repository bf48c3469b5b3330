//! The whole article: header, hero figure, body with the inline prompt,
//! "Read more".

use std::sync::Arc;

use leptos::prelude::*;

use super::banner::Banner;
use super::blocks::{BlockRun, Blocks};
use super::byline::Byline;
use super::figure::HeroFigure;
use super::headline::Headline;
use super::kicker::Kicker;
use super::read_more::ReadMore;
use super::standfirst::Standfirst;
use super::support::{PromptNode, hold};
use crate::markdown::{self, Document};
use crate::model::{Article, Support};

/// An article with its Markdown rendered, ready to show.
#[derive(Clone)]
pub struct Prepared {
    /// The checked article.
    pub article: Arc<Article>,
    /// Its body as a render tree.
    pub body: Arc<Document>,
    /// The support block and its rendered text, when valid and wanted.
    pub support: Option<(Arc<Support>, Arc<Document>)>,
    /// Base URL for relative links and images (where the JSON came from).
    pub base: Option<Arc<str>>,
    /// The prompt for `support`, mounted by the widget, to place after the
    /// chosen paragraph.
    pub prompt: Option<PromptNode>,
}

impl Prepared {
    /// Renders the Markdown of `article`; `with_support` false leaves the
    /// prompt and banner out. With the `previous` article shown, body
    /// blocks an edit did not touch are kept rather than rendered again.
    pub fn new(
        article: Article,
        base: Option<String>,
        with_support: bool,
        previous: Option<&Prepared>,
    ) -> Self {
        let body = Arc::new(match previous {
            Some(previous) => {
                markdown::rerender(&previous.body, &previous.article.body, &article.body)
            }
            None => markdown::render(&article.body),
        });
        let support = match &article.support {
            Some(Ok(support)) if with_support => {
                let text = markdown::render(support.body.as_deref().unwrap_or(""));
                Some((Arc::new(support.clone()), Arc::new(text)))
            }
            _ => None,
        };
        Self {
            article: Arc::new(article),
            body,
            support,
            base: base.map(Arc::from),
            prompt: None,
        }
    }
}

/// The article, in reading order.
#[component]
pub fn ArticleView(prepared: Prepared) -> impl IntoView {
    let Prepared {
        article,
        body,
        support,
        base,
        prompt,
    } = prepared;
    let a = &*article;
    let base_text = base.as_deref().map(str::to_string);
    let split =
        body.position_after_paragraph(support.as_ref().and_then(|(s, _)| s.after_paragraph));
    let run = |range| BlockRun {
        document: body.clone(),
        range,
        base: base.clone(),
    };
    let (before, after) = (run(0..split), run(split..body.blocks.len()));
    let banner = support.as_ref().and_then(|(s, _)| s.banner.clone());
    let prompt = prompt.map(|node| view! { <div class="folio-prompt" use:hold=node></div> });
    view! {
        <article class="folio" lang=a.lang.clone()>
            {banner.map(|banner| view! { <Banner banner=banner base=base_text.clone()/> })}
            <header class="folio-header">
                {a.kicker.clone().map(|text| view! { <Kicker text=text/> })}
                <Headline text=a.headline.clone()/>
                {a.standfirst.clone().map(|text| view! { <Standfirst text=text/> })}
                <Byline
                    authors=a.authors.clone()
                    publisher=a.publisher.as_ref().map(|p| p.name.clone())
                    published=a.published.clone()
                    updated=a.updated.clone()
                    lang=a.lang.clone()
                />
            </header>
            {a.image.clone().map(|image| view! { <HeroFigure image=image base=base_text.clone()/> })}
            <Blocks run=before class="folio-body"/>
            {prompt}
            <Blocks run=after class="folio-body"/>
            {a.read_more.clone().map(|link| view! { <ReadMore link=link base=base_text.clone()/> })}
        </article>
    }
}
