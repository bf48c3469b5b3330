//! The article formats Folio reads besides its own Article JSON v1: Arc XP
//! ANS stories and schema.org JSON-LD (also read out of an HTML page).
//!
//! A document's format is detected (or forced); ANS and JSON-LD are mapped
//! onto an Article JSON v1 tree that then passes the same decoding and the
//! same checks as Folio's own, and an error found there is named by the
//! path of the source field it came from (`promo_items.basic.url`,
//! `@graph[2].image[0].width`).
#![deny(missing_docs)]

mod ans;
mod ans_body;
mod entities;
pub mod inline;
mod jsonld;
mod jsonld_image;
mod media;
mod page;

use std::borrow::Cow;

use folio_core::error::{ContentError, Problem};
use folio_core::json::{self, Value};
use folio_core::model::{self, Article};
use inline::plain;

pub use folio_core::format::{Format, sniff};

/// Something of the source that Folio left out or could not follow (an
/// embed, a raw HTML block, an image with nothing to describe it): sent
/// as a `folio:notice` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Path of the source element (`content_elements[3]`).
    pub path: String,
    /// What was done with it, in one sentence.
    pub message: String,
}

/// An article read from any format.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The checked article.
    pub article: Article,
    /// The format it was read from.
    pub format: Format,
    /// What was left out of it.
    pub notices: Vec<Notice>,
}

/// Reads article JSON of any format Folio knows (or of `format` only),
/// or an HTML page's JSON-LD article. `base` is the URL the text came
/// from: relative URLs of ANS and JSON-LD resolve against it (ANS: against
/// the story's own absolute URL first). `body`, as for
/// [`model::parse_with_body`], is an Article JSON v1 `body` given apart.
pub fn read(
    text: &str,
    body: Option<&str>,
    format: Option<Format>,
    base: Option<&str>,
) -> Result<Read, ContentError> {
    let article = match map(text, format.is_none() && body.is_some(), format, base)? {
        Mapped::Folio(None) => model::parse_with_body(text, body)?,
        Mapped::Folio(Some(value)) => model::from_value(&value)?,
        Mapped::Other(out, format) => return out.finish(format),
    };
    Ok(Read {
        article,
        format: Format::Folio,
        notices: Vec::new(),
    })
}

/// An ANS or JSON-LD document (or a page's JSON-LD) as the Article JSON v1
/// tree it maps to, not checked (the widget's core checks it once, with
/// [`model::parse_mapped`], naming a bad field by its path in the source
/// through `origins`), with what was left out: what the converter module
/// hands the widget. Article JSON v1 comes back as it is, unread. The
/// source is held to the limits here; a syntax error or a document of no
/// known format is an error.
pub fn convert(
    text: &str,
    format: Option<Format>,
    base: Option<&str>,
) -> Result<Converted, ContentError> {
    let as_it_is = || Converted {
        json: text.to_string(),
        format: Format::Folio,
        origins: Vec::new(),
        notices: Vec::new(),
    };
    match map(text, false, format, base)? {
        Mapped::Folio(_) => Ok(as_it_is()),
        Mapped::Other(out, format) => Ok(out.mapped(format)),
    }
}

/// An article converted to Article JSON v1 by [`convert`].
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    /// The Article JSON v1 text (not checked yet).
    pub json: String,
    /// The format it was read from.
    pub format: Format,
    /// Where each field of it came from: its path in Article JSON v1 and
    /// in the source (`("image.src", "promo_items.basic.url")`).
    pub origins: Vec<(String, String)>,
    /// What was left out of it.
    pub notices: Vec<Notice>,
}

