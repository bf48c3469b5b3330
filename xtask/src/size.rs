//! `cargo xtask size [--check]`: what a host page downloads for the widget.
//!
//! Starting from `dist/folio.js` (the only file a host names), it follows
//! every relative `import`/`from` and every `new URL("…", import.meta.url)`
//! to the files the page ends up fetching, and prints each one's raw, gzip
//! (level 9) and brotli (quality 11) size, measured with Node's zlib, and
//! the total. The brotli total is held to the budget in `size-budget.toml`.
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
//! is installed when missing. `--check` (run by `cargo xtask test`) needs
//! neither twiggy nor the second build.

use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::setup::Tools;
use crate::shell::{Cmd, cargo_bin, step};

/// The budget file, at the repository root.
const BUDGET_FILE: &str = "size-budget.toml";

/// The key in the budget file: the brotli total in KB (1 KB = 1000 bytes).
const BUDGET_KEY: &str = "brotli_total_kb";

/// A module `folio.js` loads only for some pages: measured apart from what
/// every page downloads, against a budget of its own.
struct OnDemand {
    /// Which pages download it.
    when: &'static str,
    /// Its budget key.
    key: &'static str,
    /// Its files.
    files: [&'static str; 2],
}

/// The modules loaded on demand.
const ON_DEMAND: [OnDemand; 2] = [
    OnDemand {
        when: "loaded only for an article in ANS or JSON-LD (the converter)",
        key: "converter_brotli_total_kb",
        files: ["core/folio-converter.js", "core/folio-converter_bg.wasm"],
    },
    OnDemand {
        when: "loaded only for a pre-rendered article's support prompt (the island)",
        key: "island_brotli_total_kb",
        files: ["core/folio-island.js", "core/folio-island_bg.wasm"],
    },
];

/// The file a host page names; everything else is found from it.
const ENTRY: &str = "folio.js";

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

/// One downloaded file and its sizes in bytes.
struct Measured {
    path: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
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
    let (files, on_demand) = measure()?;
    print_table(&files);
    println!(
        "\n    {}",
        verdict(total_brotli(&files), budget(BUDGET_KEY)?)
    );
    for (module, files) in ON_DEMAND.iter().zip(&on_demand) {
        print_on_demand(module, files);
        println!(
            "\n    {}",
            verdict(total_brotli(files), budget(module.key)?)
        );
    }
    ensure_twiggy()?;
    twiggy_top(tools)
}

/// The budget check on the release build already in `dist/` (no build, no
/// twiggy): fails when the brotli total is above `size-budget.toml`.
pub fn check() -> Result<(), String> {
    step(&format!(
        "size budget: brotli total of what a page downloads ({BUDGET_FILE})"
    ));
    let (files, on_demand) = measure()?;
    print_table(&files);
    let groups = std::iter::once((&files, BUDGET_KEY)).chain(on_demand.iter().zip(&ON_DEMAND).map(
        |(files, module)| {
            print_on_demand(module, files);
            (files, module.key)
        },
    ));
    for (files, key) in groups {
        let budget = budget(key)?;
        let total = total_brotli(files);
        let line = verdict(total, budget);
        if over(total, budget) {
            return Err(format!(
                "{line}; make it smaller, or raise `{key}` in {BUDGET_FILE} \
                 in a commit that says why"
            ));
        }
        println!("    {line}");
    }
    no_builder_paths()
}

/// Fails when a file a page downloads names a folder of the machine that
/// built it: the cargo home or the repository.
fn no_builder_paths() -> Result<(), String> {
    let dist = crate::root().join("dist");
    let folders = [crate::shell::cargo_home(), crate::root()];
    for file in downloaded(&dist)? {
        let bytes = std::fs::read(dist.join(&file))
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

/// The files a page downloads, measured: those every page given JSON
/// downloads, and each module of [`ON_DEMAND`]'s.
fn measure() -> Result<(Vec<Measured>, Vec<Vec<Measured>>), String> {
    let dist = crate::root().join("dist");
    let mut every = downloaded(&dist)?;
    let mut modules = Vec::new();
    for module in &ON_DEMAND {
        let (found, rest): (Vec<PathBuf>, Vec<PathBuf>) = every
            .into_iter()
            .partition(|f| module.files.iter().any(|d| Path::new(d) == f));
        if found.len() != module.files.len() {
            return Err(format!(
                "folio.js no longer loads {}: has the loader changed?",
                module.files.join(", ")
            ));
        }
        modules.push(compress(&dist, &found)?);
        every = rest;
    }
    Ok((compress(&dist, &every)?, modules))
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
    let folio = total_brotli(&measure()?.0);
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

/// `dist/folio.js` and every file it loads, transitively, relative to
/// `dist`, in the order they are found.
fn downloaded(dist: &Path) -> Result<Vec<PathBuf>, String> {
    if !dist.join(ENTRY).is_file() {
        return Err(format!(
            "{} has no {ENTRY}: build first (`cargo xtask build`)",
            dist.display()
        ));
    }
    let mut files = vec![PathBuf::from(ENTRY)];
    let mut next = 0;
    while next < files.len() {
        let file = files[next].clone();
        next += 1;
        if file.extension().is_none_or(|e| e != "js") {
            continue;
        }
        let text = std::fs::read_to_string(dist.join(&file))
            .map_err(|e| format!("cannot read dist/{}: {e}", file.display()))?;
        let dir = file.parent().unwrap_or(Path::new(""));
        for specifier in relative_specifiers(&text) {
            let Some(found) = normalize(&dir.join(&specifier)) else {
                continue;
            };
            if dist.join(&found).is_file() && !files.contains(&found) {
                files.push(found);
            }
        }
    }
    if !files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "wasm"))
    {
        return Err(format!(
            "no .wasm file is reachable from dist/{ENTRY}: has the loader changed?"
        ));
    }
    Ok(files)
}

/// The relative URLs a JavaScript module loads: `import … from "./x"`,
/// `import "./x"`, `import("./x")` and `new URL("x", import.meta.url)`.
fn relative_specifiers(js: &str) -> Vec<String> {
    let mut found = Vec::new();
    for keyword in ["from", "import", "import(", "new URL("] {
        let mut start = 0;
        while let Some(offset) = js[start..].find(keyword) {
            let at = start + offset;
            start = at + keyword.len();
            let before = js[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
                continue;
            }
            let rest = js[start..].trim_start();
            let Some(literal) = string_literal(rest) else {
                continue;
            };
            let after = rest[literal.len() + 2..].trim_start();
            let relative = if keyword == "new URL(" {
                after
                    .strip_prefix(',')
                    .is_some_and(|a| a.trim_start().starts_with("import.meta.url"))
                    && !literal.contains(':')
                    && !literal.starts_with('/')
            } else {
                literal.starts_with("./") || literal.starts_with("../")
            };
            if relative {
                found.push(literal.to_string());
            }
        }
    }
    found
}

/// The contents of the quoted string `text` starts with, if it does.
fn string_literal(text: &str) -> Option<&str> {
    let quote = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let end = text[1..].find(quote)?;
    let literal = &text[1..1 + end];
    (!literal.contains(['\\', '\n', '$'])).then_some(literal)
}

/// `path` with `.` and `..` resolved; `None` when it leaves its root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

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

/// The brotli budget in KB, from `size-budget.toml`.
fn budget(key: &str) -> Result<f64, String> {
    let path = crate::root().join(BUDGET_FILE);
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {BUDGET_FILE}: {e}"))?;
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter_map(|line| line.split_once('='))
        .find(|(found, _)| found.trim() == key)
        .and_then(|(_, value)| value.trim().parse::<f64>().ok())
        .filter(|kb| *kb > 0.0)
        .ok_or(format!(
            "{BUDGET_FILE} has no `{key} = <KB>` line with a positive number"
        ))
}

/// Whether `total` bytes are above `budget` KB.
fn over(total: u64, budget: f64) -> bool {
    total as f64 / 1000.0 > budget
}

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

    #[test]
    fn finds_the_files_a_module_loads() {
        let js = r#"import init, { Widget } from "./core/folio.js";
            import "./side.js"; const m = import('../x/lazy.js');
            const wasm = new URL('folio_bg.wasm', import.meta.url);
            const other = new URL("https://cdn.example/a.js", import.meta.url);
            const built = new URL(getString(ptr));
            import { a } from "bare-package"; fromage("./no.js");"#;
        assert_eq!(
            relative_specifiers(js),
            [
                "./core/folio.js",
                "./side.js",
                "../x/lazy.js",
                "folio_bg.wasm"
            ]
        );
    }

    #[test]
    fn the_budget_is_in_kb_of_1000_bytes() {
        assert!(!over(203_000, 203.0));
        assert!(over(203_001, 203.0));
        assert!(verdict(203_001, 203.0).contains("OVER"));
    }

    #[test]
    fn resolves_dots_and_refuses_to_leave_the_root() {
        assert_eq!(
            normalize(Path::new("core/./../core/folio_bg.wasm")),
            Some(PathBuf::from("core/folio_bg.wasm"))
        );
        assert_eq!(normalize(Path::new("../secret")), None);
    }
}
