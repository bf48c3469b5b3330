//! The npm package, as `cargo xtask test` assembles it in
//! `target/package/folio-article`: packed with `npm pack`, installed from
//! the tarball into a tiny app, type-checked with tsc, bundled with esbuild
//! and with Vite, and each bundle read in Chromium.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

use crate::browser::Browser;
use crate::server::Server;
use crate::site::prepared;

/// Every file the tarball must hold, and no other.
const PACKAGE_FILES: [&str; 34] = [
    "CHANGELOG.md",
    "LICENSE-APACHE",
    "LICENSE-MIT",
    "README.md",
    "article.d.ts",
    "core/__wasm_split.js",
    "core/folio-converter.js",
    "core/folio-converter_bg.wasm",
    "core/folio-island.js",
    "core/folio-island_bg.wasm",
    "core/folio.js",
    "core/folio_bg.wasm",
    "core/split_prompt.wasm",
    "folio-media.js",
    "folio.css",
    "folio.d.ts",
    "folio.js",
    "integrity.json",
    "locales/ar.json",
    "locales/de.json",
    "locales/es.json",
    "locales/fa.json",
    "locales/fr.json",
    "locales/he.json",
    "locales/it.json",
    "locales/ja.json",
    "locales/pl.json",
    "locales/pt.json",
    "locales/ru.json",
    "locales/tr.json",
    "locales/uk.json",
    "locales/zh.json",
    "package.json",
    "schema/article.v1.json",
];

/// The app's own files (beside them: the seed article and its photo).
const APP_FILES: [&str; 6] = [
    "index.html",
    "main.js",
    "tsconfig.json",
    "tsconfig.wrong.json",
    "typed.ts",
    "wrong.ts",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The assembled package.
fn package() -> PathBuf {
    prepared(
        "FOLIO_PACKAGE",
        "target/package/folio-article",
        "package.json",
        "npm package",
    )
}

/// A pinned npm tool of the repository.
fn tool(name: &str) -> PathBuf {
    repo().join("node_modules/.bin").join(name)
}

/// Runs `program` in `dir`; returns its output, whatever its status.
fn run(program: impl AsRef<std::ffi::OsStr>, args: &[&str], dir: &Path) -> Output {
    let program = program.as_ref();
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program:?}: {e}"))
}

