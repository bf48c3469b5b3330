//! Bringing a `div` of blocks from what it shows to a new run: built whole
//! the first time, in chunks, then reconciled by key.

use std::sync::Arc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Node as DomNode};

use super::BlockRun;
use folio_core::diff::{take_over, unchanged_ends};
use folio_core::html::Node;

/// Blocks sit in `div`s of at most this many (more only where an update
/// inserted into a full one): a block that changes height then shifts the
/// rest of its chunk and the chunks after it, not every later block one by
/// one (see `BENCHMARKS.md` for the layout this saves).
const CHUNK: u32 = 64;

/// The class of a chunk; it has no style of its own, so block margins
/// collapse through it as between siblings.
const CHUNK_CLASS: &str = "folio-chunk";

/// What an element shows: each block's key and DOM node, in order (the
/// nodes in a JavaScript array, sliced and joined there).
pub(super) struct Shown {
    keys: Vec<u64>,
    nodes: js_sys::Array,
    /// The URL their links and images were resolved against.
    base: Option<String>,
}

impl Default for Shown {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            nodes: js_sys::Array::new(),
            base: None,
        }
    }
}

impl Shown {
    /// Brings `element` from what it shows to `run`: built whole the first
    /// time, then only the blocks between the unchanged ends, each taking
    /// over an old node with its key where one is left.
    pub(super) fn show(&mut self, element: &Element, run: &BlockRun) {
        let Some(document) = element.owner_document() else {
            return;
        };
        let (blocks, keys, base) = (run.blocks(), run.keys(), run.base.as_deref());
        // Keys say nothing of the base: under a new one, every link and
        // image resolves anew, so all is built again.
        if self.base != run.base {
            element.set_text_content(None);
            *self = Self {
                base: run.base.clone(),
                ..Self::default()
            };
        }
        if self.keys.is_empty() {
            return self.first_fill(element, &document, blocks, keys, base);
        }
        let (head, tail) = unchanged_ends(&self.keys, keys);
        let (old_end, new_end) = (self.keys.len() - tail, keys.len() - tail);

        // The old nodes no new block takes leave first, so that placing the
        // others moves nothing that stays in order.
        let taken = take_over(&self.keys[head..old_end], &keys[head..new_end]);
        let mut stays = vec![false; old_end - head];
        taken.iter().flatten().for_each(|&i| stays[i] = true);
        for (i, _) in stays.iter().enumerate().filter(|(_, stays)| !**stays) {
            if let Some(node) = self.node(head + i) {
                remove(&node);
            }
        }
        let kept: Vec<Option<DomNode>> = taken
            .iter()
            .map(|i| i.and_then(|i| self.node(head + i)))
            .collect();

        // The blocks no old node fits are built together, in a holder they
        // are then moved out of.
        let fresh: Vec<&Node> = blocks[head..new_end]
            .iter()
            .zip(&kept)
            .filter(|(_, node)| node.is_none())
            .map(|(block, _)| &**block)
            .collect();
        let built = match fresh.is_empty() {
            true => js_sys::Array::new(),
            false => match document.create_element("div") {
                Ok(holder) => crate::dom::build_into(&holder, &fresh, base),
                Err(_) => return,
            },
        };
        let mut built = (0..built.length()).map(|i| built.get(i).dyn_into::<DomNode>().ok());

        // Each block goes right after the one before it.
        let mut previous = head.checked_sub(1).and_then(|i| self.node(i));
        let middle = js_sys::Array::new();
        let mut placed = self.keys[..head].to_vec();
        for (key, node) in keys[head..new_end].iter().zip(kept) {
            let Some(node) = node.or_else(|| built.next().flatten()) else {
                continue;
            };
            if next_block(element, previous.as_ref()).as_ref() != Some(&node) {
                place_after(element, &document, previous.as_ref(), &node);
            }
            middle.push(&node);
            placed.push(*key);
            previous = Some(node);
        }
        placed.extend_from_slice(&self.keys[old_end..]);
        self.nodes = self
            .nodes
            .slice(0, head as u32)
            .concat(&middle)
            .concat(&self.nodes.slice(old_end as u32, self.keys.len() as u32));
        self.keys = placed;
    }

    /// Fills an empty element: each chunk is built whole (see
    /// [`crate::dom::build_into`]) before it joins the page.
    fn first_fill(
        &mut self,
        element: &Element,
        document: &web_sys::Document,
        blocks: &[Arc<Node>],
        keys: &[u64],
        base: Option<&str>,
    ) {
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
            self.nodes = self.nodes.concat(&built);
        }
        self.keys = keys.to_vec();
    }

    fn node(&self, i: usize) -> Option<DomNode> {
        self.nodes.get(i as u32).dyn_into::<DomNode>().ok()
    }
}

/// The block shown after `previous` (the first block when `None`), across
/// the end of a chunk. Chunks are the element's only children.
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
