//! HTML tree to DOM: one element per tree element, text as text nodes.
//!
//! A run of blocks is written as markup by Folio's own serializer (closed
//! sets of elements and attributes, every text and value escaped) and
//! handed to the browser's HTML parser in one go, so building a long body
//! costs one call out of the WebAssembly instead of several per node. No
//! string from the article is ever markup: it reaches the parser only
//! escaped. On a page that enforces Trusted Types, the markup goes through
//! a policy named [`POLICY`]. Where the page refuses it, or a parse does not
//! give back one node per block, the blocks are built node by node with the
//! DOM API instead.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element as DomElement, Node as DomNode};

use crate::page::Here;
use folio_core::html::Node;
use folio_core::markup::{attributes, markup};

/// Builds `blocks` as the children of `holder`, which must be empty, and
/// returns their nodes, one per block, in order: parsed from markup when
/// the page allows it, else node by node.
pub fn build_into(holder: &DomElement, blocks: &[&Node], base: Option<&str>) -> js_sys::Array {
    parse_into(holder, blocks, base).unwrap_or_else(|| build_nodes(holder, blocks, base))
}

/// [`build_into`] node by node with the DOM API.
pub fn build_nodes(holder: &DomElement, blocks: &[&Node], base: Option<&str>) -> js_sys::Array {
    let nodes = js_sys::Array::new();
    let Some(document) = holder.owner_document() else {
        return nodes;
    };
    for block in blocks {
        let node =
            build(&document, block, base).unwrap_or_else(|| document.create_comment("").into());
        let _ = holder.append_child(&node);
        nodes.push(&node);
    }
    nodes
}

/// [`build_into`] through the browser's HTML parser: `None` (and `holder`
/// left empty) when the page refuses markup, or when the parser did not
/// give back one node per block.
pub fn parse_into(
    holder: &DomElement,
    blocks: &[&Node],
    base: Option<&str>,
) -> Option<js_sys::Array> {
    let html = markup(blocks, base, &Here);
    let markup = SINK.with_borrow(|sink| sink.markup(&html))?;
    if js_sys::Reflect::set(holder, &JsValue::from_str("innerHTML"), &markup).is_err() {
        SINK.replace(Sink::Refused);
        return None;
    }
    let nodes = js_sys::Array::from(&holder.child_nodes());
    if nodes.length() as usize == blocks.len() {
        return Some(nodes);
    }
    holder.set_text_content(None);
    None
}

/// How markup reaches `innerHTML` on this page.
enum Sink {
    /// As a string: the browser has no Trusted Types.
    Plain,
    /// Through Folio's Trusted Types policy, which passes Folio's own
    /// markup (every article string in it escaped) as it is.
    Policy(js_sys::Function, JsValue),
    /// Not at all: the page forbids the policy or refused the markup.
    Refused,
}

thread_local! {
    static SINK: RefCell<Sink> = RefCell::new(Sink::new());
}

/// The name of Folio's Trusted Types policy, for a page's `trusted-types`
/// directive.
pub const POLICY: &str = "folio";

impl Sink {
    fn new() -> Self {
        match get(&js_sys::global(), "trustedTypes") {
            Ok(factory) if factory.is_undefined() || factory.is_null() => Self::Plain,
            Ok(factory) => match Self::policy(&factory) {
                Ok((create_html, policy)) => Self::Policy(create_html, policy),
                Err(_) => Self::Refused,
            },
            Err(_) => Self::Refused,
        }
    }

    /// Folio's policy from `trustedTypes`, and its `createHTML`. `String`
    /// is the identity on strings: the policy needs no function of Folio's
    /// own, and no `eval`.
    fn policy(factory: &JsValue) -> Result<(js_sys::Function, JsValue), JsValue> {
        let options = js_sys::Object::new();
        let string = get(&js_sys::global(), "String")?;
        js_sys::Reflect::set(&options, &JsValue::from_str("createHTML"), &string)?;
        let create: js_sys::Function = get(factory, "createPolicy")?.dyn_into()?;
        let policy = create.call2(factory, &JsValue::from_str(POLICY), &options)?;
        let create_html = get(&policy, "createHTML")?.dyn_into()?;
        Ok((create_html, policy))
    }

    /// `html` in the form `innerHTML` takes on this page, if it takes any.
    fn markup(&self, html: &str) -> Option<JsValue> {
        match self {
            Self::Plain => Some(JsValue::from_str(html)),
            Self::Policy(create_html, policy) => {
                create_html.call1(policy, &JsValue::from_str(html)).ok()
            }
            Self::Refused => None,
        }
    }
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
}

/// Builds the DOM for `node` node by node. Relative `href`/`src` values are resolved
/// against `base` (the URL the article was fetched from), and links that
/// then lead off the page's origin get `rel="noopener noreferrer"`.
fn build(document: &Document, node: &Node, base: Option<&str>) -> Option<DomNode> {
    match node {
        Node::Text(text) => Some(document.create_text_node(text).into()),
        Node::Element(element) => {
            let el = document.create_element(element.tag.as_str()).ok()?;
            attributes(element, base, &Here, |name, value| {
                let _ = el.set_attribute(name, value);
            });
            if !element.tag.is_void() {
                for child in &element.children {
                    if let Some(child) = build(document, child, base) {
                        let _ = el.append_child(&child);
                    }
                }
            }
            Some(el.into())
        }
    }
}
