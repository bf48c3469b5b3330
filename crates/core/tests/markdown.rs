//! Markdown as data: every `tests/markdown/NAME.md` must render to exactly
//! `NAME.html`. `FOLIO_BLESS=1 cargo test --test markdown` writes missing
//! expectations (review them before committing).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

#[test]
fn every_markdown_case_renders_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/markdown");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/markdown is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "the case folder lost its cases");

    let mut failures = Vec::new();
    for input in &cases {
        let markdown = fs::read_to_string(input).expect("case is UTF-8");
        let actual = folio_core::markdown::render(&markdown).to_html();
        let expected_path = input.with_extension("html");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                input.display()
            )),
            Err(_) if std::env::var_os("FOLIO_BLESS").is_some() => {
                fs::write(&expected_path, &actual).expect("expectation written");
            }
            Err(_) => failures.push(format!("{} has no .html expectation", input.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
