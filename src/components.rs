//! The visible parts of an article, one component per file (their CSS
//! files make [`crate::STYLESHEET`]).

mod article;
mod banner;
mod byline;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
mod error_view;
mod figure;
mod header;
mod markdown_body;
#[cfg(not(target_arch = "wasm32"))]
mod prompt_place;
mod read_more;
mod support;

pub use article::Article;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub use error_view::{Cause, ErrorView, Retry};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use prompt_place::NoScript;
pub use support::{Campaign, Choice, SupportPrompt};
