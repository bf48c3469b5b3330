//! `folio`: the command line. `folio render` pre-renders articles to HTML
//! with the widget's own components (see [`folio::render`]); `folio
//! stylesheet` prints the stylesheet pre-rendered articles use.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line is native only; built for the browser (as Trunk
/// builds every target of the crate) it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
