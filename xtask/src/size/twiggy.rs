//! The 20 largest items of the wasm, by `twiggy top` on a build that
//! still has its function names (twiggy installed when missing).

use std::path::PathBuf;
use std::time::Instant;

use crate::setup::Tools;
use crate::shell::{Cmd, cargo_bin, step};

/// The crate's name, which names its wasm.
const CRATE: &str = "folio";

/// Where the wasm with names goes.
const NAMED_DIR: &str = "target/size-named";

/// The twiggy release installed when twiggy is missing.
const TWIGGY_VERSION: &str = "0.8.0";

/// The twiggy binary: cargo's bin folder first, then `PATH`.
pub(super) fn twiggy() -> PathBuf {
    let installed = cargo_bin().join("twiggy");
    if installed.is_file() {
        installed
    } else {
        PathBuf::from("twiggy")
    }
}

/// Whether twiggy runs.
fn twiggy_present() -> bool {
    Cmd::new(&twiggy().to_string_lossy())
        .args(["--version"])
        .output()
        .is_some()
}

/// Installs twiggy with `cargo install` when it is not there (a few
/// minutes on two cores, once); says how long it took.
pub(super) fn ensure_twiggy() -> Result<(), String> {
    step("checking twiggy (installed only when missing)");
    if twiggy_present() {
        println!("    ok  twiggy");
        return Ok(());
    }
    println!("    ..  installing twiggy {TWIGGY_VERSION} (cargo install, compiles it from source)");
    let started = Instant::now();
    let locked = Cmd::new("cargo")
        .args(["install", "twiggy", "--version", TWIGGY_VERSION, "--locked"])
        .run();
    if let Err(error) = locked {
        println!("    ..  {error}; trying again without --locked");
        Cmd::new("cargo")
            .args(["install", "twiggy", "--version", TWIGGY_VERSION])
            .run()?;
    }
    if !twiggy_present() {
        return Err("twiggy is still missing after installing it".into());
    }
    println!(
        "    ok  twiggy {TWIGGY_VERSION} (installed in {:.0?})",
        started.elapsed()
    );
    Ok(())
}

/// Builds the wasm with its names and prints `twiggy top -n 20`.
pub(super) fn twiggy_top(tools: &Tools) -> Result<(), String> {
    step("wasm with names: cargo build --release --lib, then wasm-bindgen (no wasm-opt)");
    Cmd::new("cargo")
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
        ])
        .tools(tools)
        .run()?;
    let wasm = crate::root()
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{CRATE}.wasm"));
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir", NAMED_DIR])
        .args([wasm.as_os_str()])
        .tools(tools)
        .run()?;
    let named = format!("{NAMED_DIR}/{CRATE}_bg.wasm");
    step(&format!(
        "the 20 largest items: twiggy top -n 20 {named} (before wasm-opt, so bigger \
         than what ships; the \"function names\" subsection is not shipped)"
    ));
    Cmd::new(&twiggy().to_string_lossy())
        .args(["top", "-n", "20", &named])
        .tools(tools)
        .run()
}
