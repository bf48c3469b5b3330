//! A campaign as the island's props: what a pre-rendered article hands
//! the support island, as JSON in a `<script type="application/json">`
//! data block beside the prompt's place. The server writes it from the
//! article it rendered; the island reads it back without the Markdown
//! parser or the article decoder (the prompt's text comes as its HTML
//! tree, already rendered) and checks it again, since a page may have
//! changed it.

use std::borrow::Cow;
use std::sync::Arc;

use super::Campaign;
use crate::html::{Attr, Element, Node, Tag};
use crate::json::{self, Value};
use crate::locale::{Locale, Words};
use crate::markdown::Document;
use crate::model::{Amount, Support};

/// The most nested elements a prompt's text may hold in its props (the
/// Markdown renderer's own limit).
const MAX_DEPTH: usize = crate::markdown::MAX_DEPTH;

impl Campaign {
    /// The props of this campaign, as JSON safe inside a `<script>` data
    /// block.
    pub fn to_props(&self) -> String {
        let text = |s: &str| Value::String(Cow::Owned(s.to_string()));
        let members = vec![
            (Cow::Borrowed("support"), support_value(&self.support)),
            (
                Cow::Borrowed("text"),
                Value::Array(self.text.blocks.iter().map(|b| node_value(b)).collect()),
            ),
            (
                Cow::Borrowed("base"),
                self.base.as_deref().map_or(Value::Null, text),
            ),
            (Cow::Borrowed("lang"), text(&self.locale.tag)),
            (Cow::Borrowed("words"), self.locale.words.to_json()),
            (Cow::Borrowed("level"), number(f64::from(self.level))),
        ];
        json::write_for_script(&Value::Object(members))
    }

    /// The campaign written by [`Campaign::to_props`], checked as the
    /// article's support block is: an error names what is wrong.
    pub fn from_props(props: &str) -> Result<Self, String> {
        let value = json::parse(props).map_err(|e| format!("not JSON: {}", e.message))?;
        let field = |name: &str| member(&value, name);
        let support = crate::model::support_from_value(field("support").unwrap_or(&Value::Null))
            .map_err(|e| e.to_string())?;
        let level = match field("level") {
            Some(Value::Number(n)) => json::whole(n).unwrap_or(1).clamp(1, 6) as u8,
            _ => 1,
        };
        let blocks = match field("text") {
            Some(Value::Array(items)) => items.iter().filter_map(|i| node(i, 0)).map(Arc::new),
            _ => return Err("`text` must be a list of nodes".into()),
        };
        let words = match field("words") {
            Some(words @ Value::Object(_)) => {
                let mut written = String::new();
                json::write(words, &mut written);
                Words::parse(&written).map_err(|e| format!("words: {e}"))?
            }
            _ => Words::english(),
        };
        let string = |name: &str| match field(name) {
            Some(Value::String(s)) => Some(s.to_string()),
            _ => None,
        };
        Ok(Campaign {
            support: Arc::new(support),
            text: Arc::new(Document::from_blocks(blocks.collect(), level + 1)),
            base: string("base"),
            locale: Locale {
                tag: string("lang").unwrap_or_else(|| "en".into()),
                words: Arc::new(words),
            },
            level,
        })
    }
}

/// The member `name` of an object.
fn member<'v, 'a>(value: &'v Value<'a>, name: &str) -> Option<&'v Value<'a>> {
    match value {
        Value::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

fn number(value: f64) -> Value<'static> {
    Value::Number(Cow::Owned(crate::number::plain(value)))
}

/// `support` as Article JSON v1 writes it.
fn support_value(support: &Support) -> Value<'static> {
    let text = |s: &str| Value::String(Cow::Owned(s.to_string()));
    let optional = |s: &Option<String>| s.as_deref().map_or(Value::Null, text);
    let whole = |n: Option<u32>| n.map_or(Value::Null, |n| number(f64::from(n)));
    let object = |members: Vec<(&'static str, Value<'static>)>| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v))
                .collect(),
        )
    };
    let amount = |a: &Amount| {
        object(vec![
            ("label", optional(&a.label)),
            ("value", number(a.value)),
            ("frequency", text(a.frequency.as_str())),
            ("default", Value::Bool(a.default)),
        ])
    };
    object(vec![
        ("campaign", text(&support.campaign)),
        (
            "banner",
            support.banner.as_ref().map_or(Value::Null, |b| {
                object(vec![("text", text(&b.text)), ("href", text(&b.href))])
            }),
        ),
        (
            "afterParagraph",
            support
                .after_paragraph
                .map_or(Value::Null, |n| number(n as f64)),
        ),
        ("heading", text(&support.heading)),
        ("body", optional(&support.body)),
        (
            "amounts",
            Value::Array(support.amounts.iter().map(amount).collect()),
        ),
        ("currency", optional(&support.currency)),
        (
            "cta",
            object(vec![
                ("label", text(&support.cta.label)),
                ("href", text(&support.cta.href)),
            ]),
        ),
        (
            "paymentMethods",
            Value::Array(support.payment_methods.iter().map(|m| text(m)).collect()),
        ),
        (
            "decline",
            support.decline.as_ref().map_or(Value::Null, |d| {
                object(vec![
                    ("text", optional(&d.text)),
                    ("label", optional(&d.label)),
                    ("days", whole(d.days)),
                ])
            }),
        ),
        (
            "maxViews",
            support.max_views.as_ref().map_or(Value::Null, |m| {
                object(vec![("count", whole(m.count)), ("days", whole(m.days))])
            }),
        ),
    ])
}

/// A node as a text (a string) or an element (`[tag, {attrs}, …children]`).
fn node_value(node: &Node) -> Value<'static> {
    match node {
        Node::Text(text) => Value::String(Cow::Owned(text.clone())),
        Node::Element(element) => {
            let attrs = element.attrs.iter().map(|(attr, value)| {
                (
                    Cow::Borrowed(attr.as_str()),
                    Value::String(Cow::Owned(value.clone())),
                )
            });
            let mut items = vec![
                Value::String(Cow::Borrowed(element.tag.as_str())),
                Value::Object(attrs.collect()),
            ];
            items.extend(element.children.iter().map(node_value));
            Value::Array(items)
        }
    }
}

/// The node [`node_value`] wrote; `None` for anything else (a tag or an
/// attribute the Markdown renderer never makes, or nesting too deep).
fn node(value: &Value, depth: usize) -> Option<Node> {
    match value {
        Value::String(text) => Some(Node::Text(text.to_string())),
        Value::Array(items) if depth < MAX_DEPTH => {
            let [Value::String(tag), Value::Object(attrs), children @ ..] = items.as_slice() else {
                return None;
            };
            let mut element = Element::new(Tag::named(tag)?);
            for (name, value) in attrs {
                let (Some(attr), Value::String(value)) = (Attr::named(name), value) else {
                    return None;
                };
                // The URL policy again: a page's script may have edited the props.
                let allowed = match attr {
                    Attr::Href => crate::safe_url::check(value).is_some(),
                    Attr::Src => crate::safe_url::check_image(value).is_some(),
                    _ => true,
                };
                if allowed {
                    element.attrs.push((attr, value.to_string()));
                }
            }
            element.children = children.iter().filter_map(|c| node(c, depth + 1)).collect();
            Some(Node::Element(element))
        }
        _ => None,
    }
}
