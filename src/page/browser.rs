//! The page the widget renders into: URLs resolved by the page's own URL
//! parser, links judged against the page's origin.

use folio_core::markup::Page;

/// The page the components render for, in the browser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Here;

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
