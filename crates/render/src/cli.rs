//! The `folio` command line: argument parsing and the render loop.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_formats::Format;
use folio_render::{self as render, Options, Output, Style};

const USAGE: &str = "\
usage: folio render [--embed | --page | --plain | --oembed] [options] ARTICLE...
       folio stylesheet [--hash]

Renders each ARTICLE (Article JSON v1, ANS, schema.org JSON-LD or a web page
with JSON-LD; a folder: every .json file in it; -: standard input) to HTML.
One article goes to standard output; several need --out.

  --embed            a <folio-article> with a declarative shadow root (default)
  --page             a whole HTML page with the article in its light DOM
  --plain            semantic HTML with no script and no stylesheet
  --oembed           an oEmbed 1.0 rich response (JSON)
  --out DIR          write one file per article into DIR (NAME.html, NAME.json)
  --assets URL       the folder folio.js and folio.css are served from (./)
  --style STYLE      link: a link to folio.css (default); inline: the sheet
                     in a <style>, allowed by a strict CSP by its hash
                     (folio stylesheet --hash prints it)
  --base URL         the URL relative links and images resolve against
  --lang TAG         the language of Folio's own words
  --dir ltr|rtl      the article's direction, over its language's
  --heading-level N  the headline's level, 1 to 6
  --support off      leave out the support banner and prompt
  --format NAME      read every article as folio, ans or json-ld
";

/// Runs the command the arguments name.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("render") => match Command::parse(&args[1..]) {
            Ok(command) => command.run(),
            Err(message) => usage_error(&message),
        },
        Some("stylesheet") => match &args[1..] {
            [] => {
                print!("{}", render::stylesheet());
                ExitCode::SUCCESS
            }
            [flag] if flag == "--hash" => {
                println!("{}", render::style_hash());
                ExitCode::SUCCESS
            }
            _ => usage_error("folio stylesheet takes only --hash"),
        },
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("name a command: render or stylesheet"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("folio: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// A `folio render` run: how to render, what, and where to.
struct Command {
    options: Options,
    inputs: Vec<PathBuf>,
    out: Option<PathBuf>,
}

impl Command {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = Options::default();
        let (mut inputs, mut out) = (Vec::new(), None);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match arg.as_str() {
                "--embed" | "--page" | "--plain" | "--oembed" => {
                    options.output = Output::named(&arg[2..]).unwrap_or(Output::Embed);
                }
                "--out" => out = Some(PathBuf::from(value(arg)?)),
                "--assets" => {
                    let assets = value(arg)?;
                    options.assets = match assets.ends_with('/') {
                        true => assets,
                        false => format!("{assets}/"),
                    };
                }
                "--style" => {
                    let name = value(arg)?;
                    options.style = Style::named(&name).ok_or_else(|| {
                        format!("--style must be link or inline (it is \"{name}\")")
                    })?;
                }
                "--base" => {
                    let base = value(arg)?;
                    if !folio_core::markup::usable_base(&base) {
                        return Err(format!(
                            "--base must be an http or https URL, or a path (it is \"{base}\")"
                        ));
                    }
                    options.base = Some(base);
                }
                "--lang" => options.lang = Some(value(arg)?),
                "--dir" => match value(arg)?.to_ascii_lowercase().as_str() {
                    dir @ ("ltr" | "rtl") => options.dir = Some(dir.to_string()),
                    other => return Err(format!("--dir must be ltr or rtl (it is \"{other}\")")),
                },
                "--heading-level" => {
                    let level = value(arg)?;
                    options.heading_level = match level.parse::<u8>() {
                        Ok(n @ 1..=6) => n,
                        _ => {
                            return Err(format!(
                                "--heading-level must be 1 to 6 (it is \"{level}\")"
                            ));
                        }
                    };
                }
                "--support" => match value(arg)?.as_str() {
                    "off" => options.support = false,
                    "on" => options.support = true,
                    other => {
                        return Err(format!("--support must be on or off (it is \"{other}\")"));
                    }
                },
                "--format" => {
                    let name = value(arg)?;
                    let format = Format::named(&name).ok_or_else(|| {
                        format!("--format must be folio, ans or json-ld (it is \"{name}\")")
                    })?;
                    options.format = Some(format);
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                path => inputs.push(PathBuf::from(path)),
            }
        }
        if inputs.is_empty() {
            return Err("name an article to render".into());
        }
        // A response other sites embed cannot name files relative to
        // itself.
        if options.output == Output::Oembed && folio_core::url::scheme(&options.assets).is_none() {
            return Err(
                "--oembed needs --assets with an absolute URL (where folio.js is served)".into(),
            );
        }
        Ok(Self {
            options,
            inputs,
            out,
        })
    }

    /// Renders every article; a bad one is reported and the others still
    /// written. Fails when any did.
    fn run(self) -> ExitCode {
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
        let mut targets = std::collections::HashSet::new();
        // Each article's path once, resolved, to check every output against.
        let sources: std::collections::HashSet<PathBuf> =
            articles.iter().map(|a| resolved(a)).collect();
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

/// `path` with its links and `..` resolved when it exists, else as given:
/// two paths of one existing file resolve alike.
fn resolved(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// A file's text, or standard input's for `-`, as a browser decodes a
/// response: UTF-8, a leading byte-order mark dropped. No more than the
/// most Folio reads, and one byte, is read before a longer input is
/// refused.
fn read(path: &Path) -> std::io::Result<String> {
    let limit = folio_core::limits::MAX_ARTICLE_BYTES;
    let mut bytes = Vec::new();
    let taken = u64::try_from(limit).map_or(u64::MAX, |n| n.saturating_add(1));
    if path == Path::new("-") {
        std::io::stdin().take(taken).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(taken)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() > limit {
        let message = format!(
            "it is over {}, the most Folio reads",
            folio_core::limits::bytes(limit)
        );
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            message,
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text")
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Writes `text` to `target` through a new file renamed over it, so that
/// a link at `target` is never followed (nor a file shared with another
/// name changed); a symbolic link there is refused.
fn write(target: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::symlink_metadata(target).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(std::io::Error::other(
            "it is a symbolic link; folio writes no file through one",
        ));
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let partial = target.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .and_then(|()| std::fs::rename(&partial, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

fn fail(message: &str) -> ExitCode {
    eprintln!("folio: {message}");
    ExitCode::FAILURE
}
