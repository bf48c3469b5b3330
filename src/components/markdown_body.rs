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

use folio_core::html::Node;
use folio_core::markdown::Document;
use reconcile::Shown;

mod reconcile;

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

    /// A new run signal gets an element of its own (the article rebuilds
    /// a body only when it is built anew, after the error state).
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

    /// The `div` and every block's markup (without the chunks, which
    /// hydration builds afresh).
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
            buf.push_str(&folio_core::markup::markup(
                &blocks,
                run.base.as_deref(),
                &crate::page::Here,
            ));
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
            // Not the server's element: a new one before the node there.
            Err(_) => {
                let mut state = self.build();
                cursor.current().insert_before_this(&mut state);
                state
            }
        }
    }

    fn into_owned(self) -> Self {
        self
    }
}

impl BlockRun {
    /// The blocks of the run (clamped to the document).
    pub(super) fn blocks(&self) -> &[Arc<Node>] {
        &self.document.blocks[self.clamped()]
    }

    pub(super) fn keys(&self) -> &[u64] {
        &self.document.keys[self.clamped()]
    }

    fn clamped(&self) -> Range<usize> {
        let len = self.document.blocks.len();
        self.range.start.min(len)..self.range.end.min(len)
    }
}
