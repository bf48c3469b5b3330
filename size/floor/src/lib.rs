//! The smallest widget built on Folio's stack: a Leptos component that
//! parses Markdown with pulldown-cmark and shows its text as paragraphs,
//! with one signal and one event handler. Nothing else: no article model,
//! no validation, no prompt, no formatting, no loader. Its size is the
//! floor under any widget on this stack (`cargo xtask size --floor`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Markdown's text, one paragraph per text run, hidden on a click.
#[component]
fn Article(markdown: String) -> impl IntoView {
    let paragraphs: Vec<String> = pulldown_cmark::Parser::new(&markdown)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Text(text) => Some(text.to_string()),
            _ => None,
        })
        .collect();
    let (shown, set_shown) = signal(true);
    view! {
        <article>
            <h1 on:click=move |_| set_shown.set(false)>"Headline"</h1>
            <Show when=move || shown.get()>
                {paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            </Show>
        </article>
    }
}

/// Shows `markdown` at the end of the page's body.
#[wasm_bindgen]
pub fn mount(markdown: String) {
    leptos::mount::mount_to_body(move || view! { <Article markdown=markdown/> });
}
