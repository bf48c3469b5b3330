//! The locales loaded on the page: Folio's words in each language a
//! widget asked for, from its file (English is built in).

use std::cell::RefCell;
use std::sync::Arc;

use folio_core::locale::{self, Locale, Word, Words};

/// A locale loaded on the page: its code, and its words (`None`: its file
/// could not be read).
type Loaded = (&'static str, Option<Arc<Words>>);

thread_local! {
    /// The locales loaded on this page, by code.
    static WORDS: RefCell<Vec<Loaded>> = const { RefCell::new(Vec::new()) };
}

/// Adds a locale's words from its file's `text`; an error says why they
/// could not be read (the locale is then English for the page).
pub fn add(code: &str, text: &str) -> Result<(), String> {
    let Some(code) = locale::LOCALES.iter().find(|c| **c == code) else {
        return Err(format!("Folio has no locale \"{code}\""));
    };
    let (words, result) = match Words::parse(text) {
        Ok(words) => (Some(Arc::new(words)), Ok(())),
        Err(error) => (None, Err(format!("locales/{code}.json: {error}"))),
    };
    WORDS.with(|w| w.borrow_mut().push((code, words)));
    result
}

/// One of Folio's words by its key, in the locale of the UI language `ui`
/// (English when that locale is not loaded).
pub fn word(ui: Option<&str>, key: &str) -> String {
    let locale = locale_for(ui, None).unwrap_or_default();
    let word = Word::ALL.iter().find(|w| w.key() == key);
    word.map_or_else(String::new, |w| locale.words.get(*w).to_string())
}

/// The locale for `ui` or `lang`, or the code of the one not loaded yet.
pub fn locale_for(ui: Option<&str>, lang: Option<&str>) -> Result<Locale, &'static str> {
    let (code, tag) = locale::resolve(ui, lang);
    if code == "en" {
        return Ok(Locale {
            tag,
            ..Locale::english()
        });
    }
    let words = WORDS.with(|w| {
        let loaded = w.borrow();
        loaded
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, w)| w.clone())
    });
    match words {
        Some(Some(words)) => Ok(Locale { tag, words }),
        // Its file could not be read: English words, and English formats
        // to go with them.
        Some(None) => Ok(Locale::english()),
        None => Err(code),
    }
}

/// [`locale_for`], or while its words are not loaded, English words with
/// the formats of the tag asked for.
pub fn locale_or_formats(ui: Option<&str>, lang: Option<&str>) -> Locale {
    locale_for(ui, lang).unwrap_or_else(|_| Locale {
        tag: locale::resolve(ui, lang).1,
        ..Locale::english()
    })
}
