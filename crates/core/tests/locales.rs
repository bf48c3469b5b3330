//! The locale files in `www/locales/`: one for every locale Folio names
//! besides English, each with every word, its placeholders kept, and no
//! English left in it.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use folio_core::locale::{LOCALES, Word, Words};

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/locales");

/// Locales written in a script other than Latin: no Latin letter may
/// appear in them at all.
const NON_LATIN: &[&str] = &["ar", "fa", "he", "ja", "ru", "uk", "zh"];

/// English words that have no business in another Latin-script locale.
const ENGLISH: &[&str] = &[
    "the", "loading", "could", "again", "month", "year", "once", "remind", "later", "choose",
    "amount", "payment", "updated", "read", "more", "support", "by",
];

fn file(code: &str) -> String {
    let path = Path::new(FOLDER).join(format!("{code}.json"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn every_locale_but_english_has_a_file_and_every_file_a_locale() {
    let mut files: Vec<String> = fs::read_dir(FOLDER)
        .expect("www/locales")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    let expected: Vec<String> = LOCALES
        .iter()
        .filter(|code| **code != "en")
        .map(|code| format!("{code}.json"))
        .collect();
    assert_eq!(files, expected);
    assert!(LOCALES.len() >= 15, "at least fifteen locales");
}

#[test]
fn every_file_gives_every_word_and_only_known_words() {
    let known: BTreeSet<&str> = Word::ALL.iter().map(|w| w.key()).collect();
    for code in LOCALES.iter().filter(|c| **c != "en") {
        let value: serde_json::Value = serde_json::from_str(&file(code)).expect(code);
        let keys: BTreeSet<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, known, "{code}: keys differ from the English table");
        Words::parse(&file(code)).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

#[test]
fn every_word_keeps_its_placeholders() {
    for code in LOCALES.iter().filter(|c| **c != "en") {
        let words = Words::parse(&file(code)).expect(code);
        for &word in Word::ALL {
            assert_eq!(
                placeholders(words.get(word)),
                placeholders(word.english()),
                "{code}.{}: {:?}",
                word.key(),
                words.get(word)
            );
            assert!(!words.get(word).trim().is_empty(), "{code}.{}", word.key());
        }
    }
}

#[test]
fn no_english_is_left_in_another_locale() {
    for code in LOCALES.iter().filter(|c| **c != "en") {
        let words = Words::parse(&file(code)).expect(code);
        for &word in Word::ALL {
            let text = words.get(word);
            let bare: String = placeholders(text).iter().fold(text.to_string(), |t, name| {
                t.replace(&format!("{{{name}}}"), "")
            });
            assert_ne!(text, word.english(), "{code}.{} is the English", word.key());
            if NON_LATIN.contains(code) {
                assert!(
                    !bare.chars().any(|c| c.is_ascii_alphabetic()),
                    "{code}.{}: Latin letters in {text:?}",
                    word.key()
                );
            }
            let lower = bare.to_lowercase();
            let english = lower
                .split(|c: char| !c.is_alphabetic())
                .find(|w| ENGLISH.contains(w));
            assert_eq!(english, None, "{code}.{}: English in {text:?}", word.key());
        }
    }
}
