//! What a widget is asked to show, as `folio.js` asks: the options it
//! reads (`{ support, supporter, consent, lang, dir, headingLevel,
//! format }`), an article or
//! an error waiting for its locale, and why the error state shows.

use std::sync::Arc;

use wasm_bindgen::JsValue;

use crate::components::{Cause, Retry};
use folio_core::error::ContentError;
use folio_core::model;

/// A text option of `options`, unless empty.
pub(super) fn option_text(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|v| !v.is_empty())
}

/// Why a widget shows its error state, and what "Try again" calls.
#[derive(Clone)]
pub(super) struct Failure {
    /// What failed: the load, the content.
    pub cause: Cause,
    /// Why, in one sentence.
    pub reason: String,
    /// What "Try again" calls, when trying again can help.
    pub retry: Option<Retry>,
}

/// What a widget shows once the locale it waits for is loaded.
pub(super) enum Pending {
    Article(Arc<model::Article>, Shown),
    Error(ContentError, Shown),
}

impl Pending {
    /// The host's UI language.
    pub fn ui(&self) -> Option<&str> {
        match self {
            Pending::Article(_, shown) | Pending::Error(_, shown) => shown.ui.as_deref(),
        }
    }

    /// The article's language (none for content that could not be read).
    pub fn lang(&self) -> Option<&str> {
        match self {
            Pending::Article(article, ..) => article.lang.as_deref(),
            Pending::Error(..) => None,
        }
    }
}

/// How an article is shown: where it came from, whether the prompt shows,
/// the host's UI language and direction, and the headline's level.
#[derive(Clone)]
pub(super) struct Shown {
    /// The URL the article came from.
    pub base: Option<String>,
    /// Whether the support banner and prompt show.
    pub support: bool,
    /// The host says the reader supports the publisher.
    pub supporter: bool,
    /// The reader's consent lets Folio store the prompt's record.
    pub consent: bool,
    /// The host's name for the reader among the prompt's variants.
    pub bucket: Option<Arc<str>>,
    /// The reader's country, for the prompt's regional amounts.
    pub country: Option<Arc<str>>,
    /// The host's UI language.
    pub ui: Option<String>,
    /// The host's direction, `ltr` or `rtl`.
    pub dir: Option<String>,
    /// The headline's heading level.
    pub level: u8,
}

impl Shown {
    /// Reads `{ support, supporter, consent, bucket, country, lang, dir, headingLevel }` as `folio.js` passes
    /// them from attributes or options, each optional: `dir` counts only as
    /// `ltr` or `rtl` (any case), the level only as a whole 1 to 6.
    pub fn read(base: Option<String>, options: &JsValue) -> Self {
        let get = |key: &str| js_sys::Reflect::get(options, &key.into()).ok();
        let text = |key: &str| {
            get(key)
                .and_then(|v| v.as_string())
                .filter(|v| !v.is_empty())
        };
        let level = get("headingLevel").and_then(|v| v.as_f64()).unwrap_or(1.0);
        Self {
            base,
            support: get("support").and_then(|v| v.as_bool()).unwrap_or(true),
            supporter: get("supporter").and_then(|v| v.as_bool()).unwrap_or(false),
            // Only `granted` grants: a value the host mistyped does not.
            consent: text("consent").is_none_or(|c| c == "granted"),
            bucket: text("bucket").map(Into::into),
            country: text("country").map(Into::into),
            ui: text("lang"),
            dir: text("dir")
                .map(|d| d.to_ascii_lowercase())
                .filter(|d| d == "ltr" || d == "rtl"),
            level: if (1.0..=6.0).contains(&level) && level.fract() == 0.0 {
                level as u8
            } else {
                1
            },
        }
    }
}

/// A list of `[folioPath, sourcePath]` pairs from JavaScript (the
/// converter's origins) as Rust's; anything else in it is skipped.
pub(super) fn pairs(list: &js_sys::Array) -> Vec<(String, String)> {
    list.iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}
