//! The support banner: a slim bar at the very top of the article.

use crate::markdown::{Attr, Element, Node, Tag};
use crate::model::Banner;

/// One link on the accent colour.
pub fn banner(banner: &Banner) -> Node {
    let link = Element::new(Tag::A)
        .class("folio-banner__link")
        .with(Attr::Href, banner.href.as_str())
        .child(banner.text.as_str());
    Element::new(Tag::Aside)
        .class("folio-banner")
        .with(Attr::AriaLabel, "Support")
        .child(link)
        .into()
}
