//! A run of Markdown blocks, built straight into the DOM and, on update,
//! reconciled so that a block that did not change keeps its DOM node.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node as DomNode};

use crate::markdown::{Document, Node};

/// Where the blocks currently shown are listed, on the container itself:
/// `[key, node]` pairs in order.
const SHOWN: &str = "__folioBlocks";

/// Some of a document's top-level blocks, and the URL to resolve against.
#[derive(Clone)]
pub struct BlockRun {
    /// The whole document.
    pub document: Arc<Document>,
    /// Which of its blocks to show.
    pub range: Range<usize>,
    /// Base URL for relative links and images.
    pub base: Option<Arc<str>>,
}

/// A `div` holding the blocks, built with the DOM API when the element is
/// created (no view per node, no markup parsing) and diffed on update.
#[component]
pub fn Blocks(run: BlockRun, #[prop(into)] class: String) -> impl IntoView {
    view! { <div class=class use:fill=run></div> }
}

fn fill(element: Element, run: BlockRun) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let blocks = run.document.blocks.get(run.range).unwrap_or_default();

    // What this container showed last time: each block's key and DOM node.
    let mut pool: HashMap<String, Vec<DomNode>> = HashMap::new();
    let shown = js_sys::Reflect::get(&element, &SHOWN.into())
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::Array>().ok());
    for entry in shown.iter().flat_map(|s| s.iter().rev()) {
        let (Some(key), Ok(node)) = (
            js_sys::Reflect::get(&entry, &0.into())
                .ok()
                .and_then(|k| k.as_string()),
            js_sys::Reflect::get(&entry, &1.into()).and_then(|n| n.dyn_into::<DomNode>()),
        ) else {
            continue;
        };
        pool.entry(key).or_default().push(node);
    }

    // Reuse the node of every block still there; build the others; put each
    // right after the one before it.
    let next_shown = js_sys::Array::new();
    let mut previous: Option<DomNode> = None;
    for block in blocks {
        let key = key(block);
        let reused = pool.get_mut(&key).and_then(Vec::pop);
        let Some(node) =
            reused.or_else(|| crate::dom::build(&document, block, run.base.as_deref()))
        else {
            continue;
        };
        let expected = match &previous {
            Some(previous) => previous.next_sibling(),
            None => element.first_child(),
        };
        if expected.as_ref() != Some(&node) {
            let _ = element.insert_before(&node, expected.as_ref());
        }
        next_shown.push(&js_sys::Array::of2(&JsValue::from_str(&key), &node));
        previous = Some(node);
    }
    for stale in pool.into_values().flatten() {
        let _ = element.remove_child(&stale);
    }
    let _ = js_sys::Reflect::set(&element, &SHOWN.into(), &next_shown);
}

/// A block's identity: a hash of its whole render tree.
fn key(block: &Node) -> String {
    let mut hasher = DefaultHasher::new();
    block.hash(&mut hasher);
    format!("{:x}", hasher.finish())
}
