//! Running commands with the project's tools first on `PATH`.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::setup::Tools;

/// Prints a step heading.
pub fn step(text: &str) {
    println!("\n==> {text}");
}

/// A command to run from the repository root.
pub struct Cmd(Command);

impl Cmd {
    /// `program`, run in the repository root.
    pub fn new(program: &str) -> Self {
        let mut command = Command::new(program);
        command.current_dir(crate::root());
        Self(command)
    }

    /// Runs it in `dir`, relative to the repository root.
    pub fn dir(mut self, dir: &str) -> Self {
        self.0.current_dir(crate::root().join(dir));
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.0.args(args);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.0.env(key, value);
        self
    }

    /// Puts the installed tools first on `PATH`, names the browser, and
    /// keeps the builder's file paths out of what is built for wasm32.
    pub fn tools(mut self, tools: &Tools) -> Self {
        self.0.env("PATH", tools.path());
        self.0.env("CHROMEDRIVER", &tools.chromedriver);
        self.0.env("FOLIO_CHROMIUM", &tools.chromium);
        self.0.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            remapped_sources(),
        );
        self
    }

    /// Runs it, failing on a non-zero exit.
    pub fn run(mut self) -> Result<(), String> {
        let status = self
            .0
            .status()
            .map_err(|e| format!("cannot start {:?}: {e}", self.0.get_program()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{} exited with {status}", describe(&self.0)))
        }
    }

    /// Runs it quietly and returns its standard output, if it succeeded.
    pub fn output(mut self) -> Option<String> {
        let out = self.0.stderr(Stdio::null()).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Cargo's home folder.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Cargo's bin folder, where `cargo install` puts tools.
pub fn cargo_bin() -> PathBuf {
    cargo_home().join("bin")
}

/// `--remap-path-prefix` flags that shorten the dependencies' source paths,
/// which panic locations keep in the wasm, from the builder's cargo home
/// (`/home/someone/.cargo/registry/src/<registry>/tachys-0.2.19/src/…`) to
/// the crate's own (`tachys-0.2.19/src/…`).
fn remapped_sources() -> String {
    let sources = cargo_home().join("registry/src");
    // rustc applies the last prefix that matches: each registry's folder
    // after the folder of them all.
    let mut registries: Vec<PathBuf> = std::fs::read_dir(&sources)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    registries.sort();
    registries.insert(0, sources);
    // The variable is split at spaces: a folder with one cannot be named
    // in it (and the size check then says the wasm names it).
    registries
        .iter()
        .map(|from| from.display().to_string())
        .filter(|from| !from.contains(char::is_whitespace))
        .map(|from| format!("--remap-path-prefix={from}/="))
        .collect::<Vec<_>>()
        .join(" ")
}
