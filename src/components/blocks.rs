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
/// their keys (joined by newlines) and their nodes, in order.
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

    // What this container showed last time: each block's key and DOM node
    // (kept on the container as `[keys joined by newlines, nodes]`).
    let mut pool: HashMap<&str, Vec<DomNode>> = HashMap::new();
    let shown = js_sys::Reflect::get(&element, &SHOWN.into())
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::Array>().ok());
    let shown_keys = shown.as_ref().and_then(|s| s.get(0).as_string());
    let shown_nodes = shown.map(|s| js_sys::Array::from(&s.get(1)));
    if let (Some(keys), Some(nodes)) = (&shown_keys, &shown_nodes) {
        for (i, key) in keys
            .split('\n')
            .enumerate()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            if let Ok(node) = nodes.get(i as u32).dyn_into::<DomNode>() {
                pool.entry(key).or_default().push(node);
            }
        }
    }

    // Which blocks keep their node; the nodes no block keeps leave first, so
    // that placing the others moves nothing that stays in order.
    let keys: Vec<String> = blocks.iter().map(key).collect();
    let kept: Vec<Option<DomNode>> = keys
        .iter()
        .map(|k| pool.get_mut(k.as_str()).and_then(Vec::pop))
        .collect();
    for stale in pool.into_values().flatten() {
        let _ = element.remove_child(&stale);
    }

    // Build the new blocks and put each where it belongs.
    let nodes = js_sys::Array::new();
    let mut placed_keys = Vec::with_capacity(keys.len());
    let mut expected = element.first_child();
    for ((block, node), key) in blocks.iter().zip(kept).zip(&keys) {
        let Some(node) = node.or_else(|| crate::dom::build(&document, block, run.base.as_deref()))
        else {
            continue;
        };
        if expected.as_ref() != Some(&node) {
            let _ = element.insert_before(&node, expected.as_ref());
        }
        expected = node.next_sibling();
        nodes.push(&node);
        placed_keys.push(key.as_str());
    }
    let record = js_sys::Array::of2(&JsValue::from_str(&placed_keys.join("\n")), &nodes);
    let _ = js_sys::Reflect::set(&element, &SHOWN.into(), &record);
}

/// A block's identity: a hash of its whole render tree.
fn key(block: &Node) -> String {
    let mut hasher = DefaultHasher::new();
    block.hash(&mut hasher);
    format!("{:x}", hasher.finish())
}
