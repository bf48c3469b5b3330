//! Folio's support island: the reader-support prompt of an article
//! rendered on a server (`folio render`), brought to life in the page.
//! `folio.js` loads it when the prompt's place nears the viewport (or the
//! browser is idle) and hands it the place and its props; it renders
//! [`folio::SupportPrompt`], the widget's own component, there. It holds
//! no Markdown parser and decodes no article: the props carry the
//! prompt's text already rendered, and its support block, read by the
//! model's decoder.
#![deny(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod island {
    use folio::events::Reporter;
    use folio::{Campaign, Choice, SupportPrompt};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use web_sys::HtmlElement;

    /// A prompt shown in its place; freeing it (`free()` from JavaScript)
    /// takes it away, when the core renders the article anew or the element
    /// leaves the page.
    #[wasm_bindgen]
    pub struct Island {
        _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    }

    /// Renders the prompt of `props` (what the server wrote beside the
    /// place) at the end of `place`, its events sent on `host`, its links
    /// resolved against `base` (the article's address). Props that do not
    /// read are an error naming what is wrong; nothing is shown.
    #[wasm_bindgen]
    pub fn prompt(
        place: HtmlElement,
        props: &str,
        host: HtmlElement,
        base: Option<String>,
    ) -> Result<Island, JsValue> {
        let campaign = Campaign::from_props(props, base).map_err(|e| JsValue::from_str(&e))?;
        let reporter = Reporter::on(host);
        let handle = leptos::mount::mount_to(place, move || {
            view! { <SupportPrompt campaign reporter choice=Choice::default()/> }.into_any()
        });
        Ok(Island { _handle: handle })
    }
}
