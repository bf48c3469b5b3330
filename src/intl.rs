//! Locale-aware formatting through the browser's `Intl` (no wasm bytes spent
//! on locale data).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;
}

/// Formats an RFC 3339 time as a long date with a short time, in `lang`
/// (the reader's own locale when absent or unknown to the browser).
pub fn long_date(rfc3339: &str, lang: Option<&str>) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_string();
    }
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "long"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locale = lang.map_or(JsValue::UNDEFINED, JsValue::from_str);
    DateTimeFormat::new(&locale, &options)
        .or_else(|_| DateTimeFormat::new(&JsValue::UNDEFINED, &options))
        .map_or_else(|_| rfc3339.to_string(), |format| format.format(&date))
}
