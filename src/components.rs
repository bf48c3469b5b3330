//! The visible parts of an article, one component per file, and the
//! stylesheet they share.

mod article;
mod banner;
mod byline;
mod error_view;
mod figure;
mod header;
mod markdown_body;
mod read_more;
mod support;

pub use article::Article;
pub use error_view::{ErrorView, Retry};
pub use support::Choice;

/// The widget's stylesheet: each component's CSS, in cascade order.
pub const STYLESHEET: &str = concat!(
    include_str!("components/article.css"),
    include_str!("components/figure.css"),
    include_str!("components/support.css"),
    include_str!("components/states.css"),
);
