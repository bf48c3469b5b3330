//! The reader's article count in a page (see [`folio_core::reading`]):
//! kept in `localStorage` under one key for the whole host, and only
//! when the reader's consent allows it; without consent, or without
//! storage, there is no count at all.

use folio_core::locale::fill;
use folio_core::reading::{DEFAULT_THRESHOLD, Reading, day_of};

use crate::{intl, storage, tracking};

/// The key of the reading record: `folio:v1:read`.
const KEY: &str = "folio:v1:read";

/// Counts the article `id` as opened today, when `consent` allows the
/// record to be kept, and returns the count of distinct articles opened
/// in the last 52 weeks when it reaches `threshold` (or the default);
/// `None` below it, once the reader turned the count off, or without
/// consent or storage.
pub fn open(id: &str, threshold: Option<u32>, consent: bool) -> Option<usize> {
    if !consent {
        return None;
    }
    let mut reading = Reading::parse(&storage::read(KEY)?);
    let count = reading.open(id, day_of(tracking::now()))?;
    if !storage::write(KEY, &reading.to_json()) {
        return None;
    }
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    (count >= threshold as usize).then_some(count)
}

/// Turns the count off for good: what was counted is forgotten, and
/// only that choice is kept (when `consent` allows keeping anything;
/// else nothing is written, as nothing was counted).
pub fn turn_off(consent: bool) {
    if !consent {
        return;
    }
    let mut reading = Reading::parse(&storage::read(KEY).unwrap_or_default());
    reading.turn_off();
    storage::write(KEY, &reading.to_json());
}

/// The plural category of `count` in `lang`, as an index into
/// [`CATEGORIES`](folio_core::reading::CATEGORIES): which of the locale's
/// words says it.
pub fn category(count: usize, lang: Option<&str>) -> usize {
    intl::plural(count as f64, lang)
}

/// The count's line in `lang`: `words` (the locale's for its
/// [`category`]) with the number written for `lang`.
pub fn line(words: &str, count: usize, lang: Option<&str>) -> String {
    fill(words, "{count}", &intl::money(count as f64, None, lang))
}
