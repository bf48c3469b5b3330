//! Server rendering (`folio render`): an article rendered to HTML by the
//! same components the widget shows it with (Leptos's server rendering of
//! [`Article`]), so that a page paints it with no script, a reader
//! without JavaScript reads it whole, and `folio.js` adopts it as it is.
//!
//! [`Output`] names the four shapes: a `<folio-article>` holding a
//! declarative shadow root, a whole page with the article in its light
//! DOM, plain semantic HTML for feeds and e-mail, and an oEmbed response.
//! The `folio` command (`src/main.rs`) writes them.
#![deny(missing_docs)]

mod document;
mod frame;
mod locales;
mod news_article;
mod oembed;
mod prompt_place;
mod social;

use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use folio::{Article, PromptSlot};
use folio_core::error::{ContentError, Problem};
use folio_core::locale::{self, Locale};
use folio_core::model;
use folio_formats::{self, Format, Notice};
use prompt_place::PromptPlace;

/// What `folio render` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// A `<folio-article>` element holding the article in a declarative
    /// shadow root, styled by `folio.css`, with its JSON for updates.
    Embed,
    /// A whole HTML document for the publisher's own site: the article in
    /// the light DOM, `<link rel="canonical">` and `NewsArticle` JSON-LD.
    Page,
    /// The article as semantic HTML with no script, no shadow DOM and no
    /// stylesheet (feeds, e-mail).
    Plain,
    /// An oEmbed 1.0 `rich` response whose `html` is the embed fragment
    /// and the script tag, or, given the address of the article's frame
    /// document, a fallback quote and an `<iframe>` of it.
    Oembed,
    /// A whole HTML document made to be the `src` of an `<iframe>` on
    /// another site (a sandboxed one, as WordPress makes): the article,
    /// and its card for hosts that cap the frame's height, reporting its
    /// height to the host and handing its links to it.
    Iframe,
}

impl Output {
    /// The output a command-line flag names (`--embed` → `embed`).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "embed" => Some(Self::Embed),
            "page" => Some(Self::Page),
            "plain" => Some(Self::Plain),
            "oembed" => Some(Self::Oembed),
            "iframe" => Some(Self::Iframe),
            _ => None,
        }
    }

    /// The file extension of its output.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Oembed => "json",
            _ => "html",
        }
    }
}

/// Where the styles of an embed or a page come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// A `<link>` to `folio.css` in the folder `folio.js` is served from:
    /// a strict CSP's `style-src 'self'` (or Folio's origin) allows it,
    /// and pages of one site share the cached file; the first paint waits
    /// for it.
    Link,
    /// The stylesheet in a `<style>` element (the default): nothing to
    /// fetch before the first paint; a strict CSP allows it by its hash,
    /// [`style_hash`].
    #[default]
    Inline,
}

impl Style {
    /// The style a command-line value names (`--style inline`).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "link" => Some(Self::Link),
            "inline" => Some(Self::Inline),
            _ => None,
        }
    }
}

/// The stylesheet as `folio render` writes it (`folio.css`, the inline
/// sheet): [`folio::STYLESHEET`] and [`folio::FRAME_STYLESHEET`], with
/// each character outside ASCII written as a CSS escape, so that it reads
/// the same, and keeps its hash, on a page in any encoding. (The widget
/// adopts the sheet from a JavaScript string, where no encoding arises.)
/// Escaped once per process.
pub fn stylesheet() -> &'static str {
    static SHEET: LazyLock<String> = LazyLock::new(|| {
        use std::fmt::Write as _;
        let sheets = [folio::STYLESHEET, folio::FRAME_STYLESHEET];
        let mut out = String::with_capacity(sheets.iter().map(|s| s.len()).sum());
        for c in sheets.iter().flat_map(|sheet| sheet.chars()) {
            if c.is_ascii() {
                out.push(c);
            } else {
                // The space ends the escape and is part of it.
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
        }
        out
    });
    &SHEET
}

/// The CSP source that allows the inline stylesheet ([`Style::Inline`]):
/// `'sha256-…'` of [`stylesheet`], for `style-src`. It changes whenever
/// the stylesheet does, so with each release.
pub fn style_hash() -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(stylesheet().as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// How to render: where Folio's files are served from, where the article
/// lives, and the options the element takes as attributes.
#[derive(Clone, Debug)]
pub struct Options {
    /// The output shape.
    pub output: Output,
    /// Where the styles come from (embeds and pages).
    pub style: Style,
    /// The URL (absolute, or relative to the page) of the folder that
    /// holds `folio.js` and `folio.css`, ending in `/`.
    pub assets: String,
    /// The URL the article's relative links and images resolve against.
    pub base: Option<String>,
    /// Whether the support banner and prompt show.
    pub support: bool,
    /// The language of Folio's own words (else the article's).
    pub lang: Option<String>,
    /// `ltr` or `rtl`, over the direction the language implies.
    pub dir: Option<String>,
    /// The headline's heading level, 1 to 6.
    pub heading_level: u8,
    /// The forced input format (else it is detected).
    pub format: Option<Format>,
    /// The address of the article's frame document (`--iframe` output),
    /// which an oEmbed response embeds.
    pub iframe_src: Option<String>,
    /// The address of the article's oEmbed response, which a page names
    /// for discovery.
    pub oembed_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            output: Output::Embed,
            style: Style::Inline,
            assets: "./".into(),
            base: None,
            support: true,
            lang: None,
            dir: None,
            heading_level: 1,
            format: None,
            iframe_src: None,
            oembed_url: None,
        }
    }
}

