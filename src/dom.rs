//! Render tree to DOM: one element per tree element, text as text nodes.
//! Nothing is ever parsed as markup.

use web_sys::{Document, Node as DomNode};

use crate::markdown::{Attr, Node};

/// Builds the DOM for `node`. Relative `href`/`src` values are resolved
/// against `base` (the URL the article was fetched from), and links that
/// then lead off the page's origin get `rel="noopener noreferrer"`.
pub fn build(document: &Document, node: &Node, base: Option<&str>) -> Option<DomNode> {
    match node {
        Node::Text(text) => Some(document.create_text_node(text).into()),
        Node::Element(element) => {
            let el = document.create_element(element.tag.as_str()).ok()?;
            for (attr, value) in &element.attrs {
                let value = match attr {
                    Attr::Href | Attr::Src => resolve(value, base),
                    _ => value.clone(),
                };
                if *attr == Attr::Href && leaves_page(&value) {
                    let _ = el.set_attribute("rel", "noopener noreferrer");
                }
                let _ = el.set_attribute(attr.as_str(), &value);
            }
            if !element.tag.is_void() {
                for child in &element.children {
                    if let Some(child) = build(document, child, base) {
                        let _ = el.append_child(&child);
                    }
                }
            }
            Some(el.into())
        }
    }
}

/// `url` resolved against `base`, or as it is when there is no base.
pub fn resolve(url: &str, base: Option<&str>) -> String {
    base.and_then(|base| web_sys::Url::new_with_base(url, base).ok())
        .map_or_else(|| url.to_string(), |u| u.href())
}

/// Whether `href` leads off the page's origin, judged on the text (no URL
/// object, no call out of the WebAssembly per link).
fn leaves_page(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let absolute =
        lower.starts_with("http://") || lower.starts_with("https://") || href.starts_with("//");
    if !absolute {
        return false;
    }
    PAGE_ORIGIN.with(|origin| {
        let Some(origin) = origin.as_deref() else {
            return true;
        };
        let rest = href.strip_prefix(origin);
        !rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    })
}

thread_local! {
    /// The page's origin (`https://site.example`), read once.
    static PAGE_ORIGIN: Option<String> =
        web_sys::window().and_then(|w| w.location().origin().ok());
}
