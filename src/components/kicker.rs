//! The kicker: a short section label above the headline.

use leptos::prelude::*;

/// The section label ("Belarus").
#[component]
pub fn Kicker(text: String) -> impl IntoView {
    view! { <p class="folio-kicker">{text}</p> }
}
