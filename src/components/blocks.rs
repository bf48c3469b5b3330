//! A run of Markdown blocks, built straight into the DOM and, on update,
//! reconciled so that a block that did not change keeps its DOM node.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node as DomNode};

use crate::markdown::rerender::unchanged_ends;
use crate::markdown::{Document, Node};

/// Blocks sit in `div`s of at most this many (more only where an update
/// inserted into a full one): a block that changes height then shifts the
/// rest of its chunk and the chunks after it, not every later block one by
/// one. On the 5,200-block benchmark article, replacing one paragraph with a
/// shorter one cost 13–16 ms of layout with all blocks side by side, and
/// 0.1–0.2 ms in chunks of 64.
const CHUNK: u32 = 64;

/// The class of a chunk; it has no style of its own, so block margins
/// collapse through it as between siblings.
const CHUNK_CLASS: &str = "folio-chunk";

/// The property of the container that holds what it shows (see [`Shown`]).
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

/// A `div` holding the blocks, built outside the view system when the
/// element is created (see [`crate::dom`]) and diffed on update.
#[component]
pub fn Blocks(run: BlockRun, #[prop(into)] class: String) -> impl IntoView {
    view! { <div class=class use:fill=run></div> }
}

/// Shows `run` in `element`: built on first use, then reconciled.
pub(super) fn fill(element: Element, run: BlockRun) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let range = run.range.start.min(run.document.blocks.len())
        ..run.range.end.min(run.document.blocks.len());
    let blocks = &run.document.blocks[range.clone()];
    let keys = &run.document.keys[range];
    let shown = Shown::read(&element);
    let base = run.base.as_deref();
    if shown.keys.is_empty() {
        return first_fill(&element, &document, blocks, keys, base);
    }

    // Blocks that did not change at the start and at the end keep their
    // nodes untouched; only the run between them is reconciled.
    let (head, tail) = unchanged_ends(&shown.keys, keys);
    let (old_end, new_end) = (shown.keys.len() - tail, keys.len() - tail);

    // Which of the changed blocks can take an old node with the same key;
    // the old nodes none takes leave first, so that placing the others
    // moves nothing that stays in order.
    let mut pool: HashMap<u64, Vec<DomNode>> = HashMap::new();
    for i in (head..old_end).rev() {
        if let Some(node) = shown.node(i) {
            pool.entry(shown.keys[i]).or_default().push(node);
        }
    }
    let kept: Vec<Option<DomNode>> = keys[head..new_end]
        .iter()
        .map(|key| pool.get_mut(key).and_then(Vec::pop))
        .collect();
    for stale in pool.into_values().flatten() {
        remove(&stale);
    }

    // The blocks no old node fits are built together, in a holder they are
    // then moved out of.
    let fresh: Vec<&Node> = blocks[head..new_end]
        .iter()
        .zip(&kept)
        .filter(|(_, node)| node.is_none())
        .map(|(block, _)| &**block)
        .collect();
    let built = if fresh.is_empty() {
        js_sys::Array::new()
    } else {
        let Ok(holder) = document.create_element("div") else {
            return;
        };
        crate::dom::build_into(&holder, &fresh, base)
    };
    let mut built = (0..built.length()).map(|i| built.get(i).dyn_into::<DomNode>().ok());

    // Build the new blocks and put each right after the one before it.
    let mut previous = head.checked_sub(1).and_then(|i| shown.node(i));
    let middle = js_sys::Array::new();
    let mut placed = shown.keys[..head].to_vec();
    for (key, node) in keys[head..new_end].iter().zip(kept) {
        let Some(node) = node.or_else(|| built.next().flatten()) else {
            continue;
        };
        if next_block(&element, previous.as_ref()).as_ref() != Some(&node) {
            place_after(&element, &document, previous.as_ref(), &node);
        }
        middle.push(&node);
        placed.push(*key);
        previous = Some(node);
    }
    placed.extend_from_slice(&shown.keys[old_end..]);
    let nodes = shown
        .nodes
        .slice(0, head as u32)
        .concat(&middle)
        .concat(&shown.nodes.slice(old_end as u32, shown.keys.len() as u32));
    Shown {
        keys: placed,
        nodes,
    }
    .write(&element);
}

