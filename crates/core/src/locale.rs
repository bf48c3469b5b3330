//! Folio's own words (the ones it writes, not the article's) in the
//! reader's language: which locale a language tag gets, which way its
//! script runs, and the table of words a locale file holds.
//!
//! English is built in; every other locale is a JSON file of its own
//! (`locales/<code>.json` beside `folio.js`), loaded only by a page that
//! needs it, so an English page pays for no other language.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::json;

/// The locales Folio has words for, by code (the file's name).
pub const LOCALES: &[&str] = &[
    "ar", "de", "en", "es", "fa", "fr", "he", "it", "ja", "pl", "pt", "ru", "tr", "uk", "zh",
];

macro_rules! words {
    ($($(#[doc = $doc:literal])* $name:ident = $key:literal : $english:literal,)*) => {
        /// One of the words Folio writes itself.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Word {
            $($(#[doc = $doc])* $name,)*
        }

        impl Word {
            /// Every word, in the order of a locale's table.
            pub const ALL: &[Word] = &[$(Word::$name,)*];

            /// Its key in a locale file.
            pub const fn key(self) -> &'static str {
                match self { $(Word::$name => $key,)* }
            }

            /// Its English text.
            pub const fn english(self) -> &'static str {
                match self { $(Word::$name => $english,)* }
            }
        }
    };
}

words! {
    /// The skeleton's label while the article loads.
    Loading = "loading": "Loading article",
    /// The error state's title.
    ErrorTitle = "errorTitle": "This article could not be shown",
    /// The error state's reason when the article could not be fetched.
    ErrorLoad = "errorLoad": "It could not be loaded. Check your connection and try again.",
    /// The error state's reason when the article's content is wrong.
    ErrorContent = "errorContent": "Its content has a mistake the publisher needs to fix.",
    /// The error state's reason when the reader itself failed.
    ErrorStart = "errorStart": "The reader could not start.",
    /// The error state's button.
    TryAgain = "tryAgain": "Try again",
    /// The button while it tries again.
    TryingAgain = "tryingAgain": "Trying again…",
    /// The byline's authors; `{names}` is the list of names.
    By = "by": "By {names}",
    /// The time of the last update; `{date}` is the formatted time.
    Updated = "updated": "Updated {date}",
    /// The "Read more" link's label when the article gives none.
    ReadMore = "readMore": "Read more",
    /// The button that takes the reader of a live article to what changed
    /// (shown by `folio.js`); `{count}` is how many parts changed.
    LiveUpdates = "liveUpdates": "Show new updates ({count})",
    /// The heading of the related articles' list.
    Related = "related": "Related articles",
    /// A gallery's accessible name.
    Gallery = "gallery": "Photo gallery",
    /// A gallery's button to the photo before.
    PreviousPhoto = "previousPhoto": "Previous photo",
    /// A gallery's button to the photo after.
    NextPhoto = "nextPhoto": "Next photo",
    /// Where a gallery is: `{current}` and `{total}` are numbers.
    PhotoPosition = "photoPosition": "{current} of {total}",
    /// What loading an embed lets its provider do; `{provider}` is its name.
    EmbedNotice = "embedNotice": "Loading it lets {provider} set cookies and see what you view.",
    /// The button that loads an embed.
    EmbedLoad = "embedLoad": "Load content from {provider}",
    /// The choice to load that provider's embeds without asking again.
    EmbedAlways = "embedAlways": "Always load content from {provider}",
    /// An embed's link to the original.
    EmbedOpen = "embedOpen": "Open on {provider}",
    /// Why an embed could not load: the page's policy refused its player.
    EmbedBlocked = "embedBlocked": "This page does not allow content from {provider}.",
    /// The support banner's accessible name.
    Support = "support": "Support",
    /// The amounts' accessible name.
    ChooseAmount = "chooseAmount": "Choose an amount",
    /// A monthly amount; `{amount}` is the formatted sum.
    PerMonth = "perMonth": "{amount} / month",
    /// A yearly amount.
    PerYear = "perYear": "{amount} / year",
    /// A one-off amount.
    Once = "once": "{amount} once",
    /// The payment badges' accessible name.
    PaymentMethods = "paymentMethods": "Payment methods",
    /// The payment method `card`.
    Card = "card": "Card",
    /// The payment method `bank-transfer`.
    BankTransfer = "bankTransfer": "Bank transfer",
    /// The decline button's label when the article gives none.
    RemindLater = "remindLater": "Remind me later",
    /// The reminder's button; `{date}` is the day it reminds on, as the
    /// browser writes a day and a month ("1 January": a date, where a
    /// month's name alone would need a grammatical case `Intl` does not
    /// give in some languages).
    RemindOn = "remindOn": "Remind me on {date}",
    /// A card's link to the whole article; `{publisher}` is its name.
    ContinueAt = "continueAt": "Continue reading at {publisher}",
    /// A card's link to the whole article, with no publisher named.
    ContinueReading = "continueReading": "Continue reading",
    /// What a supporter of the campaign sees in place of the prompt and
    /// the banner.
    Thanks = "thanks": "Thank you for supporting our journalism.",
    /// The reader's article count for a number in `Intl.PluralRules`'
    /// category `zero`; `{count}` is the formatted number.
    ReadZero = "readZero": "You've read {count} articles in the last year",
    /// The article count, category `one`.
    ReadOne = "readOne": "You've read {count} article in the last year",
    /// The article count, category `two`.
    ReadTwo = "readTwo": "You've read {count} articles in the last year",
    /// The article count, category `few`.
    ReadFew = "readFew": "You've read {count} articles in the last year",
    /// The article count, category `many`.
    ReadMany = "readMany": "You've read {count} articles in the last year",
    /// The article count, category `other`.
    ReadOther = "readOther": "You've read {count} articles in the last year",
    /// The control that turns the article count off for good.
    CountOff = "countOff": "Turn off article count",
    /// The frequencies' accessible name.
    Frequency = "frequency": "Choose how often to give",
    /// The tab of one-off amounts.
    GiveOnce = "giveOnce": "One-time",
    /// The tab of monthly amounts.
    GiveMonthly = "giveMonthly": "Monthly",
    /// The tab of yearly amounts.
    GiveAnnually = "giveAnnually": "Annual",
    /// The label of the amount the publisher recommends.
    Recommended = "recommended": "Recommended",
}

impl Word {
    /// The article count's words by plural category, in the order of
    /// [`crate::reading::CATEGORIES`]: every locale file lists all six
    /// (the same text where its language does not tell them apart).
    pub const READ: [Word; 6] = [
        Word::ReadZero,
        Word::ReadOne,
        Word::ReadTwo,
        Word::ReadFew,
        Word::ReadMany,
        Word::ReadOther,
    ];
}

/// A locale's words, every [`Word`] of it (English where its file has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    table: Vec<Cow<'static, str>>,
}

