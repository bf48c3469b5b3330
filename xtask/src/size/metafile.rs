//! The files a page downloads, found from esbuild's metafile: the module
//! graph from `dist/folio.js` on, and each wasm-bindgen module's wasm.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{DIST, ENTRY, SPLIT_LOADER};
use crate::shell::Cmd;

/// The esbuild binary, relative to the repository root.
const ESBUILD: &str = "node_modules/.bin/esbuild";

/// Where esbuild writes its bundle (never read) and its metafile.
const GRAPH_DIR: &str = "target/size-graph";

/// esbuild's metafile: the parts read here.
#[derive(Debug, Deserialize)]
pub(super) struct Metafile {
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
pub(super) struct Module {
    /// Its path, relative to `dist/`.
    pub(super) path: PathBuf,
    /// Its exports, when esbuild wrote it an entry chunk of its own (see
    /// [`Output::entry_point`]); `None` when it was merged into another.
    pub(super) exports: Option<Vec<String>>,
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
    pub(super) fn wasm(&self) -> Option<PathBuf> {
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

/// The JavaScript modules of `dist/` a page loads, from `folio.js` on, in
/// the order esbuild's metafile reaches them.
pub(super) fn graph(dist: &Path) -> Result<Vec<Module>, String> {
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
pub(super) fn parse_metafile(text: &str) -> Result<Metafile, String> {
    serde_json::from_str(text).map_err(|e| format!("esbuild's metafile is not as expected: {e}"))
}

/// The modules of `dist/` in `metafile`, from `dist/folio.js` on through
/// each one's imports (breadth first, in source order), with their exports.
pub(super) fn modules(metafile: &Metafile) -> Result<Vec<Module>, String> {
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

/// The chunks the loader at `loader` (relative to `dist/`) fetches: each
/// `"./name.wasm"` it names, beside it (once, however often it names it).
fn chunks(dist: &Path, loader: &Path) -> Result<Vec<PathBuf>, String> {
    let text = std::fs::read_to_string(dist.join(loader))
        .map_err(|e| format!("cannot read {DIST}/{}: {e}", loader.display()))?;
    let mut found = Vec::new();
    for piece in text.split("\"./").skip(1) {
        let Some((name, _)) = piece.split_once('"') else {
            continue;
        };
        if !name.ends_with(".wasm") || name.contains('/') {
            continue;
        }
        let chunk = loader.with_file_name(name);
        if !dist.join(&chunk).is_file() {
            return Err(format!(
                "{DIST}/{} fetches {name}, but there is no {DIST}/{} beside it",
                loader.display(),
                chunk.display()
            ));
        }
        if !found.contains(&chunk) {
            found.push(chunk);
        }
    }
    Ok(found)
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
pub(super) fn downloaded(dist: &Path, modules: &[Module]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for module in modules {
        // The core's chunks' loader, imported by the core: its chunks are
        // fetched only when called, and measured apart (see `ON_DEMAND`).
        if module.path == Path::new(SPLIT_LOADER) {
            files.push(module.path.clone());
            files.extend(chunks(dist, &module.path)?);
            continue;
        }
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
