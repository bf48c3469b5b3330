//! The byline: authors, publisher, and the publication and update times.

use leptos::prelude::*;

use crate::intl;
use crate::model::Article;

/// What the byline shows, taken from an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Credits {
    /// "By A and B · Publisher", when there is anyone to name.
    who: Option<String>,
    /// When it was published (RFC 3339).
    published: String,
    /// When it was last updated (RFC 3339).
    updated: Option<String>,
    /// The language its dates are written in.
    lang: Option<String>,
}

impl Credits {
    /// The byline of `article`.
    pub fn of(article: &Article) -> Self {
        Self {
            who: crate::byline::who(
                &article.authors,
                article.publisher.as_ref().map(|p| p.name.as_str()),
            ),
            published: article.published.clone(),
            updated: article.updated.clone(),
            lang: article.lang.clone(),
        }
    }
}

/// "By A and B · Publisher", then the dates inside `<time datetime>`.
#[component]
pub fn Byline(credits: Memo<Credits>) -> impl IntoView {
    let time = move |at: String, lang: Option<String>| {
        let text = intl::long_date(&at, lang.as_deref());
        view! { <time datetime=at>{text}</time> }
    };
    move || {
        let Credits {
            who,
            published,
            updated,
            lang,
        } = credits.get();
        let updated = updated.map(|at| {
            view! {
                <span class="folio-byline__updated">" · Updated "{time(at, lang.clone())}</span>
            }
        });
        view! {
            <div class="folio-byline">
                {who.map(|who| view! { <p class="folio-byline__who">{who}</p> })}
                <p class="folio-byline__when">{time(published, lang.clone())}{updated}</p>
            </div>
        }
    }
}
