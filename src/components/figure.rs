//! The hero photo with its caption and credit.

use crate::markdown::{Attr, Element, Node, Tag};
use crate::model::Image;

/// A `<figure>` whose image keeps its aspect ratio from `width`/`height`
/// (so nothing shifts when it loads), captioned with the caption and the
/// credit as distinct parts. `srcset` candidates are resolved against
/// `base` here; `src` is resolved with the other URLs when it is built.
pub fn hero_figure(image: &Image, base: Option<&str>) -> Node {
    let mut img = Element::new(Tag::Img)
        .class("folio-figure__image")
        .with(Attr::Src, image.src.as_str());
    if let Some(set) = &image.srcset {
        let resolved: Vec<String> = set
            .split(',')
            .filter_map(|candidate| {
                let mut parts = candidate.split_whitespace();
                let url = crate::dom::resolve(parts.next()?, base);
                Some(parts.fold(url, |acc, descriptor| acc + " " + descriptor))
            })
            .collect();
        img = img.with(Attr::Srcset, resolved.join(", "));
    }
    img = img.with(Attr::Sizes, "(min-width: 52rem) 52rem, 100vw");
    for (attr, value) in [(Attr::Width, image.width), (Attr::Height, image.height)] {
        if let Some(value) = value {
            img = img.with(attr, value.to_string());
        }
    }
    img = img
        .with(Attr::Alt, image.alt.as_str())
        .with(Attr::Decoding, "async")
        .with(Attr::Fetchpriority, "high");
    let figure = Element::new(Tag::Figure).class("folio-figure").child(img);
    let part = |text: &Option<String>, class: &str| {
        let text = text.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(Element::new(Tag::Span).class(class).child(text))
    };
    let parts = [
        part(&image.caption, "folio-figure__text"),
        part(&image.credit, "folio-figure__credit"),
    ];
    if parts.iter().all(Option::is_none) {
        return figure.into();
    }
    let caption = parts.into_iter().flatten().fold(
        Element::new(Tag::Figcaption).class("folio-figure__caption"),
        Element::child,
    );
    figure.child(caption).into()
}
