//! Project tasks: `cargo xtask <serve|test|build|schema|setup|size|bench|package|fuzz>`.
//!
//! Every task first installs what it needs and is missing (see `setup`), so
//! the two README commands work on a bare Debian machine.

mod bench;
mod fuzz;
mod package;
mod setup;
mod shell;
mod size;

use std::path::PathBuf;
use std::process::ExitCode;

use shell::{Cmd, step};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  serve    install what is missing, then serve the demo with `trunk serve`
  test     install what is missing, then run every test (native, browser, end-to-end)
  build    install what is missing, then write the release build to dist/
  schema   regenerate www/schema/article.v1.json from the Rust types
  setup    only install what is missing
  size [--check | --floor | --owners]
           build, then the raw/gzip/brotli size of every file a page downloads
           against size-budget.toml, and twiggy's 20 largest wasm items;
           --floor: the same for the smallest widget on this stack (size/floor)
           (installs twiggy if missing); --check: only the budget;
           --owners: each wasm module's bytes by owner (twiggy, names kept)
  bench [--runs N] [--no-lighthouse] [--baseline DIST]
           build, then time Folio against static HTML and marked + DOMPurify
           in headless Chromium (N interleaved runs each, default 15), run
           Lighthouse on the demo, and write BENCHMARKS.md; --baseline: also
           another build's dist/ folder, interleaved in the same rounds
  package  build, then write the npm package (target/package/folio-article)
           and pack it with `npm pack`
  fuzz [SECONDS [TARGET]]
           install cargo-fuzz if missing, fuzz each target (or only TARGET)
           for SECONDS (default 60) on nightly, then minimize the corpora in
           fuzz/corpus";

/// Where the release build with the core's test hooks goes (the panic
/// test's build; nothing ships from it).
const TEST_HOOKS_DIST: &str = "target/dist-test-hooks";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "serve" => setup::all().and_then(|tools| serve(&tools)),
        "test" => setup::all().and_then(|tools| test(&tools)),
        "build" => setup::all().and_then(|tools| build(&tools)),
        "schema" => schema(),
        "setup" => setup::all().map(drop),
        "size" => setup::all().and_then(|tools| size::run(&tools, &rest())),
        "bench" => setup::all().and_then(|tools| bench::run(&tools, &rest())),
        "package" => setup::all().and_then(|tools| package::run(&tools)),
        "fuzz" => fuzz::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {task} failed: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The words after the task's name.
fn rest() -> Vec<String> {
    std::env::args().skip(2).collect()
}

/// The repository root (the folder above `xtask/`).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn serve(tools: &setup::Tools) -> Result<(), String> {
    step("serving the demo at http://127.0.0.1:8080 (Ctrl-C stops)");
    Cmd::new("trunk")
        .args(["serve", "--offline"])
        .tools(tools)
        .run()
}

fn build(tools: &setup::Tools) -> Result<(), String> {
    step("release build: trunk build --release");
    Cmd::new("trunk")
        .args(["build", "--release", "--offline"])
        .tools(tools)
        .run()
}

fn test(tools: &setup::Tools) -> Result<(), String> {
    let started = std::time::Instant::now();
    step("formatting: cargo fmt --check");
    Cmd::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .run()?;
    step("lints: cargo clippy (native and wasm32)");
    Cmd::new("cargo")
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    Cmd::new("cargo")
        .args([
            "clippy",
            "--all-targets",
            "-p",
            "folio",
            "-p",
            "folio-core",
            "-p",
            "folio-formats",
            "-p",
            "folio-browser",
            "-p",
            "folio-converter",
            "-p",
            "folio-island",
            // The core as it ships: split.
            "--features",
            "folio/split",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    // The island as it ships: its crates without the features the core
    // turns on (`folio-browser`'s `send`).
    Cmd::new("cargo")
        .args([
            "clippy",
            "-p",
            "folio-island",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    step("the release's last steps on a module: node --test build/");
    Cmd::new("node")
        .args(["--test"])
        .args([root().join("build")])
        .run()?;
    build(tools)?;
    size::check()?;
    step("the release build with the core's test hooks (target/dist-test-hooks)");
    Cmd::new("trunk")
        .args([
            "build",
            "--release",
            "--offline=true",
            "tests/e2e/hooks/index.html",
            "--dist",
            TEST_HOOKS_DIST,
        ])
        .tools(tools)
        .run()?;
    step("the Leptos app example: trunk build (examples/leptos-app)");
    Cmd::new("trunk")
        .args(["build", "--offline"])
        .dir("examples/leptos-app")
        .tools(tools)
        .run()?;
    package::assemble(tools)?;
    step("native tests: model, Markdown, schema, end-to-end on the release build");
    Cmd::new("cargo")
        .args(["test", "--workspace"])
        .env("FOLIO_DIST", root().join("dist"))
        .env("FOLIO_DIST_TEST_HOOKS", root().join(TEST_HOOKS_DIST))
        .env("FOLIO_PACKAGE", root().join(package::DIR))
        .env("FOLIO_APP_DIST", root().join("examples/leptos-app/dist"))
        .tools(tools)
        .run()?;
    step("browser tests: wasm-bindgen-test in headless Chromium");
    Cmd::new("cargo")
        .args(["test", "--target", "wasm32-unknown-unknown"])
        .tools(tools)
        .run()?;
    step(&format!("all tests passed in {:.0?}", started.elapsed()));
    Ok(())
}

fn schema() -> Result<(), String> {
    step("regenerating www/schema/article.v1.json");
    Cmd::new("cargo")
        .args(["test", "--quiet", "-p", "folio-core", "--test", "schema"])
        .env("FOLIO_BLESS", "1")
        .run()
}
