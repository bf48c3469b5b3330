//! The "Read more" link after the article.

use crate::markdown::{Attr, Element, Node, Tag};
use crate::model::Link;

/// A link to more of the publisher's journalism.
pub fn read_more(link: &Link) -> Node {
    let a = Element::new(Tag::A)
        .class("folio-read-more__link")
        .with(Attr::Href, link.href.as_str())
        .child(link.label.as_str());
    Element::new(Tag::P)
        .class("folio-read-more")
        .child(a)
        .into()
}
