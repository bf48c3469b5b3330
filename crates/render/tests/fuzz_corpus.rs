//! The fuzz corpora as ordinary tests: every file under
//! `fuzz/corpus/<target>/` goes through the same function and checks as the
//! fuzz target of that name (`fuzz/src/lib.rs`), natively and on stable.
//! `cargo xtask fuzz` grows and minimizes the corpora.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../fuzz/src/lib.rs"]
mod fuzz;
#[path = "shared/nu.rs"]
mod nu;

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

/// Replays every file of `fuzz/corpus/<target>` (at least 10 of them)
/// through `run`, naming each input that panics.
fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let data = fs::read(path).unwrap();
            panic::catch_unwind(|| run(&data))
                .err()
                .map(|_| path.display().to_string())
        })
        .collect();
    assert!(
        files.len() >= 10,
        "only {} {target} corpus files: is the corpus missing?",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} {target} inputs fail (the panic messages are above):\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn json_corpus_replays_without_a_failure() {
    replay("json_to_model", fuzz::json_to_model);
}

#[test]
fn ans_corpus_replays_without_a_failure() {
    replay("ans_to_model", fuzz::ans_to_model);
}

#[test]
fn jsonld_corpus_replays_without_a_failure() {
    replay("jsonld_to_model", fuzz::jsonld_to_model);
}

#[test]
fn markdown_corpus_replays_without_a_failure() {
    replay("markdown_to_tree", fuzz::markdown_to_tree);
}

#[test]
fn markdown_edit_corpus_replays_without_a_failure() {
    replay("markdown_rerender", fuzz::markdown_rerender);
}

/// Every 20th input of the three article corpora, rendered by `folio
/// render` in each of its outputs, read by the Nu HTML checker: the
/// command writes valid HTML for what a fuzzer found, not only for the
/// samples.
#[test]
fn a_sample_of_the_corpora_renders_to_valid_html() {
    use folio_formats::Format;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("folio-fuzz-nu-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let document = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>"
        )
    };
    let mut files = Vec::new();
    for (corpus, format) in [
        ("json_to_model", None),
        ("ans_to_model", Some(Format::Ans)),
        ("jsonld_to_model", Some(Format::JsonLd)),
    ] {
        let mut inputs: Vec<PathBuf> = fs::read_dir(root.join("../../fuzz/corpus").join(corpus))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        inputs.sort();
        for (i, path) in inputs.iter().enumerate().step_by(20) {
            let text = String::from_utf8_lossy(&fs::read(path).unwrap()).into_owned();
            for (output, written) in fuzz::outputs(&text, format) {
                let html = match output {
                    folio_render::Output::Page | folio_render::Output::Iframe => written,
                    folio_render::Output::Oembed => {
                        let response: serde_json::Value = serde_json::from_str(&written).unwrap();
                        document(response["html"].as_str().unwrap())
                    }
                    _ => document(&written),
                };
                let file = dir.join(format!("{corpus}-{i}-{output:?}.html"));
                fs::write(&file, html).unwrap();
                files.push(file);
            }
        }
    }
    assert!(files.len() >= 80, "only {} outputs", files.len());
    // A body's headings keep the levels the publisher wrote (`###` is
    // `h4` under the `h1` headline): a level it skips is its own outline.
    // A fuzzed date in the year 4040 is real enough for an "info warning".
    let messages: Vec<String> = nu::validate(&files)
        .into_iter()
        .filter(|m| !(m.contains("The heading “h") && m.contains("skipping")))
        .filter(|m| !m.contains(": info warning: "))
        .collect();
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(messages, Vec::<String>::new(), "the checker's messages");
}

/// Edits that change how the text around them reads: fences, list and
/// quote markers, setext underlines, table rows, link definitions, HTML
/// openers, line endings.
const EDITS: &[&str] = &[
    "",
    "\n",
    "\n\n",
    "word",
    "```",
    "~~~\n",
    "- ",
    "1. ",
    "2) ",
    "> ",
    "# ",
    "---\n",
    "===",
    "a | b\n--|--\n",
    "|",
    "    ",
    "\t",
    "[id]: /u\n",
    "[id]",
    "<div>\n",
    "<!--",
    "-->",
    "*",
    "_",
    "`",
    "\r\n",
    "\r",
    "\\",
    "<",
    "é",
];

/// A fixed sequence of pseudo-random numbers (xorshift), so that a failure
/// repeats.
struct Numbers(u64);

impl Numbers {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Every Markdown corpus file and every Markdown test case, edited at
/// pseudo-random places with the edits above: re-rendering must equal a
/// full render each time.
#[test]
fn edited_markdown_rerenders_like_a_full_render() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in [
        "../../fuzz/corpus/markdown_to_tree",
        "../core/tests/markdown",
    ] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if dir.ends_with("tree") || path.extension().is_some_and(|e| e == "md") {
                texts.push(String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned());
            }
        }
    }
    let mut numbers = Numbers(0x9E37_79B9_7F4A_7C15);
    let mut edits = 0;
    for old in &texts {
        for _ in 0..12 {
            let at = numbers.below(old.len() + 1);
            let removed = numbers.below(24);
            let insert = EDITS[numbers.below(EDITS.len())];
            fuzz::check_rerender(old, &fuzz::splice(old, at, removed, insert));
            edits += 1;
        }
    }
    assert!(edits > 1000, "only {edits} edits: is the corpus missing?");
}

/// In a long article without link definitions, changing one paragraph
/// renders that paragraph and its neighbours again and keeps the rest.
#[test]
fn an_edit_in_a_long_article_keeps_the_other_blocks() {
    let paragraph = |i: usize| {
        format!(
            "Paragraph {i} with [a link](https://example.org/{i}), *emphasis* and `code`.\n\n- one\n- two\n\n"
        )
    };
    let old: String = (0..500).map(paragraph).collect();
    let new = old.replace("Paragraph 250 ", "Paragraph two hundred and fifty ");
    assert_ne!(new, old, "the edit applies");
    let blocks = folio_core::markdown::render(&new).blocks.len();
    let kept = fuzz::check_rerender(&old, &new);
    assert!(
        kept >= blocks - 4,
        "kept {kept} of {blocks} blocks for a one-paragraph edit"
    );
    // A fence opened mid-article runs to the end: nothing after it is kept.
    let fenced = old.replace("Paragraph 250 ", "```\nParagraph 250 ");
    assert_ne!(fenced, old, "the edit applies");
    let kept = fuzz::check_rerender(&old, &fenced);
    let before_fence = 2 * 250;
    assert!(
        (before_fence - 2..=before_fence).contains(&kept),
        "kept {kept} blocks; the {before_fence} before the fence stay (but the last one or two)"
    );
}
