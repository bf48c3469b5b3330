//! The byline: authors, publisher, and the publication and update times.

use crate::intl;
use crate::markdown::{Attr, Element, Node, Tag};
use crate::model::Article;

/// "By A and B · Publisher", then the dates inside `<time datetime>`.
pub fn byline(article: &Article) -> Node {
    let names = join_names(&article.authors);
    let publisher = article.publisher.as_ref().map(|p| p.name.as_str());
    let who = match (names.is_empty(), publisher) {
        (true, None) => None,
        (true, Some(publisher)) => Some(publisher.to_string()),
        (false, None) => Some(format!("By {names}")),
        (false, Some(publisher)) => Some(format!("By {names} · {publisher}")),
    };
    let lang = article.lang.as_deref();
    let time = |at: &str| {
        Element::new(Tag::Time)
            .with(Attr::Datetime, at)
            .child(intl::long_date(at, lang))
    };
    let mut when = Element::new(Tag::P)
        .class("folio-byline__when")
        .child(time(&article.published));
    if let Some(updated) = &article.updated {
        let updated = Element::new(Tag::Span)
            .class("folio-byline__updated")
            .child(" · Updated ")
            .child(time(updated));
        when = when.child(updated);
    }
    let mut byline = Element::new(Tag::Div).class("folio-byline");
    if let Some(who) = who {
        byline = byline.child(Element::new(Tag::P).class("folio-byline__who").child(who));
    }
    byline.child(when).into()
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
