//! The headline.

use leptos::prelude::*;

/// The article's one `h1`.
#[component]
pub fn Headline(text: String) -> impl IntoView {
    view! { <h1 class="folio-headline">{text}</h1> }
}
