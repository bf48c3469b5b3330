//! The Nu HTML checker (npm `vnu-jar`, on Java), as the tests run it on
//! what `folio render` writes.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Nu HTML checker's messages on `files`, one line each.
pub fn validate(files: &[PathBuf]) -> Vec<String> {
    let jar =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "{} is missing: run `cargo xtask test` (it installs it)",
        jar.display()
    );
    let run = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "gnu", "--also-check-css"])
        .args(files)
        .output()
        .expect("java runs (cargo xtask setup installs it)");
    String::from_utf8_lossy(&run.stderr)
        .lines()
        .chain(String::from_utf8_lossy(&run.stdout).lines())
        .map(String::from)
        .collect()
}
