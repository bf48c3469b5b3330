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
            let mut has_rel = false;
            for (attr, value) in &element.attrs {
                let value = match attr {
                    Attr::Href | Attr::Src => resolve(value, base),
                    _ => value.clone(),
                };
                if *attr == Attr::Href && !has_rel && leaves_page(&value) {
                    let _ = el.set_attribute("rel", "noopener noreferrer");
                    has_rel = true;
                }
                if *attr == Attr::Rel && has_rel {
                    continue;
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

fn leaves_page(href: &str) -> bool {
    let page = web_sys::window().and_then(|w| w.location().origin().ok());
    match (web_sys::Url::new(href), page) {
        (Ok(url), Some(page)) => url.protocol().starts_with("http") && url.origin() != page,
        _ => false,
    }
}