/// Runs it and fails the test unless it succeeds.
fn succeed(program: impl AsRef<std::ffi::OsStr>, args: &[&str], dir: &Path) -> String {
    let out = run(&program, args, dir);
    assert!(
        out.status.success(),
        "{:?} {args:?} failed:\n{}{}",
        program.as_ref(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The app with the packed package installed from its tarball, made once.
fn app() -> &'static Path {
    static APP: OnceLock<PathBuf> = OnceLock::new();
    APP.get_or_init(|| {
        let work = repo().join("target/package/test");
        let _ = fs::remove_dir_all(&work);
        let app = work.join("app");
        fs::create_dir_all(&app).unwrap();
        let packed = succeed(
            "npm",
            &[
                "pack",
                "--json",
                "--pack-destination",
                work.to_str().unwrap(),
            ],
            &package(),
        );
        let packed: Value = serde_json::from_str(&packed).expect("npm pack --json");
        let tarball = work.join(packed[0]["filename"].as_str().expect("tarball name"));
        fs::write(
            app.join("package.json"),
            r#"{ "name": "folio-package-test-app", "private": true, "type": "module" }"#,
        )
        .unwrap();
        succeed(
            "npm",
            &[
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
                tarball.to_str().unwrap(),
            ],
            &app,
        );
        for file in APP_FILES {
            fs::copy(repo().join("tests/e2e/package").join(file), app.join(file)).unwrap();
        }
        fs::copy(
            repo().join("www/sample/article.json"),
            app.join("article.json"),
        )
        .unwrap();
        app
    })
}

/// The package's version, from its `package.json`.
fn version() -> String {
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(package().join("package.json")).unwrap()).unwrap();
    manifest["version"].as_str().unwrap().to_string()
}

#[test]
fn the_tarball_holds_exactly_the_package_files() {
    let listed = succeed("npm", &["pack", "--dry-run", "--json"], &package());
    let listed: Value = serde_json::from_str(&listed).expect("npm pack --json");
    let mut files: Vec<&str> = listed[0]["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    files.sort_unstable();
    assert_eq!(files, PACKAGE_FILES);
    assert_eq!(listed[0]["name"], "folio-article");
    assert_eq!(listed[0]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn the_manifest_exports_the_module_its_types_and_its_files() {
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(package().join("package.json")).unwrap()).unwrap();
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["type"], "module");
    assert_eq!(manifest["license"], "MIT OR Apache-2.0");
    assert_eq!(manifest["sideEffects"], serde_json::json!(["./folio.js"]));
    let exports = &manifest["exports"];
    assert_eq!(exports["."]["types"], "./folio.d.ts");
    assert_eq!(exports["."]["default"], "./folio.js");
    for (key, target) in exports.as_object().unwrap() {
        let target = target["default"].as_str().or(target.as_str()).unwrap();
        // A pattern (`./locales/*`) must match files of the package.
        let found = match target.split_once('*') {
            Some((folder, _)) => {
                fs::read_dir(package().join(folder)).is_ok_and(|mut files| files.next().is_some())
            }
            None => package().join(target).is_file(),
        };
        assert!(
            found,
            "export {key} names {target}, which the package lacks"
        );
    }
}

#[test]
fn tsc_accepts_a_typed_consumer_and_refuses_each_type_error() {
    let app = app();
    succeed(tool("tsc"), &["-p", "tsconfig.json"], app);
    let out = run(tool("tsc"), &["-p", "tsconfig.wrong.json"], app);
    assert!(!out.status.success(), "tsc accepted wrong.ts");
    let report = String::from_utf8_lossy(&out.stdout);
    let mut errors: Vec<(u32, String)> = report
        .lines()
        .filter_map(|line| {
            let (at, rest) = line.strip_prefix("wrong.ts(")?.split_once("): error ")?;
            let line = at.split(',').next()?.parse().ok()?;
            Some((line, rest.split(':').next()?.to_string()))
        })
        .collect();
    errors.sort();
    let expected = [
        (6, "TS2322"),  // an article without `published`
        (7, "TS2322"),  // a number for `headline`
        (8, "TS2322"),  // a theme that does not exist
        (9, "TS2769"),  // an attribute value the element does not take
        (10, "TS2339"), // a field `folio:render`'s detail lacks
    ]
    .map(|(line, code)| (line, code.to_string()));
    assert_eq!(errors, expected, "{report}");
}

/// Opens the bundled app served from `out` and checks the article shows
/// with its support prompt, the core's WebAssembly came from `wasm_under`
/// in the bundle's own output and the prompt's chunk from `chunk_under`,
/// and nothing was fetched from anywhere else.
async fn check_bundle(out: &Path, wasm_under: &str, chunk_under: &str) {
    fs::copy(repo().join("www/sample/hero.svg"), out.join("hero.svg")).unwrap();
    let server = Server::start(out.to_path_buf());
    let browser = Browser::start().await;
    browser.open(&server.url("/index.html")).await;
    let headline = browser
        .wait_for(
            "return document.getElementById('story').shadowRoot?.querySelector('h1')?.textContent;",
            "the bundled app to show the article",
        )
        .await;
    let sample: Value =
        serde_json::from_str(include_str!("../../www/sample/article.json")).unwrap();
    assert_eq!(headline, sample["headline"]);
    let heading = browser
        .wait_for(
            "return document.getElementById('story').shadowRoot?.querySelector('.folio-support__heading')?.textContent;",
            "the bundled app to show the support prompt",
        )
        .await;
    assert_eq!(heading, sample["support"]["heading"]);
    let seen = browser
        .eval(
            "return { version: document.documentElement.dataset.folioVersion, \
               ready: document.documentElement.dataset.folioReady, \
               element: !!customElements.get('folio-article'), \
               origins: [...new Set(performance.getEntriesByType('resource') \
                 .map((e) => new URL(e.name).origin))] };",
            vec![],
        )
        .await;
    assert_eq!(seen["version"], version(), "Folio.version is the package's");
    assert_eq!(seen["ready"], "true");
    assert_eq!(seen["element"], true);
    assert_eq!(seen["origins"], serde_json::json!([server.origin()]));
    let wasm: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r.ends_with(".wasm"))
        .collect();
    let [core, chunk] = wasm.as_slice() else {
        panic!("two WebAssembly requests, the core's and the prompt's: {wasm:?}");
    };
    assert!(
        core.starts_with(wasm_under) && core.contains("folio_bg"),
        "the core's WebAssembly came from {core}, not from under {wasm_under}"
    );
    assert!(
        chunk.starts_with(chunk_under) && chunk.contains("split_prompt"),
        "the prompt's WebAssembly came from {chunk}, not from under {chunk_under}"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_esbuild_bundle_shows_the_article_with_its_own_wasm() {
    let app = app();
    let out = app.join("out-esbuild");
    // The README's setting: an ES module bundle, and the WebAssembly copied
    // to core/ under the output folder.
    succeed(
        tool("esbuild"),
        &[
            "main.js",
            "--bundle",
            "--format=esm",
            "--outdir=out-esbuild",
        ],
        app,
    );
    fs::create_dir_all(out.join("core")).unwrap();
    fs::copy(
        app.join("node_modules/folio-article/core/folio_bg.wasm"),
        out.join("core/folio_bg.wasm"),
    )
    .unwrap();
    // The prompt's chunk beside the bundle, where its loader (bundled
    // into it) looks.
    fs::copy(
        app.join("node_modules/folio-article/core/split_prompt.wasm"),
        out.join("split_prompt.wasm"),
    )
    .unwrap();
    fs::copy(app.join("index.html"), out.join("index.html")).unwrap();
    check_bundle(&out, "/core/", "/split_prompt").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vite_bundle_shows_the_article_with_its_own_wasm() {
    let app = app();
    // No setting: Vite emits the WebAssembly into its assets.
    succeed(
        tool("vite"),
        &[
            "build",
            "--outDir",
            "out-vite",
            "--emptyOutDir",
            "--logLevel",
            "warn",
        ],
        app,
    );
    check_bundle(&app.join("out-vite"), "/assets/", "/assets/").await;
}
