//! Formatting for pages rendered on a server, where there is no `Intl`
//! and no reader's time zone: English as the browser writes it (`en`, and
//! any language Folio has no rules for writes dates the ISO way), times
//! in the offset the article gives, named after them.

use folio_core::date::Precision;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `lang` is written the English way here (absent counts).
fn english(lang: Option<&str>) -> bool {
    lang.is_none_or(|tag| {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        primary.eq_ignore_ascii_case("en")
    })
}

/// An amount of `currency` ("$2", "€10.50", "2 PLN"), the English way.
pub fn money(value: f64, currency: Option<&str>, _lang: Option<&str>) -> String {
    let sum = match value.fract() == 0.0 {
        true => number_text(value),
        false => format!("{value:.2}"),
    };
    match currency.map(str::to_ascii_uppercase).as_deref() {
        Some("USD") => format!("${sum}"),
        Some("EUR") => format!("€{sum}"),
        Some("GBP") => format!("£{sum}"),
        Some(code) => format!("{sum} {code}"),
        None => sum,
    }
}

/// Names joined as a list: "A, B and C" in English, "A, B, C" in any
/// other language (its own conjunction is not known here).
pub fn list(names: &[String], lang: Option<&str>) -> String {
    match english(lang) {
        true => folio_core::byline::english_list(names),
        false => names.join(", "),
    }
}

/// An ISO 8601 time (`2020-09-20T18:04:00.000Z`) for milliseconds since
/// the epoch.
pub fn iso_time(ms: i64) -> String {
    let (days, ms_of_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil(days);
    let seconds = ms_of_day / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        ms_of_day % 1000
    )
}

/// A day as a day and a month: "January 1" in English, else the ISO way
/// (the browser writes it again in the reader's language).
pub fn day_month(day: folio_core::reminder::Day, lang: Option<&str>) -> String {
    match (
        english(lang),
        MONTHS.get((day.month as usize).wrapping_sub(1)),
    ) {
        (true, Some(month)) => format!("{month} {}", day.day),
        _ => day.iso(),
    }
}

/// The civil date of a day count since 1970-01-01 (proleptic Gregorian).
pub(crate) fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (era * 400 + yoe + i64::from(month <= 2), month, day)
}

/// A date as the reader reads it: in English "September 20, 2020 at
/// 9:04 PM UTC+3" (the time in the article's own offset; a calendar date
/// without a time, a time without an offset as written), elsewhere
/// "2020-09-20 21:04 UTC+03:00". Text that is no date comes back as it is.
pub fn long_date(text: &str, lang: Option<&str>) -> String {
    let Some(precision) = folio_core::date::precision(text) else {
        return text.to_string();
    };
    let digits = |range: std::ops::Range<usize>| {
        text.get(range)
            .and_then(|t| t.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (digits(0..4), digits(5..7), digits(8..10));
    let (hour, minute) = (digits(11..13), digits(14..16));
    let zone = match precision {
        Precision::Instant => Some(offset(text)),
        _ => None,
    };
    if !english(lang) {
        let mut out = format!("{year:04}-{month:02}-{day:02}");
        if precision != Precision::Day {
            out += &format!(" {hour:02}:{minute:02}");
        }
        if let Some((_, long)) = zone {
            out += &format!(" {long}");
        }
        return out;
    }
    let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
    let mut out = format!("{name} {day}, {year}");
    if precision != Precision::Day {
        let (twelve, half) = match hour {
            0 => (12, "AM"),
            1..=11 => (hour, "AM"),
            12 => (12, "PM"),
            _ => (hour - 12, "PM"),
        };
        out += &format!(" at {twelve}:{minute:02}\u{202f}{half}");
    }
    if let Some((short, _)) = zone {
        out += &format!(" {short}");
    }
    out
}

/// The offset of an RFC 3339 time, short ("UTC", "UTC+3", "UTC+5:30")
/// and long ("UTC", "UTC+03:00").
fn offset(text: &str) -> (String, String) {
    let tail = &text[text.len().saturating_sub(6)..];
    if !tail.starts_with(['+', '-']) || tail == "+00:00" || tail == "-00:00" {
        return ("UTC".into(), "UTC".into());
    }
    let (sign, hours, minutes) = (&tail[..1], &tail[1..3], &tail[4..6]);
    let short_hours = match hours.trim_start_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    let short = match minutes {
        "00" => format!("UTC{sign}{short_hours}"),
        _ => format!("UTC{sign}{short_hours}:{minutes}"),
    };
    (short, format!("UTC{tail}"))
}

/// A number as JavaScript writes it (`2`, `2.5`).
pub fn number_text(value: f64) -> String {
    format!("{value}")
}

/// The plural category of `count` the English way (`one` for 1, else
/// `other`), as an index into
/// [`CATEGORIES`](folio_core::reading::CATEGORIES): a server never
/// writes a reader's count.
pub fn plural(count: f64, _lang: Option<&str>) -> usize {
    match count == 1.0 {
        true => 1,
        false => folio_core::reading::CATEGORIES.len() - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_the_offset_they_are_written_in() {
        let en = Some("en-GB");
        assert_eq!(
            long_date("2020-09-20T21:04:00+03:00", en),
            "September 20, 2020 at 9:04\u{202f}PM UTC+3"
        );
        assert_eq!(
            long_date("2020-01-02T00:30:00Z", None),
            "January 2, 2020 at 12:30\u{202f}AM UTC"
        );
        assert_eq!(
            long_date("2021-03-04T12:00:00-05:30", en),
            "March 4, 2021 at 12:00\u{202f}PM UTC-5:30"
        );
        assert_eq!(long_date("2024-06-25", en), "June 25, 2024");
        assert_eq!(
            long_date("2024-06-25T10:00:00+00:30", en),
            "June 25, 2024 at 10:00\u{202f}AM UTC+0:30"
        );
        assert_eq!(
            long_date("2018-04-05T06:00:00", en),
            "April 5, 2018 at 6:00\u{202f}AM"
        );
        assert_eq!(
            long_date("2020-09-20T21:04:00+03:00", Some("ru")),
            "2020-09-20 21:04 UTC+03:00"
        );
        assert_eq!(long_date("soon", en), "soon");
    }

    #[test]
    fn times_and_lists() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_time(1_600_625_040_123), "2020-09-20T18:04:00.123Z");
        assert_eq!(iso_time(-1), "1969-12-31T23:59:59.999Z");
        let names = ["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(list(&names, Some("en")), "A, B and C");
        assert_eq!(list(&names, Some("ru")), "A, B, C");
        assert_eq!(money(2.0, Some("USD"), None), "$2");
        assert_eq!(money(10.5, Some("EUR"), None), "€10.50");
        assert_eq!(number_text(2.5), "2.5");
    }
}
