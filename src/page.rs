//! The page an article's markup goes on ([`Here`]): in the browser,
//! URLs resolved by the page's own URL parser and links judged against
//! the page's origin; on a server, [`folio_core::markup::Server`].

use folio_core::markup::{self, Page};

/// The page the components render for: the browser's, or a server's.
#[cfg_attr(target_arch = "wasm32", path = "page/browser.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "page/server.rs")]
mod here;

pub use here::Here;

/// `url` resolved against `base` on this page (see [`Page::resolve`]).
pub fn resolve(url: &str, base: Option<&str>) -> String {
    Here.resolve(url, base)
}

/// A link's `href` on this page, and its `rel` (see [`markup::link`]).
pub fn link(href: &str, base: Option<&str>) -> (String, Option<&'static str>) {
    markup::link(href, base, &Here)
}
