//! Markdown to an HTML tree ([`crate::html`]), with the content-safety rules applied.
//!
//! One walker, one `match` over pulldown-cmark's events. Raw HTML never
//! becomes markup (it is dropped), links and images keep only URLs the
//! [`safe_url`] policy allows (others become their plain text), and nesting
//! deeper than [`MAX_DEPTH`] is flattened so no later step recurses without
//! bound.
//!
//! Some readings go beyond CommonMark, and leave a text that any other
//! CommonMark reader shows sensibly: a top-level paragraph holding nothing
//! but one image is a figure (its caption, credit and size from the
//! article's `images`, else the image's title as its caption), several
//! images a gallery, one link to a provider Folio embeds (or to an entry
//! of the article's `embeds`) a placeholder that loads it on request (see
//! [`media`]), and a block quote right after the comment `<!-- pullquote -->` is a pull
//! quote (a `figure` of the quote, whose last paragraph, when it starts
//! with "—", is its attribution, the `figcaption`).

mod media;
pub(crate) mod rerender;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag as Md, TagEnd,
};

use crate::html::{Attr, Element, Node, Tag};
pub use media::{Media, photo};
pub use rerender::rerender;

use crate::safe_url::{self, SafeUrl};

/// Elements nest at most this deep; deeper content keeps its text and
/// joins its nearest allowed ancestor.
pub const MAX_DEPTH: usize = 32;

/// The comment that makes the block quote after it a pull quote.
pub const PULL_QUOTE: &str = "<!-- pullquote -->";

/// A rendered Markdown document: its top-level blocks, where each came
/// from, and a key for each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Top-level blocks in order (paragraphs, headings, lists, …), shared
    /// so that a re-render can keep the ones an edit did not touch.
    pub blocks: Vec<Arc<Node>>,
    /// For each block, the byte range of the Markdown it was rendered from.
    pub spans: Vec<Range<usize>>,
    /// For each block, a hash of its HTML tree: equal keys, equal blocks.
    /// The DOM side matches nodes to blocks by it.
    pub keys: Vec<u64>,
    /// Whether the Markdown defines link references (`[id]: /url`), which
    /// ties blocks to each other.
    definitions: bool,
    /// The level of the headline the body sits under (1: `#` is `h2`).
    headline: u8,
    /// What its figures, galleries and embeds are shown with.
    media: Arc<Media>,
}

impl Document {
    /// Where an element placed "after paragraph `n`" goes among the blocks:
    /// just after the `n`-th top-level paragraph (a figure, a paragraph of
    /// its own image, counts; lists and quotes do not), or after the last
    /// block when `n` is absent or too large.
    pub fn position_after_paragraph(&self, n: Option<u64>) -> usize {
        let Some(n) = n else { return self.blocks.len() };
        if n == 0 {
            return 0;
        }
        let mut seen = 0;
        for (i, block) in self.blocks.iter().enumerate() {
            if matches!(&**block, Node::Element(e) if media::is_paragraph(e)) {
                seen += 1;
                if seen == n {
                    return i + 1;
                }
            }
        }
        self.blocks.len()
    }

    /// A document of `blocks` built by other means than Markdown (the
    /// list of related articles), shown as a body is.
    pub fn of_blocks(blocks: Vec<Node>) -> Self {
        let blocks: Vec<Arc<Node>> = blocks.into_iter().map(Arc::new).collect();
        Self {
            keys: blocks.iter().map(|block| key(block)).collect(),
            spans: vec![0..0; blocks.len()],
            blocks,
            ..Self::default()
        }
    }

    /// The heading tag `levels` below the headline of level `headline`
    /// (`h2` one below an `h1`), at most `h6`.
    pub fn heading_below(headline: u8, levels: u8) -> Tag {
        match headline.saturating_add(levels) {
            ..=2 => Tag::H2,
            3 => Tag::H3,
            4 => Tag::H4,
            5 => Tag::H5,
            _ => Tag::H6,
        }
    }

    /// The document as HTML text (see [`Node::write_html`]).
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.blocks.iter().for_each(|b| b.write_html(&mut out));
        out
    }
}

/// Renders Markdown (CommonMark with GFM tables and strikethrough), under
/// the article's `h1`.
pub fn render(markdown: &str) -> Document {
    render_under(markdown, 1)
}

