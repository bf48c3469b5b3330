//! The related articles after the article: each a link with its headline,
//! and its photo and date when it has them.
//!
//! The list is an HTML tree ([`folio_core::html`]) shown as the body is
//! (see [`super::markdown_body`]): as a list of Leptos views it took 2.2
//! KB more brotli of the core's WebAssembly.

use folio_browser::intl;
use folio_core::html::{Attr, Element, Node, Tag};
use folio_core::locale::{Locale, Word};
use folio_core::markdown::{self, Document};
use folio_core::model::Related;

/// The list of `articles` under its heading, a level below the headline's
/// (`level`): none when there are none. Photos are small and lazy, their
/// space kept from their size; dates are in `locale`.
pub fn related_list(articles: &[Related], locale: &Locale, level: u8) -> Document {
    if articles.is_empty() {
        return Document::default();
    }
    let mut heading =
        Element::new(Document::heading_below(level, 1)).with(Attr::Class, "folio-related__title");
    heading.push_text(locale.words.get(Word::Related));
    let mut list = Element::new(Tag::Ul).with(Attr::Class, "folio-related__list");
    list.children = articles.iter().map(|a| item(a, locale)).collect();
    Document::of_blocks(vec![Node::Element(heading), Node::Element(list)])
}

/// One related article's item.
fn item(article: &Related, locale: &Locale) -> Node {
    let mut item = Element::new(Tag::Li).with(Attr::Class, "folio-related__item");
    if let Some(image) = &article.image {
        let photo = markdown::photo(
            "folio-related__image",
            &image.src,
            &image.alt,
            Some(image),
            false,
        );
        item.children.push(Node::Element(photo));
    }
    let mut link = Element::new(Tag::A)
        .with(Attr::Class, "folio-related__link")
        .with(Attr::Href, article.url.as_str())
        .with(Attr::Dir, "auto");
    link.push_text(&article.headline);
    item.children.push(Node::Element(link));
    if let Some(at) = &article.published {
        let mut time = Element::new(Tag::Time)
            .with(Attr::Class, "folio-related__date")
            .with(Attr::Datetime, at.as_str());
        time.push_text(&intl::long_date(at, Some(&locale.tag)));
        item.children.push(Node::Element(time));
    }
    Node::Element(item)
}
