//! Folio's support island: the reader-support prompt of an article
//! rendered on a server (`folio render`), brought to life in the page.
//!
//! The server wrote the prompt with the widget's own view into an inert
//! `<template>` in the prompt's place, beside its props ([`folio_core::island`]).
//! `folio.js` loads this module when the place nears the viewport (or the
//! browser is idle) and hands it the place. The island decides, from the
//! reader's stored record, whether the prompt shows (the snooze and the
//! view cap, as the widget does; a supporter sees the server's thank-you
//! line instead, or nothing); if it asks, it puts the template's prompt in
//! the place and gives its controls their behaviour: the choice of amount
//! and the call to action's parameters, "Remind me later", view counting
//! and the `folio:support-*` events. It holds no Leptos, no Markdown
//! parser and no article decoder: the server rendered all of that.
#![deny(missing_docs)]

mod prompt;

pub use prompt::{Island, count, prompt};

use wasm_bindgen::prelude::wasm_bindgen;

/// Records the reader as a supporter of `campaign` (in `localStorage`
/// when `store`, the host's consent, allows it, else in memory for the
/// page) and tells every prompt of the page; returns whether they were
/// not one before
/// (`Folio.markSupported`, on a page whose core is not loaded).
#[wasm_bindgen(js_name = markSupported)]
pub fn mark_supported(campaign: &str, store: bool) -> bool {
    folio_browser::prompt::mark_supported(campaign, store)
}

/// The module's allocator: lol_alloc's free list, in the place of the
/// Rust standard library's dlmalloc. The island allocates little (its
/// props, the reader's record, a few strings for each control used), and
/// the free list's code is a fraction of dlmalloc's.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
// SAFETY: the island runs on the page's one thread: its WebAssembly is
// built without threads (the `cfg` above), so nothing allocates from
// another.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
