//! The standfirst: the plain-text summary under the headline.

use leptos::prelude::*;

/// The summary paragraph.
#[component]
pub fn Standfirst(text: String) -> impl IntoView {
    view! { <p class="folio-standfirst">{text}</p> }
}
