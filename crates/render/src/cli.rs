//! The `folio` command line, parsed by `clap`: `folio render` and `folio
//! stylesheet`, each with its `--help`.

mod files;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Args, CommandFactory, Parser, Subcommand, ValueEnum};
use folio_core::format::Format;
use folio_render::{self as render, Options, Output, Style};

/// Folio on a server: articles pre-rendered to HTML with the widget's own
/// components.
#[derive(Parser)]
#[command(name = "folio", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Renders each ARTICLE (Article JSON v1, ANS, schema.org JSON-LD or a
    /// web page with JSON-LD; a folder: every .json file in it; -: standard
    /// input) to HTML. One article goes to standard output; several need
    /// --out.
    Render(RenderArgs),
    /// Prints the stylesheet pre-rendered articles use (folio.css).
    Stylesheet {
        /// Print the CSP source that allows it inline ('sha256-…') instead.
        #[arg(long)]
        hash: bool,
    },
}

#[derive(Args)]
#[command(group(ArgGroup::new("output").args(["embed", "page", "plain", "oembed", "iframe"])))]
struct RenderArgs {
    /// A <folio-article> with a declarative shadow root (the default).
    #[arg(long)]
    embed: bool,
    /// A whole HTML page with the article in its light DOM.
    #[arg(long)]
    page: bool,
    /// Semantic HTML with no script and no stylesheet.
    #[arg(long)]
    plain: bool,
    /// An oEmbed 1.0 rich response (JSON); needs an absolute --assets.
    #[arg(long)]
    oembed: bool,
    /// A whole HTML document to be the src of an iframe on another site
    /// (WordPress and other oEmbed consumers); needs an absolute --assets.
    #[arg(long)]
    iframe: bool,
    /// With --oembed: the address of the article's --iframe document,
    /// which the response embeds in an iframe (the shape WordPress keeps).
    #[arg(long, value_name = "URL", requires = "oembed", value_parser = absolute_url)]
    iframe_src: Option<String>,
    /// With --page: the address of the article's oEmbed response, named in
    /// the page for discovery.
    #[arg(long, value_name = "URL", requires = "page", value_parser = absolute_url)]
    oembed_url: Option<String>,
    /// Write one file per article into DIR (NAME.html, NAME.json).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The folder folio.js and folio.css are served from.
    #[arg(long, value_name = "URL", default_value = "./")]
    assets: String,
    /// inline: the sheet in a <style>, nothing to fetch before the first
    /// paint, allowed by a strict CSP by its hash (folio stylesheet --hash
    /// prints it); link: a link to folio.css, for a CSP of 'self' alone.
    #[arg(long, value_enum, default_value_t = StyleName::Inline)]
    style: StyleName,
    /// The URL relative links and images resolve against: an http or
    /// https URL, or a path on the page's own site.
    #[arg(long, value_name = "URL", value_parser = base)]
    base: Option<String>,
    /// The language of Folio's own words (BCP 47).
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// The article's direction, over its language's.
    #[arg(long, value_enum, ignore_case = true)]
    dir: Option<Direction>,
    /// The headline's heading level.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=6))]
    heading_level: u8,
    /// on, or off: leave out the support banner and prompt.
    #[arg(long, value_enum, default_value_t = Switch::On)]
    support: Switch,
    /// Read every article as this format only (folio, ans or json-ld).
    #[arg(long, value_name = "NAME", value_parser = format)]
    format: Option<Format>,
    /// The articles.
    #[arg(required = true, value_name = "ARTICLE")]
    inputs: Vec<PathBuf>,
}

/// Where the styles come from.
#[derive(Clone, Copy, ValueEnum)]
enum StyleName {
    Link,
    Inline,
}

/// A direction of text.
#[derive(Clone, Copy, ValueEnum)]
enum Direction {
    Ltr,
    Rtl,
}

/// On or off.
#[derive(Clone, Copy, ValueEnum)]
enum Switch {
    On,
    Off,
}

/// A `--base` the URL policy allows a relative link to take.
fn base(value: &str) -> Result<String, String> {
    match folio_core::markup::usable_base(value) {
        true => Ok(value.to_string()),
        false => Err("must be an http or https URL, or a path".into()),
    }
}

/// An absolute `http:` or `https:` URL, which another site can reach.
fn absolute_url(value: &str) -> Result<String, String> {
    match folio_core::url::scheme(value) {
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            Ok(value.to_string())
        }
        _ => Err("must be an absolute http or https URL".into()),
    }
}

/// A `--format` Folio reads.
fn format(value: &str) -> Result<Format, String> {
    Format::named(value).ok_or_else(|| "must be folio, ans or json-ld".into())
}

/// Runs the command the arguments name.
pub fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Render(args) => args.run(),
        Command::Stylesheet { hash: false } => {
            print!("{}", render::stylesheet());
            ExitCode::SUCCESS
        }
        Command::Stylesheet { hash: true } => {
            println!("{}", render::style_hash());
            ExitCode::SUCCESS
        }
    }
}

impl RenderArgs {
    fn run(self) -> ExitCode {
        let output = match (self.page, self.plain, self.oembed, self.iframe) {
            (true, ..) => Output::Page,
            (_, true, ..) => Output::Plain,
            (_, _, true, _) => Output::Oembed,
            (.., true) => Output::Iframe,
            _ => Output::Embed,
        };
        // What other sites embed cannot name files relative to itself.
        let foreign = matches!(output, Output::Oembed | Output::Iframe);
        if foreign && folio_core::url::scheme(&self.assets).is_none() {
            let flag = if output == Output::Oembed {
                "--oembed"
            } else {
                "--iframe"
            };
            return usage_error(&format!(
                "{flag} needs --assets with an absolute URL (where folio.js is served)"
            ));
        }
        let assets = match self.assets.ends_with('/') {
            true => self.assets,
            false => format!("{}/", self.assets),
        };
        let options = Options {
            output,
            style: match self.style {
                StyleName::Link => Style::Link,
                StyleName::Inline => Style::Inline,
            },
            assets,
            base: self.base,
            support: matches!(self.support, Switch::On),
            lang: self.lang,
            dir: self.dir.map(|dir| match dir {
                Direction::Ltr => "ltr".to_string(),
                Direction::Rtl => "rtl".to_string(),
            }),
            heading_level: self.heading_level,
            format: self.format,
            iframe_src: self.iframe_src,
            oembed_url: self.oembed_url,
        };
        let run = run::Run {
            options,
            inputs: self.inputs,
            out: self.out,
        };
        run.run()
    }
}

/// A mistake in how the command was called: said as `clap` says its own,
/// with the usage, and the exit status 2.
fn usage_error(message: &str) -> ExitCode {
    let error = Cli::command().error(clap::error::ErrorKind::ValueValidation, message);
    let _ = error.print();
    ExitCode::from(2)
}
