//! The app: the sample article, and a button that edits it through the
//! signal the article reads.

use std::sync::Arc;

use folio::Article;
use folio::model::{self, Article as Story};
use leptos::prelude::*;

/// The sample article from Folio's demo, served beside the app (its photo
/// is relative to it).
const SAMPLE: &str = include_str!("../../../www/sample/article.json");
const SAMPLE_PATH: &str = "sample/article.json";

/// The article, or why it cannot be shown; "Edit the headline" sets a new
/// article on the signal, and only the headline's text changes.
#[component]
pub fn App() -> impl IntoView {
    let story = match model::parse(SAMPLE) {
        Ok(story) => story,
        Err(error) => return view! { <p role="alert">{error.to_string()}</p> }.into_any(),
    };
    let article = RwSignal::new(Arc::new(story));
    // Relative links and images resolve against where the article is.
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|page| web_sys::Url::new_with_base(SAMPLE_PATH, &page).ok())
        .map(|url| url.href());
    let edits = RwSignal::new(0);
    let edit = move |_| {
        edits.update(|n| *n += 1);
        let mut next = Story::clone(&article.get_untracked());
        next.headline = format!("Edited live ({})", edits.get_untracked());
        article.set(Arc::new(next));
    };
    view! {
        <style>{folio::STYLESHEET}</style>
        <button type="button" id="edit" on:click=edit>"Edit the headline"</button>
        <div class="folio-root">
            <Article article base/>
        </div>
    }
    .into_any()
}
