//! The allow-list at work: what each kind of markup becomes.

use super::*;

#[test]
fn keeps_links_emphasis_and_breaks() {
    assert_eq!(
        markdown(
            "A <b>bold</b> and <i> tilted </i>word, <a href=\"/x\">a link</a><br>next",
            Some("https://news.example/a/b"),
            true
        ),
        "A **bold** and *tilted* word, [a link](<https://news.example/x>)\\\nnext"
    );
}

#[test]
fn other_markup_gives_way_to_its_text() {
    assert_eq!(
        markdown(
            "<p>One <span class=x>two</span> <u>three</u><script>alert(1)</script></p>",
            None,
            true
        ),
        "One two three"
    );
    assert_eq!(
        markdown("&lt;script&gt;alert(1)&lt;/script&gt;", None, true),
        "\\<script\\>alert(1)\\</script\\>"
    );
}

#[test]
fn escapes_what_markdown_would_read() {
    assert_eq!(
        markdown("1986. A *year* [x]", None, true),
        "1986\\. A \\*year\\* \\[x\\]"
    );
    assert_eq!(markdown("- not a list", None, true), "\\- not a list");
    assert_eq!(markdown("a<br>= b", None, true), "a\\\n\\= b");
}

#[test]
fn unsafe_and_unresolvable_links_keep_their_text() {
    assert_eq!(
        markdown(
            "<a href='javascript:alert(1)'>x</a> <a href=/y>y</a>",
            None,
            true
        ),
        "x y"
    );
}

#[test]
fn plain_text_of_a_headline() {
    assert_eq!(
        plain("  Putin&rsquo;s <i>&ldquo;plan&rdquo;</i>\n <!-- c --> now "),
        "Putin’s “plan” now"
    );
    assert_eq!(plain("a < b and c<d"), "a < b and c<d");
}

#[test]
fn a_break_at_the_edge_of_an_element_is_a_space() {
    assert_eq!(
        markdown(
            "<a href='https://x.example/'>x<br></a> <b><br>y</b> - z",
            None,
            true
        ),
        "[x](<https://x.example/>) **y** - z"
    );
}

#[test]
fn unclosed_tags_and_quotes_stay_linear() {
    let many = "<a b='".repeat(20_000);
    assert!(markdown(&many, None, true).starts_with("\\<a b='"));
    assert_eq!(markdown("text <a b='never closed", None, true), "text");
    let lts = "<a<a".repeat(20_000);
    assert!(markdown(&lts, None, true).starts_with("\\<a\\<a"));
    let hidden = "<script></script>".repeat(20_000) + "after";
    assert_eq!(markdown(&hidden, None, true), "after");
}

#[test]
fn a_body_splits_at_blocks() {
    assert_eq!(
        paragraphs("<p>One <b>two</p><p>three</b></p><div>four</div>", None),
        ["One **two**", "three", "four"]
    );
}
