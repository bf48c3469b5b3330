//! The HTML tree the Markdown body becomes before it meets the DOM, and
//! its serialization as markup.
//!
//! Elements and attributes are closed enums, so a tree can only ever hold
//! the markup Folio allows; text is always text.

/// A node of the HTML tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// An element with its attributes and children.
    Element(Element),
    /// A text node.
    Text(String),
}

/// An element of the allowed set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Element {
    /// The element's tag.
    pub tag: Tag,
    /// Its attributes, in the order they are written.
    pub attrs: Vec<(Attr, String)>,
    /// Its children.
    pub children: Vec<Node>,
}

macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`")] $variant),*
        }

        impl $name {
            /// The name as written in HTML.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),*
                }
            }
        }
    };
}

names!(
    /// The elements a Markdown body (and the list of related articles) may
    /// contain.
    Tag {
        P => "p", H2 => "h2", H3 => "h3", H4 => "h4", H5 => "h5", H6 => "h6",
        Em => "em", Strong => "strong", Del => "del", A => "a", Img => "img",
        Ul => "ul", Ol => "ol", Li => "li", Blockquote => "blockquote",
        Code => "code", Pre => "pre", Table => "table", Thead => "thead",
        Tbody => "tbody", Tr => "tr", Th => "th", Td => "td", Hr => "hr", Br => "br",
        Figure => "figure", Figcaption => "figcaption", Span => "span", Bdi => "bdi",
        Time => "time", Div => "div", Button => "button", Label => "label",
        Input => "input",
    }
);

names!(
    /// The attributes a Markdown body may carry.
    Attr {
        Href => "href", Src => "src", Alt => "alt", Title => "title",
        Loading => "loading", Decoding => "decoding", Start => "start", Class => "class",
        Width => "width", Height => "height", Srcset => "srcset", Sizes => "sizes", Dir => "dir",
        Datetime => "datetime", Type => "type", Hidden => "hidden", Role => "role",
        AriaLabel => "aria-label", AriaLive => "aria-live", DataProvider => "data-provider",
        DataPlayer => "data-player", DataPosition => "data-position", DataWidth => "data-width",
        DataHeight => "data-height",
    }
);

impl Tag {
    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        matches!(self, Self::Img | Self::Hr | Self::Br | Self::Input)
    }

    /// Block-level elements, which the test serialization puts on their own lines.
    fn is_block(self) -> bool {
        !matches!(
            self,
            Self::Em
                | Self::Strong
                | Self::Del
                | Self::A
                | Self::Img
                | Self::Code
                | Self::Br
                | Self::Th
                | Self::Td
                | Self::Span
                | Self::Bdi
                | Self::Time
                | Self::Button
                | Self::Label
                | Self::Input
        )
    }
}

impl Element {
    /// An element without attributes or children.
    pub fn new(tag: Tag) -> Self {
        Self {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn with(mut self, attr: Attr, value: impl Into<String>) -> Self {
        self.attrs.push((attr, value.into()));
        self
    }

    /// Appends text, merging it with a text node just before it.
    pub fn push_text(&mut self, text: &str) {
        match self.children.last_mut() {
            Some(Node::Text(last)) => last.push_str(text),
            _ => self.children.push(Node::Text(text.to_string())),
        }
    }
}

impl Node {
    /// The text a node holds, without its markup (an image's alt text, say).
    pub fn text_content(&self, out: &mut String) {
        match self {
            Self::Text(text) => out.push_str(text),
            Self::Element(element) => element.children.iter().for_each(|c| c.text_content(out)),
        }
    }

    /// Serializes the node as HTML for tests and diagnostics: block
    /// elements on their own lines, attributes as they are in the tree.
    pub fn write_html(&self, out: &mut String) {
        self.write_markup(out, true, &mut |element, out| {
            for (attr, value) in &element.attrs {
                write_attr(out, attr.as_str(), value);
            }
        });
    }

    /// Serializes the node as HTML that the browser's parser turns back into
    /// exactly this tree: every text and attribute value escaped, a carriage
    /// return written as a character reference (the parser would make it a
    /// line feed), a leading line feed in `pre` doubled (the parser drops
    /// one). `lines` puts block elements on their own lines; `attrs` writes
    /// an element's attributes (with [`write_attr`]), so a caller can
    /// resolve URLs on the way.
    pub fn write_markup(
        &self,
        out: &mut String,
        lines: bool,
        attrs: &mut dyn FnMut(&Element, &mut String),
    ) {
        match self {
            Self::Text(text) => escape(text, false, out),
            Self::Element(el) => {
                let block = lines && el.tag.is_block();
                out.push('<');
                out.push_str(el.tag.as_str());
                attrs(el, out);
                out.push('>');
                if el.tag.is_void() {
                    if block {
                        out.push('\n');
                    }
                    return;
                }
                match el.children.first() {
                    Some(first) if lines && first.is_block() => out.push('\n'),
                    Some(Self::Text(text)) if el.tag == Tag::Pre && text.starts_with('\n') => {
                        out.push('\n')
                    }
                    _ => {}
                }
                el.children
                    .iter()
                    .for_each(|c| c.write_markup(out, lines, attrs));
                out.push_str("</");
                out.push_str(el.tag.as_str());
                out.push('>');
                if block {
                    out.push('\n');
                }
            }
        }
    }

    fn is_block(&self) -> bool {
        matches!(self, Self::Element(el) if el.tag.is_block())
    }
}

/// Writes ` name="value"`, the value escaped.
pub fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape(value, true, out);
    out.push('"');
}

/// Writes `text` escaped for an element's content.
pub fn write_text(out: &mut String, text: &str) {
    escape(text, false, out);
}

/// Escapes text or an attribute value. NUL, which the parser would drop,
/// is written as U+FFFD, as the walker already makes it in text.
fn escape(text: &str, attribute: bool, out: &mut String) {
    // Every byte that needs a reference is ASCII, so slicing at it is safe.
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let reference = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            b'\r' => "&#13;",
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[start..at]);
        out.push_str(reference);
        start = at + 1;
    }
    out.push_str(&text[start..]);
}

/// `markup` with every code point HTML forbids in a document (NUL, the
/// controls other than white space, the noncharacters: each a parse error
/// that an HTML checker rejects) written as U+FFFD, as a browser's parser
/// reads NUL. What a server writes goes through this last.
pub fn checked_characters(markup: &str) -> std::borrow::Cow<'_, str> {
    if !markup.chars().any(forbidden) {
        return std::borrow::Cow::Borrowed(markup);
    }
    let replaced = markup.chars().map(|c| match forbidden(c) {
        true => char::REPLACEMENT_CHARACTER,
        false => c,
    });
    std::borrow::Cow::Owned(replaced.collect())
}

/// Whether HTML forbids `c` in a document: NUL, the controls but tab,
/// line feed, form feed and carriage return, and the noncharacters.
pub fn forbidden(c: char) -> bool {
    let code = u32::from(c);
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}
