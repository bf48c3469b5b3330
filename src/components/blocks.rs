//! A run of Markdown blocks, built straight into the DOM.

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;

use crate::markdown::Document;

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

/// A `div` holding the blocks. They are built with the DOM API when the
/// element is created, without a view per node and without markup parsing.
#[component]
pub fn Blocks(run: BlockRun, #[prop(into)] class: String) -> impl IntoView {
    view! { <div class=class use:fill=run></div> }
}

fn fill(element: web_sys::Element, run: BlockRun) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let blocks = run.document.blocks.get(run.range).unwrap_or_default();
    let fragment = document.create_document_fragment();
    for block in blocks {
        if let Some(node) = crate::dom::build(&document, block, run.base.as_deref()) {
            let _ = fragment.append_child(&node);
        }
    }
    element.set_text_content(None);
    let _ = element.append_child(&fragment);
}
