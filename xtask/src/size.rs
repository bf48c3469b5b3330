//! `cargo xtask size [--check | --floor]`: what a host page downloads for
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
//! Without `--check` it also lists the 20 largest items of the wasm with
//! `twiggy top`, on a build that still has its function names (Trunk's
//! wasm-opt drops them): the crate built with `cargo build --release
//! --target wasm32-unknown-unknown --lib`, then `wasm-bindgen --target web`
//! into `target/size-named/` (wasm-bindgen keeps the name section). Twiggy
//! is installed when missing. `--check` needs neither twiggy nor the second
//! build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde::Deserialize;

use crate::setup::Tools;
use crate::shell::{Cmd, cargo_bin, step};

/// The budget file, at the repository root.
const BUDGET_FILE: &str = "size-budget.toml";

/// The budget key of what every page downloads (see [`Budget`]).
const BUDGET_KEY: &str = "brotli_total_kb";

/// The budget: brotli totals in KB (1 KB = 1000 bytes), one per group of
/// files; `size-budget.toml` must give all three, positive, and nothing
/// else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Budget {
    /// What every page downloads: `folio.js`, `core/folio.js` and
    /// `core/folio_bg.wasm` ([`BUDGET_KEY`]).
    brotli_total_kb: f64,
    /// The converter (`core/folio-converter.js` and its wasm), which only a
    /// page given an article in ANS or JSON-LD downloads.
    converter_brotli_total_kb: f64,
    /// The support island (`core/folio-island.js` and its wasm), which only
    /// a pre-rendered page with a support block downloads.
    island_brotli_total_kb: f64,
}

