//! Which format an article document is in: Folio's own Article JSON v1,
//! an Arc XP ANS story or schema.org JSON-LD, named (`format`) or found
//! at a glance (the widget decides so whether the converter module is
//! needed before the document is read).

use crate::json;

/// A format of article JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Article JSON v1, Folio's own.
    Folio,
    /// An Arc XP ANS story (`"type": "story"`).
    Ans,
    /// schema.org `NewsArticle` (or `Article`, `BlogPosting`…) as JSON-LD.
    JsonLd,
}

impl Format {
    /// The format named by a `format` attribute or option: `folio`, `ans`
    /// or `json-ld` (any case).
    pub fn named(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "folio" => Some(Self::Folio),
            "ans" => Some(Self::Ans),
            "json-ld" | "jsonld" => Some(Self::JsonLd),
            _ => None,
        }
    }

    /// Its name, as [`Format::named`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Folio => "folio",
            Self::Ans => "ans",
            Self::JsonLd => "json-ld",
        }
    }
}

/// The format of article JSON text from a glance at its top-level keys,
/// without reading it: `None` when it is none of them. Text that is no
/// object (or not JSON at all) counts as Article JSON v1, whose reader
/// then says what is wrong with it.
pub fn sniff(text: &str) -> Option<Format> {
    let text = text.trim_start_matches([' ', '\t', '\n', '\r']);
    match text.as_bytes().first() {
        Some(b'<') => return Some(Format::JsonLd),
        Some(b'[') => {
            let linked = text.contains("\"@type\"") || text.contains("\"@graph\"");
            return linked.then_some(Format::JsonLd);
        }
        Some(b'{') => {}
        _ => return Some(Format::Folio),
    }
    let bytes = text.as_bytes();
    let (mut depth, mut expect_key, mut value_of) = (0usize, false, "");
    let (mut ans, mut linked, mut folio, mut typed, mut versioned) =
        (false, false, false, false, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let mut end = i + 1;
                loop {
                    end = json::plain_until(bytes, end);
                    match bytes.get(end) {
                        Some(b'\\') => end += 2,
                        _ => break,
                    }
                }
                let word = text.get(i + 1..end.min(text.len())).unwrap_or_default();
                if depth == 1 && expect_key {
                    expect_key = false;
                    value_of = word;
                    linked |= word.starts_with('@');
                    folio |= matches!(word, "id" | "headline" | "published" | "body");
                    typed |= word == "type";
                    versioned |= matches!(word, "version" | "content_elements");
                } else if depth == 1 && value_of == "type" && word == "story" {
                    ans = true;
                }
                i = end;
            }
            b'{' | b'[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => {
                expect_key = true;
                value_of = "";
            }
            _ => {}
        }
        i += 1;
    }
    if ans {
        Some(Format::Ans)
    } else if linked {
        Some(Format::JsonLd)
    } else if folio {
        Some(Format::Folio)
    } else if typed && versioned {
        Some(Format::Ans)
    } else {
        None
    }
}
