//! Locale-aware formatting: in the browser through its own `Intl` (no
//! wasm bytes spent on locale data), on a server by Folio's own rules
//! (`intl/native.rs`): the same seven functions, chosen by the target.

#[cfg_attr(target_arch = "wasm32", path = "intl/browser.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "intl/native.rs")]
mod formats;

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use formats::civil;
pub use formats::{day_month, iso_time, list, long_date, money, number_text, plural};

use wasm_bindgen::JsValue;

/// A plain object with the given properties (formatter options, event
/// details).
pub fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object
}