impl Words {
    /// The built-in English words.
    pub fn english() -> Self {
        Self {
            table: Word::ALL
                .iter()
                .map(|w| Cow::Borrowed(w.english()))
                .collect(),
        }
    }

    /// Reads a locale file (see [`Words`]'s `Deserialize`); an error
    /// names the key whose value is not text.
    pub fn parse(text: &str) -> Result<Self, String> {
        json::from_text(text).map_err(|error| error.phrase())
    }

    /// The text of `word`.
    pub fn get(&self, word: Word) -> &str {
        // `Word::ALL` lists the words in declaration order.
        self.table.get(word as usize).map_or(word.english(), |t| t)
    }

    /// The text of `word` before and after its `{name}` placeholder (all of
    /// it before, when it has none).
    pub fn around(&self, word: Word, name: &str) -> (String, String) {
        let text = self.get(word);
        match text.split_once(&format!("{{{name}}}")) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (text.to_string(), String::new()),
        }
    }

    /// The text of `word` with its `{name}` placeholder replaced by `value`.
    pub fn fill(&self, word: Word, name: &str, value: &str) -> String {
        fill(self.get(word), &format!("{{{name}}}"), value)
    }
}

/// `text` with its `placeholder` (`{date}`) replaced by `value`, or as it
/// is when it has none. The placeholder is found by its first character:
/// a substring search would cost the support island its searcher's code.
pub fn fill(text: &str, placeholder: &str, value: &str) -> String {
    // Split with `split_at_checked`: a panicking slice's message would
    // cost the island the formatting code behind it.
    let parts = text.char_indices().find_map(|(i, c)| {
        let (before, rest) = text.split_at_checked(i).filter(|_| c == '{')?;
        Some((before, rest.strip_prefix(placeholder)?))
    });
    match parts {
        Some((before, after)) => before.to_string() + value + after,
        None => text.to_string(),
    }
}

/// A locale file: a JSON object of [`Word::key`] → text. Keys it does not
/// know are ignored (a newer file on an older Folio), words it lacks stay
/// English.
impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Table)
    }
}

/// Reads a locale file's object into [`Words`].
struct Table;

