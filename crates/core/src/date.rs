//! RFC 3339 date-times, checked without a date library, and the two
//! plainer shapes HTML's `<time>` also reads: a calendar date
//! (`2024-06-25`) and a date and time with no offset
//! (`2018-04-05T06:00:00`), shown as written.

/// How much a date says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// An instant: date, time and offset (RFC 3339).
    Instant,
    /// A date and time of day in a zone the text does not name.
    Local,
    /// A calendar date.
    Day,
}

/// What `text` is, if it is a date Folio reads: an RFC 3339 date-time,
/// the same without its offset, or a calendar date.
pub fn precision(text: &str) -> Option<Precision> {
    if is_rfc3339(text) {
        return Some(Precision::Instant);
    }
    match text.len() {
        10 => is_rfc3339(&format!("{text}T00:00:00Z")).then_some(Precision::Day),
        _ => is_rfc3339(&format!("{text}Z")).then_some(Precision::Local),
    }
}

/// A date as other formats write it, in one of the shapes [`precision`]
/// reads: `+0300` and `+03` become `+03:00`, a time without seconds gets
/// `:00`, surrounding space goes. `None` when it still is not one.
pub fn normalize(text: &str) -> Option<String> {
    let text = text.trim();
    if precision(text).is_some() {
        return Some(text.to_string());
    }
    let (date_time, offset) = match text.get(10..).and_then(|t| t.rfind(['+', '-', 'Z', 'z'])) {
        Some(i) => text.split_at(10 + i),
        None => (text, ""),
    };
    let offset = match offset.as_bytes() {
        [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            format!(
                "{}{}{}:{}{}",
                *sign as char, *h1 as char, *h2 as char, *m1 as char, *m2 as char
            )
        }
        [b'+' | b'-', _, _] => format!("{offset}:00"),
        _ => offset.to_string(),
    };
    let date_time = match date_time.len() {
        16 => format!("{date_time}:00"),
        _ => date_time.to_string(),
    };
    let normalized = format!("{date_time}{offset}");
    precision(&normalized).map(|_| normalized)
}

/// Seconds since 1970 at `text` (a date [`precision`] reads; one with no
/// offset is taken as UTC), for comparing two dates.
pub fn seconds(text: &str) -> Option<i64> {
    precision(text)?;
    let b = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> i64 {
        text.get(range).and_then(crate::json::whole).unwrap_or(0)
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let time = number(11..13) * 3600 + number(14..16) * 60 + number(17..19);
    // Days from the civil date (proleptic Gregorian calendar).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let offset = match b.iter().rposition(|c| matches!(c, b'+' | b'-')) {
        Some(i) if i > 18 => {
            let sign = if b[i] == b'-' { -1 } else { 1 };
            sign * (number(i + 1..i + 3) * 3600 + number(i + 4..i + 6) * 60)
        }
        _ => 0,
    };
    Some(days * 86_400 + time - offset)
}

/// True when `text` is an RFC 3339 date-time such as `2020-09-13T18:04:00Z`
/// or `2020-09-13t21:04:00.5+03:00`: a real calendar date, a time of day and
/// an offset.
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, set: &[u8]| b.get(i).is_some_and(|c| set.contains(c));
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (digits(11..13), digits(14..16), digits(17..19))
    else {
        return false;
    };
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return false;
    }
    let mut i = 19;
    if at(i, b".") {
        let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return false;
        }
        i += 1 + fraction;
    }
    let offset_ok = match b.get(i..) {
        Some(b"Z" | b"z") => true,
        Some([b'+' | b'-', ..]) => {
            b.len() == i + 6
                && at(i + 3, b":")
                && digits(i + 1..i + 3).is_some_and(|h| h < 24)
                && digits(i + 4..i + 6).is_some_and(|m| m < 60)
        }
        _ => false,
    };
    offset_ok
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second <= 60
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_without_offset_or_time() {
        assert_eq!(precision("2024-06-25"), Some(Precision::Day));
        assert_eq!(precision("2018-04-05T06:00:00"), Some(Precision::Local));
        assert_eq!(
            precision("2018-04-05 06:00:00.000000"),
            Some(Precision::Local)
        );
        assert_eq!(precision("2018-04-05T06:00:00Z"), Some(Precision::Instant));
        assert_eq!(precision("2024-02-30"), None);
        assert_eq!(precision("2018-04-05T06:00"), None);
    }

    #[test]
    fn normalizes_the_shapes_sites_write() {
        for (text, expected) in [
            ("2020-09-13T21:04:00+0300", "2020-09-13T21:04:00+03:00"),
            ("2020-09-13T21:04+03", "2020-09-13T21:04:00+03:00"),
            ("2018-04-05T06:00", "2018-04-05T06:00:00"),
            (" 2024-06-25 ", "2024-06-25"),
            ("2017-11-03 03:01:00.000000", "2017-11-03 03:01:00.000000"),
            ("2020-09-13T18:04:00.123Z", "2020-09-13T18:04:00.123Z"),
        ] {
            assert_eq!(normalize(text).as_deref(), Some(expected), "{text}");
        }
        for bad in ["yesterday", "13/09/2020", "2020-09-13T18:04:00+3", ""] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_seconds_across_offsets() {
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            seconds("2020-09-13T21:04:00+03:00"),
            seconds("2020-09-13T18:04:00Z")
        );
        assert_eq!(seconds("2024-03-01"), Some(1_709_251_200));
    }

    #[test]
    fn accepts_rfc3339_date_times() {
        for ok in [
            "2020-09-13T18:04:00Z",
            "2020-09-13t18:04:00z",
            "2020-09-13 18:04:00+03:00",
            "2020-09-13T18:04:00.123456-05:30",
            "2024-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_dates_that_are_not_rfc3339_or_not_real() {
        for bad in [
            "",
            "2020-09-13",
            "13/09/2020 18:04",
            "2020-09-13T18:04Z",
            "2020-09-13T18:04:00",
            "2020-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2020-04-31T00:00:00Z",
            "2020-09-13T24:00:00Z",
            "2020-09-13T18:04:00.Z",
            "2020-09-13T18:04:00+3:00",
            "2020-09-13T18:04:00+03:00 ",
            "２０２０-09-13T18:04:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad:?}");
        }
    }
}
