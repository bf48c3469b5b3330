//! A `folio render` run: each article rendered, and written to standard
//! output or into a folder, every problem reported with its file.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_render::{self as render, Options};

use super::files::{read, resolved, write};
use super::usage_error;

/// What to render, how, and where to.
pub struct Run {
    /// How to render.
    pub options: Options,
    /// The files and folders named.
    pub inputs: Vec<PathBuf>,
    /// The folder to write into (else standard output).
    pub out: Option<PathBuf>,
}

impl Run {
    /// Renders every article; a bad one is reported and the others still
    /// written. Fails when any did.
    pub fn run(self) -> ExitCode {
        let articles = match self.articles() {
            Ok(articles) => articles,
            Err(message) => return usage_error(&message),
        };
        let Some(out) = &self.out else {
            if articles.len() != 1 {
                return usage_error("several articles need --out DIR");
            }
            let (text, whole) = self.render(&articles[0]);
            let Some(text) = text else {
                return ExitCode::FAILURE;
            };
            return match std::io::stdout().write_all(text.as_bytes()) {
                Ok(()) if whole => ExitCode::SUCCESS,
                Ok(()) => ExitCode::FAILURE,
                Err(error) => fail(&format!("cannot write: {error}")),
            };
        };
        if let Err(error) = std::fs::create_dir_all(out) {
            return fail(&format!("cannot make {}: {error}", out.display()));
        }
        let (mut written, mut failed) = (0, 0);
        let mut targets = HashSet::new();
        // Each article's path once, resolved, to check every output against.
        let sources: HashSet<PathBuf> = articles.iter().map(|a| resolved(a)).collect();
        for path in &articles {
            let name = path
                .file_stem()
                .unwrap_or(path.as_os_str())
                .to_string_lossy();
            let target = out.join(format!("{name}.{}", self.options.output.extension()));
            // Never one output over another, nor over an article.
            let taken = !targets.insert(target.clone()) || sources.contains(&resolved(&target));
            if taken {
                eprintln!(
                    "{}: not written: {} is another article's output, or an article",
                    path.display(),
                    target.display()
                );
                failed += 1;
                continue;
            }
            let (text, whole) = self.render(path);
            let done = text.is_some_and(|text| match write(&target, &text) {
                Ok(()) => whole,
                Err(error) => {
                    eprintln!("{}: cannot write: {error}", target.display());
                    false
                }
            });
            match done {
                true => written += 1,
                false => failed += 1,
            }
        }
        eprintln!(
            "folio: {written} written to {}, {failed} failed",
            out.display()
        );
        match failed {
            0 => ExitCode::SUCCESS,
            _ => ExitCode::FAILURE,
        }
    }

    /// The files to render: each one named, every `.json` file of each
    /// folder named (in name order).
    fn articles(&self) -> Result<Vec<PathBuf>, String> {
        let mut articles = Vec::new();
        for input in &self.inputs {
            if !input.is_dir() {
                articles.push(input.clone());
                continue;
            }
            let entries = std::fs::read_dir(input)
                .map_err(|error| format!("cannot read {}: {error}", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "json") && path.is_file())
                .collect();
            found.sort();
            articles.extend(found);
        }
        Ok(articles)
    }

    /// One article rendered, with whether it rendered whole: each error on
    /// standard error (its file's name, the field and the problem). `None`
    /// when nothing could be rendered; an article rendered without a part
    /// (a bad `support` block) is written and counts as failed.
    fn render(&self, path: &Path) -> (Option<String>, bool) {
        let text = match read(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{}: cannot read: {error}", path.display());
                return (None, false);
            }
        };
        match render::render(&text, &self.options) {
            Ok(rendered) => {
                for notice in &rendered.notices {
                    eprintln!(
                        "{}: note: {}: {}",
                        path.display(),
                        notice.path,
                        notice.message
                    );
                }
                for error in &rendered.errors {
                    eprintln!("{}: {error}", path.display());
                }
                (Some(rendered.text), rendered.errors.is_empty())
            }
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                (None, false)
            }
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("folio: {message}");
    ExitCode::FAILURE
}
