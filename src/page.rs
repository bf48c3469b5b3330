//! The page an article's markup goes on ([`Here`]): in the browser,
//! URLs resolved by the page's own URL parser and links judged against
//! the page's origin; on a server, [`folio_core::markup::Server`].

use folio_core::markup::{self, Page};

/// The page the components render for.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Here;

#[cfg(target_arch = "wasm32")]
impl Page for Here {
    fn resolve_against(&self, url: &str, base: &str) -> Option<String> {
        web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href())
    }

    /// The page's origin, read once and lent for each link.
    fn with_origin<T>(&self, f: impl FnOnce(Option<&str>) -> T) -> T {
        thread_local! {
            static ORIGIN: Option<String> =
                web_sys::window().and_then(|w| w.location().origin().ok());
        }
        ORIGIN.with(|origin| f(origin.as_deref()))
    }
}

/// The page the components render for.
#[cfg(not(target_arch = "wasm32"))]
pub use markup::Server as Here;

/// `url` resolved against `base` on this page (see [`Page::resolve`]).
pub fn resolve(url: &str, base: Option<&str>) -> String {
    Here.resolve(url, base)
}

/// A link's `href` on this page, and its `rel` (see [`markup::link`]).
pub fn link(href: &str, base: Option<&str>) -> (String, Option<&'static str>) {
    markup::link(href, base, &Here)
}
