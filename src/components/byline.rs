//! The byline: authors, publisher, and the publication and update times.

use leptos::prelude::*;

use folio_browser::intl;
use folio_core::locale::{Locale, Word};
use folio_core::model::Article;

/// What the byline shows, taken from an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Credits {
    /// "By A and B · Publisher", when there is anyone to name.
    who: Option<String>,
    /// When it was published (see [`Article::published`]).
    published: String,
    /// When it was last updated.
    updated: Option<String>,
    /// The language its words and dates are written in.
    locale: Locale,
}

impl Credits {
    /// The byline of `article`, in `locale`.
    pub fn of(article: &Article, locale: &Locale) -> Self {
        let join = |names: &[String]| intl::list(names, Some(&locale.tag));
        Self {
            who: folio_core::byline::who(
                &article.authors,
                article.publisher.as_ref().map(|p| p.name.as_str()),
                &locale.words,
                join,
            ),
            published: article.published.clone(),
            updated: article.updated.clone(),
            locale: locale.clone(),
        }
    }
}

/// "By A and B · Publisher", then the dates inside `<time datetime>`.
#[component]
pub fn Byline(credits: Memo<Credits>) -> impl IntoView {
    move || {
        let Credits {
            who,
            published,
            updated,
            locale,
        } = credits.get();
        let time = |at: String| {
            let text = intl::long_date(&at, Some(&locale.tag));
            view! { <time datetime=at>{text}</time> }
        };
        let updated = updated.map(|at| {
            let (before, after) = locale.words.around(Word::Updated, "date");
            view! {
                <span class="folio-byline__updated">" · "{before}{time(at)}{after}</span>
            }
        });
        view! {
            <div class="folio-byline">
                {who.map(|who| view! { <p class="folio-byline__who">{who}</p> })}
                <p class="folio-byline__when">{time(published)}{updated}</p>
            </div>
        }
    }
}
