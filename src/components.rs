//! The visible parts of an article, one component per file (their CSS
//! files make [`crate::STYLESHEET`]).

mod article;
mod banner;
mod byline;
mod choices;
mod error_view;
mod figure;
mod header;
mod markdown_body;
mod read_more;
mod related;
mod support;
mod thanks;

#[cfg(target_arch = "wasm32")]
pub use article::prompt_code;
pub use article::{Article, PromptSlot};
pub use choices::choices;
pub use error_view::{Cause, ErrorView, Retry};
pub use support::{Campaign, Card, Choice, Remind, SupportPrompt};
pub use thanks::{count_line, thanks_banner, thanks_line};
