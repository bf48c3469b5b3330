//! A run of Markdown blocks: the one part of the article with a renderer
//! of its own. Blocks are built straight into the DOM from Folio's markup
//! (see [`crate::dom`]), in chunks, and on update reconciled by key, so a
//! block that did not change keeps its DOM node.

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node as DomNode};

use crate::diff::{take_over, unchanged_ends};
use crate::html::Node;
use crate::markdown::Document;

/// Blocks sit in `div`s of at most this many (more only where an update
/// inserted into a full one): a block that changes height then shifts the
/// rest of its chunk and the chunks after it, not every later block one by
/// one (see `BENCHMARKS.md` for the layout this saves).
const CHUNK: u32 = 64;

/// The class of a chunk; it has no style of its own, so block margins
/// collapse through it as between siblings.
const CHUNK_CLASS: &str = "folio-chunk";

/// Some of a document's top-level blocks, and the URL to resolve against.
#[derive(Clone, Debug)]
pub struct BlockRun {
    /// The whole document.
    pub document: Arc<Document>,
    /// Which of its blocks to show.
    pub range: Range<usize>,
    /// Base URL for relative links and images.
    pub base: Option<String>,
}

impl PartialEq for BlockRun {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.document, &other.document)
            && self.range == other.range
            && self.base == other.base
    }
}

/// A `div` of class `class` showing `run`'s blocks, kept up to date with
/// it: blocks an update left alone keep their DOM nodes.
#[component]
pub fn MarkdownBody(run: Memo<BlockRun>, class: &'static str) -> impl IntoView {
    Blocks { run, class }
}

/// The view behind [`MarkdownBody`].
struct Blocks {
    run: Memo<BlockRun>,
    class: &'static str,
}

/// A built [`Blocks`]: its element, and the effect that reconciles it
/// whenever the run changes (its value is what the element shows).
struct BlocksState {
    element: Element,
    _effect: RenderEffect<Shown>,
}

impl Blocks {
    /// Shows the run in `element` now, and again on every change.
    fn watch(self, element: Element) -> BlocksState {
        let (run, target) = (self.run, element.clone());
        let effect = RenderEffect::new(move |shown: Option<Shown>| {
            let mut shown = shown.unwrap_or_default();
            run.with(|run| shown.show(&target, run));
            shown
        });
        BlocksState {
            element,
            _effect: effect,
        }
    }
}

impl Render for Blocks {
    type State = BlocksState;

    fn build(self) -> BlocksState {
        let element = Rndr::create_element("div", None);
        element.set_class_name(self.class);
        self.watch(element)
    }

    /// A new run signal gets an element of its own (no part of the
    /// article rebuilds a body in place).
    fn rebuild(self, state: &mut BlocksState) {
        let mut fresh = self.build();
        state.element.insert_before_this(&mut fresh);
        state.element.unmount();
        *state = fresh;
    }
}

impl Mountable for BlocksState {
    fn unmount(&mut self) {
        self.element.unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&DomNode>) {
        self.element.mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.element.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        vec![self.element.clone()]
    }
}

leptos::tachys::no_attrs!(Blocks);

impl RenderHtml for Blocks {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    /// The `div` and every block's markup, as the browser builds it.
    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str("<div class=\"");
        buf.push_str(self.class);
        buf.push_str("\">");
        self.run.with_untracked(|run| {
            let blocks: Vec<&Node> = run.blocks().iter().map(|b| &**b).collect();
            buf.push_str(&crate::dom::markup(&blocks, run.base.as_deref()));
        });
        buf.push_str("</div>");
        *position = Position::NextChild;
    }

    /// Takes the server's element over, and shows the run in it afresh.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> BlocksState {
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        position.set(Position::NextChild);
        match cursor.current().dyn_into::<Element>() {
            Ok(element) => {
                element.set_text_content(None);
                self.watch(element)
            }
            Err(_) => self.build(),
        }
    }

    fn into_owned(self) -> Self {
        self
    }
}

impl BlockRun {
    /// The blocks of the run (clamped to the document).
    fn blocks(&self) -> &[Arc<Node>] {
        &self.document.blocks[self.clamped()]
    }

    fn keys(&self) -> &[u64] {
        &self.document.keys[self.clamped()]
    }

    fn clamped(&self) -> Range<usize> {
        let len = self.document.blocks.len();
        self.range.start.min(len)..self.range.end.min(len)
    }
}

/// What an element shows: each block's key and DOM node, in order (the
/// nodes in a JavaScript array, sliced and joined there).
struct Shown {
    keys: Vec<u64>,
    nodes: js_sys::Array,
}

impl Default for Shown {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            nodes: js_sys::Array::new(),
        }
    }
}

impl Shown {
    /// Brings `element` from what it shows to `run`: built whole the first
    /// time, then only the blocks between the unchanged ends, each taking
    /// over an old node with its key where one is left.
    fn show(&mut self, element: &Element, run: &BlockRun) {
        let Some(document) = element.owner_document() else {
            return;
        };
        let (blocks, keys, base) = (run.blocks(), run.keys(), run.base.as_deref());
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