/// A module `folio.js` loads only for some pages: measured apart from what
/// every page downloads, against a budget of its own.
struct OnDemand {
    /// Which pages download it.
    when: &'static str,
    /// Its key in the budget file.
    key: &'static str,
    /// Its budget in KB, the field of [`Budget`] named by `key`.
    limit: fn(&Budget) -> f64,
    /// Its files, relative to `dist/`.
    files: [&'static str; 2],
}

/// The modules loaded on demand.
const ON_DEMAND: [OnDemand; 2] = [
    OnDemand {
        when: "loaded only for an article in ANS or JSON-LD (the converter)",
        key: "converter_brotli_total_kb",
        limit: |budget| budget.converter_brotli_total_kb,
        files: ["core/folio-converter.js", "core/folio-converter_bg.wasm"],
    },
    OnDemand {
        when: "loaded only for a pre-rendered article's support prompt (the island)",
        key: "island_brotli_total_kb",
        limit: |budget| budget.island_brotli_total_kb,
        files: ["core/folio-island.js", "core/folio-island_bg.wasm"],
    },
];

/// The release build's folder, relative to the repository root (and so the
/// prefix of esbuild's paths for its files).
const DIST: &str = "dist";

/// The file a host page names; everything else is found from it.
const ENTRY: &str = "folio.js";

/// The core module, relative to `dist/`: the wasm-bindgen module every page
/// loads.
const CORE: &str = "core/folio.js";

/// Exports that only the tests use, which the release build must not ship
/// (`--check` fails when the core module exports one):
/// `__folioPanicOnNextRender` makes the next render panic, for the
/// end-to-end tests of what a reader and the console see after a bug
/// (`src/panics.rs`, `tests/e2e/faults.rs`).
const TEST_HOOKS: [&str; 1] = ["__folioPanicOnNextRender"];

/// The esbuild binary, relative to the repository root.
const ESBUILD: &str = "node_modules/.bin/esbuild";

/// Where esbuild writes its bundle (never read) and its metafile.
const GRAPH_DIR: &str = "target/size-graph";

/// The crate's name, which names its wasm.
const CRATE: &str = "folio";

/// Where the floor (`size/floor/`) is built.
const FLOOR_TARGET: &str = "target/size-floor";

/// The wasm features Rust's `wasm32-unknown-unknown` target turns on, which
/// wasm-opt must be told of.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Where the wasm with names goes.
const NAMED_DIR: &str = "target/size-named";

/// The twiggy release installed when twiggy is missing.
const TWIGGY_VERSION: &str = "0.8.0";

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

/// esbuild's metafile: the parts read here.
#[derive(Debug, Deserialize)]
struct Metafile {
    /// Every module esbuild read, by its path from the repository root.
    inputs: BTreeMap<String, Input>,
    /// Every file it wrote, by path.
    outputs: BTreeMap<String, Output>,
}

/// A module esbuild read.
#[derive(Debug, Deserialize)]
struct Input {
    /// What it imports, statically or with `import()`, in source order.
    imports: Vec<Import>,
}

/// One import of a module.
#[derive(Debug, Deserialize)]
struct Import {
    /// The imported module, named as in [`Metafile::inputs`].
    path: String,
    /// Whether esbuild left it out of the bundle (it is then no input).
    #[serde(default)]
    external: bool,
}

/// A file esbuild wrote.
#[derive(Debug, Deserialize)]
struct Output {
    /// The input it is the entry chunk of, if any: with splitting, the
    /// entry point and every module loaded with `import()` get one.
    #[serde(rename = "entryPoint")]
    entry_point: Option<String>,
    /// The names it exports: those of its entry input.
    #[serde(default)]
    exports: Vec<String>,
}

/// A JavaScript module of `dist/` that a page loads.
#[derive(Debug, PartialEq)]
struct Module {
    /// Its path, relative to `dist/`.
    path: PathBuf,
    /// Its exports, when esbuild wrote it an entry chunk of its own (see
    /// [`Output::entry_point`]); `None` when it was merged into another.
    exports: Option<Vec<String>>,
}

impl Module {
    /// Its WebAssembly, relative to `dist/`, if it is a wasm-bindgen module.
    ///
    /// wasm-bindgen (`--target web`, as Trunk and the release build run it)
    /// writes `<name>.js` and `<name>_bg.wasm` side by side, and the
    /// JavaScript exports `initSync` and, as its default, the `init` that
    /// fetches `new URL("<name>_bg.wasm", import.meta.url)`. So a module is
    /// a wasm-bindgen module when its exports in the metafile include both
    /// `default` and `initSync`, and its wasm is `<name>_bg.wasm` beside it.
    fn wasm(&self) -> Option<PathBuf> {
        let exports = self.exports.as_deref()?;
        let generated = ["default", "initSync"]
            .iter()
            .all(|name| exports.iter().any(|e| e == name));
        if !generated {
            return None;
        }
        let name = self.path.file_stem()?.to_str()?;
        let js = self.path.extension().is_some_and(|e| e == "js");
        js.then(|| self.path.with_file_name(format!("{name}_bg.wasm")))
    }
}

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
        _ => return Err("usage: cargo xtask size [--check | --floor]".into()),
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
    // Trunk's optimisation level and `data-wasm-opt-params` in index.html,
    // and the features Rust's wasm target enables.
    Cmd::new("wasm-opt")
        .args(["-Oz", "--converge", "--low-memory-unused"])
        .args(WASM_FEATURES)
        .args([out.join("folio_size_floor_bg.wasm")])
        .args(["-o"])
        .args([out.join("floor.wasm")])
        .tools(tools)
        .run()?;
    // Minified as the release build minifies Folio's own module.
    Cmd::new("node")
        .args(["build/release.mjs", "--minify"])
        .dir(".")
        .args([out.join("folio_size_floor.js")])
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

/// The JavaScript modules of `dist/` a page loads, from `folio.js` on, in
/// the order esbuild's metafile reaches them.
fn graph(dist: &Path) -> Result<Vec<Module>, String> {
    if !dist.join(ENTRY).is_file() {
        return Err(format!(
            "{} has no {ENTRY}: build first (`cargo xtask build`)",
            dist.display()
        ));
    }
    let text = std::fs::read_to_string(esbuild()?)
        .map_err(|e| format!("cannot read esbuild's metafile: {e}"))?;
    modules(&parse_metafile(&text)?)
}

/// Runs esbuild on `dist/folio.js` (bundled as ES modules, split so that
/// each `import()` is a chunk of its own) into [`GRAPH_DIR`]; returns the
/// metafile's path.
fn esbuild() -> Result<PathBuf, String> {
    let root = crate::root();
    let esbuild = root.join(ESBUILD);
    if !esbuild.is_file() {
        return Err(format!(
            "no {ESBUILD}: install the npm packages (`cargo xtask setup`)"
        ));
    }
    let out = root.join(GRAPH_DIR);
    // Chunks are named by hash: start empty so the folder holds one run's.
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot empty {GRAPH_DIR}: {e}"))?;
    }
    let metafile = out.join("meta.json");
    Cmd::new(&esbuild.to_string_lossy())
        .args([format!("{DIST}/{ENTRY}").as_str()])
        .args([
            "--bundle",
            "--format=esm",
            "--splitting",
            "--log-level=warning",
        ])
        .args([format!("--outdir={}", out.join("out").display())])
        .args([format!("--metafile={}", metafile.display())])
        .run()?;
    Ok(metafile)
}

