//! Locale-aware formatting: in the browser through its own `Intl` (no
//! wasm bytes spent on locale data), on a server by Folio's own rules
//! (see [`native`]).

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod native;

#[cfg(target_arch = "wasm32")]
pub use browser::{iso_time, list, long_date, money, number_text};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{iso_time, list, long_date, money, number_text};

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
