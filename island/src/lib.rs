//! Folio's support island: the reader-support prompt of an article
//! rendered on a server (`folio render`), brought to life in the page.
//! `folio.js` loads it when the prompt's place nears the viewport (or the
//! browser is idle) and hands it the place and its props; it renders
//! [`folio::SupportPrompt`], the widget's own component, there. It holds
//! no Markdown parser and no article decoder: the props carry the
//! prompt's text already rendered.
#![deny(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod island {
    use folio::events::Reporter;
    use folio::{Campaign, Choice, SupportPrompt};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use web_sys::HtmlElement;

    /// A prompt shown in its place; `unmount` takes it away (the full core
    /// renders the article anew, or the element left the page).
    #[wasm_bindgen]
    pub struct Island {
        handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
    }

    #[wasm_bindgen]
    impl Island {
        /// Takes the prompt away and frees what it held.
        pub fn unmount(&mut self) {
            self.handle = None;
        }
    }

    /// Renders the prompt of `props` (what the server wrote beside the
    /// place) at the end of `place`, its events sent on `host`. Props that
    /// do not read are an error naming what is wrong; nothing is shown.
    #[wasm_bindgen]
    pub fn prompt(place: HtmlElement, props: &str, host: HtmlElement) -> Result<Island, JsValue> {
        let campaign = Campaign::from_props(props).map_err(|e| JsValue::from_str(&e))?;
        let reporter = Reporter::on(host);
        let handle = leptos::mount::mount_to(place, move || {
            view! { <SupportPrompt campaign reporter choice=Choice::default()/> }.into_any()
        });
        Ok(Island {
            handle: Some(handle),
        })
    }
}