/// Reads esbuild's metafile.
fn parse_metafile(text: &str) -> Result<Metafile, String> {
    serde_json::from_str(text).map_err(|e| format!("esbuild's metafile is not as expected: {e}"))
}

/// The modules of `dist/` in `metafile`, from `dist/folio.js` on through
/// each one's imports (breadth first, in source order), with their exports.
fn modules(metafile: &Metafile) -> Result<Vec<Module>, String> {
    let entry = format!("{DIST}/{ENTRY}");
    if !metafile.inputs.contains_key(&entry) {
        return Err(format!("esbuild's metafile has no {entry}"));
    }
    let mut order = vec![entry];
    let mut next = 0;
    while let Some(input) = order.get(next).and_then(|p| metafile.inputs.get(p)) {
        next += 1;
        for import in &input.imports {
            let in_graph = !import.external
                && in_dist(&import.path).is_some()
                && metafile.inputs.contains_key(&import.path);
            if in_graph && !order.contains(&import.path) {
                order.push(import.path.clone());
            }
        }
    }
    Ok(order
        .iter()
        .filter_map(|path| {
            Some(Module {
                path: PathBuf::from(in_dist(path)?),
                exports: exports_of(metafile, path),
            })
        })
        .collect())
}

/// `path` (as esbuild names it) relative to `dist/`, if it is in `dist/`.
fn in_dist(path: &str) -> Option<&str> {
    path.strip_prefix(DIST)?.strip_prefix('/')
}

/// The exports of `input`'s entry chunk in `metafile`, if it has one.
fn exports_of(metafile: &Metafile, input: &str) -> Option<Vec<String>> {
    metafile
        .outputs
        .values()
        .find(|output| output.entry_point.as_deref() == Some(input))
        .map(|output| output.exports.clone())
}

/// Every file a page downloads, relative to `dist/`: each module of
/// `modules`, followed by its wasm when it is a wasm-bindgen module
/// ([`Module::wasm`]), which must be in `dist`. Fails on a module whose
/// exports are unknown, rather than leave out a wasm it may fetch.
fn downloaded(dist: &Path, modules: &[Module]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for module in modules {
        if module.exports.is_none() {
            return Err(format!(
                "esbuild gave {DIST}/{} no chunk of its own (is it imported statically?), \
                 so whether it fetches a wasm is unknown",
                module.path.display()
            ));
        }
        files.push(module.path.clone());
        let Some(wasm) = module.wasm() else {
            continue;
        };
        if !dist.join(&wasm).is_file() {
            return Err(format!(
                "{DIST}/{} is a wasm-bindgen module, but there is no {DIST}/{} beside it",
                module.path.display(),
                wasm.display()
            ));
        }
        files.push(wasm);
    }
    if !files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "wasm"))
    {
        return Err(format!(
            "no .wasm file is reachable from {DIST}/{ENTRY}: has the loader changed?"
        ));
    }
    Ok(files)
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

impl Budget {
    /// Reads `size-budget.toml`.
    fn read() -> Result<Self, String> {
        let text = std::fs::read_to_string(crate::root().join(BUDGET_FILE))
            .map_err(|e| format!("cannot read {BUDGET_FILE}: {e}"))?;
        Self::parse(&text)
    }

