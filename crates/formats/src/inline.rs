//! HTML from other systems (ANS text, JSON-LD `articleBody`) to Markdown
//! that renders as the same words, through an allow-list.
//!
//! Links, bold, italic, strike-through and line breaks are kept as their
//! Markdown; every other tag gives way to its text, and the contents of
//! `script`, `style` and the like are left out. Character references are
//! decoded first and the decoded text escaped after, so `&lt;script&gt;`
//! reads as those words and `*`, `_`, `[`, `#` or a leading `1.` stay text.

use super::entities;
use folio_core::url;

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

/// One piece of HTML.
enum Token<'a> {
    Text(&'a str),
    /// A start tag (lower-case name), with its `href` for links.
    Open {
        name: String,
        href: Option<String>,
    },
    /// An end tag's lower-case name.
    Close(String),
}

/// The pieces of an HTML fragment, leniently: text that only looks like a
/// tag (`a < b`) stays text; comments, doctypes and hidden elements'
/// contents are skipped.
struct Tokens<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Self { html, at: 0 }
    }

    /// Skips to just past `end`, or to the end of the text.
    fn skip_past(&mut self, end: &str) {
        let rest = &self.html[self.at..];
        self.at += rest.find(end).map_or(rest.len(), |i| i + end.len());
    }

    /// Skips a hidden element's contents and its end tag (found in any
    /// case, without copying the text).
    fn skip_contents(&mut self, name: &str) {
        let close = format!("</{name}");
        let rest = &self.html.as_bytes()[self.at..];
        let found = rest
            .windows(close.len())
            .position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
        match found {
            Some(i) => {
                self.at += i;
                self.skip_past(">");
            }
            None => self.at = self.html.len(),
        }
    }

    /// A tag starting at `self.at` (just past `<`, or `</`): its name and
    /// `href`, with `self.at` past its `>`; `None` if it is not one.
    fn tag(&mut self) -> Option<(String, Option<String>)> {
        let rest = &self.html[self.at..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        let mut i = name_len;
        let mut href = None;
        let bytes = rest.as_bytes();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            match bytes.get(i) {
                None => return None,
                Some(b'>') => break,
                _ => {}
            }
            // A `<` inside a tag ends the attempt: the text is no tag, and
            // the next `<` is read afresh (each byte is looked at once).
            if bytes[i] == b'<' {
                return None;
            }
            let key_len = rest[i..]
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/' | '<'))
                .unwrap_or(rest.len() - i)
                .max(1);
            let key = rest[i..i + key_len].to_ascii_lowercase();
            i += key_len;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match bytes.get(i) {
                Some(q @ (b'"' | b'\'')) => {
                    // A value never closed runs to the end: so does the tag.
                    let Some(end) = rest[i + 1..].find(*q as char) else {
                        self.at = self.html.len();
                        return Some((name, None));
                    };
                    let end = end + i + 1;
                    let value = &rest[i + 1..end];
                    i = end + 1;
                    value
                }
                _ => {
                    let len = rest[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '<')
                        .unwrap_or(rest.len() - i);
                    let value = &rest[i..i + len];
                    i += len;
                    value
                }
            };
            if key == "href" {
                href = Some(entities::decode(value));
            }
        }
        self.at += i + 1;
        Some((name, href))
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.html.get(self.at..).filter(|r| !r.is_empty())?;
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.at += len;
                return Some(Token::Text(&rest[..len]));
            }
            if rest.starts_with("<!--") {
                self.skip_past("-->");
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.skip_past(">");
                continue;
            }
            let start = self.at;
            let closing = rest.starts_with("</");
            self.at += if closing { 2 } else { 1 };
            match self.tag() {
                Some((name, _)) if closing => return Some(Token::Close(name)),
                Some((name, href)) => {
                    if HIDDEN.contains(&name.as_str()) {
                        self.skip_contents(&name);
                        continue;
                    }
                    return Some(Token::Open { name, href });
                }
                None => {
                    // Not a tag: the `<` is text.
                    self.at = start + 1;
                    return Some(Token::Text("<"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_links_emphasis_and_breaks() {
        assert_eq!(
            markdown(
                "A <b>bold</b> and <i> tilted </i>word, <a href=\"/x\">a link</a><br>next",
                Some("https://news.example/a/b"),
                true
            ),
            "A **bold** and *tilted* word, [a link](<https://news.example/x>)\\\nnext"
        );
    }

    #[test]
    fn other_markup_gives_way_to_its_text() {
        assert_eq!(
            markdown(
                "<p>One <span class=x>two</span> <u>three</u><script>alert(1)</script></p>",
                None,
                true
            ),
            "One two three"
        );
        assert_eq!(
            markdown("&lt;script&gt;alert(1)&lt;/script&gt;", None, true),
            "\\<script\\>alert(1)\\</script\\>"
        );
    }

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(
            markdown("1986. A *year* [x]", None, true),
            "1986\\. A \\*year\\* \\[x\\]"
        );
        assert_eq!(markdown("- not a list", None, true), "\\- not a list");
        assert_eq!(markdown("a<br>= b", None, true), "a\\\n\\= b");
    }

    #[test]
    fn unsafe_and_unresolvable_links_keep_their_text() {
        assert_eq!(
            markdown(
                "<a href='javascript:alert(1)'>x</a> <a href=/y>y</a>",
                None,
                true
            ),
            "x y"
        );
    }

    #[test]
    fn plain_text_of_a_headline() {
        assert_eq!(
            plain("  Putin&rsquo;s <i>&ldquo;plan&rdquo;</i>\n <!-- c --> now "),
            "Putin’s “plan” now"
        );
        assert_eq!(plain("a < b and c<d"), "a < b and c<d");
    }

    #[test]
    fn a_break_at_the_edge_of_an_element_is_a_space() {
        assert_eq!(
            markdown(
                "<a href='https://x.example/'>x<br></a> <b><br>y</b> - z",
                None,
                true
            ),
            "[x](<https://x.example/>) **y** - z"
        );
    }

    #[test]
    fn unclosed_tags_and_quotes_stay_linear() {
        let many = "<a b='".repeat(20_000);
        assert!(markdown(&many, None, true).starts_with("\\<a b='"));
        assert_eq!(markdown("text <a b='never closed", None, true), "text");
        let lts = "<a<a".repeat(20_000);
        assert!(markdown(&lts, None, true).starts_with("\\<a\\<a"));
        let hidden = "<script></script>".repeat(20_000) + "after";
        assert_eq!(markdown(&hidden, None, true), "after");
    }

    #[test]
    fn a_body_splits_at_blocks() {
        assert_eq!(
            paragraphs("<p>One <b>two</p><p>three</b></p><div>four</div>", None),
            ["One **two**", "three", "four"]
        );
    }
}
