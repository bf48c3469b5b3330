//! `folio`: the command line. `folio render` pre-renders articles to HTML
//! with the widget's own components (see [`folio_render`]); `folio
//! stylesheet` prints the stylesheet pre-rendered articles use.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
