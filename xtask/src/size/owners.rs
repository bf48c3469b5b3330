//! `cargo xtask size --owners`: each shipped WebAssembly module's bytes by
//! owner (Leptos, wasm-bindgen's glue, pulldown-cmark, the model and its
//! serde code, Folio's JSON reader, …).
//!
//! Each module is built again as the release build makes it (`cargo build
//! --release`, `wasm-bindgen --target web`, then wasm-opt with the release
//! flags) but with `--debuginfo`, so that it keeps its function names: its
//! code and data are the shipped module's, plus a name section. `twiggy
//! top` lists every function and data segment with its size, each is
//! given an owner by its name ([`owner`]: the type or module it belongs
//! to), and an owner's share of the module's bytes (names left out) is
//! its share of the shipped file's brotli size: brotli compresses the
//! module as a whole, so a part's compressed size is apportioned, not
//! measured alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::twiggy::twiggy;
use super::{DIST, compress, kb};
use crate::setup::Tools;
use crate::shell::{Cmd, step};

/// A shipped module: its package, its wasm's name, and the file in `dist/`.
struct Shipped {
    package: &'static str,
    wasm: &'static str,
    file: &'static str,
}

/// The three modules: the core every page loads, the converter and the
/// support island.
const MODULES: [Shipped; 3] = [
    Shipped {
        package: "folio",
        wasm: "folio",
        file: "core/folio_bg.wasm",
    },
    Shipped {
        package: "folio-converter",
        wasm: "folio_converter",
        file: "core/folio-converter_bg.wasm",
    },
    Shipped {
        package: "folio-island",
        wasm: "folio_island",
        file: "core/folio-island_bg.wasm",
    },
];

/// Where the named modules go.
const NAMED_DIR: &str = "target/size-owners";

/// The release build's wasm-opt flags (`index.html`), and the names kept.
const WASM_OPT: [&str; 4] = ["-Oz", "--converge", "--low-memory-unused", "--debuginfo"];

/// Owners by the path their item's name starts with, first match wins.
/// A trait method is its type's (`<folio_core::json::… as serde::…>` is
/// Folio's JSON reader); generic code is the crate that defines it.
const OWNERS: [(&str, &[&str]); 17] = [
    ("Folio's JSON reader", &["folio_core::json"]),
    (
        "the model and its serde code",
        &[
            "folio_core::model",
            "folio_core::limits",
            "serde",
            "serde_core",
        ],
    ),
    (
        "Markdown: Folio's renderer",
        &[
            "folio_core::markdown",
            "folio_core::html",
            "folio::components::markdown_body",
        ],
    ),
    ("pulldown-cmark", &["pulldown_cmark", "unicase", "memchr"]),
    (
        "URLs and their policy",
        &[
            "folio_core::safe_url",
            "folio_core::url",
            "folio_core::markup",
        ],
    ),
    (
        "dates, numbers, Intl, bylines",
        &[
            "folio_core::date",
            "folio_core::number",
            "folio_core::byline",
            "folio_browser::intl",
        ],
    ),
    (
        "locales and words",
        &["folio_core::locale", "folio::embed::locales"],
    ),
    (
        "the support prompt",
        &[
            "folio::components::support",
            "folio::components::banner",
            "folio_core::schedule",
            "folio_core::island",
            "folio_browser::storage",
            "folio_browser::prompt",
            "folio_browser::tracking",
            "folio_island",
        ],
    ),
    (
        "the update path",
        &["folio_core::diff", "folio::embed::shown"],
    ),
    (
        "the error state and errors",
        &[
            "folio::components::error_view",
            "folio_core::error",
            "folio::embed::panics",
        ],
    ),
    (
        "the ANS and JSON-LD mapping",
        &["folio_formats", "folio_converter"],
    ),
    (
        "Folio's components and element",
        &["folio::", "folio_browser", "folio_core"],
    ),
    (
        "Leptos and its view code",
        &[
            "leptos",
            "reactive_graph",
            "tachys",
            "any_spawner",
            "or_poisoned",
            "throw_error",
            "send_wrapper",
            "slotmap",
            "oco_ref",
            "guardian",
            "indexmap",
            "hashbrown",
            "futures",
            "pin_project",
        ],
    ),
    (
        "wasm-bindgen's glue",
        &[
            "wasm_bindgen",
            "js_sys",
            "web_sys",
            "gloo",
            "__wbindgen",
            "__wbg",
            "__externref",
        ],
    ),
    (
        "panics and formatting",
        &[
            "core::fmt",
            "alloc::fmt",
            "core::panicking",
            "std::panicking",
            "core::result::unwrap_failed",
            "core::option::expect_failed",
            "std::",
            "<std::",
        ],
    ),
    (
        "the allocator",
        &[
            "dlmalloc",
            "alloc::alloc",
            "__rust_alloc",
            "__rdl_",
            "__rust_realloc",
            "__rust_dealloc",
        ],
    ),
    (
        "Rust's core and alloc",
        &[
            "core::",
            "alloc::",
            "compiler_builtins",
            "memcpy",
            "memset",
            "memmove",
            "memcmp",
        ],
    ),
];

