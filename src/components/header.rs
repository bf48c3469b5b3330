//! The article's header: kicker, headline, standfirst and byline.

use leptos::prelude::*;

use super::byline::{Byline, Credits};

/// The section label ("Belarus"), the headline (the page's `h1`), the
/// standfirst and the byline, each when the article has it. Each reads
/// its own slice of the article, so a new headline changes only the
/// headline's text.
#[component]
pub fn Header(
    kicker: Memo<Option<String>>,
    headline: Memo<String>,
    standfirst: Memo<Option<String>>,
    credits: Memo<Credits>,
) -> impl IntoView {
    let paragraph = |class: &'static str, text: Memo<Option<String>>| {
        move || text.get().map(|text| view! { <p class=class>{text}</p> })
    };
    view! {
        <header class="folio-header">
            {paragraph("folio-kicker", kicker)}
            <h1 class="folio-headline">{move || headline.get()}</h1>
            {paragraph("folio-standfirst", standfirst)}
            <Byline credits/>
        </header>
    }
}
