//! The words of a byline, as plain text.

/// "By A and B · Publisher", "By A", "Publisher", or nothing when there is
/// no one to name.
pub fn who(authors: &[String], publisher: Option<&str>) -> Option<String> {
    let names = join_names(authors);
    match (names.is_empty(), publisher) {
        (true, None) => None,
        (true, Some(publisher)) => Some(publisher.to_string()),
        (false, None) => Some(format!("By {names}")),
        (false, Some(publisher)) => Some(format!("By {names} · {publisher}")),
    }
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::who;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn names_are_joined_with_commas_and_a_final_and() {
        assert_eq!(who(&names(&["A"]), None).as_deref(), Some("By A"));
        assert_eq!(
            who(&names(&["A", "B", "C"]), Some("P")).as_deref(),
            Some("By A, B and C · P")
        );
    }

    #[test]
    fn a_byline_without_authors_names_the_publisher_or_no_one() {
        assert_eq!(who(&[], Some("P")).as_deref(), Some("P"));
        assert_eq!(who(&[], None), None);
    }
}