    /// Reads a budget file's text: fails unless it gives each key, and
    /// only those, as a positive number.
    fn parse(text: &str) -> Result<Self, String> {
        let budget: Self = toml::from_str(text).map_err(|e| {
            let keys = ON_DEMAND.map(|m| format!("`{}`", m.key)).join(" and ");
            format!(
                "{BUDGET_FILE} must give `{BUDGET_KEY}`, {keys}, each a positive \
                 number of KB, and nothing else: {e}"
            )
        })?;
        let limits = std::iter::once((BUDGET_KEY, budget.brotli_total_kb))
            .chain(ON_DEMAND.iter().map(|m| (m.key, (m.limit)(&budget))));
        for (key, kb) in limits {
            if !(kb.is_finite() && kb > 0.0) {
                return Err(format!(
                    "{BUDGET_FILE} has no `{key} = <KB>` line with a positive number"
                ));
            }
        }
        Ok(budget)
    }
}

/// Whether `total` bytes are above `budget` KB.
fn over(total: u64, budget: f64) -> bool {
    total as f64 / 1000.0 > budget
}

/// The line that says how `total` bytes compare with `budget` KB.
fn verdict(total: u64, budget: f64) -> String {
    let used = total as f64 / 1000.0;
    let state = if over(total, budget) {
        "OVER"
    } else {
        "within"
    };
    format!(
        "brotli total {used:.1} KB ({total} bytes) is {state} the budget of {budget:.1} KB \
         ({:.1}% used)",
        used / budget * 100.0
    )
}

