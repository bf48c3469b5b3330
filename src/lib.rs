//! Folio: an embeddable news-article widget.
//!
//! The data path reads top to bottom: JSON ([`model`]) → a checked article →
//! a render tree for the Markdown body ([`markdown`]) → Leptos views in the
//! browser. Everything but the last step is plain Rust, tested natively.
#![deny(missing_docs)]

pub mod date;
pub mod error;
pub mod json;
pub mod limits;
pub mod markdown;
pub mod model;
pub mod number;
pub mod safe_url;
pub mod schedule;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
#[doc(hidden)]
pub mod testing;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
mod panics;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod tracking;