/// One item of `twiggy top --format json`.
#[derive(Deserialize)]
struct Item {
    name: String,
    shallow_size: u64,
}

/// The owner of an item named `name`.
pub(super) fn owner(name: &str) -> &'static str {
    if name.starts_with("data segment") {
        return "data (strings, tables)";
    }
    if name.contains("shim") || name.starts_with("elem[") || name.starts_with("table[") {
        return "wasm-bindgen's glue";
    }
    if name.starts_with("intounderlying") {
        return "wasm-bindgen's glue";
    }
    // `<Type as Trait>::…` belongs to Type, or to Trait when Type is a
    // parameter or a primitive (`<T as tachys::…>`, `<u32 as core::…>`);
    // crate hashes (`core[1a2b]`) go.
    let subject = name.strip_prefix('<').unwrap_or(name);
    let subject = subject
        .strip_prefix("&mut ")
        .or_else(|| subject.strip_prefix('&'))
        .unwrap_or(subject);
    let mut plain = strip_crate_hashes(subject);
    if plain.contains(" as core::fmt::") {
        return "panics and formatting";
    }
    if let Some((kind, by)) = plain.split_once(" as ")
        && !kind.contains("::")
    {
        plain = by.to_string();
    }
    if plain.starts_with(|c: char| c.is_ascii_lowercase())
        && plain
            .split_once(">::")
            .is_some_and(|(t, _)| !t.contains("::"))
    {
        return "Rust's core and alloc";
    }
    OWNERS
        .iter()
        .find(|(_, prefixes)| prefixes.iter().any(|p| plain.starts_with(p)))
        .map_or("other (unnamed code, closures)", |(owner, _)| owner)
}

/// `core[c5930c85a12de822]::fmt` as `core::fmt`.
fn strip_crate_hashes(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut skipping = false;
    for c in name.chars() {
        match (skipping, c) {
            (false, '[') => skipping = true,
            (true, ']') => skipping = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

/// Builds each module with its names and prints its bytes by owner.
pub(super) fn account(tools: &Tools) -> Result<(), String> {
    let dist = crate::root().join(DIST);
    for module in &MODULES {
        let named = build_named(tools, module)?;
        let shipped = compress(&dist, &[PathBuf::from(module.file)])?;
        let brotli = shipped.first().map_or(0, |m| m.brotli);
        let items = items(&named)?;
        let names: u64 = items
            .iter()
            .filter(|i| i.name.contains("names\" subsection"))
            .map(|i| i.shallow_size)
            .sum();
        let mut owners: BTreeMap<&str, u64> = BTreeMap::new();
        for item in items
            .iter()
            .filter(|i| !i.name.contains("names\" subsection"))
        {
            *owners.entry(owner(&item.name)).or_default() += item.shallow_size;
        }
        let total: u64 = owners.values().sum();
        let size = std::fs::metadata(&named).map_err(|e| e.to_string())?.len();
        step(&format!(
            "{} by owner ({} shipped, {} brotli; the named build is {} without its {} of names)",
            module.file,
            kb(shipped.first().map_or(0, |m| m.raw)),
            kb(brotli),
            kb(size.saturating_sub(names)),
            kb(names),
        ));
        let mut rows: Vec<(&str, u64)> = owners.into_iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
        println!(
            "    {:<40} {:>10} {:>7} {:>14}",
            "owner", "bytes", "share", "brotli (share)"
        );
        for (owner, bytes) in rows {
            let share = bytes as f64 / total.max(1) as f64;
            println!(
                "    {owner:<40} {:>10} {:>6.1}% {:>14}",
                kb(bytes),
                share * 100.0,
                kb((share * brotli as f64).round() as u64)
            );
        }
    }
    Ok(())
}

/// The module built as the release build makes it, with its names.
fn build_named(tools: &Tools, module: &Shipped) -> Result<PathBuf, String> {
    let root = crate::root();
    Cmd::new("cargo")
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["-p", module.package, "--lib"])
        .tools(tools)
        .run()?;
    let built = root
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{}.wasm", module.wasm));
    let out = root.join(NAMED_DIR).join(module.wasm);
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .args([out.as_os_str(), built.as_os_str()])
        .tools(tools)
        .run()?;
    let bound = out.join(format!("{}_bg.wasm", module.wasm));
    let named = out.join(format!("{}_named.wasm", module.wasm));
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    Cmd::new(&wasm_opt.to_string_lossy())
        .args(WASM_OPT)
        .args([bound.as_os_str()])
        .args(["-o"])
        .args([named.as_os_str()])
        .tools(tools)
        .run()?;
    Ok(named)
}

/// Every item of `wasm`, by `twiggy top --format json`.
fn items(wasm: &Path) -> Result<Vec<Item>, String> {
    let out = Cmd::new(&twiggy().to_string_lossy())
        .args(["top", "-n", "1000000", "--format", "json"])
        .args([wasm.as_os_str()])
        .output()
        .ok_or("twiggy top failed")?;
    serde_json::from_str(&out).map_err(|e| format!("twiggy's output: {e}"))
}