/// The twiggy binary: cargo's bin folder first, then `PATH`.
fn twiggy() -> PathBuf {
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
fn ensure_twiggy() -> Result<(), String> {
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
fn twiggy_top(tools: &Tools) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A metafile as esbuild 0.28 writes one for `folio.js` (trimmed): the
    /// core and the island loaded with `import()`, an external URL, and an
    /// input outside `dist/`.
    const METAFILE: &str = r#"{
      "inputs": {
        "dist/core/folio.js": { "bytes": 1, "imports": [], "format": "esm" },
        "dist/core/folio-island.js": { "bytes": 1, "imports": [] },
        "dist/folio.js": {
          "bytes": 1,
          "imports": [
            { "path": "dist/core/folio.js", "kind": "dynamic-import", "original": "./core/folio.js" },
            { "path": "https://cdn.example/x.js", "kind": "import-statement", "external": true },
            { "path": "dist/core/folio-island.js", "kind": "dynamic-import" },
            { "path": "<runtime>", "kind": "import-statement" }
          ],
          "format": "esm"
        },
        "<runtime>": { "bytes": 1, "imports": [] }
      },
      "outputs": {
        "target/size-graph/out/folio.js": {
          "imports": [], "entryPoint": "dist/folio.js",
          "exports": ["default", "mount"], "inputs": {}, "bytes": 1
        },
        "target/size-graph/out/folio-6H2Z4BVD.js": {
          "imports": [], "entryPoint": "dist/core/folio.js",
          "exports": ["Widget", "__folioPanicOnNextRender", "default", "initSync"],
          "inputs": {}, "bytes": 1
        },
        "target/size-graph/out/chunk-X.js": {
          "imports": [], "exports": [], "inputs": {}, "bytes": 1
        }
      }
    }"#;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn module(path: &str, exports: Option<&[&str]>) -> Module {
        Module {
            path: PathBuf::from(path),
            exports: exports.map(names),
        }
    }

    #[test]
    fn reads_the_modules_of_dist_from_the_metafile_in_import_order() {
        let modules = modules(&parse_metafile(METAFILE).unwrap()).unwrap();
        assert_eq!(
            modules,
            [
                module("folio.js", Some(&["default", "mount"])),
                module(
                    "core/folio.js",
                    Some(&["Widget", "__folioPanicOnNextRender", "default", "initSync"])
                ),
                // Merged into no chunk of its own here: exports unknown.
                module("core/folio-island.js", None),
            ]
        );
    }

    #[test]
    fn a_metafile_without_the_entry_or_unreadable_is_an_error() {
        let empty = parse_metafile(r#"{ "inputs": {}, "outputs": {} }"#).unwrap();
        assert!(modules(&empty).unwrap_err().contains("dist/folio.js"));
        assert!(parse_metafile(r#"{ "inputs": [] }"#).is_err());
    }

    #[test]
    fn a_wasm_bindgen_module_has_its_wasm_beside_it() {
        let generated = Some(&["default", "initSync", "convert"][..]);
        assert_eq!(
            module("core/folio-converter.js", generated).wasm(),
            Some(PathBuf::from("core/folio-converter_bg.wasm"))
        );
        assert_eq!(
            module("folio.js", generated).wasm(),
            Some(PathBuf::from("folio_bg.wasm"))
        );
        // Not generated by wasm-bindgen, or exports unknown: no wasm.
        assert_eq!(module("folio.js", Some(&["default", "mount"])).wasm(), None);
        assert_eq!(module("core/folio.js", Some(&["initSync"])).wasm(), None);
        assert_eq!(module("core/folio.js", None).wasm(), None);
        assert_eq!(module("core/folio.mjs.map", generated).wasm(), None);
    }

    #[test]
    fn a_module_of_unknown_exports_a_missing_wasm_or_none_at_all_is_an_error() {
        let nowhere = Path::new("/nonexistent/dist");
        let core = module("core/folio.js", Some(&["default", "initSync"]));
        let error = downloaded(nowhere, &[core]).unwrap_err();
        assert!(
            error.contains("no dist/core/folio_bg.wasm beside it"),
            "{error}"
        );
        let loader = module("folio.js", Some(&["default"]));
        let error = downloaded(nowhere, &[loader]).unwrap_err();
        assert!(error.contains("no .wasm file is reachable"), "{error}");
        let merged = module("core/folio.js", None);
        let error = downloaded(nowhere, &[merged]).unwrap_err();
        assert!(error.contains("no chunk of its own"), "{error}");
    }

    #[test]
    fn finds_the_test_hooks_among_the_exports() {
        let exports = names(&["Widget", "__folioPanicOnNextRender", "default"]);
        assert_eq!(test_hooks_in(&exports), ["__folioPanicOnNextRender"]);
        assert!(test_hooks_in(&names(&["Widget", "default"])).is_empty());
    }

    #[test]
    fn reads_the_repository_budget() {
        let budget = Budget::parse(include_str!("../../size-budget.toml")).unwrap();
        assert!(budget.brotli_total_kb > 0.0);
    }

    #[test]
    fn a_budget_needs_each_key_positive_and_no_other() {
        let good = "brotli_total_kb = 204.5\n\
                    converter_brotli_total_kb = 87 # whole KB\n\
                    island_brotli_total_kb = 36.5\n";
        let budget = Budget::parse(good).unwrap();
        assert_eq!(budget.converter_brotli_total_kb, 87.0);
        assert_eq!(ON_DEMAND.map(|m| (m.limit)(&budget)), [87.0, 36.5]);

        let missing = good.replace("island_brotli_total_kb = 36.5\n", "");
        let error = Budget::parse(&missing).unwrap_err();
        assert!(
            error.contains("missing field `island_brotli_total_kb`"),
            "{error}"
        );

        let misspelt = good.replace("island_brotli", "islnd_brotli");
        let error = Budget::parse(&misspelt).unwrap_err();
        assert!(error.contains("islnd_brotli_total_kb"), "{error}");

        let zero = good.replace("= 36.5", "= 0");
        let error = Budget::parse(&zero).unwrap_err();
        assert!(
            error.contains("no `island_brotli_total_kb = <KB>` line"),
            "{error}"
        );

        assert!(Budget::parse(&good.replace("= 204.5", "= \"204.5\"")).is_err());
    }

    #[test]
    fn the_budget_is_in_kb_of_1000_bytes() {
        assert!(!over(203_000, 203.0));
        assert!(over(203_001, 203.0));
        assert!(verdict(203_001, 203.0).contains("OVER"));
    }
}
