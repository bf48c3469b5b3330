//! `cargo xtask size [--check | --floor | --owners]`: what a host page downloads for
//! the widget, measured and held to `size-budget.toml`.
//!
//! The files: esbuild bundles `dist/folio.js` (the only file a host names)
//! with code splitting into a scratch folder, `target/size-graph/`, and
//! writes a metafile, the module graph it followed: every `import` and
//! `import()` from `folio.js` on. Every file of `dist/` in that graph is
//! downloaded. esbuild does not follow `new URL("…", import.meta.url)`,
//! which is how a wasm-bindgen module fetches its WebAssembly, so each
//! module's wasm is added by wasm-bindgen's own naming rule
//! ([`Module::wasm`]). What every page downloads (`folio.js`,
//! `core/folio.js`, `core/folio_bg.wasm`) is measured apart from the
//! modules `folio.js` loads only for some pages ([`ON_DEMAND`]).
//!
//! Each file's raw, gzip (level 9) and brotli (quality 11) size is measured
//! with Node's zlib and printed with the totals; each brotli total is held
//! to its key of `size-budget.toml` ([`Budget`], read with the `toml`
//! crate).
//!
//! `--check` (also run by `cargo xtask test`, after its release build)
//! prints only the tables and verdicts, and also fails when a downloaded
//! file names a folder of the machine that built it, or when the core
//! module exports a hook that only the tests use ([`TEST_HOOKS`], read from
//! the metafile's exports of `core/folio.js`).
//!
//! `--floor` measures, the same way, the smallest widget on Folio's stack
//! (`size/floor/`: a Leptos component showing pulldown-cmark's text, built
//! with Folio's release profile, wasm-bindgen and wasm-opt flags, its
//! JavaScript minified as the release build's is): the part
//! of the total that any widget on this stack pays.
//!
//! `--owners` prints each shipped WebAssembly module's bytes by owner
//! (see [`owners`]).
//!
//! Without `--check` it also lists the 20 largest items of the wasm with
//! `twiggy top`, on a build that still has its function names (Trunk's
//! wasm-opt drops them): the crate built with `cargo build --release
//! --target wasm32-unknown-unknown --lib`, then `wasm-bindgen --target web`
//! into `target/size-named/` (wasm-bindgen keeps the name section). Twiggy
//! is installed when missing. `--check` needs neither twiggy nor the second
//! build.

mod budget;
mod metafile;
mod owners;
#[cfg(test)]
mod tests;
mod twiggy;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use budget::{BUDGET_FILE, BUDGET_KEY, Budget, ON_DEMAND, OnDemand, over, verdict};
use metafile::{Module, downloaded, graph};
use twiggy::{ensure_twiggy, twiggy_top};

use crate::setup::Tools;
use crate::shell::{Cmd, step};

/// The release build's folder, relative to the repository root (and so the
/// prefix of esbuild's paths for its files).
const DIST: &str = "dist";

/// The file a host page names; everything else is found from it.
const ENTRY: &str = "folio.js";

/// The core module, relative to `dist/`: the wasm-bindgen module every page
/// loads.
const CORE: &str = "core/folio.js";

/// The loader of the core's chunks (build/split.mjs), relative to `dist/`:
/// the core imports it, and it fetches each chunk when the core calls it.
const SPLIT_LOADER: &str = "core/__wasm_split.js";

/// Exports that only the tests use, which the release build must not ship
/// (`--check` fails when the core module exports one):
/// `__folioPanicOnNextRender` makes the next render panic, for the
/// end-to-end tests of what a reader and the console see after a bug
/// (`tests/e2e/faults.rs`); `__folioHeapBytes` reads the bytes the core's
/// allocator holds, for the tests that check unmounting gives them back
/// (`tests/e2e/memory.rs`). Both are in `src/embed/hooks.rs`.
const TEST_HOOKS: [&str; 2] = ["__folioPanicOnNextRender", "__folioHeapBytes"];

/// Where the floor (`size/floor/`) is built.
const FLOOR_TARGET: &str = "target/size-floor";

/// Gzip level 9 and brotli quality 11 of each file named in `argv`, one
/// line each: `raw gzip brotli` in bytes.
const COMPRESS_JS: &str = r#"
const fs = require("fs");
const zlib = require("zlib");
for (const file of process.argv.slice(1)) {
  const data = fs.readFileSync(file);
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length;
  console.log(`${data.length} ${gzip} ${brotli}`);
}
"#;

/// One downloaded file and its sizes in bytes.
struct Measured {
    /// Its path, relative to the folder measured.
    path: String,
    /// Bytes as they are.
    raw: u64,
    /// Bytes with gzip at level 9.
    gzip: u64,
    /// Bytes with brotli at quality 11.
    brotli: u64,
}

/// What a page downloads, measured: what every page does, and each module
/// of [`ON_DEMAND`]'s files, in its order.
struct Sizes {
    /// `folio.js`, `core/folio.js` and `core/folio_bg.wasm`.
    every: Vec<Measured>,
    /// One list per module of [`ON_DEMAND`].
    on_demand: Vec<Vec<Measured>>,
}