/// Renders Markdown whose headings sit below a headline of level
/// `headline` (1 to 6): `#` becomes the next level down, and every level
/// stops at `h6`.
pub fn render_under(markdown: &str, headline: u8) -> Document {
    render_with(markdown, headline, Arc::default())
}

/// [`render_under`], its figures, galleries and embeds shown with `media`
/// (an article's `images`: the entry whose `src` is a figure's gives its
/// caption, credit, size and `srcset`; its `embeds`; Folio's words).
pub fn render_with(markdown: &str, headline: u8, media: Arc<Media>) -> Document {
    render_at(markdown, 0, headline.clamp(1, 6), media)
}

/// Renders `markdown`, which starts at byte `offset` of a larger text, so
/// the spans are of that text.
fn render_at(markdown: &str, offset: usize, headline: u8, media: Arc<Media>) -> Document {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(markdown, options).into_offset_iter();
    let definitions = parser.reference_definitions().iter().next().is_some();
    let mut walker = Walker {
        headline,
        media: &media,
        marker: None,
        pull_quote: None,
        root: Vec::new(),
        spans: Vec::new(),
        span: 0..0,
        stack: Vec::new(),
        depth: 0,
        alignments: Vec::new(),
        cell: 0,
        in_head: false,
        in_body: false,
        flat_table: false,
        links: 0,
    };
    for (event, range) in parser {
        if walker.stack.is_empty() {
            // A pull quote's block starts at its comment, so that a
            // re-render never reads the quote without it.
            walker.pull_quote = walker.marker.take();
            let start = walker.pull_quote.unwrap_or(range.start + offset);
            walker.span = start..range.end + offset;
        }
        walker.event(event);
    }
    let (blocks, spans) = walker.finish();
    Document {
        keys: blocks.iter().map(|block| key(block)).collect(),
        blocks,
        spans,
        definitions,
        headline,
        media,
    }
}

/// A block's key: a hash of its whole HTML tree.
fn key(block: &Node) -> u64 {
    let mut hasher = DefaultHasher::new();
    block.hash(&mut hasher);
    hasher.finish()
}

/// An open element, or a construct whose element was refused.
enum Frame {
    Element(Element),
    /// Its children join the parent (a refused link, a too-deep element).
    Transparent(Vec<Node>),
    /// An image: children are collected as its alt text.
    Image {
        url: Option<SafeUrl>,
        title: String,
        alt: Element,
    },
}

