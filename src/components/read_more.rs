//! The link after the article: "Read more", or a card's "Continue
//! reading at {publisher}".

use leptos::prelude::*;

use folio_core::model::Link;

/// A link to more of the publisher's journalism (its label already in the
/// widget's language when the article gives none).
#[component]
pub fn ReadMore(link: Link, base: Option<String>) -> impl IntoView {
    let (href, rel) = crate::page::link(&link.href, base.as_deref());
    view! {
        <p class="folio-read-more">
            <a class="folio-read-more__link" href=href rel=rel>{link.label}</a>
        </p>
    }
}
