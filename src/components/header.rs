//! The article's header: kicker, headline, standfirst and byline.

use super::byline::byline;
use crate::markdown::{Element, Node, Tag};
use crate::model::Article;

/// The section label ("Belarus"), the headline (the page's `h1`), the
/// standfirst and the byline, each when the article has it.
pub fn header(article: &Article) -> Node {
    let paragraph = |class: &str, text: &str| Element::new(Tag::P).class(class).child(text);
    let mut header = Element::new(Tag::Header).class("folio-header");
    if let Some(kicker) = &article.kicker {
        header = header.child(paragraph("folio-kicker", kicker));
    }
    header = header.child(
        Element::new(Tag::H1)
            .class("folio-headline")
            .child(article.headline.as_str()),
    );
    if let Some(standfirst) = &article.standfirst {
        header = header.child(paragraph("folio-standfirst", standfirst));
    }
    header.child(byline(article)).into()
}
