//! The browser's `localStorage`, under one namespace of versioned keys, with
//! an in-memory fallback for the life of the page when storage is missing or
//! throws (sandboxed frames, privacy modes, a full quota), or when the
//! reader's consent does not allow it.

use std::cell::RefCell;

use folio_core::schedule::{RECORD_VERSION, Record};

thread_local! {
    /// Records storage refused, by key: a page has a campaign or two, so a
    /// list is all the map it needs.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The key of a campaign's record: `folio:v1:support:<campaign>`.
fn key(campaign: &str) -> String {
    format!("folio:v{RECORD_VERSION}:support:{campaign}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The campaign's record; an empty one when nothing usable is stored.
pub fn load(campaign: &str) -> Record {
    let key = key(campaign);
    let text = remembered(&key).or_else(|| read(&key)).unwrap_or_default();
    Record::parse(&text)
}

/// Saves the campaign's record: in `localStorage` when `store` (the
/// reader's consent allows it) and storage takes it, else in memory for
/// the life of the page.
pub fn save(campaign: &str, record: &Record, store: bool) {
    let key = key(campaign);
    let text = record.to_json();
    let stored = store && write(&key, &text);
    MEMORY.with(|m| {
        let mut memory = m.borrow_mut();
        memory.retain(|(k, _)| *k != key);
        if !stored {
            memory.push((key, text));
        }
    });
}

/// Writes the record kept in memory for `campaign`, if any, to
/// `localStorage` (the reader's consent now allows it).
pub fn persist(campaign: &str) {
    if let Some(text) = remembered(&key(campaign)) {
        save(campaign, &Record::parse(&text), true);
    }
}

/// The record kept in memory under `key`, if any.
fn remembered(key: &str) -> Option<String> {
    MEMORY.with(|m| {
        let memory = m.borrow();
        memory
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.clone())
    })
}

/// The text stored under `key`, empty when there is none; `None` when the
/// page has no storage.
pub fn read(key: &str) -> Option<String> {
    let storage = local_storage()?;
    let text = storage.get_item(key).ok()?;
    Some(text.unwrap_or_default())
}

/// Stores `text` under `key`; whether storage took it.
pub fn write(key: &str, text: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, text).is_ok())
}
