//! HTML from other systems (ANS text, JSON-LD `articleBody`) to Markdown
//! that renders as the same words, through an allow-list.
//!
//! Links, bold, italic, strike-through and line breaks are kept as their
//! Markdown; every other tag gives way to its text, and the contents of
//! `script`, `style` and the like are left out. Character references are
//! decoded first and the decoded text escaped after, so `&lt;script&gt;`
//! reads as those words and `*`, `_`, `[`, `#` or a leading `1.` stay text.

mod tokens;

use super::entities;
use folio_core::url;
use tokens::{Token, Tokens};

/// Elements whose contents are not text a reader is meant to see.
const HIDDEN: [&str; 11] = [
    "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "textarea",
    "title", "noembed",
];

/// Elements that end a paragraph when a whole body is read.
const BLOCKS: [&str; 20] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
    "hr",
];

/// A Markdown link to `href` (already checked) whose text is the Markdown
/// `text`.
pub fn link(text: &str, href: &str) -> String {
    format!("[{text}]({})", destination(href))
}

/// A Markdown image of `src` (already checked) with the alternative text
/// `alt`.
pub fn image(alt: &str, src: &str) -> String {
    format!("![{}]({})", escape(alt), destination(src))
}

/// A Markdown image with a title (`![alt](<src> "title")`), which Folio
/// shows as a figure captioned by its title when it stands alone.
pub fn captioned_image(alt: &str, src: &str, title: &str) -> String {
    let mut quoted = String::with_capacity(title.len() + 2);
    for c in title.chars() {
        match c {
            // Escaped: what would end the title or start a reference.
            '"' | '\\' | '&' => {
                quoted.push('\\');
                quoted.push(c);
            }
            c if c.is_control() => quoted.push(' '),
            c => quoted.push(c),
        }
    }
    format!("![{}]({} \"{quoted}\")", escape(alt), destination(src))
}

/// A URL as a Markdown link destination: in `<…>`, with what would end
/// one percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// Characters escaped wherever they are: they could start markup.
const SPECIAL: &str = "\\`*_[]<>&!|~#$";

/// Inline HTML as one Markdown paragraph (or heading, or cell). With
/// `breaks`, `<br>` is a hard line break; else a space. Links resolve
/// against `base`; a relative one without a base keeps only its text.
pub fn markdown(html: &str, base: Option<&str>, breaks: bool) -> String {
    let mut writer = Writer::new(base, breaks, false);
    writer.read(html);
    writer.finish().into_iter().next().unwrap_or_default()
}

/// An HTML body as Markdown paragraphs: block elements (`p`, `div`,
/// `li`, headings…) end one.
pub fn paragraphs(html: &str, base: Option<&str>) -> Vec<String> {
    let mut writer = Writer::new(base, true, true);
    writer.read(html);
    writer.finish()
}

/// The text of inline HTML: references decoded, tags and hidden
/// contents left out, white space collapsed and trimmed.
pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for token in Tokens::new(html) {
        match token {
            Token::Text(text) => out.push_str(&entities::decode(text)),
            Token::Open { .. } | Token::Close(_) => out.push(' '),
        }
    }
    collapse(&out)
}

/// `text` as Markdown text that renders as itself.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    guard_line_starts(&out)
}

/// White space runs as one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes what would start a block at the start of a line: `-`, `+`,
/// `=` (list items, setext underlines) and `1.` / `1)` (ordered items).
fn guard_line_starts(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Up to three spaces may come before a block's marker.
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[..spaces]);
        let line = &line[spaces..];
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().first() {
            Some(b'-' | b'+' | b'=') => out.push('\\'),
            Some(b'0'..=b'9') if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(&line[digits..]);
                continue;
            }
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// What a kept element turns into.
#[derive(PartialEq)]
enum Kind {
    Strong,
    Em,
    Del,
    Link(String),
}

/// A kept element being written: its tag name and its text so far.
struct Frame {
    kind: Kind,
    name: String,
    text: String,
}

struct Writer<'b> {
    base: Option<&'b str>,
    breaks: bool,
    blocks: bool,
    open: Vec<Frame>,
    current: String,
    done: Vec<String>,
}

impl<'b> Writer<'b> {
    fn new(base: Option<&'b str>, breaks: bool, blocks: bool) -> Self {
        Self {
            base,
            breaks,
            blocks,
            open: Vec::new(),
            current: String::new(),
            done: Vec::new(),
        }
    }

    fn out(&mut self) -> &mut String {
        match self.open.last_mut() {
            Some(frame) => &mut frame.text,
            None => &mut self.current,
        }
    }

