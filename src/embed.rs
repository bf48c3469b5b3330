//! What `folio.js` calls: a [`Widget`] per host element, the [`Article`]
//! component rendered in the host's open shadow root, reporting through
//! `folio:*` events; and the page-wide calls beside it (the version, the
//! locales loaded, which articles go through the converter module, the
//! supporters' marks).
//!
//! [`Article`]: crate::Article

#[cfg(feature = "test-hooks")]
mod hooks;
mod locales;
mod panics;
mod sheet;
mod shown;
mod widget;

use wasm_bindgen::prelude::*;

use folio_core::format::{self, Format};
pub use widget::Widget;

/// The library version, as `Folio.version` reports it.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Records the reader as a supporter of `campaign` (in `localStorage`
/// when `store`, the host's consent, allows it, else in memory for the
/// page) and tells every prompt of the page; returns whether they were
/// not one before
/// (`Folio.markSupported`).
#[wasm_bindgen(js_name = markSupported)]
pub fn mark_supported(campaign: &str, store: bool) -> bool {
    folio_browser::prompt::mark_supported(campaign, store)
}

/// How many widgets are alive on the page (diagnostics, and the tests that
/// check removal frees them).
#[wasm_bindgen(js_name = liveWidgets)]
pub fn live_widgets() -> u32 {
    widget::live()
}

/// The locale a widget needs and the page has not loaded yet (its code,
/// for `locales/<code>.json`), for the host's UI language `ui` and the
/// article's `lang`; `None` when the words are at hand.
#[wasm_bindgen(js_name = missingLocale)]
pub fn missing_locale(ui: Option<String>, lang: Option<String>) -> Option<String> {
    locales::locale_for(ui.as_deref(), lang.as_deref())
        .err()
        .map(String::from)
}

/// Whether `text` must go through the converter module before
/// [`Widget::render_parts`]: the format to convert from (`ans`, `json-ld`,
/// or `auto` for text of no format the core knows, whose converter then
/// says what was expected), from the `format` forced, else from a glance
/// at the text; `None` for Article JSON v1 (and for a forced name that is
/// no format, which the render reports).
#[wasm_bindgen(js_name = converterFor)]
pub fn converter_for(text: &str, format: Option<String>) -> Option<String> {
    // A forced name that is no format is for the render to report.
    let format = match format.filter(|f| !f.is_empty()) {
        Some(name) => Some(Format::named(&name).unwrap_or(Format::Folio)),
        None => format::sniff(text),
    };
    match format {
        Some(Format::Folio) => None,
        Some(other) => Some(other.name().to_string()),
        None => Some("auto".to_string()),
    }
}

/// Adds a locale's words from its file's text. Text that cannot be read
/// is an error, and the locale is English for the page from then on (so
/// that a broken file is reported once and never waited for again).
#[wasm_bindgen(js_name = addLocale)]
pub fn add_locale(code: &str, text: &str) -> Result<(), JsValue> {
    locales::add(code, text).map_err(|message| JsValue::from_str(&message))
}

/// One of Folio's words, by its key in a locale file, in the locale of the
/// UI language `ui` (English when that locale is not loaded): what
/// `folio.js` labels its skeleton with.
#[wasm_bindgen]
pub fn word(ui: Option<String>, key: &str) -> String {
    locales::word(ui.as_deref(), key)
}
