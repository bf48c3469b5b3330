//! The outputs around the rendered article that are HTML for a page: the
//! embed fragment, the whole page and plain HTML, each a view rendered to
//! HTML.

use leptos::prelude::*;

use super::news_article::NewsArticle;
use super::{Options, Style, social};
use folio_core::markup::{Page as _, Server};
use folio_core::model::Article;

/// What every output is made of.
pub struct Parts<'a> {
    /// The checked article.
    pub article: &'a Article,
    /// Its `div.folio-root`, rendered.
    pub markup: &'a str,
    /// Its card's `div.folio-root` (a frame document's), rendered.
    pub card: Option<&'a str>,
    /// Its Article JSON v1 text.
    pub json: &'a str,
    /// How it was rendered.
    pub options: &'a Options,
}

/// `view` as HTML. Leptos marks where optional parts would go with `<!>`,
/// which HTML reads as a bogus comment; no text holds one (its `<` is
/// escaped), so every `<!>` is a marker, and goes.
pub fn html(view: impl IntoView + 'static) -> String {
    Owner::new().with(move || view.to_html()).replace("<!>", "")
}

/// JSON text safe in a `<script>` data block: a `<` (which stands only in
/// its strings, where `\u003c` reads the same) written so that no text can
/// end the block.
pub fn for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

impl Parts<'_> {
    /// `<folio-article>` with the article in a declarative shadow root,
    /// styled by `folio.css` or the same sheet inline (a stylesheet the
    /// parser meets blocks the first paint until it is there, so there is
    /// no unstyled frame), and its JSON as the inline data block
    /// `folio.js` renders updates from.
    pub fn embed(&self) -> String {
        let options = self.options;
        let shadow = html(self.stylesheet()) + self.markup;
        let level = (options.heading_level != 1).then(|| options.heading_level.to_string());
        let root = leptos::html::template()
            .attr("shadowrootmode", "open")
            .inner_html(shadow);
        html(view! {
            <folio-article
                support=(!options.support).then_some("off")
                lang=options.lang.clone()
                dir=options.dir.clone()
                heading-level=level
            >
                {root}
                <script type="application/json" inner_html=for_script(self.json)></script>
            </folio-article>
        })
    }

    /// A whole page: the article in the light DOM (reader modes and
    /// crawlers read it), its canonical URL, a description, the tags social
    /// networks and messengers draw a card from, its oEmbed response named
    /// for discovery (given its address), `NewsArticle` JSON-LD, the
    /// stylesheet, and `folio.js` for the support island.
    pub fn page(&self) -> String {
        let article = self.article;
        let ld = serde_json::to_string(&NewsArticle::of(article, self.options.base.as_deref()))
            .unwrap_or_default();
        let description = article.standfirst.clone();
        let canonical = article.url.as_deref().map(|url| Server.resolve(url, None));
        let discovery = self.options.oembed_url.as_deref().map(|url| {
            let (href, title) = (Server.resolve(url, None), article.headline.clone());
            view! { <link rel="alternate" type="application/json+oembed" href=href title=title/> }
        });
        let document = view! {
            <html lang=article.lang.clone().unwrap_or_else(|| "en".into())>
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <title>{article.headline.clone()}</title>
                    {description.map(|text| view! { <meta name="description" content=text/> })}
                    {canonical.map(|url| view! { <link rel="canonical" href=url/> })}
                    {discovery}
                    {social::tags(article, self.options.base.as_deref())}
                    {self.stylesheet()}
                    <script type="application/ld+json" inner_html=for_script(&ld)></script>
                    {self.script()}
                </head>
                <body class="folio-page">
                    <main inner_html=self.markup.to_string()></main>
                </body>
            </html>
        };
        format!("<!doctype html>\n{}\n", html(document))
    }

    /// The article's markup alone: semantic HTML, the call to action a
    /// plain link.
    pub fn plain(&self) -> String {
        self.markup.to_string()
    }

    /// The stylesheet: a link to `folio.css`, or the sheet itself
    /// (verbatim, so that its hash is [`super::style_hash`]'s; the sheet
    /// holds no `</style`: a test checks).
    pub fn stylesheet(&self) -> impl IntoView + use<> {
        match self.options.style {
            Style::Link => {
                let href = format!("{}folio.css", self.options.assets);
                leptos::either::Either::Left(view! { <link rel="stylesheet" href=href/> })
            }
            Style::Inline => leptos::either::Either::Right(
                view! { <style inner_html=super::stylesheet()></style> },
            ),
        }
    }

    /// The script tag that loads `folio.js`.
    pub fn script(&self) -> impl IntoView + use<> {
        let src = format!("{}folio.js", self.options.assets);
        view! { <script type="module" src=src></script> }
    }
}
