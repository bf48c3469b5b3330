//! The article's header: kicker, headline, standfirst and byline.

use leptos::prelude::*;

use super::byline::{Byline, Credits};

/// The section label ("Belarus"), the headline (a heading of `level`: the
/// page's `h1` unless the host says otherwise), the standfirst and the
/// byline, each when the article has it. Each reads its own slice of the
/// article, so a new headline changes only the headline's text.
#[component]
pub fn Header(
    kicker: Memo<Option<String>>,
    headline: Memo<String>,
    standfirst: Memo<Option<String>>,
    credits: Memo<Credits>,
    level: u8,
) -> impl IntoView {
    let paragraph = |class: &'static str, text: Memo<Option<String>>| {
        move || text.get().map(|text| view! { <p class=class>{text}</p> })
    };
    let heading = leptos::html::custom(heading_tag(level))
        .class("folio-headline")
        .child(move || headline.get());
    view! {
        <header class="folio-header">
            {paragraph("folio-kicker", kicker)}
            {heading}
            {paragraph("folio-standfirst", standfirst)}
            <Byline credits/>
        </header>
    }
}

/// The tag of a heading of `level`, kept to `h1`…`h6`.
pub fn heading_tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}
