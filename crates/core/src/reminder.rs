//! "Remind me on {date}": the day a reminder falls on, and the calendar
//! file (RFC 5545) that carries it to the reader's own calendar, so that
//! nothing about the reader leaves their device.

use crate::schedule::DAY_MS;

/// The longest a reminder rests the prompt, in days: the first of the
/// month after next is at most this far away.
pub const MAX_REMINDER_DAYS: i64 = 62;

/// The longest a reminder rests the prompt, in milliseconds.
pub const MAX_REMINDER_MS: i64 = MAX_REMINDER_DAYS * DAY_MS;

/// A calendar day: year, month (1–12) and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl Day {
    /// The day as `20270101` (RFC 5545's `DATE`).
    pub fn compact(self) -> String {
        self.joined("")
    }

    /// The day as `2027-01-01` (ISO 8601).
    pub fn iso(self) -> String {
        self.joined("-")
    }

    /// Year, month and day in digits (4, 2 and 2), joined by `between`
    /// (without the formatter's padding machinery).
    fn joined(self, between: &str) -> String {
        let mut out = String::with_capacity(10);
        let parts = [
            (self.year.unsigned_abs(), 4),
            (self.month, 2),
            (self.day, 2),
        ];
        for (i, (n, width)) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_str(between);
            }
            let text = n.to_string();
            for _ in text.len()..width {
                out.push('0');
            }
            out.push_str(&text);
        }
        out
    }

    /// The day after this one, of a month that has at least 28 days (the
    /// first of a month, as [`reminder_day`] gives).
    fn next(self) -> Self {
        Self {
            day: self.day + 1,
            ..self
        }
    }
}

/// The day a reminder asked for on `today` falls on: the first of next
/// month, or, past the 20th (too close to it), of the month after next.
pub fn reminder_day(today: Day) -> Day {
    let ahead = if today.day > 20 { 2 } else { 1 };
    let months = today.year * 12 + today.month as i32 - 1 + ahead;
    Day {
        year: months.div_euclid(12),
        month: months.rem_euclid(12) as u32 + 1,
        day: 1,
    }
}

/// What a reminder's calendar file says.
pub struct Event<'a> {
    /// Its title (the prompt's heading).
    pub summary: &'a str,
    /// Where the reader goes to give (the call to action's address).
    pub url: &'a str,
    /// The day it falls on, all day.
    pub day: Day,
    /// When the file was made, as `20261207T101500Z`.
    pub stamp: &'a str,
    /// A name unique to the reminder (`<campaign>-<day>`).
    pub uid: &'a str,
}

/// The calendar file of `event`: one all-day `VEVENT`, lines ended by
/// CRLF and folded at 75 octets, text escaped as RFC 5545 says.
pub fn ics(event: &Event<'_>) -> String {
    let text = |value: &str| escape(value);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Folio//Reminder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", text(event.uid)),
        format!("DTSTAMP:{}", event.stamp),
        format!("DTSTART;VALUE=DATE:{}", event.day.compact()),
        format!("DTEND;VALUE=DATE:{}", event.day.next().compact()),
        format!("SUMMARY:{}", text(event.summary)),
        format!("DESCRIPTION:{}", text(event.url)),
        format!("URL:{}", event.url),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    lines.iter().map(|line| fold(line)).collect()
}

/// A text value with `\`, `;`, `,` and line breaks escaped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// `line` folded into lines of at most 75 octets (a fold is CRLF and a
/// space), never inside a character, with its own CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn days_are_written_with_their_zeros() {
        assert_eq!(day(2027, 1, 1).compact(), "20270101");
        assert_eq!(day(987, 10, 31).iso(), "0987-10-31");
    }

    #[test]
    fn a_reminder_falls_on_the_first_of_next_month_or_past_the_20th_the_month_after() {
        assert_eq!(reminder_day(day(2026, 12, 7)), day(2027, 1, 1));
        assert_eq!(reminder_day(day(2026, 12, 20)), day(2027, 1, 1));
        assert_eq!(reminder_day(day(2026, 12, 21)), day(2027, 2, 1));
        assert_eq!(reminder_day(day(2026, 11, 30)), day(2027, 1, 1));
        assert_eq!(reminder_day(day(2027, 1, 31)), day(2027, 3, 1));
        assert_eq!(reminder_day(day(2027, 6, 1)), day(2027, 7, 1));
        // Never further than the prompt may rest.
        let (from, to) = (day(2027, 1, 21), reminder_day(day(2027, 1, 21)));
        assert_eq!(to, day(2027, 3, 1));
        assert!(i64::from(31 - from.day + 28 + 1) <= MAX_REMINDER_DAYS);
    }

    #[test]
    fn the_calendar_file_is_rfc_5545_folded_and_escaped() {
        let summary = "… we have a small favor to ask; please, read\\this\nnow";
        let url = format!(
            "https://publisher.example/support?campaign=favor-2024&x={}",
            "y".repeat(80)
        );
        let text = ics(&Event {
            summary,
            url: &url,
            day: day(2027, 2, 1),
            stamp: "20261221T101500Z",
            uid: "favor-2024-20270201",
        });
        assert!(
            text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{text}"
        );
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20270201\r\nDTEND;VALUE=DATE:20270202\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261221T101500Z\r\n"));
        // Every line ends with CRLF, and none is longer than 75 octets.
        for line in text.split("\r\n") {
            assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolded, the values read back whole.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("\r\nURL:{url}\r\n")));
        assert!(unfolded.contains(
            "\r\nSUMMARY:… we have a small favor to ask\\; please\\, read\\\\this\\nnow\r\n"
        ));
        // A fold never splits a character.
        let long = ics(&Event {
            summary: &"é".repeat(60),
            url: "https://x.example",
            day: day(2027, 2, 1),
            stamp: "20261221T101500Z",
            uid: "u",
        });
        assert!(long.split("\r\n").all(|l| l.len() <= 75));
        assert!(
            long.replace("\r\n ", "")
                .contains(&format!("SUMMARY:{}", "é".repeat(60)))
        );
    }
}
