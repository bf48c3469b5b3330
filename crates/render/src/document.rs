//! The four outputs around the rendered article: the embed fragment, the
//! whole page, plain HTML and the oEmbed response.

use super::{Options, Style, news_article};
use folio_core::html::{write_attr, write_text};
use folio_core::json::{self, Value};
use folio_core::markup::Page as _;
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

impl Parts<'_> {
    /// `<folio-article>` with the article in a declarative shadow root,
    /// styled by `folio.css` or the same sheet inline (a stylesheet the
    /// parser meets blocks the first paint until it is there, so there is
    /// no unstyled frame), and its JSON as the inline data block
    /// `folio.js` renders updates from.
    pub fn embed(&self) -> String {
        let options = self.options;
        let mut out = String::from("<folio-article");
        if !options.support {
            write_attr(&mut out, "support", "off");
        }
        if let Some(lang) = &options.lang {
            write_attr(&mut out, "lang", lang);
        }
        if let Some(dir) = &options.dir {
            write_attr(&mut out, "dir", dir);
        }
        if options.heading_level != 1 {
            write_attr(
                &mut out,
                "heading-level",
                &options.heading_level.to_string(),
            );
        }
        out.push_str("><template shadowrootmode=\"open\">");
        self.stylesheet(&mut out);
        out.push_str(self.markup);
        out.push_str("</template><script type=\"application/json\">");
        // `<` only ever stands inside a JSON string, where `\u003c` reads
        // the same: no text can close the data block.
        out.push_str(&self.json.replace('<', "\\u003c"));
        out.push_str("</script></folio-article>");
        out
    }

    /// A whole page: the article in the light DOM (reader modes and
    /// crawlers read it), its canonical URL, a description, `NewsArticle`
    /// JSON-LD, the stylesheet, and `folio.js` for the support island.
    pub fn page(&self) -> String {
        let article = self.article;
        let lang = article.lang.as_deref().unwrap_or("en");
        let mut out = String::from("<!doctype html>\n<html");
        write_attr(&mut out, "lang", lang);
        out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<title>");
        write_text(&mut out, &article.headline);
        out.push_str("</title>\n");
        if let Some(standfirst) = &article.standfirst {
            out.push_str("<meta name=\"description\"");
            write_attr(&mut out, "content", standfirst);
            out.push_str(">\n");
        }
        if let Some(url) = &article.url {
            out.push_str("<link rel=\"canonical\"");
            write_attr(
                &mut out,
                "href",
                &folio_core::markup::Server.resolve(url, None),
            );
            out.push_str(">\n");
        }
        self.stylesheet(&mut out);
        out.push_str("\n<script type=\"application/ld+json\">");
        out.push_str(&news_article::json_ld(
            article,
            self.options.base.as_deref(),
        ));
        out.push_str("</script>\n");
        self.script(&mut out);
        out.push_str("\n</head>\n<body class=\"folio-page\">\n<main>");
        out.push_str(self.markup);
        out.push_str("</main>\n</body>\n</html>\n");
        out
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
        let mut html = self.embed();
        self.script(&mut html);
        let html = folio_core::html::checked_characters(&html);
        let number = |n: u32| Value::number(f64::from(n));
        let absolute = |url: &str| {
            let url = folio_core::markup::Server.resolve(url, self.options.base.as_deref());
            folio_core::url::scheme(&url).is_some().then_some(url)
        };
        let mut members = vec![
            ("version", Value::text("1.0")),
            ("type", Value::text("rich")),
            ("html", Value::text(&html)),
            ("width", number(WIDE)),
            ("height", number(self.estimated_height())),
            ("title", Value::text(&article.headline)),
        ];
        if !article.authors.is_empty() {
            members.push(("author_name", Value::text(&article.authors.join(", "))));
        }
        if let Some(publisher) = &article.publisher {
            members.push(("provider_name", Value::text(&publisher.name)));
            if let Some(url) = publisher.url.as_deref().and_then(absolute) {
                members.push(("provider_url", Value::text(&url)));
            }
        }
        // A consumer shows these on its own site: only absolute URLs.
        if let Some(image) = &article.image
            && let (Some(width), Some(height)) = (image.width, image.height)
            && let Some(src) = absolute(&image.src)
        {
            members.push(("thumbnail_url", Value::text(&src)));
            members.push(("thumbnail_width", number(width)));
            members.push(("thumbnail_height", number(height)));
        }
        let mut out = String::new();
        json::write(&Value::object(members), &mut out);
        out.push('\n');
        out
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

    /// The stylesheet: a link to `folio.css`, or the sheet itself.
    fn stylesheet(&self, out: &mut String) {
        match self.options.style {
            Style::Link => {
                out.push_str("<link rel=\"stylesheet\"");
                write_attr(out, "href", &format!("{}folio.css", self.options.assets));
                out.push('>');
            }
            // Verbatim, so that its hash is `style_hash`'s (the sheet
            // holds no `</style`: a test checks).
            Style::Inline => {
                out.push_str("<style>");
                out.push_str(super::stylesheet());
                out.push_str("</style>");
            }
        }
    }

    /// The script tag that loads `folio.js`.
    fn script(&self, out: &mut String) {
        out.push_str("<script type=\"module\"");
        write_attr(out, "src", &format!("{}folio.js", self.options.assets));
        out.push_str("></script>");
    }
}
