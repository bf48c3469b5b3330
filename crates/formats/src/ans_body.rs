//! ANS `content_elements` to the Markdown body, through an allow-list:
//! text, headers, lists, tables, quotes, images, links, dividers,
//! corrections and code become their Markdown; a gallery becomes a
//! paragraph of its images (a gallery), a video or an oEmbed response its
//! link alone in a paragraph with its details in `embeds` (a placeholder
//! that loads its player on request); raw HTML and custom embeds never
//! become markup (each is a notice, and a link when it carries a plain
//! URL).

use super::ans::credit;
use super::inline::{self, escape};
use super::media::{self, Embed};
use super::{Node, Out, plain};
use folio_core::json::Value;
use folio_core::model::{MAX_EMBEDS, MAX_IMAGES};
use folio_core::url;

/// The body of the story whose `content_elements` are `elements`. Links
/// and images resolve against `base`; an image element showing `hero`
/// first is left out (the hero shows it); `location`, the dateline,
/// starts the first paragraph.
pub(super) fn markdown(
    elements: &Node,
    base: Option<&str>,
    hero: Option<&str>,
    location: Option<String>,
    out: &mut Out,
) -> String {
    let mut body = Body {
        base,
        hero,
        out,
        blocks: Vec::new(),
        first_text: None,
        images: 0,
        quotes: 0,
        photos: Vec::new(),
        embeds: Vec::new(),
    };
    body.elements(elements);
    if let (Some(location), Some(first)) = (location.filter(|l| !l.is_empty()), body.first_text) {
        body.blocks[first] = format!("{} — {}", escape(&location), body.blocks[first]);
    }
    let Body {
        blocks,
        photos,
        embeds,
        ..
    } = body;
    if !photos.is_empty() {
        out.put("images", Value::Array(photos), &elements.path);
    }
    if !embeds.is_empty() {
        out.put("embeds", Value::Array(embeds), &elements.path);
    }
    blocks.join("\n\n")
}

struct Body<'b, 'o, 'a> {
    base: Option<&'b str>,
    hero: Option<&'b str>,
    out: &'o mut Out<'a>,
    blocks: Vec<String>,
    /// The block of the first text paragraph, for the dateline.
    first_text: Option<usize>,
    images: usize,
    /// How many quotes the element being read is inside.
    quotes: usize,
    /// The entries of `images`: each body photo's details.
    photos: Vec<Value<'a>>,
    /// The entries of `embeds`.
    embeds: Vec<Value<'a>>,
}