impl<'de> Visitor<'de> for Table {
    type Value = Words;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of Folio's words")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Words, A::Error> {
        let mut words = Words::english();
        while let Some(key) = map.next_key::<String>()? {
            match Word::ALL.iter().position(|w| w.key() == key) {
                Some(index) => words.table[index] = Cow::Owned(map.next_value::<String>()?),
                None => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(words)
    }
}

impl Default for Words {
    fn default() -> Self {
        Self::english()
    }
}

/// The language Folio writes in: its words, and the tag `Intl` formats
/// dates and amounts for.
#[derive(Clone, Debug, PartialEq)]
pub struct Locale {
    /// The BCP 47 tag dates, amounts and lists are formatted for
    /// (`pt-BR`: the table is Portuguese, the formats Brazilian).
    pub tag: String,
    /// The words.
    pub words: Arc<Words>,
}

impl Locale {
    /// English words, formats for `en`.
    pub fn english() -> Self {
        Self {
            tag: "en".into(),
            words: Arc::new(Words::english()),
        }
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::english()
    }
}

/// Which locale a page gets: the host's UI language (`lang` attribute or
/// option) when given, else the article's `lang`; the first of its
/// fallbacks Folio has words for (`pt-BR` → `pt`), else English. Returns
/// the locale's code and the tag to format for (the tag asked for when its
/// locale was found, else `en`).
pub fn resolve(ui: Option<&str>, article: Option<&str>) -> (&'static str, String) {
    let asked = [ui, article]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|t| !t.is_empty());
    let Some(asked) = asked else {
        return ("en", "en".into());
    };
    match fallbacks(asked).find_map(|tag| LOCALES.iter().find(|c| **c == tag)) {
        Some(code) => (code, asked.replace('_', "-")),
        None => ("en", "en".into()),
    }
}

/// A tag and its shorter forms, lower case: `zh-Hant-TW` → `zh-hant-tw`,
/// `zh-hant`, `zh` (`_` read as `-`; the deprecated `iw` as `he`).
fn fallbacks(tag: &str) -> impl Iterator<Item = String> {
    let tag = tag.replace('_', "-").to_ascii_lowercase();
    let tag = match tag.split('-').next() {
        Some("iw") => format!("he{}", &tag[2..]),
        _ => tag,
    };
    let ends: Vec<usize> = tag
        .match_indices('-')
        .map(|(i, _)| i)
        .chain([tag.len()])
        .collect();
    ends.into_iter()
        .rev()
        .map(move |end| tag[..end].to_string())
}

/// Which way text in `tag`'s language runs: `rtl` for the scripts written
/// right to left (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam), named by
/// the tag's script or implied by its language; else `ltr`.
pub fn direction(tag: &str) -> &'static str {
    const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
    const RTL_LANGUAGES: &[&str] = &[
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi",
    ];
    let tag = tag.replace('_', "-").to_ascii_lowercase();
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    match parts.find(|p| p.len() == 4) {
        Some(script) if RTL_SCRIPTS.contains(&script) => "rtl",
        Some(_) => "ltr",
        None if RTL_LANGUAGES.contains(&language) => "rtl",
        None => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_falls_back_to_its_language_then_to_english() {
        assert_eq!(resolve(Some("pt-BR"), None), ("pt", "pt-BR".into()));
        assert_eq!(
            resolve(Some("zh_Hant_TW"), None),
            ("zh", "zh-Hant-TW".into())
        );
        assert_eq!(resolve(Some("iw"), None), ("he", "iw".into()));
        assert_eq!(resolve(Some("sw"), Some("ru")), ("en", "en".into()));
        assert_eq!(resolve(None, Some("ru-RU")), ("ru", "ru-RU".into()));
        assert_eq!(resolve(Some(" "), Some("de")), ("de", "de".into()));
        assert_eq!(resolve(None, None), ("en", "en".into()));
    }

    #[test]
    fn scripts_written_right_to_left_are_found_by_script_or_language() {
        for tag in ["ar", "he-IL", "fa", "ur_PK", "az-Arab", "ks"] {
            assert_eq!(direction(tag), "rtl", "{tag}");
        }
        for tag in ["en", "ru", "ku-Latn", "az", "zh-Hant", ""] {
            assert_eq!(direction(tag), "ltr", "{tag}");
        }
    }

    #[test]
    fn a_locale_file_overrides_words_and_keeps_english_for_the_rest() {
        let words = Words::parse(r#"{"readMore": "Подробнее", "unknown": 1}"#).unwrap();
        assert_eq!(words.get(Word::ReadMore), "Подробнее");
        assert_eq!(words.get(Word::Updated), "Updated {date}");
        assert_eq!(
            Words::parse(r#"{"updated": 2}"#),
            Err("`updated` must be text, not the number 2".into())
        );
        assert!(Words::parse("[]").is_err());
        assert_eq!(
            Words::english().fill(Word::By, "names", "A and B"),
            "By A and B"
        );
        assert_eq!(fill("{date} 更新", "{date}", "7 мая"), "7 мая 更新");
        assert_eq!(fill("تحديث {date}", "{date}", "٧ مايو"), "تحديث ٧ مايو");
        assert_eq!(fill("{d} {date}.", "{date}", "x"), "{d} x.");
        assert_eq!(fill("no placeholder {", "{date}", "x"), "no placeholder {");
        let japanese = Words::parse(r#"{"updated": "{date} 更新"}"#).unwrap();
        assert_eq!(
            japanese.around(Word::Updated, "date"),
            (String::new(), " 更新".to_string())
        );
    }
}
