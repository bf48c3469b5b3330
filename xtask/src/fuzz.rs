//! `cargo xtask fuzz [SECONDS]`: coverage-guided fuzzing of the two input
//! parsers with cargo-fuzz and libFuzzer on the nightly toolchain.
//!
//! Each target in `fuzz/` runs for SECONDS on its corpus in
//! `fuzz/corpus/<target>/` (seeded from the sample articles and the Markdown
//! test cases when empty), then the corpus is minimized so the committed one
//! stays small. A crash fails the task and names the input libFuzzer saved
//! under `fuzz/artifacts/<target>/`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::setup::ensure;
use crate::shell::{Cmd, cargo_bin, step};

/// The fuzz targets, each with the folders and file extension its seeds
/// come from.
const TARGETS: [(&str, &[&str], &str); 5] = [
    ("json_to_model", &["www/sample"], "json"),
    ("ans_to_model", &["www/sample", "tests/formats"], "json"),
    ("jsonld_to_model", &["www/sample", "tests/formats"], "json"),
    ("markdown_to_tree", &["tests/markdown"], "md"),
    ("markdown_rerender", &["tests/markdown"], "md"),
];

/// Seconds per target when none are given.
const DEFAULT_SECONDS: u64 = 60;

/// Debug assertions (and so overflow checks) on: they catch more than a
/// plain release build. `run` and `cmin` must share flags to share a build.
const BUILD_FLAGS: [&str; 1] = ["--debug-assertions"];

/// What one fuzzing run did.
struct Outcome {
    target: &'static str,
    seconds: f64,
    executions: Option<u64>,
    per_second: Option<u64>,
    crash: Option<String>,
    corpus_before: usize,
    corpus_after: usize,
    corpus_bytes: u64,
}

/// Runs the task; `args` are the words after `fuzz`.
pub fn run(args: &[String]) -> Result<(), String> {
    let usage = || "usage: cargo xtask fuzz [SECONDS [TARGET]]".to_string();
    let (seconds, only) = match args {
        [] => (DEFAULT_SECONDS, None),
        [n, rest @ ..] if rest.len() <= 1 => (
            n.parse().ok().filter(|&n| n > 0).ok_or(format!(
                "SECONDS must be a positive whole number, not {n:?}"
            ))?,
            rest.first(),
        ),
        _ => return Err(usage()),
    };
    if only.is_some_and(|only| !TARGETS.iter().any(|(target, ..)| only == target)) {
        return Err(usage());
    }
    tools()?;
    let mut outcomes = Vec::new();
    let chosen = TARGETS
        .iter()
        .filter(|(target, ..)| only.is_none_or(|only| only == target));
    for &(target, seeds, extension) in chosen {
        let corpus = crate::root().join("fuzz/corpus").join(target);
        seed(&corpus, seeds, extension)?;
        let corpus_before = count_files(&corpus);
        step(&format!("fuzzing {target} for {seconds} s"));
        let started = Instant::now();
        let (stats, crash) = fuzz(target, &corpus, seconds)?;
        let elapsed = started.elapsed().as_secs_f64();
        step(&format!("minimizing the {target} corpus (cargo fuzz cmin)"));
        // Inputs that once found a bug (`known-*`) stay, whatever their coverage.
        let known = known_inputs(&corpus);
        // Edge coverage only, without hit counts: a few hundred inputs keep
        // every edge the full set reaches, and the committed corpus small.
        Cmd::new("cargo")
            .args(["+nightly", "fuzz", "cmin"])
            .args(BUILD_FLAGS)
            .args([std::ffi::OsStr::new(target), corpus.as_os_str()])
            .args(["--", "-use_counters=0"])
            .env("PATH", path())
            .run()?;
        for (path, bytes) in &known {
            std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        outcomes.push(Outcome {
            target,
            seconds: elapsed,
            executions: stats.executions,
            per_second: stats.per_second,
            crash,
            corpus_before,
            corpus_after: count_files(&corpus),
            corpus_bytes: count_bytes(&corpus),
        });
    }
    report(&outcomes)
}

/// The corpus files named `known-*`, with their contents.
fn known_inputs(corpus: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(corpus) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("known-"))
        })
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect()
}

/// The nightly toolchain and cargo-fuzz, each installed only when missing.
fn tools() -> Result<(), String> {
    step("checking fuzzing tools (each is installed only when missing)");
    ensure(
        "nightly toolchain",
        || {
            Cmd::new("rustup")
                .args(["toolchain", "list"])
                .output()
                .is_some_and(|list| list.lines().any(|l| l.starts_with("nightly")))
        },
        || {
            Cmd::new("rustup")
                .args(["toolchain", "install", "nightly", "--profile", "minimal"])
                .run()
        },
    )?;
    ensure(
        "cargo-fuzz",
        || {
            Cmd::new("cargo")
                .args(["+nightly", "fuzz", "--version"])
                .env("PATH", path())
                .output()
                .is_some()
        },
        || {
            Cmd::new("cargo")
                .args(["install", "cargo-fuzz", "--locked"])
                .run()
        },
    )
}