/// Runs the task; `args` are the words after `size`. Always builds first
/// (Trunk's build is incremental, so an unchanged tree takes seconds).
pub fn run(tools: &Tools, args: &[String]) -> Result<(), String> {
    let check_only = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        [flag] if flag == "--floor" => return floor(tools),
        [flag] if flag == "--owners" => {
            crate::build(tools)?;
            ensure_twiggy()?;
            return owners::account(tools);
        }
        _ => return Err("usage: cargo xtask size [--check | --floor | --owners]".into()),
    };
    crate::build(tools)?;
    if check_only {
        return check();
    }
    let budget = Budget::read()?;
    let (_, files) = found()?;
    let sizes = measure(&files)?;
    print_table(&sizes.every);
    println!(
        "\n    {}",
        verdict(total_brotli(&sizes.every), budget.brotli_total_kb)
    );
    for (module, files) in ON_DEMAND.iter().zip(&sizes.on_demand) {
        print_on_demand(module, files);
        println!(
            "\n    {}",
            verdict(total_brotli(files), (module.limit)(&budget))
        );
    }
    ensure_twiggy()?;
    twiggy_top(tools)
}

/// The checks on the release build already in `dist/` (no build, no
/// twiggy): fails when a brotli total is above its budget, when a file
/// names a folder of the machine that built it, or when the core module
/// exports a test-only hook.
pub fn check() -> Result<(), String> {
    step(&format!(
        "size budget: brotli total of what a page downloads ({BUDGET_FILE})"
    ));
    let budget = Budget::read()?;
    let (modules, files) = found()?;
    within_budget(&measure(&files)?, &budget)?;
    no_builder_paths(&files)?;
    no_test_hooks(&modules)
}

/// Prints each group's table and verdict; fails at the first group above
/// its budget.
fn within_budget(sizes: &Sizes, budget: &Budget) -> Result<(), String> {
    print_table(&sizes.every);
    let groups = std::iter::once((&sizes.every, BUDGET_KEY, budget.brotli_total_kb)).chain(
        sizes
            .on_demand
            .iter()
            .zip(&ON_DEMAND)
            .map(|(files, module)| {
                print_on_demand(module, files);
                (files, module.key, (module.limit)(budget))
            }),
    );
    for (files, key, limit) in groups {
        let total = total_brotli(files);
        let line = verdict(total, limit);
        if over(total, limit) {
            return Err(format!(
                "{line}; make it smaller, or raise `{key}` in {BUDGET_FILE} \
                 in a commit that says why"
            ));
        }
        println!("    {line}");
    }
    Ok(())
}

/// Fails when a file a page downloads (`files`, relative to `dist/`) names
/// a folder of the machine that built it: the cargo home or the repository.
fn no_builder_paths(files: &[PathBuf]) -> Result<(), String> {
    let dist = crate::root().join(DIST);
    let folders = [crate::shell::cargo_home(), crate::root()];
    for file in files {
        let bytes = std::fs::read(dist.join(file))
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for folder in &folders {
            let folder = folder.to_string_lossy();
            if contains(&bytes, folder.as_bytes()) {
                return Err(format!(
                    "{} names {folder}, a folder of the machine that built it",
                    file.display()
                ));
            }
        }
    }
    println!("    ok  no file names the cargo home or the repository folder");
    Ok(())
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Fails when the core module of the graph exports one of [`TEST_HOOKS`]
/// (its exports as esbuild's metafile lists them).
fn no_test_hooks(modules: &[Module]) -> Result<(), String> {
    let core = modules
        .iter()
        .find(|m| m.path == Path::new(CORE))
        .ok_or(format!(
            "{ENTRY} no longer loads {CORE}: has the loader changed?"
        ))?;
    let exports = core.exports.as_deref().ok_or(format!(
        "esbuild's metafile lists no exports of {DIST}/{CORE}: \
         does {ENTRY} still load it with import()?"
    ))?;
    let hooks = test_hooks_in(exports);
    if !hooks.is_empty() {
        return Err(format!(
            "{DIST}/{CORE} exports {}, which only the tests use: \
             the release build must leave test code out",
            hooks.join(", ")
        ));
    }
    println!(
        "    ok  {DIST}/{CORE} exports no test-only hook ({})",
        TEST_HOOKS.join(", ")
    );
    Ok(())
}

/// The names of [`TEST_HOOKS`] among `exports`.
fn test_hooks_in(exports: &[String]) -> Vec<&'static str> {
    TEST_HOOKS
        .into_iter()
        .filter(|hook| exports.iter().any(|e| e == hook))
        .collect()
}

/// The JavaScript modules a page loads and every file it downloads, found
/// from `dist/folio.js` (see [`graph`] and [`downloaded`]).
fn found() -> Result<(Vec<Module>, Vec<PathBuf>), String> {
    let dist = crate::root().join(DIST);
    let modules = graph(&dist)?;
    let files = downloaded(&dist, &modules)?;
    Ok((modules, files))
}