/// A rendered article: its output, what its format's mapping left out,
/// and the errors the widget would report while still showing it.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The HTML (or, for oEmbed, the JSON).
    pub text: String,
    /// What was left out (ANS and JSON-LD).
    pub notices: Vec<Notice>,
    /// Errors that leave a part out (a bad `support` block: no banner and
    /// no prompt), which the widget sends as `folio:error`.
    pub errors: Vec<ContentError>,
}

/// Renders article text (Article JSON v1, ANS, JSON-LD or a web page with
/// JSON-LD) as `options.output`; a bad article is the error naming its
/// field, as the widget reports it.
pub fn render(text: &str, options: &Options) -> Result<Rendered, ContentError> {
    let read = folio_formats::read(text, None, options.format, options.base.as_deref())?;
    let article = Arc::new(read.article);
    // What the element keeps for updates: the article as the model knows
    // it (fields it does not know, and a support block that failed its
    // checks, are not published).
    let json = serde_json::to_string(article.as_ref())
        .map_err(|error| ContentError::new("", Problem::Invalid(error.to_string())))?;
    let (code, tag) = locale::resolve(options.lang.as_deref(), article.lang.as_deref());
    let locale = Locale {
        tag,
        words: Arc::new(locales::words(code)),
    };
    let markup = article_markup(&article, &locale, options, None);
    // A frame's card: the first paragraphs, for hosts that cap its height.
    let card = (options.output == Output::Iframe)
        .then(|| article_markup(&article, &locale, options, Some(CARD_PARAGRAPHS)));
    let parts = document::Parts {
        article: &article,
        markup: &markup,
        card: card.as_deref(),
        json: &json,
        options,
    };
    let text = match options.output {
        Output::Embed => parts.embed(),
        Output::Page => parts.page(),
        Output::Plain => parts.plain(),
        Output::Oembed => oembed::response(&parts),
        Output::Iframe => frame::document(&parts),
    };
    // As the widget: a bad support block is reported when it would show.
    let errors = match &article.support {
        Some(Err(error)) if options.support => vec![error.clone()],
        _ => Vec::new(),
    };
    Ok(Rendered {
        text: folio_core::html::checked_characters(&text).into_owned(),
        notices: read.notices,
        errors,
    })
}

/// How many paragraphs a frame's card shows.
const CARD_PARAGRAPHS: usize = 2;

/// The article's `div.folio-root`, rendered by the [`Article`] component
/// in `locale` (its `lang` and `dir` as the widget sets them); its card of
/// `teaser` paragraphs, when given.
fn article_markup(
    article: &Arc<model::Article>,
    locale: &Locale,
    options: &Options,
    teaser: Option<usize>,
) -> String {
    let plain = options.output == Output::Plain;
    let dir = options
        .dir
        .clone()
        .unwrap_or_else(|| locale::direction(&locale.tag).to_string());
    // For `folio.js`: the article's id, and what its URLs resolve against
    // (the core's render after an update).
    let (id, base) = match plain {
        true => (None, None),
        false => (Some(article.id.clone()), options.base.clone()),
    };
    let view = move || {
        // The prompt needs script: its place is written for the island,
        // or, with no script at all, a link to the call to action.
        let slot = move |campaign| match plain {
            true => prompt_place::fallback(&campaign).into_any(),
            false => view! { <PromptPlace campaign/> }.into_any(),
        };
        let prompt_slot = PromptSlot(Arc::new(slot));
        view! {
        <div class="folio-root" lang=locale.tag.clone() dir=dir data-prerendered=id data-base=base>
            <Article
                article=article.clone()
                base=options.base.clone()
                support=options.support
                locale=locale.clone()
                dir=options.dir.clone()
                heading_level=options.heading_level
                prompt_slot
                teaser
            />
        </div>
        }
        .to_html()
    };
    let html = Owner::new().with(view);
    // Leptos marks where optional parts would go with `<!>`, which HTML
    // reads as a bogus comment; article text never holds one (its `<` is
    // escaped), so every `<!>` is a marker.
    html.replace("<!>", "")
}
