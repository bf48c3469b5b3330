//! The error state: a calm message instead of the article.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// What "Try again" calls: the page's loader, run anew.
pub type Retry = SendWrapper<js_sys::Function>;

/// "This article could not be shown", with the reason in smaller text and,
/// when loading can be tried again, a "Try again" button.
#[component]
pub fn ErrorView(reason: String, retry: Option<Retry>) -> impl IntoView {
    let trying = RwSignal::new(false);
    let button = retry.map(|retry| {
        let on_click = move |_| {
            trying.set(true);
            let _ = retry.call0(&wasm_bindgen::JsValue::NULL);
        };
        view! {
            <button type="button" class="folio-error__retry" on:click=on_click disabled=move || trying.get()>
                {move || if trying.get() { "Trying again…" } else { "Try again" }}
            </button>
        }
    });
    view! {
        <div class="folio-error" role="alert">
            <p class="folio-error__title">"This article could not be shown"</p>
            <p class="folio-error__reason">{reason}</p>
            {button}
        </div>
    }
}
