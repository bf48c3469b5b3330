//! `cargo xtask bench [--runs N] [--no-lighthouse]`: Folio against its
//! peers in headless Chromium, pre-rendered articles against the static
//! floor, `folio render`'s rate, and Lighthouse on the demo pages.
//!
//! This side installs what is missing (the npm packages pinned in
//! `package.json`: `marked`, `dompurify`, `lighthouse`, `puppeteer-core`),
//! writes the release build, then hands over to `bench/run.mjs`, which
//! serves `dist/`, the pages in `bench/` and the two peer libraries on
//! loopback, drives Debian's Chromium with `puppeteer-core` (over a pipe),
//! and writes `BENCHMARKS.md`. A run with fewer than the default runs or
//! without Lighthouse writes `target/bench/BENCHMARKS.md` instead, so a
//! quick try never replaces the committed results.

use std::time::Instant;

use crate::setup::Tools;
use crate::shell::{Cmd, step};

/// The script that drives the browser.
const RUNNER: &str = "bench/run.mjs";

/// Runs per variant when `--runs` is not given.
const DEFAULT_RUNS: u32 = 15;

/// Runs the task; `args` are the words after `bench`.
pub fn run(tools: &Tools, args: &[String]) -> Result<(), String> {
    let usage =
        || "usage: cargo xtask bench [--runs N] [--no-lighthouse] [--baseline DIST]".to_string();
    let mut runs = DEFAULT_RUNS;
    let mut lighthouse = true;
    let mut baseline = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--runs" => {
                runs = words
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(usage)?;
            }
            "--no-lighthouse" => lighthouse = false,
            "--baseline" => baseline = Some(words.next().ok_or_else(usage)?.clone()),
            _ => return Err(usage()),
        }
    }
    npm_packages()?;
    if lighthouse {
        node_for_lighthouse();
    }
    crate::build(tools)?;
    step("the folio command (pre-rendering scenarios): cargo build --release --bin folio");
    Cmd::new("cargo")
        .args(["build", "--release", "-p", "folio-render", "--bin", "folio"])
        .run()?;
    step(&format!(
        "benchmarks: headless Chromium, {runs} interleaved runs per variant{} \
         (about 9 minutes at 15 runs)",
        if lighthouse { ", then Lighthouse" } else { "" }
    ));
    let mut command = Cmd::new("node").args([RUNNER, "--runs", &runs.to_string()]);
    if !lighthouse {
        command = command.args(["--no-lighthouse"]);
    }
    if let Some(baseline) = &baseline {
        command = command.args(["--baseline", baseline]);
    }
    if runs < DEFAULT_RUNS || !lighthouse {
        command = command.args(["--out", "target/bench/BENCHMARKS.md"]);
    }
    command
        .tools(tools)
        .env("CHROME_PATH", &tools.chromium)
        .run()
}

/// Runs `npm ci` unless every package pinned in `package.json` is in
/// `node_modules` at its pinned version. (`cargo xtask setup` runs the same
/// `npm ci` on a fresh machine; this catches a tree installed before the
/// benchmark packages were pinned.)
fn npm_packages() -> Result<(), String> {
    step("checking npm packages (npm ci only when one is missing)");
    let root = crate::root();
    let manifest = std::fs::read_to_string(root.join("package.json"))
        .map_err(|e| format!("cannot read package.json: {e}"))?;
    let pinned = dev_dependencies(&manifest);
    if pinned.is_empty() {
        return Err("package.json has no devDependencies".into());
    }
    let missing: Vec<&(String, String)> = pinned
        .iter()
        .filter(|(name, version)| {
            let installed = root.join("node_modules").join(name).join("package.json");
            let matches = |text: String| strings_after(&text, "\"version\"").any(|v| v == version);
            !std::fs::read_to_string(installed).is_ok_and(matches)
        })
        .collect();
    let names = |list: &[&(String, String)]| {
        list.iter()
            .map(|(name, version)| format!("{name} {version}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if missing.is_empty() {
        println!("    ok  {}", names(&pinned.iter().collect::<Vec<_>>()));
        return Ok(());
    }
    println!("    ..  installing {} (npm ci)", names(&missing));
    let started = Instant::now();
    Cmd::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .run()?;
    println!(
        "    ok  npm packages (installed in {:.0?})",
        started.elapsed()
    );
    Ok(())
}

/// The `name: version` pairs of `devDependencies` in a `package.json`.
fn dev_dependencies(manifest: &str) -> Vec<(String, String)> {
    let Some(start) = manifest.find("\"devDependencies\"") else {
        return Vec::new();
    };
    let body = &manifest[start..];
    let (Some(open), Some(close)) = (body.find('{'), body.find('}')) else {
        return Vec::new();
    };
    let strings: Vec<&str> = body[open + 1..close]
        .split('"')
        .skip(1)
        .step_by(2)
        .collect();
    strings
        .chunks(2)
        .filter_map(|pair| match pair {
            [name, version] => Some((name.to_string(), version.to_string())),
            _ => None,
        })
        .collect()
}

/// The string value after each `key` (`"key": "value"`) in JSON text (a
/// `package.json` may name `"version"` in nested objects too).
/// Says so when Node is older than Lighthouse's `engines` asks for: it may
/// still run (Lighthouse 13.5 does on Node 20), and if it fails, that is why.
fn node_for_lighthouse() {
    let manifest = crate::root().join("node_modules/lighthouse/package.json");
    let Ok(manifest) = std::fs::read_to_string(manifest) else {
        return;
    };
    let Some(wanted) = strings_after(&manifest, "\"node\"").next() else {
        return;
    };
    let Some(have) = Cmd::new("node").args(["--version"]).output() else {
        return;
    };
    if version(have.trim()) < version(wanted) {
        println!(
            "    !!  Lighthouse asks for Node {wanted}, this is {}: it may still run; \
             if Lighthouse fails, use a newer Node or `--no-lighthouse`",
            have.trim()
        );
    }
}

/// The numbers of a version or a bound (`v20.20.2`, `>=22.19`), to compare.
fn version(text: &str) -> Vec<u32> {
    text.trim_start_matches(|c: char| !c.is_ascii_digit())
        .split('.')
        .map_while(|part| part.parse().ok())
        .collect()
}

fn strings_after<'a>(text: &'a str, key: &'a str) -> impl Iterator<Item = &'a str> {
    text.match_indices(key).filter_map(move |(at, _)| {
        let rest = text[at + key.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
        Some(&rest[..rest.find('"')?])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_versions_with_bounds() {
        assert!(version("v20.20.2") < version(">=22.19"));
        assert!(version("v22.19.0") >= version(">=22.19"));
        assert!(version("v23.1.0") >= version(">=22.19"));
        assert_eq!(version("^18"), [18]);
    }

    #[test]
    fn reads_the_pinned_packages() {
        let manifest = r#"{ "name": "x", "devDependencies": {
            "binaryen": "132.0.0", "marked": "18.2.1" }, "other": { "a": "b" } }"#;
        assert_eq!(
            dev_dependencies(manifest),
            [
                ("binaryen".to_string(), "132.0.0".to_string()),
                ("marked".to_string(), "18.2.1".to_string())
            ]
        );
        let installed = r#"{"engines": {"x": {"version": ">=20"}}, "version": "3.4.18"}"#;
        assert_eq!(
            strings_after(installed, "\"version\"").collect::<Vec<_>>(),
            [">=20", "3.4.18"]
        );
    }
}
