//! HTML text to tokens, leniently: tags (with a link's `href`) and the
//! text between them.

use super::HIDDEN;
use crate::entities;

/// One piece of HTML.
pub(super) enum Token<'a> {
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
pub(super) struct Tokens<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(html: &'a str) -> Self {
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
