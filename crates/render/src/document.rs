//! The four outputs around the rendered article: the embed fragment, the
//! whole page and plain HTML, each a view rendered to HTML, and the
//! oEmbed response, a `serde` type.

use leptos::prelude::*;
use serde::Serialize;

use super::news_article::NewsArticle;
use super::{Options, Style};
use folio_core::markup::{Page as _, Server};
use folio_core::model::Article;

/// The width Folio lays an article out at, at most (`--folio-wide`).
const WIDE: u32 = 832;

/// The most an oEmbed height estimate says: about 80 screens, past any
/// article a consumer would show in one frame.
const MAX_HEIGHT: u32 = 100_000;

/// What every output is made of.
pub struct Parts<'a> {
    /// The checked article.
    pub article: &'a Article,
    /// Its `div.folio-root`, rendered.
    pub markup: &'a str,
    /// Its Article JSON v1 text.
    pub json: &'a str,
    /// How it was rendered.
    pub options: &'a Options,
}

/// An oEmbed 1.0 `rich` response.
#[derive(Serialize)]
struct Oembed<'a> {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    html: String,
    width: u32,
    height: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_height: Option<u32>,
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
fn for_script(json: &str) -> String {
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
    /// crawlers read it), its canonical URL, a description, `NewsArticle`
    /// JSON-LD, the stylesheet, and `folio.js` for the support island.
    pub fn page(&self) -> String {
        let article = self.article;
        let ld = serde_json::to_string(&NewsArticle::of(article, self.options.base.as_deref()))
            .unwrap_or_default();
        let description = article.standfirst.clone();
        let canonical = article.url.as_deref().map(|url| Server.resolve(url, None));
        let document = view! {
            <html lang=article.lang.clone().unwrap_or_else(|| "en".into())>
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <title>{article.headline.clone()}</title>
                    {description.map(|text| view! { <meta name="description" content=text/> })}
                    {canonical.map(|url| view! { <link rel="canonical" href=url/> })}
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

    /// An oEmbed 1.0 `rich` response: the embed fragment and the script
    /// tag as its `html`, at Folio's widest layout, with the title,
    /// authors, publisher and photo.
    pub fn oembed(&self) -> String {
        let article = self.article;
        let html = self.embed() + &html(self.script());
        // A consumer shows these on its own site: only absolute URLs.
        let absolute = |url: &str| {
            let url = Server.resolve(url, self.options.base.as_deref());
            folio_core::url::scheme(&url).is_some().then_some(url)
        };
        let thumbnail = article
            .image
            .as_ref()
            .and_then(|image| Some((absolute(&image.src)?, image.width?, image.height?)));
        let publisher = article.publisher.as_ref();
        let response = Oembed {
            version: "1.0",
            kind: "rich",
            html: folio_core::html::checked_characters(&html).into_owned(),
            width: WIDE,
            height: self.estimated_height(),
            title: &article.headline,
            author_name: (!article.authors.is_empty()).then(|| article.authors.join(", ")),
            provider_name: publisher.map(|p| p.name.as_str()),
            provider_url: publisher.and_then(|p| p.url.as_deref()).and_then(absolute),
            thumbnail_width: thumbnail.as_ref().map(|t| t.1),
            thumbnail_height: thumbnail.as_ref().map(|t| t.2),
            thumbnail_url: thumbnail.map(|t| t.0),
        };
        serde_json::to_string(&response).unwrap_or_default() + "\n"
    }

    /// A guess at the height the article takes at [`WIDE`] pixels: the
    /// header, the photo at its aspect ratio, and the body's text at about
    /// 85 characters a line of 27 px (oEmbed asks for one; the frame a
    /// consumer makes is resized by the article itself); at most
    /// [`MAX_HEIGHT`], whatever the photo's shape or the body's length.
    fn estimated_height(&self) -> u32 {
        let photo =
            self.article
                .image
                .as_ref()
                .map_or(0, |image| match (image.width, image.height) {
                    (Some(w), Some(h)) if w > 0 => {
                        let tall = u64::from(WIDE) * u64::from(h) / u64::from(w);
                        u32::try_from(tall).unwrap_or(u32::MAX)
                    }
                    _ => WIDE * 2 / 3,
                });
        let lines =
            self.article.body.chars().count() / 85 + self.article.body.matches("\n\n").count();
        let body = u32::try_from(lines * 27).unwrap_or(u32::MAX);
        400u32
            .saturating_add(photo)
            .saturating_add(body)
            .min(MAX_HEIGHT)
    }

    /// The stylesheet: a link to `folio.css`, or the sheet itself
    /// (verbatim, so that its hash is [`super::style_hash`]'s; the sheet
    /// holds no `</style`: a test checks).
    fn stylesheet(&self) -> impl IntoView + use<> {
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
    fn script(&self) -> impl IntoView + use<> {
        let src = format!("{}folio.js", self.options.assets);
        view! { <script type="module" src=src></script> }
    }
}
