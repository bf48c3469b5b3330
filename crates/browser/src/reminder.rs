//! The prompt's reminder in a page: the day it falls on by the reader's
//! own clock and calendar, its label in the reader's language, and the
//! calendar file handed to the reader (made here, downloaded from
//! memory: nothing leaves the device).

use folio_core::reminder::{Day, Event, ics, reminder_day};
use wasm_bindgen::{JsCast, JsValue};

/// A reminder asked for now: the day it falls on, and when the prompt's
/// rest ends (that day's first moment in the reader's time zone, in ms
/// since 1970).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// The day.
    pub day: Day,
    /// The end of the prompt's rest.
    pub until: i64,
}

/// The reminder a reader asking today gets (see [`reminder_day`]), by the
/// reader's clock and time zone.
#[cfg(target_arch = "wasm32")]
pub fn asked() -> Asked {
    let now = js_sys::Date::new_0();
    let today = Day {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    };
    let day = reminder_day(today);
    let start = js_sys::Date::new_with_year_month_day(day.year as u32, day.month as i32 - 1, 1);
    Asked {
        day,
        until: start.get_time() as i64,
    }
}

/// The reminder asked for today on a server (for the label it writes,
/// which the page writes again by its reader's clock), in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn asked() -> Asked {
    use folio_core::schedule::DAY_MS;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let days = now.map_or(0, |d| d.as_millis() as i64) / DAY_MS;
    let day = reminder_day(civil(days));
    Asked {
        day,
        until: days_from_civil(day) * DAY_MS,
    }
}

/// The calendar day of a count of days since 1970-01-01.
#[cfg(not(target_arch = "wasm32"))]
fn civil(days: i64) -> Day {
    let (year, month, day) = crate::intl::civil(days);
    Day {
        year: year as i32,
        month,
        day,
    }
}

/// The count of days since 1970-01-01 of a calendar day.
#[cfg(not(target_arch = "wasm32"))]
fn days_from_civil(day: Day) -> i64 {
    let year = i64::from(day.year) - i64::from(day.month <= 2);
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let month = i64::from(day.month);
    let doy =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The reminder's label: `words` (the locale's "Remind me on {date}")
/// with the day written by the browser for `lang`, as a day and a month.
pub fn label(words: &str, day: Day, lang: Option<&str>) -> String {
    folio_core::locale::fill(words, "{date}", &crate::intl::day_month(day, lang))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn days_and_calendar_days_convert_both_ways() {
        for days in [-800_000, -1, 0, 1, 59, 11_016, 20_794, 20_818, 2_932_896] {
            assert_eq!(days_from_civil(civil(days)), days);
        }
        let day = Day {
            year: 2027,
            month: 1,
            day: 1,
        };
        assert_eq!(civil(days_from_civil(day)), day);
        assert_eq!(days_from_civil(day) * 86_400_000, 1_798_761_600_000);
    }
}

/// Hands the reader the calendar file of `event` (`<uid>.ics`), as a
/// download made from memory.
pub fn download(event: &Event<'_>) {
    let text = ics(event);
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = web_sys::window().and_then(|w| w.document());
    let link = document.and_then(|d| d.create_element("a").ok());
    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(&format!("{}.ics", event.uid));
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The time now as a calendar file stamps it (`20261207T101500Z`).
pub fn stamp() -> String {
    let iso = crate::intl::iso_time(js_sys::Date::now() as i64);
    // 2026-12-07T10:15:00.000Z
    let digits: String = iso
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}
