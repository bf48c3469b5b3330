//! The words of a byline, as plain text.

use crate::locale::{Word, Words};

/// "By A and B · Publisher", "By A", "Publisher", or nothing when there is
/// no one to name: the authors joined by `join` into the locale's
/// [`Word::By`].
pub fn who(
    authors: &[String],
    publisher: Option<&str>,
    words: &Words,
    join: impl FnOnce(&[String]) -> String,
) -> Option<String> {
    let names = match authors.is_empty() {
        true => None,
        false => Some(words.fill(Word::By, "names", &join(authors))),
    };
    match (names, publisher) {
        (None, None) => None,
        (None, Some(publisher)) => Some(publisher.to_string()),
        (Some(names), None) => Some(names),
        (Some(names), Some(publisher)) => Some(format!("{names} · {publisher}")),
    }
}

/// Names joined the English way: "A", "A and B", "A, B and C".
pub fn english_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::{english_list, who};
    use crate::locale::Words;

    fn english(authors: &[String], publisher: Option<&str>) -> Option<String> {
        who(authors, publisher, &Words::english(), english_list)
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn names_are_joined_with_commas_and_a_final_and() {
        assert_eq!(english(&names(&["A"]), None).as_deref(), Some("By A"));
        assert_eq!(
            english(&names(&["A", "B", "C"]), Some("P")).as_deref(),
            Some("By A, B and C · P")
        );
    }

    #[test]
    fn a_byline_without_authors_names_the_publisher_or_no_one() {
        assert_eq!(english(&[], Some("P")).as_deref(), Some("P"));
        assert_eq!(english(&[], None), None);
    }
}
