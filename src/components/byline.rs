//! The byline: authors, publisher, and the publication and update times.

use leptos::prelude::*;

use crate::intl;

/// "By A and B · Publisher", then the dates inside `<time datetime>`.
#[component]
pub fn Byline(
    authors: Vec<String>,
    publisher: Option<String>,
    published: String,
    updated: Option<String>,
    lang: Option<String>,
) -> impl IntoView {
    let names = join_names(&authors);
    let who = match (names.is_empty(), publisher) {
        (true, None) => None,
        (true, Some(publisher)) => Some(publisher),
        (false, None) => Some(format!("By {names}")),
        (false, Some(publisher)) => Some(format!("By {names} · {publisher}")),
    };
    let shown = intl::long_date(&published, lang.as_deref());
    let updated = updated.map(|time| {
        let shown = intl::long_date(&time, lang.as_deref());
        view! {
            <span class="folio-byline__updated">
                " · Updated " <time datetime=time>{shown}</time>
            </span>
        }
    });
    view! {
        <div class="folio-byline">
            {who.map(|who| view! { <p class="folio-byline__who">{who}</p> })}
            <p class="folio-byline__when">
                <time datetime=published>{shown}</time>
                {updated}
            </p>
        </div>
    }
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
