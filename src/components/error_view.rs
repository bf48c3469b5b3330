//! The error state: a calm message instead of the article.

use leptos::prelude::*;

/// "This article could not be shown", with the reason in smaller text.
#[component]
pub fn ErrorView(reason: String) -> impl IntoView {
    view! {
        <div class="folio-error" role="alert">
            <p class="folio-error__title">"This article could not be shown"</p>
            <p class="folio-error__reason">{reason}</p>
        </div>
    }
}
