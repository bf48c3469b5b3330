//! The fuzz corpora as ordinary tests: every file under
//! `fuzz/corpus/<target>/` goes through the same function and checks as the
//! fuzz target of that name (`fuzz/src/lib.rs`), natively and on stable.
//! `cargo xtask fuzz` grows and minimizes the corpora.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod fuzz;

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

/// Replays every file of `fuzz/corpus/<target>` through `run`, naming each
/// input that panics; returns how many files there were.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
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
        failures.is_empty(),
        "{} of {} {target} inputs fail (the panic messages are above):\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    files.len()
}

#[test]
fn json_corpus_replays_without_a_failure() {
    let count = replay("json_to_model", fuzz::json_to_model);
    assert!(
        count >= 10,
        "only {count} JSON corpus files: is the corpus missing?"
    );
}

#[test]
fn markdown_corpus_replays_without_a_failure() {
    let count = replay("markdown_to_tree", fuzz::markdown_to_tree);
    assert!(
        count >= 10,
        "only {count} Markdown corpus files: is the corpus missing?"
    );
}
