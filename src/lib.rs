//! Folio: an embeddable news-article widget. This crate is its view: the
//! Leptos components of an article ([`Article`] and its parts), the
//! stylesheet they carry ([`STYLESHEET`]), and, compiled to WebAssembly,
//! the widget `folio.js` drives (`embed`).
//!
//! The article itself, its checks and its Markdown are [`folio_core`]'s
//! (the other formats are read by `folio-formats`, in a module of their
//! own); what runs in a page without Leptos (the prompt's behaviour,
//! `Intl`) [`folio_browser`]'s. The same
//! components render on a server (`ssr`), where `folio-render` writes
//! pre-rendered articles, and in the browser (`csr`).
#![deny(missing_docs)]

mod components;
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod page;
mod style;

pub use components::{
    Article, Campaign, Card, Cause, Choice, ErrorView, PromptSlot, Remind, Retry, SupportPrompt,
    choices, count_line, thanks_banner, thanks_line,
};
pub use style::{FRAME_STYLESHEET, STYLESHEET};

/// Article JSON v1 (re-exported from [`folio_core::model`]): what the
/// [`Article`] component shows.
pub use folio_core::model;

/// Folio's own words (re-exported from [`folio_core::locale`]): the
/// [`Article`] component's `locale`.
pub use folio_core::locale;