struct Walker<'a> {
    /// What figures, galleries and embeds are shown with.
    media: &'a Media,
    /// Where the comment that makes the next block a pull quote starts.
    marker: Option<usize>,
    /// Where the pull quote's comment started, while its top-level
    /// construct is walked.
    pull_quote: Option<usize>,
    root: Vec<Arc<Node>>,
    /// The source range of each of `root`'s blocks.
    spans: Vec<Range<usize>>,
    /// The source range of the top-level construct being walked.
    span: Range<usize>,
    stack: Vec<Frame>,
    /// How many of `stack`'s frames are elements (the nesting depth).
    depth: usize,
    /// The headline's level, which the body's headings sit below.
    headline: u8,
    alignments: Vec<Alignment>,
    cell: usize,
    in_head: bool,
    /// Whether the current table has opened its body (as an element, or
    /// as a transparent frame past the depth limit).
    in_body: bool,
    /// Whether the current table is too deep to be one (see `open`).
    flat_table: bool,
    /// How many of `stack`'s frames are links.
    links: usize,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            // The pull quote's comment: an HTML block of nothing else.
            Event::Html(html) if self.stack.len() == 1 => {
                let alone = self.marker.is_none() && html.trim() == PULL_QUOTE;
                self.marker = alone.then_some(self.span.start);
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                let mut element = Element::new(Tag::Code);
                element.push_text(&without_nul(&code));
                self.leaf(element);
            }
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak => self.leaf(Element::new(Tag::Br)),
            Event::Rule => self.leaf(Element::new(Tag::Hr)),
            // Raw HTML never becomes markup; the rest is not enabled.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
        }
    }

    fn start(&mut self, tag: Md<'_>) {
        match tag {
            Md::Paragraph => self.open(Element::new(Tag::P)),
            Md::Heading { level, .. } => self.open(Element::new(heading(level, self.headline))),
            Md::BlockQuote(_) => {
                if self.stack.is_empty() && self.pull_quote.is_some() {
                    self.open(Element::new(Tag::Figure).with(Attr::Class, "folio-pullquote"));
                }
                self.open(Element::new(Tag::Blockquote));
            }
            Md::CodeBlock(kind) => {
                self.open(Element::new(Tag::Pre));
                let mut code = Element::new(Tag::Code);
                if let CodeBlockKind::Fenced(info) = kind {
                    let language: String = info
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
                        .collect();
                    if !language.is_empty() {
                        code = code.with(Attr::Class, format!("language-{language}"));
                    }
                }
                self.open(code);
            }
            Md::List(Some(start)) if start != 1 => {
                self.open(Element::new(Tag::Ol).with(Attr::Start, start.to_string()))
            }
            Md::List(Some(_)) => self.open(Element::new(Tag::Ol)),
            Md::List(None) => self.open(Element::new(Tag::Ul)),
            Md::Item => self.open(Element::new(Tag::Li)),
            Md::Emphasis => self.open(Element::new(Tag::Em)),
            Md::Strong => self.open(Element::new(Tag::Strong)),
            Md::Strikethrough => self.open(Element::new(Tag::Del)),
            Md::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let dest = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                // A link inside a link (an autolink in a link's text) keeps
                // only its text: anchors do not nest.
                match safe_url::check(&dest).filter(|_| self.links == 0) {
                    Some(url) => {
                        let mut a = Element::new(Tag::A).with(Attr::Href, url.href);
                        if !title.is_empty() {
                            a = a.with(Attr::Title, without_nul(&title));
                        }
                        self.open(a);
                    }
                    None => self.stack.push(Frame::Transparent(Vec::new())),
                }
            }
            Md::Image {
                dest_url, title, ..
            } => self.stack.push(Frame::Image {
                url: safe_url::check_image(&dest_url),
                title: without_nul(&title).into_owned(),
                alt: Element::new(Tag::Img),
            }),
            Md::Table(alignments) => {
                self.alignments = alignments;
                self.open(Element::new(Tag::Table));
            }
            Md::TableHead => {
                self.in_head = true;
                self.cell = 0;
                self.open(Element::new(Tag::Thead));
                self.open(Element::new(Tag::Tr));
            }
            Md::TableRow => {
                if !std::mem::replace(&mut self.in_body, true) {
                    self.open(Element::new(Tag::Tbody));
                }
                self.cell = 0;
                self.open(Element::new(Tag::Tr));
            }
            Md::TableCell => {
                let mut cell = Element::new(if self.in_head { Tag::Th } else { Tag::Td });
                let align = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "",
                };
                if !align.is_empty() {
                    cell = cell.with(Attr::Class, format!("folio-align-{align}"));
                }
                self.cell += 1;
                self.open(cell);
            }
            // Raw HTML blocks (their content arrives as dropped Html events)
            // and constructs that are not enabled keep only their text.
            _ => self.stack.push(Frame::Transparent(Vec::new())),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock | TagEnd::TableHead => {
                self.close();
                self.close();
                self.in_head = false;
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                if self.stack.len() == 1 && self.pull_quote.is_some() {
                    self.attribute_pull_quote();
                    self.close();
                }
            }
            TagEnd::Table => {
                if std::mem::take(&mut self.in_body) {
                    self.close();
                }
                self.close();
                self.flat_table = false;
            }
            _ => self.close(),
        }
    }

    /// Opens an element, or a transparent frame past the depth limit. A
    /// table is one only if its cells fit too (table, head or body, row and
    /// cell): else all of it is transparent, so no text ever sits in a table
    /// outside a cell, where browsers would move it.
    fn open(&mut self, element: Element) {
        if element.tag == Tag::Table && self.depth + 4 > MAX_DEPTH {
            self.flat_table = true;
        }
        let frame = if self.depth < MAX_DEPTH && !self.flat_table {
            self.depth += 1;
            if element.tag == Tag::A {
                self.links += 1;
            }
            Frame::Element(element)
        } else {
            Frame::Transparent(Vec::new())
        };
        self.stack.push(frame);
    }

    fn close(&mut self) {
        let nodes = match self.stack.pop() {
            Some(Frame::Element(element)) => {
                self.depth -= 1;
                if element.tag == Tag::A {
                    self.links -= 1;
                }
                if element.tag == Tag::P && self.stack.is_empty() {
                    return self.append(media::paragraph(element, self.media));
                }
                vec![Node::Element(element)]
            }
            Some(Frame::Transparent(children)) => children,
            Some(Frame::Image { url, title, alt }) => {
                let mut text = String::new();
                alt.children.iter().for_each(|c| c.text_content(&mut text));
                match url {
                    Some(url) => {
                        let mut img = Element::new(Tag::Img)
                            .with(Attr::Src, url.href)
                            .with(Attr::Alt, text)
                            .with(Attr::Loading, "lazy")
                            .with(Attr::Decoding, "async");
                        if !title.is_empty() {
                            img = img.with(Attr::Title, title);
                        }
                        return self.leaf(img);
                    }
                    None => vec![Node::Text(text)],
                }
            }
            None => return,
        };
        nodes.into_iter().for_each(|n| self.append(n));
    }

    /// Appends an element without children of its own, or past the depth
    /// limit only its text (an image's alt text, a code span's code).
    fn leaf(&mut self, element: Element) {
        if self.depth < MAX_DEPTH {
            return self.append(Node::Element(element));
        }
        let alt = element.attrs.iter().find(|(attr, _)| *attr == Attr::Alt);
        let mut text = alt.map(|(_, alt)| alt.clone()).unwrap_or_default();
        Node::Element(element).text_content(&mut text);
        if !text.is_empty() {
            self.append(Node::Text(text));
        }
    }

    fn text(&mut self, text: &str) {
        self.append(Node::Text(without_nul(text).into_owned()));
    }

    fn append(&mut self, node: Node) {
        let children = match self.stack.last_mut() {
            Some(Frame::Element(element)) | Some(Frame::Image { alt: element, .. }) => {
                &mut element.children
            }
            Some(Frame::Transparent(children)) => children,
            None => {
                self.root.push(Arc::new(node));
                self.spans.push(self.span.clone());
                return;
            }
        };
        match (children.last_mut(), node) {
            (Some(Node::Text(last)), Node::Text(text)) => last.push_str(&text),
            (_, node) => children.push(node),
        }
    }

    fn finish(mut self) -> (Vec<Arc<Node>>, Vec<Range<usize>>) {
        while !self.stack.is_empty() {
            self.close();
        }
        (self.root, self.spans)
    }
}

