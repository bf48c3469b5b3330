//! RFC 3339 date-times, checked without a date library.

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
    use super::is_rfc3339;

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