impl Body<'_, '_, '_> {
    fn elements(&mut self, list: &Node) {
        for element in list.items() {
            self.element(&element);
        }
    }

    fn push(&mut self, block: String) {
        if !block.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    fn inline(&self, node: &Node, breaks: bool) -> String {
        node.str()
            .map(|html| inline::markdown(html, self.base, breaks))
            .unwrap_or_default()
    }

    fn element(&mut self, element: &Node) {
        if element.is_null() || !for_the_web(element) {
            return;
        }
        let kind = element.get("type").str().unwrap_or_default();
        let content = element.get("content");
        match kind {
            "text" => {
                let text = self.inline(&content, true);
                if !text.is_empty() && self.first_text.is_none() {
                    self.first_text = Some(self.blocks.len());
                }
                self.push(text);
            }
            "header" => {
                let level = match element.get("level").value {
                    folio_core::json::Value::Number(n) => {
                        folio_core::json::whole(n).unwrap_or(2).clamp(2, 6) as usize
                    }
                    _ => 2,
                };
                // The body's `#` is the level below the headline (h2).
                let text = self.inline(&content, false);
                if !text.is_empty() {
                    self.push(format!("{} {text}", "#".repeat(level - 1)));
                }
            }
            "list" => {
                let list = self.list(element);
                self.push(list.join("\n"));
            }
            "table" => {
                let table = self.table(element);
                self.push(table);
            }
            "quote" | "blockquote" => self.quote(element),
            "image" => self.image(element),
            "interstitial_link" => {
                let link = self.link(element);
                self.push(link);
            }
            "link_list" => {
                let title = element
                    .get("title")
                    .str()
                    .map(plain)
                    .filter(|t| !t.is_empty());
                let title = title.map(|t| escape(&t));
                self.push(title.map(|t| format!("**{t}**")).unwrap_or_default());
                let items: Vec<String> = element
                    .get("items")
                    .items()
                    .iter()
                    .map(|item| match item.get("type").str() {
                        Some("text") => self.inline(&item.get("content"), false),
                        _ => self.link(item),
                    })
                    .filter(|item| !item.is_empty())
                    .map(|item| format!("- {item}"))
                    .collect();
                self.push(items.join("\n"));
            }
            "divider" => self.push("---".into()),
            "correction" => {
                let text = self.inline(&element.get("text"), true);
                let label = match element.get("correction_type").str() {
                    Some("clarification") => "Clarification:",
                    _ => "Correction:",
                };
                if !text.is_empty() {
                    self.push(format!("**{label}** {text}"));
                }
            }
            "code" => {
                let code = content.str().unwrap_or_default();
                let longest = longest_run(code, '`');
                let fence = "`".repeat(longest.max(2) + 1);
                let language: String = element
                    .get("language")
                    .str()
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || "+-_.#".contains(*c))
                    .collect();
                if !code.trim().is_empty() {
                    self.push(format!("{fence}{language}\n{}\n{fence}", code.trim_end()));
                }
            }
            "element_group" => self.elements(&element.get("content_elements")),
            "oembed_response" => self.oembed(element),
            "custom_embed" => {
                let href = element.at("embed.url").str();
                self.left_out(element, "a custom embed", href, None);
            }
            "video" => self.video(element),
            "gallery" => self.gallery(element),
            "raw_html" => self.left_out(element, "raw HTML", None, None),
            "reference" => self.out.notice(
                &element.path,
                "An unresolved reference is left out: it holds no content to show.",
            ),
            other => {
                let what = if other.is_empty() {
                    "an element with no type"
                } else {
                    other
                };
                self.out.notice(
                    &element.path,
                    format!("An element Folio does not show ({what}) is left out."),
                );
            }
        }
    }

    /// A list's lines, nested lists indented under the item before them.
    fn list(&mut self, list: &Node) -> Vec<String> {
        let ordered = list.get("list_type").str() == Some("ordered");
        let mut lines = Vec::new();
        let mut number = 0;
        let mut indent = 2;
        for item in list.get("items").items() {
            match item.get("type").str() {
                Some("list") => {
                    let pad = " ".repeat(indent);
                    lines.extend(self.list(&item).into_iter().map(|l| format!("{pad}{l}")));
                }
                _ => {
                    let text = self.inline(&item.get("content"), false);
                    if text.is_empty() {
                        continue;
                    }
                    number += 1;
                    let marker = if ordered {
                        format!("{number}.")
                    } else {
                        "-".into()
                    };
                    indent = marker.len() + 1;
                    lines.push(format!("{marker} {text}"));
                }
            }
        }
        lines
    }

    fn table(&mut self, table: &Node) -> String {
        let cells = |row: &Node| -> Vec<String> {
            row.items()
                .iter()
                .map(|cell| self.inline(&cell.get("content"), false))
                .collect()
        };
        let mut rows: Vec<Vec<String>> = table.get("rows").items().iter().map(cells).collect();
        let header = match table.get("header").items() {
            header if !header.is_empty() => header
                .iter()
                .map(|cell| self.inline(&cell.get("content"), false))
                .collect(),
            _ if !rows.is_empty() => rows.remove(0),
            _ => return String::new(),
        };
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain([header.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return String::new();
        }
        let line = |row: &[String]| {
            let mut line = String::from("|");
            for i in 0..columns {
                line.push(' ');
                line.push_str(row.get(i).map_or("", String::as_str));
                line.push_str(" |");
            }
            line
        };
        let mut lines = vec![line(&header), format!("|{}", " --- |".repeat(columns))];
        lines.extend(rows.iter().map(|row| line(row)));
        lines.join("\n")
    }

    fn quote(&mut self, quote: &Node) {
        self.quotes += 1;
        let outer = std::mem::take(&mut self.blocks);
        let first = self.first_text.take();
        self.elements(&quote.get("content_elements"));
        if let Some(html) = quote.get("content").str() {
            self.blocks.extend(inline::paragraphs(html, self.base));
        }
        let citation = quote.at("citation.content");
        let citation = self.inline(&citation, false);
        if !citation.is_empty() {
            self.blocks.push(format!("— {citation}"));
        }
        let inner = std::mem::replace(&mut self.blocks, outer);
        self.first_text = first;
        self.quotes -= 1;
        // A pull quote is marked as the body's Markdown marks one (an
        // empty one not at all: its mark would fall on the next quote).
        let pull = quote.get("subtype").str() == Some("pullquote") && !inner.is_empty();
        let mut quoted: Vec<String> = match pull {
            true => vec![folio_core::markdown::PULL_QUOTE.into()],
            false => Vec::new(),
        };
        quoted.extend(inner.join("\n\n").lines().map(|line| {
            if line.is_empty() {
                ">".into()
            } else {
                format!("> {line}")
            }
        }));
        self.push(quoted.join("\n"));
    }

    fn image(&mut self, image: &Node) {
        self.images += 1;
        let hero = self.images == 1 && self.blocks.is_empty();
        let Some(photo) = self.photo(image, hero) else {
            return;
        };
        // At the top, alone in its paragraph, the image is a figure
        // captioned by its title; in a quote (no figure there), its words
        // are a paragraph after it.
        match &photo.words {
            Some(words) if self.quotes > 0 => {
                self.push(inline::image(&photo.alt, &photo.src));
                self.push(escape(words));
            }
            _ => self.push(photo.markdown()),
        }
    }

    /// A gallery: its photos as one paragraph of images, which Folio
    /// shows as a gallery (one photo alone is a figure).
    fn gallery(&mut self, gallery: &Node) {
        let photos: Vec<String> = gallery
            .get("content_elements")
            .items()
            .iter()
            .filter(|item| item.get("type").str() == Some("image"))
            .filter_map(|image| self.photo(image, false))
            .map(|photo| photo.markdown())
            .collect();
        if photos.is_empty() {
            let href = gallery.get("canonical_url").str();
            let title = gallery.at("headlines.basic").str();
            return self.left_out(gallery, "a gallery", href, title);
        }
        self.push(photos.join("\n"));
    }

    /// A photo Folio can show, its details kept for `images`; none, with a
    /// notice, for one it cannot (or for the hero again, when `hero` says
    /// it may be the hero).
    fn photo(&mut self, image: &Node, hero: bool) -> Option<Photo> {
        let Some(raw) = image.get("url").str() else {
            self.out
                .notice(&image.path, "An image with no URL is left out.");
            return None;
        };
        let Some(src) = url::image(raw, self.base) else {
            self.out.notice(
                &image.path,
                "An image is left out: its URL is not one Folio shows, or is relative with no address to resolve it against.",
            );
            return None;
        };
        if hero && Some(src.as_str()) == self.hero {
            return None;
        }
        let caption = image
            .get("caption")
            .str()
            .map(plain)
            .filter(|c| !c.is_empty());
        let alt = image
            .get("alt_text")
            .str()
            .map(plain)
            .filter(|a| !a.is_empty());
        let Some(alt) = alt.or(caption.clone()) else {
            self.out.notice(
                &image.path,
                "An image is left out: it has no alt_text or caption to describe it to readers who cannot see it.",
            );
            return None;
        };
        let credit = credit(image);
        if self.photos.len() < MAX_IMAGES {
            let size = media::size(image);
            let entry = media::photo(&src, &alt, caption.as_deref(), credit.as_deref(), size);
            self.photos.push(entry);
        }
        let words = match (caption, credit) {
            (Some(caption), Some(credit)) => Some(format!("{caption} ({credit})")),
            (caption, credit) => caption.or(credit),
        };
        Some(Photo { alt, src, words })
    }

    /// A video: its page's link alone in a paragraph, its player (the
    /// frame its `embed_html` holds) in `embeds`.
    fn video(&mut self, video: &Node) {
        let html = video.get("embed_html").str();
        let embed = Embed {
            url: String::new(),
            provider: media::plain_text(&video.at("source.name")),
            title: media::plain_text(&video.at("headlines.basic")),
            text: media::plain_text(&video.at("description.basic")),
            html: html.filter(|h| media::has_frame(Some(h))),
            size: video.get("streams").items().first().and_then(media::size),
        };
        let href = ["canonical_url", "website_url"]
            .into_iter()
            .find_map(|key| video.get(key).str());
        // Its own player (`embed_html`) holds no frame: it plays only if
        // its link is of a provider Folio knows.
        let frameless = embed.html.is_none();
        if self.embed(video, "a video", href, embed) && frameless {
            self.out.notice(
                &video.path,
                "A video is shown as its link and details, and plays only if its link is of a provider Folio knows: its embed_html holds no player's frame.",
            );
        }
    }

    /// An oEmbed response: the URL it was asked for alone in a paragraph,
    /// its provider, title, words and player in `embeds`.
    fn oembed(&mut self, element: &Node) {
        let raw = element.get("raw_oembed");
        let html = raw.get("html").str();
        let embed = Embed {
            url: String::new(),
            provider: media::plain_text(&raw.get("provider_name")),
            title: media::plain_text(&raw.get("title")),
            text: html.and_then(media::fallback_text),
            html,
            size: media::size(&raw),
        };
        let href = [raw.get("url"), element.at("referent.id")]
            .into_iter()
            .find_map(|node| node.str());
        self.embed(element, "an embed", href, embed);
    }

    /// An embed of `element` at `href`: its link alone in a paragraph and
    /// its entry in `embeds` (whether it is one); a link with a notice when
    /// there is no room left in `embeds`, a notice alone with no link.
    fn embed(&mut self, element: &Node, what: &str, href: Option<&str>, mut embed: Embed) -> bool {
        let Some(link) = href.and_then(|h| url::link(h, self.base)) else {
            self.left_out(element, what, None, None);
            return false;
        };
        if self.embeds.len() == MAX_EMBEDS {
            self.left_out(element, what, Some(&link), embed.title.as_deref());
            return false;
        }
        embed.url = link.clone();
        self.embeds.push(embed.entry());
        let text = embed.title.as_deref().unwrap_or(&link);
        self.push(inline::link(&escape(text), &link));
        true
    }

    /// An interstitial link as a Markdown link (its text, else its URL).
    fn link(&self, link: &Node) -> String {
        let Some(href) = link.get("url").str().and_then(|u| url::link(u, self.base)) else {
            return String::new();
        };
        let text = link
            .get("content")
            .str()
            .map(plain)
            .filter(|t| !t.is_empty());
        inline::link(&escape(text.as_deref().unwrap_or(&href)), &href)
    }

    /// Reports an element Folio does not render; where it has a plain URL
    /// the reader gets a link to it.
    fn left_out(&mut self, element: &Node, what: &str, href: Option<&str>, title: Option<&str>) {
        let href = href.and_then(|h| url::link(h, self.base));
        let message = match &href {
            Some(_) => format!("{what} is not shown inline; the reader gets a link to it instead."),
            None if what == "raw HTML" => "Raw HTML is left out: Folio never renders it.".into(),
            None => {
                format!("{what} is left out: Folio does not show it and it has no URL to link to.")
            }
        };
        let mut message = message;
        if let Some(first) = message.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        self.out.notice(&element.path, message);
        if let Some(href) = href {
            let text = title
                .map(plain)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| href.clone());
            self.push(inline::link(&escape(&text), &href));
        }
    }
}

/// A photo of the body: its text alternative, its address, and its
/// caption and credit as one line.
struct Photo {
    alt: String,
    src: String,
    words: Option<String>,
}

impl Photo {
    /// Its Markdown: an image, titled with its words when it has any.
    fn markdown(&self) -> String {
        match &self.words {
            Some(words) => inline::captioned_image(&self.alt, &self.src, words),
            None => inline::image(&self.alt, &self.src),
        }
    }
}

/// Whether an element is meant for the web: no `channels`, or `web`
/// among them.
fn for_the_web(element: &Node) -> bool {
    let channels = element.get("channels").items();
    channels.is_empty() || channels.iter().any(|c| c.str() == Some("web"))
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
}
