//! The shipped stylesheet is the components' CSS with only comments and
//! spare whitespace taken out (see `build.rs`).
#![cfg(not(target_arch = "wasm32"))]

use folio::{FRAME_STYLESHEET, STYLESHEET};

/// The components' CSS as written, in cascade order.
const SOURCES: [&str; 7] = [
    include_str!("../src/components/article.css"),
    include_str!("../src/components/figure.css"),
    include_str!("../src/components/media.css"),
    include_str!("../src/components/related.css"),
    include_str!("../src/components/support.css"),
    include_str!("../src/components/states.css"),
    include_str!("../src/components/frame.css"),
];

/// The source with its comments taken out.
fn uncommented(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out + rest
}

#[test]
fn has_no_comments_and_no_runs_of_whitespace() {
    assert!(!STYLESHEET.contains("/*"), "a comment is left");
    assert!(!STYLESHEET.contains('\n'), "a line break is left");
    assert!(!STYLESHEET.contains("  "), "a run of spaces is left");
}

#[test]
fn keeps_every_token_in_order() {
    // Removing all whitespace from both sides must give the same text:
    // only whitespace (and comments) were taken out.
    let squeeze = |css: &str| css.split_whitespace().collect::<String>();
    let source: String = SOURCES
        .iter()
        .map(|css| squeeze(&uncommented(css)))
        .collect();
    let shipped = squeeze(STYLESHEET) + &squeeze(FRAME_STYLESHEET);
    // A `;` before `}` is the one character the compaction drops.
    assert_eq!(shipped, source.replace(";}", "}"));
}

#[test]
fn keeps_the_spaces_that_mean_something() {
    for kept in [
        "\"Times New Roman\"",
        "content:\" →\"",
        ":host([theme=\"dark\"]) .folio-root,",
        "[data-theme=\"dark\"] > .folio-page .folio-root{",
        "font:400 17px/1.6 var(--_serif)",
    ] {
        assert!(
            STYLESHEET.contains(kept),
            "{kept:?} is not in the stylesheet"
        );
    }
    let rules = |css: &str| css.matches('{').count();
    let source: usize = SOURCES.iter().map(|css| rules(&uncommented(css))).sum();
    assert_eq!(rules(STYLESHEET) + rules(FRAME_STYLESHEET), source);
}

#[test]
fn uses_logical_properties_only_so_right_to_left_text_mirrors() {
    // Physical sides in a property's name or a value that sets one
    // (`margin-left`, `left:`, `text-align: right`, `float: left`) would
    // stay put in right-to-left text.
    let css = (STYLESHEET.to_string() + FRAME_STYLESHEET).to_ascii_lowercase();
    let physical: Vec<&str> = css
        .split(['{', '}', ';'])
        .filter(|declaration| {
            let Some((property, value)) = declaration.split_once(':') else {
                return false;
            };
            let property = property.trim();
            let sided = |text: &str| {
                text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                    .any(|word| {
                        word == "left"
                            || word == "right"
                            || word.ends_with("-left")
                            || word.ends_with("-right")
                    })
            };
            sided(property)
                || (!property.starts_with("--") && property != "background" && sided(value))
        })
        .collect();
    assert_eq!(
        physical,
        Vec::<&str>::new(),
        "physical sides in the stylesheet"
    );
}
