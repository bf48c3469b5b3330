//! Folio: an embeddable news-article widget.
//!
//! The data path reads top to bottom: JSON ([`model`]) → a checked article →
//! the [`Article`] component, whose parts are Leptos views, with the
//! Markdown body rendered to an HTML tree ([`markdown`], [`html`]) that its
//! own renderer builds into the DOM. Everything up to the views is plain
//! Rust, tested natively; [`embed`] is what `folio.js` drives. Natively the
//! same components render to HTML on a server (`render`, the `folio render`
//! command), and the support prompt of a pre-rendered article comes to
//! life through the island crate (`island/`).
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

#[cfg(feature = "widget")]
mod components;
#[cfg(feature = "browser")]
pub mod controls;
#[cfg(feature = "widget")]
pub mod dom;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod embed;
#[cfg(feature = "browser")]
pub mod events;
#[cfg(feature = "browser")]
pub mod intl;
#[cfg(feature = "browser")]
pub mod island;
pub mod markup;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
mod panics;
#[cfg(all(not(target_arch = "wasm32"), feature = "widget"))]
pub mod render;
#[cfg(feature = "browser")]
pub mod storage;
#[cfg(feature = "browser")]
pub mod tracking;

#[cfg(feature = "widget")]
pub use components::{Article, Campaign, Choice, SupportPrompt};
pub use style::STYLESHEET;