/// A document read: Article JSON v1 (its JSON tree, when it was parsed to
/// find its format), or another format's mapping.
enum Mapped<'a> {
    Folio(Option<Value<'a>>),
    Other(Out<'a>, Format),
}

/// `text` read as `format`, or as the format it is found to be: a web page,
/// ANS or JSON-LD mapped; Article JSON v1 left for the caller to read (at
/// once when `folio` says so, as when its body was given apart).
fn map<'a>(
    text: &'a str,
    folio: bool,
    format: Option<Format>,
    base: Option<&str>,
) -> Result<Mapped<'a>, ContentError> {
    if text.trim_start().starts_with('<') && matches!(format, None | Some(Format::JsonLd)) {
        return Ok(Mapped::Other(page::map(text, base)?, Format::JsonLd));
    }
    if folio || format == Some(Format::Folio) {
        return Ok(Mapped::Folio(None));
    }
    folio_core::limits::check(text)?;
    let value = parse(text)?;
    let format = match format {
        Some(format) => format,
        None => detect(&value).ok_or_else(unknown)?,
    };
    let root = Node::root(&value, String::new());
    let mut out = Out::default();
    match format {
        Format::Folio => return Ok(Mapped::Folio(Some(value))),
        Format::Ans => ans::story(&root, base, &mut out)?,
        Format::JsonLd => jsonld::document(&root, base, &mut out)?,
    }
    Ok(Mapped::Other(out, format))
}

/// The JSON tree of `text`, or its syntax error at the field it broke in.
fn parse(text: &str) -> Result<Value<'_>, ContentError> {
    json::parse(text).map_err(|error| {
        let path = match error.eof {
            true => String::new(),
            false => folio_core::limits::path_at(text, error.offset),
        };
        ContentError::new(path, Problem::Syntax(error.message))
    })
}

/// The format a document is in, from its shape.
fn detect(value: &Value) -> Option<Format> {
    match value {
        Value::Object(members) => {
            let has = |key: &str| members.iter().any(|(k, _)| k == key);
            let is = |key: &str, word: &str| {
                members
                    .iter()
                    .any(|(k, v)| k == key && matches!(v, Value::String(s) if s == word))
            };
            if is("type", "story") {
                Some(Format::Ans)
            } else if members.iter().any(|(k, _)| k.starts_with('@')) {
                Some(Format::JsonLd)
            } else if ["id", "headline", "published", "body"].iter().any(|k| has(k)) {
                Some(Format::Folio)
            } else if has("type") && (has("version") || has("content_elements")) {
                Some(Format::Ans)
            } else {
                None
            }
        }
        Value::Array(items) => items
            .iter()
            .any(|item| matches!(item, Value::Object(m) if m.iter().any(|(k, _)| k.starts_with('@'))))
            .then_some(Format::JsonLd),
        _ => None,
    }
}

/// The error for a document of none of the formats Folio reads.
pub fn unknown() -> ContentError {
    ContentError::new(
        "",
        Problem::Invalid(
            "is none of the formats Folio reads: Article JSON v1 (an object with \
             `headline` and `body`), an ANS story (`\"type\": \"story\"`) or schema.org \
             JSON-LD (a node whose `@type` is NewsArticle, Article or BlogPosting)"
                .into(),
        ),
    )
}

/// One value of a source document, with its path there.
#[derive(Clone)]
pub(crate) struct Node<'v, 'a> {
    value: &'v Value<'a>,
    path: String,
}

static NULL: Value<'static> = Value::Null;

impl<'v, 'a> Node<'v, 'a> {
    fn root(value: &'v Value<'a>, path: String) -> Self {
        Self { value, path }
    }

    /// The member `key` (null when absent, or when this is no object).
    #[inline(never)]
    fn get(&self, key: &str) -> Node<'v, 'a> {
        let value = match self.value {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        };
        Node {
            value: value.unwrap_or(&NULL),
            path: model::join(&self.path, key),
        }
    }

    /// `get` along a dotted path (`label.basic.text`).
    fn at(&self, keys: &str) -> Node<'v, 'a> {
        keys.split('.')
            .fold(self.clone(), |node, key| node.get(key))
    }

    fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The string held, if it has more than white space.
    fn str(&self) -> Option<&'v str> {
        match self.value {
            Value::String(text) if !text.trim().is_empty() => Some(text),
            _ => None,
        }
    }

    /// A list's items; a single value is a list of one, null of none.
    #[inline(never)]
    fn items(&self) -> Vec<Node<'v, 'a>> {
        match self.value {
            Value::Null => Vec::new(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, value)| Node {
                    value,
                    path: format!("{}[{i}]", self.path),
                })
                .collect(),
            _ => vec![self.clone()],
        }
    }

    /// An object's members.
    #[inline(never)]
    fn members(&self) -> Vec<(&'v str, Node<'v, 'a>)> {
        match self.value {
            Value::Object(members) => members
                .iter()
                .map(|(k, value)| {
                    let node = Node {
                        value,
                        path: model::join(&self.path, k),
                    };
                    (k.as_ref(), node)
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The Article JSON v1 tree being built from a source document, where
/// each of its fields came from, and what was left out.
#[derive(Default)]
pub(crate) struct Out<'a> {
    members: Vec<(Cow<'a, str>, Value<'a>)>,
    /// Folio path → source path, for naming errors.
    origins: Vec<(&'static str, String)>,
    notices: Vec<Notice>,
}

impl<'a> Out<'a> {
    /// Records that Folio's `field` is read from `from` (whether or not
    /// there is a value there: a missing one is named by it).
    #[inline(never)]
    fn origin(&mut self, field: &'static str, from: &str) {
        self.origins.retain(|(f, _)| *f != field);
        self.origins.push((field, from.to_string()));
    }

    /// Sets `field` (`headline`, or `image.src` inside `image`).
    #[inline(never)]
    fn put(&mut self, field: &'static str, value: Value<'a>, from: &str) {
        self.origin(field, from);
        let mut members = &mut self.members;
        let mut rest = field;
        while let Some((head, tail)) = rest.split_once('.') {
            let at = match members.iter().position(|(k, _)| k == head) {
                Some(at) => at,
                None => {
                    members.push((head.into(), Value::Object(Vec::new())));
                    members.len() - 1
                }
            };
            members = match &mut members[at].1 {
                Value::Object(inner) => inner,
                _ => return,
            };
            rest = tail;
        }
        members.retain(|(k, _)| k != rest);
        members.push((rest.into(), value));
    }

    /// Sets `field` to the text at `node` as `clean` makes it, unless it
    /// is blank; a value that is no string is kept as it is, for the
    /// checks to name.
    #[inline(never)]
    fn text(&mut self, field: &'static str, node: &Node<'_, 'a>, clean: fn(&str) -> String) {
        match node.value {
            Value::Null => self.origin(field, &node.path),
            Value::String(text) => match clean(text) {
                text if text.is_empty() => self.origin(field, &node.path),
                text => self.put(field, Value::String(text.into()), &node.path),
            },
            other => self.put(field, other.clone(), &node.path),
        }
    }

    /// The source has no text for the article (`path` is where it would
    /// be): the article shows as a card that links to it, said in a
    /// notice (with no address to link to, the checks name `path`).
    fn no_text(&mut self, path: &str) {
        self.notice(
            path,
            "The article has no text here: Folio shows it as a card that links to the article.",
        );
    }

    #[inline(never)]
    fn notice(&mut self, path: &str, message: impl Into<String>) {
        self.notices.push(Notice {
            path: path.to_string(),
            message: message.into(),
        });
    }

    /// The tree built, as the Article JSON v1 text the widget reads, with
    /// where each field came from and what was left out.
    fn mapped(self, format: Format) -> Converted {
        let mut json = String::new();
        json::write(&Value::Object(self.members), &mut json);
        let origins = self.origins.into_iter();
        Converted {
            json,
            format,
            origins: origins.map(|(f, from)| (f.to_string(), from)).collect(),
            notices: self.notices,
        }
    }

    /// The tree built, decoded and checked, its errors named by source
    /// path.
    fn finish(self, format: Format) -> Result<Read, ContentError> {
        let tree = Value::Object(self.members);
        let origins: Vec<(String, String)> = (self.origins.into_iter())
            .map(|(f, from)| (f.to_string(), from))
            .collect();
        let article = model::from_value(&tree).map_err(|error| model::locate(error, &origins))?;
        Ok(Read {
            article,
            format,
            notices: self.notices,
        })
    }
}
