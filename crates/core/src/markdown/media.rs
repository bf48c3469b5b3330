//! The body's paragraphs that are shown as media: one image alone is a
//! figure, several images alone a gallery, one embedded link alone an
//! embed's placeholder. Each keeps what a CommonMark reader shows of the
//! same text (the photos, the link), and each still counts as the
//! paragraph it was.
//!
//! Galleries and placeholders are written whole here, their controls
//! included (hidden until `folio-media.js` wakes them), so that the
//! widget, `folio render` and a page without script show the same tree.

use std::sync::Arc;

use crate::embed::{self, Player};
use crate::html::{Attr, Element, Node, Tag};
use crate::locale::{Word, Words};
use crate::model::{Embed, Image};
use crate::safe_url;

/// What the body's media are shown with: the article's `images` and
/// `embeds`, and Folio's words for their controls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Media {
    /// The details of the photos its figures and galleries show.
    pub images: Vec<Image>,
    /// What its embedded links are.
    pub embeds: Vec<Embed>,
    /// The words of the galleries' and placeholders' controls.
    pub words: Arc<Words>,
}

/// The class of a figure of the body.
const FIGURE_CLASS: &str = "folio-figure folio-figure--body";

/// The class of a gallery.
const GALLERY_CLASS: &str = "folio-gallery";

/// Whether `element` is a paragraph, or a medium a paragraph became.
pub(super) fn is_paragraph(element: &Element) -> bool {
    let class = element.attrs.first().filter(|(a, _)| *a == Attr::Class);
    let class = class.map_or("", |(_, c)| c.as_str());
    match element.tag {
        Tag::P => true,
        Tag::Figure => class == FIGURE_CLASS || class.starts_with("folio-embed "),
        Tag::Div => class == GALLERY_CLASS,
        _ => false,
    }
}

/// A top-level paragraph as it is shown: a figure when it holds nothing
/// but one image (white space aside), a gallery for several, an embed's
/// placeholder for one link Folio embeds, else as it is.
pub(super) fn paragraph(paragraph: Element, media: &Media) -> Node {
    let content: Vec<&Element> = paragraph
        .children
        .iter()
        .filter_map(|child| match child {
            Node::Text(text) if text.trim().is_empty() => None,
            Node::Element(e) if e.tag == Tag::Br => None,
            Node::Element(e) => Some(Some(e)),
            Node::Text(_) => Some(None),
        })
        .collect::<Option<_>>()
        .unwrap_or_default();
    let images = content.iter().all(|e| e.tag == Tag::Img);
    let shown = match content.as_slice() {
        [img] if img.tag == Tag::Img => Some(figure(img, FIGURE_CLASS, media)),
        [link] if link.tag == Tag::A => placeholder(link, media),
        [_, _, ..] if images => Some(gallery(&content, media)),
        _ => None,
    };
    Node::Element(shown.unwrap_or(paragraph))
}

/// The value of `element`'s attribute `name`.
fn attr(element: &Element, name: Attr) -> Option<&str> {
    element
        .attrs
        .iter()
        .find(|(attr, _)| *attr == name)
        .map(|(_, value)| value.as_str())
}

