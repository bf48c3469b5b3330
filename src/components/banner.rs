//! The support banner: a slim bar at the very top of the article.

use leptos::prelude::*;

use crate::model::Banner as BannerData;

/// One link on the accent colour.
#[component]
pub fn Banner(banner: BannerData, base: Option<String>) -> impl IntoView {
    let href = crate::dom::resolve(&banner.href, base.as_deref());
    view! {
        <aside class="folio-banner" aria-label="Support">
            <a class="folio-banner__link" href=href>{banner.text}</a>
        </aside>
    }
}
