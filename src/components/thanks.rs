//! What a supporter of the campaign sees where the banner and the prompt
//! would ask: the locale's thank-you line (when the publisher chose it;
//! see [`Supporters`](folio_core::model::Supporters)); and the loyal
//! reader's article count. Plain functions, not components: they take
//! no props worth a builder.

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

/// The reader's article count `line` ("You've read 23 articles in the
/// last year"; empty where a server writes it for the island to fill),
/// with the control labelled `off` that turns it off (`on_off` on its
/// click).
pub fn count_line(
    line: String,
    off: String,
    on_off: impl FnMut(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <p class="folio-support__count">
            <span>{line}</span>" "
            <button type="button" class="folio-support__count-off" on:click=on_off>{off}</button>
        </p>
    }
}