/// Text that is there: not empty, not only white space.
fn present(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// An element of `tag` and `class` holding `text`.
fn text_element(tag: Tag, class: &'static str, text: &str) -> Element {
    let mut element = Element::new(tag).with(Attr::Class, class);
    element.push_text(text);
    element
}

/// `word` with its `{name}` placeholder filled with `value`.
fn fill(words: &Words, word: Word, name: &str, value: &str) -> String {
    words.get(word).replace(&format!("{{{name}}}"), value)
}

/// The figure of the body's image `img`: its caption, credit and size
/// from the article's `images` (the entry of the same `src`), else its
/// title as the caption.
fn figure(img: &Element, class: &'static str, media: &Media) -> Element {
    let src = attr(img, Attr::Src).unwrap_or_default();
    let details = media
        .images
        .iter()
        .find(|image| safe_url::check_image(&image.src).is_some_and(|url| url.href == src));
    let alt = attr(img, Attr::Alt).unwrap_or_default();
    let photo = photo("folio-figure__image", src, alt, details, true);
    let mut caption = present(attr(img, Attr::Title));
    let mut credit = None;
    if let Some(image) = details {
        caption = present(image.caption.as_deref()).or(caption);
        credit = present(image.credit.as_deref());
    }
    let mut figure = Element::new(Tag::Figure).with(Attr::Class, class);
    figure.children.push(Node::Element(photo));
    if caption.is_some() || credit.is_some() {
        let mut figcaption =
            Element::new(Tag::Figcaption).with(Attr::Class, "folio-figure__caption");
        if let Some(caption) = caption {
            let text = text_element(Tag::Span, "folio-figure__text", caption);
            figcaption
                .children
                .push(Node::Element(text.with(Attr::Dir, "auto")));
        }
        if let Some(credit) = credit {
            let mut bdi = Element::new(Tag::Bdi);
            bdi.push_text(credit);
            let mut span = Element::new(Tag::Span).with(Attr::Class, "folio-figure__credit");
            span.children.push(Node::Element(bdi));
            figcaption.children.push(Node::Element(span));
        }
        figure.children.push(Node::Element(figcaption));
    }
    figure
}

/// A lazy `img` of class `class` showing `src`, described by `alt`, its
/// space kept from `image`'s size; with `image`'s `srcset` (and the
/// `sizes` of the article's width) when `full_width`.
pub fn photo(
    class: &'static str,
    src: &str,
    alt: &str,
    image: Option<&Image>,
    full_width: bool,
) -> Element {
    let mut photo = Element::new(Tag::Img)
        .with(Attr::Class, class)
        .with(Attr::Src, src)
        .with(Attr::Alt, alt);
    if let Some(image) = image {
        if let Some(srcset) = image.srcset.as_deref().filter(|_| full_width) {
            photo = photo.with(Attr::Srcset, srcset);
            if let Some(sizes) = image.sizes() {
                photo = photo.with(Attr::Sizes, sizes);
            }
        }
        if let (Some(width), Some(height)) = (image.width, image.height) {
            photo = photo
                .with(Attr::Width, width.to_string())
                .with(Attr::Height, height.to_string());
        }
    }
    photo
        .with(Attr::Loading, "lazy")
        .with(Attr::Decoding, "async")
}

/// A gallery of `images`: every photo a figure in a list (only the first
/// shown once `folio-media.js` runs, the rest as the reader moves on),
/// then the controls: previous, the position ("1 of 12"), next.
fn gallery(images: &[&Element], media: &Media) -> Element {
    let words = &*media.words;
    let mut list = Element::new(Tag::Ul).with(Attr::Class, "folio-gallery__photos");
    list.children = images
        .iter()
        .map(|img| {
            let mut slide = Element::new(Tag::Li).with(Attr::Class, "folio-gallery__slide");
            let figure = figure(img, "folio-figure folio-gallery__figure", media);
            slide.children.push(Node::Element(figure));
            Node::Element(slide)
        })
        .collect();
    let total = images.len().to_string();
    let pattern = words.get(Word::PhotoPosition);
    let position = pattern.replace("{current}", "1").replace("{total}", &total);
    let button = |class: &'static str, word: Word, glyph: &str| {
        let button = text_element(Tag::Button, class, glyph)
            .with(Attr::Type, "button")
            .with(Attr::AriaLabel, words.get(word));
        Node::Element(button)
    };
    let mut controls = Element::new(Tag::Div)
        .with(Attr::Class, "folio-gallery__controls")
        .with(Attr::Hidden, "");
    controls.children = vec![
        button("folio-gallery__previous", Word::PreviousPhoto, "\u{2039}"),
        Node::Element(
            text_element(Tag::Span, "folio-gallery__position", &position)
                .with(Attr::AriaLive, "polite"),
        ),
        button("folio-gallery__next", Word::NextPhoto, "\u{203A}"),
    ];
    let mut gallery = Element::new(Tag::Div)
        .with(Attr::Class, GALLERY_CLASS)
        .with(Attr::Role, "group")
        .with(Attr::AriaLabel, words.get(Word::Gallery))
        .with(Attr::DataPosition, pattern);
    gallery.children = vec![Node::Element(list), Node::Element(controls)];
    gallery
}

