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
    /// block. The base URL is not in them: the page says where the article
    /// came from (`data-base`), and `folio.js` hands it over.
    pub fn to_props(&self) -> String {
        let blocks = self.text.blocks.iter().map(|b| node_value(b)).collect();
        let members = vec![
            ("support", support_value(&self.support)),
            ("text", Value::Array(blocks)),
            ("lang", Value::text(&self.locale.tag)),
            ("words", self.locale.words.to_json()),
            ("level", Value::number(f64::from(self.level))),
        ];
        json::write_for_script(&Value::object(members))
    }

    /// The campaign written by [`Campaign::to_props`], checked as the
    /// article's support block is (an error names what is wrong), its
    /// links resolved against `base` when that is an `http:` or `https:`
    /// URL.
    pub fn from_props(props: &str, base: Option<String>) -> Result<Self, String> {
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
        let tag = match field("lang") {
            Some(Value::String(tag)) if crate::model::is_language(tag) => tag.to_string(),
            _ => "en".into(),
        };
        // Only a web address to resolve against: a page's script may have
        // handed over anything.
        let base = base.filter(|b| {
            matches!(crate::formats::url::scheme(b), Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"))
        });
        Ok(Campaign {
            support: Arc::new(support),
            text: Arc::new(Document::from_blocks(blocks.collect(), level + 1)),
            base,
            locale: Locale {
                tag,
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

/// `support` as Article JSON v1 writes it.
fn support_value(support: &Support) -> Value<'static> {
    let optional = |s: &Option<String>| s.as_deref().map_or(Value::Null, Value::text);
    let whole = |n: Option<u32>| n.map_or(Value::Null, |n| Value::number(f64::from(n)));
    let link = |label: &str, href: &str| {
        Value::object(vec![
            ("label", Value::text(label)),
            ("href", Value::text(href)),
        ])
    };
    let amount = |a: &Amount| {
        Value::object(vec![
            ("label", optional(&a.label)),
            ("value", Value::number(a.value)),
            ("frequency", Value::text(a.frequency.as_str())),
            ("default", Value::Bool(a.default)),
        ])
    };
    Value::object(vec![
        ("campaign", Value::text(&support.campaign)),
        (
            "banner",
            support.banner.as_ref().map_or(Value::Null, |b| {
                Value::object(vec![
                    ("text", Value::text(&b.text)),
                    ("href", Value::text(&b.href)),
                ])
            }),
        ),
        (
            "afterParagraph",
            support
                .after_paragraph
                .map_or(Value::Null, |n| Value::number(n as f64)),
        ),
        ("heading", Value::text(&support.heading)),
        ("body", optional(&support.body)),
        (
            "amounts",
            Value::Array(support.amounts.iter().map(amount).collect()),
        ),
        ("currency", optional(&support.currency)),
        ("cta", link(&support.cta.label, &support.cta.href)),
        (
            "paymentMethods",
            Value::Array(
                support
                    .payment_methods
                    .iter()
                    .map(|m| Value::text(m))
                    .collect(),
            ),
        ),
        (
            "decline",
            support.decline.as_ref().map_or(Value::Null, |d| {
                Value::object(vec![
                    ("text", optional(&d.text)),
                    ("label", optional(&d.label)),
                    ("days", whole(d.days)),
                ])
            }),
        ),
        (
            "maxViews",
            support.max_views.as_ref().map_or(Value::Null, |m| {
                Value::object(vec![("count", whole(m.count)), ("days", whole(m.days))])
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        let text = std::fs::read_to_string("www/sample/article.json").unwrap();
        let article = crate::model::parse(&text).unwrap();
        let support = article.support.unwrap().unwrap();
        let locale = Locale {
            tag: "ru".into(),
            words: Arc::new(crate::render::locale_words("ru")),
        };
        Campaign::new(
            Arc::new(support),
            Some("https://news.example/a.json".into()),
            locale,
            2,
        )
    }

    #[test]
    fn the_props_read_back_to_the_same_campaign() {
        let campaign = campaign();
        let props = campaign.to_props();
        assert!(!props.contains('<'), "nothing closes the data block");
        let read = Campaign::from_props(&props, campaign.base.clone()).unwrap();
        assert_eq!(read.support, campaign.support);
        assert_eq!(read.locale, campaign.locale);
        assert_eq!(
            (read.base.as_deref(), read.level),
            (Some("https://news.example/a.json"), 2)
        );
        // The text's blocks and their keys (not where in the Markdown each
        // came from: the island has no Markdown).
        assert_eq!(read.text.blocks, campaign.text.blocks);
        assert_eq!(read.text.keys, campaign.text.keys);
    }

    #[test]
    fn tampered_props_are_checked_again() {
        let campaign = campaign();
        let props = campaign.to_props();
        // A base that is no web address is dropped.
        let read = Campaign::from_props(&props, Some("javascript://%0aalert(1)/".into())).unwrap();
        assert_eq!(read.base, None);
        // A link the URL policy refuses loses its address, keeps its text.
        let evil = props.replacen(
            "[\"p\",{}",
            "[\"p\",{},[\"a\",{\"href\":\"javascript:alert(1)\"},\"x\"]",
            1,
        );
        let read = Campaign::from_props(&evil, None).unwrap();
        let html = read.text.to_html();
        assert!(html.starts_with("<p><a>x</a>"), "{html}");
        // An element the renderer never makes is left out.
        let script = props.replacen("[\"p\",{}", "[\"script\",{}", 1);
        let read = Campaign::from_props(&script, None).unwrap();
        assert!(!read.text.to_html().contains("script"));
        // A support block that breaks the rules is an error naming it.
        let bad = props.replacen("\"value\":2", "\"value\":-2", 1);
        let error = Campaign::from_props(&bad, None).unwrap_err();
        assert!(error.contains("support.amounts[0].value"), "{error}");
    }
}