    fn read(&mut self, html: &str) {
        for token in Tokens::new(html) {
            match token {
                Token::Text(text) => {
                    let text = entities::decode(text);
                    let mut spaced = String::with_capacity(text.len());
                    let mut space = false;
                    for c in text.chars() {
                        if c.is_ascii_whitespace() {
                            space = true;
                            continue;
                        }
                        if std::mem::take(&mut space) {
                            spaced.push(' ');
                        }
                        spaced.push(c);
                    }
                    if space {
                        spaced.push(' ');
                    }
                    let out = self.out();
                    let spaced = match out.ends_with(' ') || out.is_empty() {
                        true => spaced.trim_start_matches(' '),
                        false => &spaced,
                    };
                    push_escaped(out, spaced);
                }
                Token::Open { name, href } => self.open_tag(name, href),
                Token::Close(name) => self.close_tag(&name),
            }
        }
    }

    fn open_tag(&mut self, name: String, href: Option<String>) {
        if name == "br" {
            let line = if self.breaks { "\\\n" } else { " " };
            self.out().push_str(line);
            return;
        }
        if self.blocks && BLOCKS.contains(&name.as_str()) {
            return self.end_paragraph();
        }
        let kind = match name.as_str() {
            "b" | "strong" => Kind::Strong,
            "i" | "em" => Kind::Em,
            "s" | "strike" | "del" => Kind::Del,
            "a" if !self.open.iter().any(|f| matches!(f.kind, Kind::Link(_))) => {
                match href.and_then(|h| url::link(&h, self.base)) {
                    Some(href) => Kind::Link(href),
                    None => return,
                }
            }
            _ => {
                // Inline elements give way to their text; a block inside
                // a paragraph still separates words.
                if BLOCKS.contains(&name.as_str()) {
                    self.out().push(' ');
                }
                return;
            }
        };
        self.open.push(Frame {
            kind,
            name,
            text: String::new(),
        });
    }

    fn close_tag(&mut self, name: &str) {
        if self.blocks && BLOCKS.contains(&name) {
            return self.end_paragraph();
        }
        if let Some(at) = self.open.iter().rposition(|f| f.name == name) {
            while self.open.len() > at {
                self.close_frame();
            }
        } else if BLOCKS.contains(&name) {
            self.out().push(' ');
        }
    }

    /// Writes the innermost kept element into its parent.
    fn close_frame(&mut self) {
        let Some(mut frame) = self.open.pop() else {
            return;
        };
        // A line break at either edge of the element would end up inside
        // its marks as a lone backslash: there it is a space.
        let edges = frame.text.trim_matches(' ');
        if edges.starts_with("\\\n") || edges.ends_with("\\\n") {
            let inner = edges
                .trim_start_matches("\\\n")
                .trim_end_matches("\\\n")
                .trim_matches(' ');
            frame.text = format!(" {inner} ");
        }
        let inner = frame.text.trim();
        let (before, after) = match inner.is_empty() {
            true => (frame.text.as_str(), ""),
            false => {
                let start = frame.text.len() - frame.text.trim_start().len();
                let end = frame.text.trim_end().len();
                (&frame.text[..start], &frame.text[end..])
            }
        };
        let marks = match &frame.kind {
            Kind::Strong => "**",
            Kind::Em => "*",
            Kind::Del => "~~",
            Kind::Link(_) => "",
        };
        let mut written = String::from(before);
        if !inner.is_empty() {
            match &frame.kind {
                Kind::Link(href) => written.push_str(&link(inner, href)),
                _ => {
                    written.push_str(marks);
                    written.push_str(inner);
                    written.push_str(marks);
                }
            }
        }
        written.push_str(after);
        let out = self.out();
        let written = match out.ends_with(' ') {
            true => written.trim_start_matches(' '),
            false => &written,
        };
        out.push_str(written);
    }

    fn end_paragraph(&mut self) {
        while !self.open.is_empty() {
            self.close_frame();
        }
        let paragraph = std::mem::take(&mut self.current);
        self.push_paragraph(&paragraph);
    }

    fn push_paragraph(&mut self, paragraph: &str) {
        // Breaks at either end of a paragraph would be shown as a
        // backslash; spaces around a break are dropped.
        let lines: Vec<&str> = paragraph
            .split("\\\n")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let joined = lines.join("\\\n");
        if joined.chars().any(|c| !c.is_whitespace()) {
            self.done.push(guard_line_starts(&joined));
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.end_paragraph();
        self.done
    }
}

#[cfg(test)]
mod tests;