/// The placeholder of the embedded link `link`, when Folio embeds it (a
/// provider it knows, or an entry of the article's `embeds`), and the
/// link is written as itself (an autolink) or is listed there: the box of
/// the player's shape with the provider's name, the title and text
/// Folio has, the button that loads the player (and the choice to always
/// load that provider's), and the link to the original.
fn placeholder(link: &Element, media: &Media) -> Option<Element> {
    let href = attr(link, Attr::Href)?;
    let given = media
        .embeds
        .iter()
        .find(|e| safe_url::check(&e.url).is_some_and(|url| url.href == href));
    let mut text = String::new();
    link.children.iter().for_each(|c| c.text_content(&mut text));
    if given.is_none() && text.trim() != href {
        return None;
    }
    let Player {
        provider,
        src,
        shape,
    } = embed::player(href, given)?;
    let words = &*media.words;
    let mut figure = Element::new(Tag::Figure)
        .with(Attr::Class, shape.class())
        .with(Attr::DataProvider, provider.as_str());
    if let Some((width, height)) = given.and_then(|e| Some((e.width?, e.height?))) {
        figure = figure
            .with(Attr::DataWidth, width.to_string())
            .with(Attr::DataHeight, height.to_string());
    }
    let mut boxed = Element::new(Tag::Div).with(Attr::Class, "folio-embed__box");
    let mut add = |element: Element| boxed.children.push(Node::Element(element));
    add(text_element(Tag::P, "folio-embed__provider", &provider));
    let title = given.and_then(|e| present(e.title.as_deref()));
    let title = title.or(present(Some(text.as_str())).filter(|t| t.trim() != href));
    if let Some(title) = title {
        add(text_element(Tag::P, "folio-embed__title", title).with(Attr::Dir, "auto"));
    }
    if let Some(said) = given.and_then(|e| present(e.text.as_deref())) {
        add(text_element(Tag::P, "folio-embed__text", said).with(Attr::Dir, "auto"));
    }
    if let Some(src) = src {
        figure = figure.with(Attr::DataPlayer, src);
        let notice = fill(words, Word::EmbedNotice, "provider", &provider);
        add(text_element(Tag::P, "folio-embed__notice", &notice));
        // The choice comes first, where it is read before the button.
        let mut always = Element::new(Tag::Label)
            .with(Attr::Class, "folio-embed__always")
            .with(Attr::Hidden, "");
        always.children.push(Node::Element(
            Element::new(Tag::Input).with(Attr::Type, "checkbox"),
        ));
        always.push_text(&fill(words, Word::EmbedAlways, "provider", &provider));
        add(always);
        let load = fill(words, Word::EmbedLoad, "provider", &provider);
        let mut button = text_element(Tag::Button, "folio-embed__load", &load)
            .with(Attr::Type, "button")
            .with(Attr::Hidden, "");
        // Its name says which, where several are of one provider.
        if let Some(title) = title {
            button = button.with(Attr::AriaLabel, format!("{load}: {title}"));
        }
        add(button);
        let blocked = fill(words, Word::EmbedBlocked, "provider", &provider);
        add(text_element(Tag::P, "folio-embed__blocked", &blocked).with(Attr::Hidden, ""));
    }
    let mut original = Element::new(Tag::A)
        .with(Attr::Class, "folio-embed__link")
        .with(Attr::Href, href);
    original.push_text(&fill(words, Word::EmbedOpen, "provider", &provider));
    let mut caption = Element::new(Tag::Figcaption).with(Attr::Class, "folio-embed__caption");
    caption.children.push(Node::Element(original));
    figure.children = vec![Node::Element(boxed), Node::Element(caption)];
    Some(figure)
}
