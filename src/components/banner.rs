//! The support banner: a slim bar at the very top of the article.

use leptos::prelude::*;

use folio_core::model::Link;

/// One link on the accent colour: the support block's `banner`, its text
/// as the label, in a landmark named `label`.
#[component]
pub fn Banner(link: Link, base: Option<String>, label: String) -> impl IntoView {
    let (href, rel) = crate::page::link(&link.href, base.as_deref());
    view! {
        <aside class="folio-banner" aria-label=label>
            <a class="folio-banner__link" href=href rel=rel>{link.label}</a>
        </aside>
    }
}