/// Fills an empty container: each chunk is built whole (see
/// [`crate::dom::build_into`]) before it joins the page.
fn first_fill(
    element: &Element,
    document: &web_sys::Document,
    blocks: &[Arc<Node>],
    keys: &[u64],
    base: Option<&str>,
) {
    let mut nodes = js_sys::Array::new();
    for chunk_blocks in blocks.chunks(CHUNK as usize) {
        let Ok(chunk) = document.create_element("div") else {
            return;
        };
        chunk.set_class_name(CHUNK_CLASS);
        let chunk_blocks: Vec<&Node> = chunk_blocks.iter().map(|block| &**block).collect();
        let built = crate::dom::build_into(&chunk, &chunk_blocks, base);
        if element.append_child(&chunk).is_err() {
            return;
        }
        nodes = nodes.concat(&built);
    }
    Shown {
        keys: keys.to_vec(),
        nodes,
    }
    .write(element);
}

/// The block shown after `previous` (the first block when `None`), across
/// the end of a chunk. Chunks are the container's only elements (Leptos
/// may keep a comment beside them).
fn next_block(element: &Element, previous: Option<&DomNode>) -> Option<DomNode> {
    let Some(previous) = previous else {
        return element.first_element_child()?.first_child();
    };
    previous.next_sibling().or_else(|| {
        let chunk = previous.parent_element()?;
        chunk.next_element_sibling()?.first_child()
    })
}

/// Puts `node` right after `previous` (first when `None`) in that block's
/// chunk; at the edge of a full chunk, in a new one.
fn place_after(
    element: &Element,
    document: &web_sys::Document,
    previous: Option<&DomNode>,
    node: &DomNode,
) {
    let left = node.parent_node();
    let (chunk, before, at_edge) = match previous {
        Some(previous) => {
            let before = previous.next_sibling();
            let at_edge = before.is_none();
            (previous.parent_element(), before, at_edge)
        }
        None => {
            let first = element.first_element_child();
            (first.clone(), first.and_then(|c| c.first_child()), true)
        }
    };
    let (chunk, before) = match chunk {
        Some(chunk) if !(at_edge && chunk.child_nodes().length() >= CHUNK) => (chunk, before),
        chunk => {
            let after = match previous {
                Some(_) => chunk.and_then(|c| c.next_element_sibling()),
                None => chunk,
            };
            let Ok(new) = document.create_element("div") else {
                return;
            };
            new.set_class_name(CHUNK_CLASS);
            if element.insert_before(&new, after.as_deref()).is_err() {
                return;
            }
            (new, None)
        }
    };
    let _ = chunk.insert_before(node, before.as_ref());
    if let Some(left) = left {
        drop_if_empty(&left);
    }
}

/// Takes `node` out of its chunk, and the chunk out if that empties it.
fn remove(node: &DomNode) {
    let Some(chunk) = node.parent_node() else {
        return;
    };
    let _ = chunk.remove_child(node);
    drop_if_empty(&chunk);
}

fn drop_if_empty(chunk: &DomNode) {
    let is_chunk = chunk
        .dyn_ref::<Element>()
        .is_some_and(|c| c.class_name() == CHUNK_CLASS);
    if is_chunk
        && !chunk.has_child_nodes()
        && let Some(parent) = chunk.parent_node()
    {
        let _ = parent.remove_child(chunk);
    }
}

/// What a container shows: each block's key and DOM node, in order. It is
/// kept on the container itself, as `[keys, nodes]`, the keys in a
/// `BigUint64Array` (copied to and from the WebAssembly's memory whole).
struct Shown {
    keys: Vec<u64>,
    nodes: js_sys::Array,
}

impl Shown {
    /// The record on `element`, or an empty one.
    fn read(element: &Element) -> Self {
        let record = js_sys::Reflect::get(element, &SHOWN.into())
            .ok()
            .and_then(|record| record.dyn_into::<js_sys::Array>().ok());
        let parts = record.and_then(|record| {
            let keys = record.get(0).dyn_into::<js_sys::BigUint64Array>().ok()?;
            let nodes = record.get(1).dyn_into::<js_sys::Array>().ok()?;
            Some((keys.to_vec(), nodes))
        });
        match parts {
            Some((keys, nodes)) if keys.len() == nodes.length() as usize => Self { keys, nodes },
            _ => Self {
                keys: Vec::new(),
                nodes: js_sys::Array::new(),
            },
        }
    }

    fn write(&self, element: &Element) {
        let keys = js_sys::BigUint64Array::from(&self.keys[..]);
        let record = js_sys::Array::of2(&keys, &self.nodes);
        let _ = js_sys::Reflect::set(element, &SHOWN.into(), &record);
    }

    fn node(&self, i: usize) -> Option<DomNode> {
        self.nodes.get(i as u32).dyn_into::<DomNode>().ok()
    }
}
