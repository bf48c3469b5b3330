//! Formatting through the browser's `Intl`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::object;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locale: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = format)]
    fn format_number(this: &NumberFormat, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &JsValue, options: &JsValue) -> Result<PluralRules, JsValue>;

    #[wasm_bindgen(method, js_class = "PluralRules")]
    fn select(this: &PluralRules, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "ListFormat")]
    fn new(locale: &JsValue, options: &JsValue) -> Result<ListFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "ListFormat", js_name = format)]
    fn format_list(this: &ListFormat, items: &js_sys::Array) -> String;
}

thread_local! {
    /// Formatters already made, by what they were made for: making one costs
    /// the browser far more than using it, so each widget on a page shares
    /// them.
    /// (A page holds a handful, so a list is enough.)
    static FORMATTERS: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The formatter kept under `key`, else the one `make` builds for `lang`
/// (or, when the browser does not know it, for the reader's own locale);
/// `None` when the browser refuses both.
fn formatter(
    key: String,
    lang: Option<&str>,
    make: impl Fn(&JsValue) -> Result<JsValue, JsValue>,
) -> Option<JsValue> {
    let known = FORMATTERS.with(|f| {
        let list = f.borrow();
        list.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    });
    if known.is_some() {
        return known;
    }
    let locale = lang.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let made = make(&locale).or_else(|_| make(&JsValue::UNDEFINED)).ok()?;
    FORMATTERS.with(|f| f.borrow_mut().push((key, made.clone())));
    Some(made)
}

/// Formats an amount of `currency` (an ISO 4217 code) for `lang`, without
/// decimals when it is whole ("$2", "2 $US", "10,50 €"). Without a currency
/// it is formatted as a plain number.
pub fn money(value: f64, currency: Option<&str>, lang: Option<&str>) -> String {
    let digits = if value.fract() == 0.0 { 0 } else { 2 };
    let key = format!(
        "number {digits} {} {}",
        currency.unwrap_or(""),
        lang.unwrap_or("")
    );
    let made = formatter(key, lang, |locale| {
        let mut pairs = vec![
            ("minimumFractionDigits", JsValue::from(digits)),
            ("maximumFractionDigits", JsValue::from(2)),
        ];
        if let Some(currency) = currency {
            pairs.push(("style", "currency".into()));
            pairs.push(("currency", currency.into()));
        }
        NumberFormat::new(locale, &object(&pairs)).map(JsValue::from)
    });
    made.map_or_else(
        || number_text(value),
        |format| format.unchecked_into::<NumberFormat>().format_number(value),
    )
}

/// Names joined as `lang` joins a list ("A, B and C", "A, B и C",
/// "A、B、C"); the English way when the browser has no `Intl.ListFormat`.
pub fn list(names: &[String], lang: Option<&str>) -> String {
    let made = formatter(format!("list {}", lang.unwrap_or("")), lang, |locale| {
        let options = object(&[("type", "conjunction".into())]);
        ListFormat::new(locale, &options).map(JsValue::from)
    });
    match made {
        Some(format) => {
            let items: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
            format.unchecked_into::<ListFormat>().format_list(&items)
        }
        None => folio_core::byline::english_list(names),
    }
}

/// An ISO 8601 time (`2020-09-20T18:04:00.000Z`) for milliseconds since the epoch.
pub fn iso_time(ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    if date.get_time().is_nan() {
        return String::new();
    }
    date.to_iso_string().as_string().unwrap_or_default()
}

/// Formats a date as a long date with a short time, in `lang` (the
/// reader's own locale when absent or unknown to the browser): an RFC 3339
/// time in the reader's zone; one with no offset as written; a calendar
/// date without a time.
pub fn long_date(text: &str, lang: Option<&str>) -> String {
    use folio_core::date::Precision;
    let (instant, as_written, time) = match folio_core::date::precision(text) {
        Some(Precision::Day) => (format!("{text}T00:00:00Z"), true, false),
        Some(Precision::Local) => {
            let (day, time) = text.split_at(10);
            (format!("{day}T{}Z", &time[1..]), true, true)
        }
        _ => (text.to_string(), false, true),
    };
    let date = js_sys::Date::new(&JsValue::from_str(&instant));
    if date.get_time().is_nan() {
        return text.to_string();
    }
    let key = format!("date {as_written} {time} {}", lang.unwrap_or(""));
    let made = formatter(key, lang, |locale| {
        let mut options = vec![("dateStyle", JsValue::from("long"))];
        if time {
            options.push(("timeStyle", "short".into()));
        }
        if as_written {
            options.push(("timeZone", "UTC".into()));
        }
        DateTimeFormat::new(locale, &object(&options)).map(JsValue::from)
    });
    made.map_or_else(
        || text.to_string(),
        |format| format.unchecked_into::<DateTimeFormat>().format(&date),
    )
}

/// A day as a day and a month in `lang` ("1 January", "1 января",
/// "January 1"), by the browser.
pub fn day_month(day: folio_core::reminder::Day, lang: Option<&str>) -> String {
    let date = js_sys::Date::new_with_year_month_day(
        day.year as u32,
        day.month as i32 - 1,
        day.day as i32,
    );
    let key = format!("day {}", lang.unwrap_or(""));
    let made = formatter(key, lang, |locale| {
        let options = [("day", JsValue::from("numeric")), ("month", "long".into())];
        DateTimeFormat::new(locale, &object(&options)).map(JsValue::from)
    });
    made.map_or_else(
        || day.iso(),
        |format| format.unchecked_into::<DateTimeFormat>().format(&date),
    )
}

/// A number as JavaScript writes it (`2`, `2.5`), without Rust's float
/// formatting in the WebAssembly.
pub fn number_text(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The plural category (`Intl.PluralRules`: `one`, `few`, `other`, …) of
/// `count` in `lang`, as an index into
/// [`CATEGORIES`](folio_core::reading::CATEGORIES); `other` when the
/// browser cannot say.
pub fn plural(count: f64, lang: Option<&str>) -> usize {
    let made = formatter(format!("plural {}", lang.unwrap_or("")), lang, |locale| {
        PluralRules::new(locale, &object(&[])).map(JsValue::from)
    });
    let category = made.map(|rules| rules.unchecked_into::<PluralRules>().select(count));
    let categories = folio_core::reading::CATEGORIES;
    let other = categories.len() - 1;
    (category.and_then(|c| categories.iter().position(|&known| known == c))).unwrap_or(other)
}