/// `PATH` with cargo's bin folder first, where `cargo install` put cargo-fuzz.
fn path() -> std::ffi::OsString {
    let mut dirs = vec![cargo_bin()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// Copies the seed files into an empty or missing corpus folder.
fn seed(corpus: &Path, folders: &[&str], extension: &str) -> Result<(), String> {
    if count_files(corpus) > 0 {
        return Ok(());
    }
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    for folder in folders {
        let dir = crate::root().join(folder);
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for source in entries.filter_map(Result::ok).map(|e| e.path()) {
            if source.extension().is_some_and(|e| e == extension)
                && let Some(name) = source.file_name()
            {
                let copy = corpus.join(format!("seed-{}", name.to_string_lossy()));
                std::fs::copy(&source, &copy)
                    .map_err(|e| format!("cannot copy {}: {e}", source.display()))?;
            }
        }
    }
    println!(
        "    seeded {} with {} files",
        corpus.display(),
        count_files(corpus)
    );
    Ok(())
}

fn count_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len())
            .sum()
    })
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .count()
    })
}

/// Runs one target under libFuzzer, echoing its output (without the line
/// per new input) and reading its final statistics. Returns them and, when
/// it crashed, the saved input.
fn fuzz(target: &str, corpus: &Path, seconds: u64) -> Result<(Stats, Option<String>), String> {
    let root = crate::root();
    let mut command = Command::new("cargo");
    command
        .current_dir(&root)
        .env("PATH", path())
        .args(["+nightly", "fuzz", "run"])
        .args(BUILD_FLAGS)
        .arg(target)
        .arg(corpus)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1");
    let dictionary: PathBuf = root.join("fuzz/dict").join(format!("{target}.dict"));
    if dictionary.is_file() {
        command.arg(format!("-dict={}", dictionary.display()));
    }
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let mut stats = Stats::default();
    if let Some(stderr) = child.stderr.take() {
        let mut reader = BufReader::new(stderr);
        let mut line = Vec::new();
        let mut out = std::io::stderr().lock();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            let text = String::from_utf8_lossy(&line);
            if !stats.read(&text) {
                let _ = out.write_all(&line);
            }
            line.clear();
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz did not finish: {e}"))?;
    if status.success() {
        return Ok((stats, None));
    }
    match stats.artifact.take() {
        Some(artifact) => Ok((stats, Some(artifact))),
        None => Err(format!("cargo fuzz run {target} exited with {status}")),
    }
}

/// What is read from libFuzzer's output.
#[derive(Default)]
struct Stats {
    executions: Option<u64>,
    per_second: Option<u64>,
    artifact: Option<String>,
}

impl Stats {
    /// Reads one line; true when it is a progress line not worth echoing
    /// (a new input, a new function, a dictionary recommendation).
    fn read(&mut self, line: &str) -> bool {
        let line = line.trim_end();
        if line.trim_start().starts_with("NEW_FUNC[")
            || line.ends_with(|c: char| c.is_ascii_digit()) && line.contains("\" # Uses: ")
        {
            return true;
        }
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            self.executions = n.trim().parse().ok().or(self.executions);
        } else if let Some(n) = line.strip_prefix("stat::average_exec_per_sec:") {
            self.per_second = n.trim().parse().ok();
        } else if let Some((_, path)) = line.split_once("Test unit written to ") {
            // Slow units are saved too, without failing the run.
            if !path.contains("/slow-unit-") {
                self.artifact = Some(path.trim().to_string());
            }
        } else if let Some(count) = line.strip_prefix('#') {
            let mut words = count.split_whitespace();
            let number = words.next().and_then(|n| n.parse::<u64>().ok());
            match words.next() {
                Some("DONE") => self.executions = self.executions.or(number),
                Some("NEW" | "REDUCE") => return true,
                _ => {}
            }
        }
        false
    }
}

/// Prints the summary table and fails when a target crashed.
fn report(outcomes: &[Outcome]) -> Result<(), String> {
    step("fuzzing summary");
    println!(
        "    {:<18} {:>8} {:>14} {:>10} {:>14} {:>10}  crashes",
        "target", "wall s", "executions", "per second", "corpus files", "KiB"
    );
    for o in outcomes {
        let executions = o.executions.map_or("?".into(), |n| n.to_string());
        let rate = o.per_second.map_or("?".into(), |n| n.to_string());
        println!(
            "    {:<18} {:>8.0} {:>14} {:>10} {:>14} {:>10}  {}",
            o.target,
            o.seconds,
            executions,
            rate,
            format!("{} -> {}", o.corpus_before, o.corpus_after),
            o.corpus_bytes.div_ceil(1024),
            if o.crash.is_some() { "1" } else { "0" }
        );
    }
    let crashes: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.crash.as_ref().map(|artifact| {
                format!(
                    "{target} crashed on {artifact}\n      \
                     reproduce: cargo +nightly fuzz run {flags} {target} {artifact}\n      \
                     minimize:  cargo +nightly fuzz tmin {flags} {target} {artifact}",
                    target = o.target,
                    flags = BUILD_FLAGS.join(" "),
                )
            })
        })
        .collect();
    if crashes.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "a fuzz target crashed:\n    {}",
            crashes.join("\n    ")
        ))
    }
}
