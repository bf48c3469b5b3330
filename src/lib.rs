//! Folio: an embeddable news-article widget.
//!
//! The data path reads top to bottom: JSON ([`model`]) → a checked article →
//! the [`Article`] component, whose parts are Leptos views, with the
//! Markdown body rendered to an HTML tree ([`markdown`], [`html`]) that its
//! own renderer builds into the DOM. Everything up to the views is plain
//! Rust, tested natively; [`embed`] is what `folio.js` drives.
#![deny(missing_docs)]

pub mod byline;
pub mod date;
pub mod diff;
pub mod error;
pub mod formats;
pub mod html;
pub mod json;
pub mod limits;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod number;
pub mod safe_url;
pub mod schedule;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
mod style;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
mod panics;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod tracking;

#[cfg(target_arch = "wasm32")]
pub use components::Article;
pub use style::STYLESHEET;
