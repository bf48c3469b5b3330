//! The "Read more" link after the article.

use leptos::prelude::*;

use crate::model::Link;

/// A link to more of the publisher's journalism.
#[component]
pub fn ReadMore(link: Link, base: Option<String>) -> impl IntoView {
    let href = crate::dom::resolve(&link.href, base.as_deref());
    view! {
        <p class="folio-read-more">
            <a class="folio-read-more__link" href=href>{link.label}</a>
        </p>
    }
}