/// `files` (relative to `dist/`) measured, split into what every page
/// downloads and each module of [`ON_DEMAND`]'s files.
fn measure(files: &[PathBuf]) -> Result<Sizes, String> {
    let dist = crate::root().join(DIST);
    let mut every = files.to_vec();
    let mut on_demand = Vec::new();
    for module in &ON_DEMAND {
        let (found, rest): (Vec<PathBuf>, Vec<PathBuf>) = every
            .into_iter()
            .partition(|f| module.files.iter().any(|d| Path::new(d) == f));
        if found.len() != module.files.len() {
            return Err(format!(
                "{ENTRY} no longer loads {}: has the loader changed?",
                module.files.join(", ")
            ));
        }
        on_demand.push(compress(&dist, &found)?);
        every = rest;
    }
    Ok(Sizes {
        every: compress(&dist, &every)?,
        on_demand,
    })
}

/// An on-demand module's table.
fn print_on_demand(module: &OnDemand, files: &[Measured]) {
    println!("\n    {}:", module.when);
    print_table(files);
}

/// Builds `size/floor/` as Folio's core is built and prints its sizes
/// beside Folio's own total.
fn floor(tools: &Tools) -> Result<(), String> {
    let root = crate::root();
    let target = root.join(FLOOR_TARGET);
    step("the floor: size/floor built with Folio's release profile, wasm-bindgen, wasm-opt");
    Cmd::new("cargo")
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["--manifest-path"])
        .args([root.join("size/floor/Cargo.toml")])
        .args(["--target-dir"])
        .args([&target])
        .tools(tools)
        .run()?;
    let out = target.join("out");
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .args([&out])
        .args([target.join("wasm32-unknown-unknown/release/folio_size_floor.wasm")])
        .tools(tools)
        .run()?;
    // Trunk's wasm-opt pass (its flags are the release script's).
    Cmd::new("node")
        .args(["build/release.mjs", "--optimize"])
        .dir(".")
        .args([out.join("folio_size_floor_bg.wasm"), out.join("floor.wasm")])
        .run()?;
    // Its imports shortened and its JavaScript minified, as the release
    // build does to Folio's own modules.
    Cmd::new("node")
        .args(["build/release.mjs", "--module"])
        .dir(".")
        .args([out.join("folio_size_floor.js"), out.join("floor.wasm")])
        .run()?;
    let files = [
        PathBuf::from("folio_size_floor.js"),
        PathBuf::from("floor.wasm"),
    ];
    let measured = compress(&out, &files)?;
    print_table(&measured);
    let floor = total_brotli(&measured);
    crate::build(tools)?;
    let folio = total_brotli(&measure(&found()?.1)?.every);
    println!(
        "\n    the floor is {} brotli; Folio's total is {}, {} above it",
        kb(floor),
        kb(folio),
        kb(folio.saturating_sub(floor))
    );
    Ok(())
}

/// `files` (relative to `dir`) with their raw, gzip and brotli sizes.
fn compress(dir: &Path, files: &[PathBuf]) -> Result<Vec<Measured>, String> {
    let mut command = Command::new("node");
    command.arg("-e").arg(COMPRESS_JS);
    for file in files {
        command.arg(dir.join(file));
    }
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "node could not compress the files ({})",
            out.status
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() != files.len() {
        return Err(format!(
            "node measured {} of {} files",
            lines.len(),
            files.len()
        ));
    }
    files
        .iter()
        .zip(lines)
        .map(|(file, line)| {
            let numbers: Vec<u64> = line
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [raw, gzip, brotli] => Ok(Measured {
                    path: file.to_string_lossy().into_owned(),
                    raw,
                    gzip,
                    brotli,
                }),
                _ => Err(format!("unexpected output from node: {line:?}")),
            }
        })
        .collect()
}

/// `bytes` in KB of 1000 bytes, to a tenth.
fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// The sum of `files`' brotli sizes.
fn total_brotli(files: &[Measured]) -> u64 {
    files.iter().map(|f| f.brotli).sum()
}

/// Prints the size table (KB are 1000 bytes).
fn print_table(files: &[Measured]) {
    let width = files.iter().map(|f| f.path.len()).max().unwrap_or(4).max(5);
    println!(
        "\n    {:<width$}  {:>10}  {:>10}  {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    for file in files {
        println!(
            "    {:<width$}  {:>10}  {:>10}  {:>10}",
            file.path,
            kb(file.raw),
            kb(file.gzip),
            kb(file.brotli)
        );
    }
    let sum = |f: fn(&Measured) -> u64| files.iter().map(f).sum::<u64>();
    println!(
        "    {:<width$}  {:>10}  {:>10}  {:>10}",
        "total",
        kb(sum(|f| f.raw)),
        kb(sum(|f| f.gzip)),
        kb(sum(|f| f.brotli))
    );
}