impl Walker<'_> {
    /// Moves the last paragraph of the pull quote just closed (the top
    /// frame's last child) out of the quote, as its attribution, when it
    /// starts with "—".
    fn attribute_pull_quote(&mut self) {
        let Some(Frame::Element(figure)) = self.stack.last_mut() else {
            return;
        };
        let Some(Node::Element(quote)) = figure.children.last_mut() else {
            return;
        };
        let Some(Node::Element(last)) = quote.children.last() else {
            return;
        };
        let mut text = String::new();
        last.children.iter().for_each(|c| c.text_content(&mut text));
        if last.tag != Tag::P || !text.trim_start().starts_with('—') || quote.children.len() < 2 {
            return;
        }
        let Some(Node::Element(by)) = quote.children.pop() else {
            return;
        };
        let caption = Element {
            tag: Tag::Figcaption,
            attrs: vec![(Attr::Class, "folio-pullquote__by".into())],
            children: by.children,
        };
        figure.children.push(Node::Element(caption));
    }
}

/// `text` with U+0000 replaced by U+FFFD, as CommonMark requires (and as
/// the browser's HTML parser would otherwise drop it).
fn without_nul(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\0') {
        text.replace('\0', "\u{FFFD}").into()
    } else {
        text.into()
    }
}

/// Body headings sit below the article's headline: under an `h1`, `#`
/// becomes `h2`; under an `h3`, `h4`; none goes past `h6`.
fn heading(level: HeadingLevel, headline: u8) -> Tag {
    let written = match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    };
    Document::heading_below(headline, written)
}
