//! Folio's words for a server render: the locale files the widget loads
//! beside `folio.js`, built into the binary.

use folio_core::locale::Words;

/// The words of the locale `code` (one of [`folio_core::locale::LOCALES`]);
/// English for English, and for a file that cannot be read.
pub fn words(code: &str) -> Words {
    let text = match code {
        "ar" => include_str!("../../../www/locales/ar.json"),
        "de" => include_str!("../../../www/locales/de.json"),
        "es" => include_str!("../../../www/locales/es.json"),
        "fa" => include_str!("../../../www/locales/fa.json"),
        "fr" => include_str!("../../../www/locales/fr.json"),
        "he" => include_str!("../../../www/locales/he.json"),
        "it" => include_str!("../../../www/locales/it.json"),
        "ja" => include_str!("../../../www/locales/ja.json"),
        "pl" => include_str!("../../../www/locales/pl.json"),
        "pt" => include_str!("../../../www/locales/pt.json"),
        "ru" => include_str!("../../../www/locales/ru.json"),
        "tr" => include_str!("../../../www/locales/tr.json"),
        "uk" => include_str!("../../../www/locales/uk.json"),
        "zh" => include_str!("../../../www/locales/zh.json"),
        _ => return Words::english(),
    };
    serde_json::from_str(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::locale::{LOCALES, Word};

    #[test]
    fn every_locale_file_is_built_in_and_reads() {
        for code in LOCALES.iter().filter(|c| **c != "en") {
            let words = words(code);
            assert_ne!(words.get(Word::ReadMore), "Read more", "{code}");
        }
    }
}
