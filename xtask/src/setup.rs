//! Installing what the build and the tests need, each step skipped when
//! already satisfied: Chromium and chromedriver, Node.js, the wasm target,
//! Trunk, the wasm-bindgen CLI matching `Cargo.lock`, wasm-split-cli (which
//! splits the core's WebAssembly), npm's binaryen, and a real WordPress
//! with its database and PHP for the oEmbed test.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::shell::{Cmd, cargo_bin, step};

/// The Trunk release the build is verified with.
const TRUNK_VERSION: &str = "0.21.14";

/// The release of `wasm_split_cli_support` whose `wasm-split-cli` splits
/// the core's WebAssembly (build/split.mjs), the one the build is verified
/// with: the split format is not yet stable across releases.
const WASM_SPLIT_VERSION: &str = "0.2.4";

/// Where the installed tools are.
pub struct Tools {
    /// The Chromium binary.
    pub chromium: PathBuf,
    /// The matching chromedriver.
    pub chromedriver: PathBuf,
}

impl Tools {
    /// `PATH` with npm's binaries and cargo's bin folder first.
    pub fn path(&self) -> std::ffi::OsString {
        let mut dirs = vec![crate::root().join("node_modules/.bin"), cargo_bin()];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(dirs).unwrap_or_default()
    }
}

/// Installs whatever is missing.
pub fn all() -> Result<Tools, String> {
    step("checking tools (each is installed only when missing)");
    apt("chromium", &["chromium", "chromium-driver"], || {
        which("chromium").is_some() && which("chromedriver").is_some()
    })?;
    apt("node and npm", &["nodejs", "npm"], || {
        which("npm").is_some()
    })?;
    // The Nu HTML checker (npm vnu-jar) that checks `folio render`'s output.
    apt("java", &["default-jre-headless"], || {
        which("java").is_some()
    })?;
    // A real WordPress, its database and PHP, for the oEmbed end-to-end test.
    apt(
        "wordpress",
        &[
            "wordpress",
            "wordpress-theme-twentytwentyone",
            "mariadb-server",
            "php-cli",
            "php-mysql",
        ],
        || {
            Path::new("/usr/share/wordpress/wp-includes").is_dir()
                && Path::new("/usr/share/wordpress/wp-content/themes/twentytwentyone").is_dir()
                && which("mariadb-install-db").is_some()
                && version_of("php").is_some()
                && Cmd::new("php")
                    .args(["-r", "exit(extension_loaded('mysqli') ? 0 : 1);"])
                    .output()
                    .is_some()
        },
    )?;
    ensure(
        "wasm32 target",
        || installed_targets().contains("wasm32-unknown-unknown"),
        || {
            Cmd::new("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"])
                .run()
        },
    )?;
    let trunk_ok = || version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION));
    ensure(&format!("trunk {TRUNK_VERSION}"), trunk_ok, || {
        Cmd::new("cargo")
            .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .run()
    })?;
    let bindgen = locked_version("wasm-bindgen")?;
    let bindgen_ok = || {
        version_of("wasm-bindgen").is_some_and(|v| v.split_whitespace().any(|w| w == bindgen))
            && version_of("wasm-bindgen-test-runner").is_some_and(|v| v.contains(&bindgen))
    };
    ensure(&format!("wasm-bindgen-cli {bindgen}"), bindgen_ok, || {
        Cmd::new("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", &bindgen])
            .run()
    })?;
    let split_ok = || {
        which("wasm-split-cli").is_some()
            && Cmd::new("cargo")
                .args(["install", "--list"])
                .output()
                .is_some_and(|list| {
                    list.contains(&format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:"))
                })
    };
    ensure(
        &format!("wasm-split-cli {WASM_SPLIT_VERSION}"),
        split_ok,
        || {
            Cmd::new("cargo")
                .args([
                    "install",
                    "wasm_split_cli_support",
                    "--version",
                    WASM_SPLIT_VERSION,
                    "--locked",
                    "--features",
                    "build-binary",
                ])
                .run()
        },
    )?;
    let wasm_opt = crate::root().join("node_modules/.bin/wasm-opt");
    let npm_ok = || {
        Cmd::new(&wasm_opt.to_string_lossy())
            .args(["--version"])
            .output()
            .is_some_and(|v| v.contains("version 132"))
            && Cmd::new("node")
                .args(["-e", NPM_PINNED_JS])
                .dir(".")
                .output()
                .is_some()
    };
    ensure("npm packages (binaryen 132, terser, …)", npm_ok, || {
        Cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .run()
    })?;
    Ok(Tools {
        chromium: which("chromium").ok_or("chromium is not on PATH")?,
        chromedriver: which("chromedriver").ok_or("chromedriver is not on PATH")?,
    })
}

/// Exits non-zero unless every package pinned in `package.json` is in
/// `node_modules` at exactly its pinned version.
const NPM_PINNED_JS: &str = r#"
const pinned = require("./package.json").devDependencies;
for (const [name, version] of Object.entries(pinned)) {
  const installed = require(`./node_modules/${name}/package.json`).version;
  if (installed !== version) process.exit(1);
}
"#;

/// Runs `install` unless `present()`, then checks again; says what it did.
pub(crate) fn ensure(
    name: &str,
    present: impl Fn() -> bool,
    install: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    if present() {
        println!("    ok  {name}");
        return Ok(());
    }
    println!("    ..  installing {name}");
    let started = Instant::now();
    install()?;
    if !present() {
        return Err(format!("{name} is still missing after installing it"));
    }
    println!("    ok  {name} (installed in {:.0?})", started.elapsed());
    Ok(())
}

/// Installs Debian packages with apt-get (through sudo when not root).
fn apt(name: &str, packages: &[&str], present: impl Fn() -> bool) -> Result<(), String> {
    ensure(name, present, || {
        let root = Cmd::new("id")
            .args(["-u"])
            .output()
            .is_some_and(|id| id.trim() == "0");
        let apt = |args: &[&str]| {
            let cmd = if root {
                Cmd::new("apt-get")
            } else {
                Cmd::new("sudo").args(["apt-get"])
            };
            cmd.args(args)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .run()
        };
        apt(&["update"])?;
        apt(&[&["install", "-y", "--no-install-recommends"][..], packages].concat())
    })
}

/// The full path of `program` on `PATH` (or in cargo's bin folder).
fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([cargo_bin()])
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn version_of(program: &str) -> Option<String> {
    Cmd::new(&which(program)?.to_string_lossy())
        .args(["--version"])
        .output()
}

fn installed_targets() -> String {
    Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .unwrap_or_default()
}

/// The version of `package` recorded in `Cargo.lock`.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(crate::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let entry = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&entry)
        .ok_or(format!("{package} is not in Cargo.lock"))?
        + entry.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_string())
}
