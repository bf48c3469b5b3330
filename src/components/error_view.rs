//! The error state: a calm message instead of the article.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use folio_core::locale::{Locale, Word};

/// What "Try again" calls: the page's loader, run anew.
pub type Retry = SendWrapper<js_sys::Function>;

/// Why an article could not be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// It could not be fetched.
    Load,
    /// Its content is wrong.
    Content,
}

/// "This article could not be shown" and a sentence on why, in `locale`;
/// then `detail`, the diagnostic the `folio:error` event carries (in
/// English, naming the field), in smaller text; and, when loading can be
/// tried again, a "Try again" button. The state is a live region, so a
/// screen reader announces it when it replaces the article.
#[component]
pub fn ErrorView(
    cause: Cause,
    detail: String,
    retry: Option<Retry>,
    locale: Locale,
) -> impl IntoView {
    let words = locale.words;
    let trying = RwSignal::new(false);
    let button = retry.map(|retry| {
        let on_click = move |_| {
            trying.set(true);
            let _ = retry.call0(&wasm_bindgen::JsValue::NULL);
        };
        let (idle, busy) = (
            words.get(Word::TryAgain).to_string(),
            words.get(Word::TryingAgain).to_string(),
        );
        view! {
            <button type="button" class="folio-error__retry" on:click=on_click disabled=move || trying.get()>
                {move || if trying.get() { busy.clone() } else { idle.clone() }}
            </button>
        }
    });
    let why = match cause {
        Cause::Load => Word::ErrorLoad,
        Cause::Content => Word::ErrorContent,
    };
    view! {
        <div class="folio-error" role="alert">
            <p class="folio-error__title">{words.get(Word::ErrorTitle).to_string()}</p>
            <p class="folio-error__reason">{words.get(why).to_string()}</p>
            <p class="folio-error__detail" lang="en" dir="ltr">{detail}</p>
            {button}
        </div>
    }
}
