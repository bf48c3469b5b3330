//! The reader's article count: how many distinct articles of this host
//! a reader opened over the last 52 weeks, for the support prompt's "You've
//! read 23 articles in the last year".
//!
//! What is kept is a hash of each article's `id` and the day it was last
//! opened: no titles, no addresses, no times of day. It is bounded
//! ([`MAX_READ_KEPT`] articles, the oldest dropped first) and forgotten
//! after [`WINDOW_DAYS`]. A reader who turns the count off keeps only that
//! choice.

use crate::json::{self, Value};
use crate::schedule::DAY_MS;

/// The days an opened article counts for: 52 weeks.
pub const WINDOW_DAYS: u32 = 52 * 7;

/// The most articles kept; past it, the one opened longest ago goes.
pub const MAX_READ_KEPT: usize = 1000;

/// The count shown from, when the article does not set one.
pub const DEFAULT_THRESHOLD: u32 = 5;

/// The plural categories of `Intl.PluralRules`, in the order the locale's
/// words for the count are listed ([`crate::locale::Word::READ`]).
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What is remembered of a reader's reading on this host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The reader turned the count off: nothing more is counted.
    pub off: bool,
    /// Each article opened: its id's hash and the day (since 1970, UTC)
    /// it was last opened.
    opened: Vec<[u32; 2]>,
}

/// The day of `now` (milliseconds since 1970), counted from 1970 in UTC.
pub fn day_of(now: i64) -> u32 {
    u32::try_from(now.div_euclid(DAY_MS)).unwrap_or(0)
}

impl Reading {
    /// Reads a stored record (`{"v":1,"off":true}` or
    /// `{"v":1,"read":[[hash,day],…]}`): anything else (corrupt text,
    /// another format) reads as an empty one, never as an error, and an
    /// entry that is not two whole numbers is skipped. (Walked by hand: a
    /// `serde` derive would cost the island 1.5 KB brotli.)
    pub fn parse(text: &str) -> Self {
        let Ok(Value::Object(members)) = json::parse(text) else {
            return Self::default();
        };
        let field = |name: &str| members.iter().find(|(k, _)| k == name).map(|(_, v)| v);
        if !matches!(field("v"), Some(Value::Number(v)) if v == "1") {
            return Self::default();
        }
        if matches!(field("off"), Some(Value::Bool(true))) {
            return Self {
                off: true,
                opened: Vec::new(),
            };
        }
        let Some(Value::Array(read)) = field("read") else {
            return Self::default();
        };
        let number = |value: &Value| match value {
            Value::Number(n) => u32::try_from(json::whole(n)?).ok(),
            _ => None,
        };
        let skip = read.len().saturating_sub(MAX_READ_KEPT);
        let opened = read[skip..].iter().filter_map(|entry| match entry {
            Value::Array(pair) if pair.len() == 2 => Some([number(&pair[0])?, number(&pair[1])?]),
            _ => None,
        });
        Self {
            off: false,
            opened: opened.collect(),
        }
    }

    /// The record as stored.
    pub fn to_json(&self) -> String {
        if self.off {
            return r#"{"v":1,"off":true}"#.into();
        }
        let mut out = String::from(r#"{"v":1,"read":["#);
        for (i, [hash, day]) in self.opened.iter().enumerate() {
            let comma = if i > 0 { "," } else { "" };
            out += &format!("{comma}[{hash},{day}]");
        }
        out + "]}"
    }

    /// Counts the article `id` opened on `today` (once, however often it
    /// is opened) and returns how many distinct articles were opened in
    /// the window that ends today; `None` once the count is off.
    pub fn open(&mut self, id: &str, today: u32) -> Option<usize> {
        if self.off {
            return None;
        }
        let hash = crate::variant::hash("read", id);
        self.opened.retain(|[h, day]| *h != hash && *day <= today);
        self.opened.push([hash, today]);
        let first = today.saturating_sub(WINDOW_DAYS - 1);
        self.opened.retain(|[_, day]| *day >= first);
        // Past the bound, the one opened longest ago goes (found, not
        // sorted: a sort would cost the island its code).
        while self.opened.len() > MAX_READ_KEPT {
            let oldest = (0..self.opened.len()).min_by_key(|&i| self.opened[i][1]);
            self.opened.remove(oldest.unwrap_or(0));
        }
        Some(self.opened.len())
    }

    /// Turns the count off for good, forgetting what was counted.
    pub fn turn_off(&mut self) {
        self.off = true;
        self.opened.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_article_once_within_the_window() {
        let mut reading = Reading::default();
        assert_eq!(reading.open("a", 20_000), Some(1));
        assert_eq!(reading.open("a", 20_000), Some(1));
        assert_eq!(reading.open("b", 20_001), Some(2));
        assert_eq!(reading.open("a", 20_002), Some(2));
        // "b" was opened 364 days before: its last day in the window.
        assert_eq!(reading.open("c", 20_001 + WINDOW_DAYS - 1), Some(3));
        // A day later it has gone; "a" (opened again later) stays.
        assert_eq!(reading.open("c", 20_001 + WINDOW_DAYS), Some(2));
    }

    #[test]
    fn keeps_at_most_the_bound_and_drops_the_oldest() {
        let mut reading = Reading::default();
        for i in 0..MAX_READ_KEPT + 10 {
            reading.open(&format!("article-{i}"), 20_000 + (i / 100) as u32);
        }
        assert_eq!(reading.opened.len(), MAX_READ_KEPT);
        // The first ten opened went; the last one opened counts.
        let today = 20_000 + (MAX_READ_KEPT / 100) as u32;
        assert_eq!(reading.open("article-0", today), Some(MAX_READ_KEPT));
        assert_eq!(
            reading.open(&format!("article-{}", MAX_READ_KEPT + 9), today),
            Some(MAX_READ_KEPT)
        );
    }

    #[test]
    fn round_trips_and_forgets_when_turned_off() {
        let mut reading = Reading::default();
        reading.open("a", 20_000);
        reading.open("b", 20_000);
        let text = reading.to_json();
        assert!(!text.contains("\"a\""), "ids are not stored: {text}");
        let mut back = Reading::parse(&text);
        assert_eq!(back, reading);
        assert_eq!(back.open("c", 20_001), Some(3));
        back.turn_off();
        assert_eq!(back.to_json(), r#"{"v":1,"off":true}"#);
        let mut off = Reading::parse(&back.to_json());
        assert_eq!(off.open("d", 20_002), None);
    }

    #[test]
    fn reads_anything_else_as_empty() {
        for text in [
            "",
            "[]",
            "{\"v\":2,\"read\":[[1,2]]}",
            "{\"v\":1,\"read\":7}",
            "null",
        ] {
            assert_eq!(Reading::parse(text), Reading::default(), "{text}");
        }
        // A clock set back: days after today are dropped when one is opened.
        let mut reading = Reading::parse(r#"{"v":1,"read":[[1,30000],[2,19999]]}"#);
        assert_eq!(reading.open("a", 20_000), Some(2));
    }

    #[test]
    fn days_are_counted_in_utc() {
        assert_eq!(day_of(0), 0);
        assert_eq!(day_of(DAY_MS - 1), 0);
        assert_eq!(day_of(DAY_MS * 20_000 + 5), 20_000);
        assert_eq!(day_of(-1), 0);
    }
}
