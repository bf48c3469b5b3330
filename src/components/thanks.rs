//! What a supporter of the campaign sees where the banner and the prompt
//! would ask: the locale's thank-you line (when the publisher chose it;
//! see [`Supporters`](folio_core::model::Supporters)). Plain functions,
//! not components: they take no props worth a builder.

use leptos::prelude::*;

/// The banner's bar, thanking instead of linking: `text` in a landmark
/// named `label`, like the banner it stands for.
pub fn thanks_banner(text: String, label: String) -> impl IntoView {
    view! {
        <aside class="folio-banner" aria-label=label>
            <p class="folio-banner__thanks">{text}</p>
        </aside>
    }
}

/// The thank-you line `text` in the prompt's place.
pub fn thanks_line(text: String) -> impl IntoView {
    view! { <p class="folio-thanks">{text}</p> }
}
