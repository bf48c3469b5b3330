//! Writes the widget's stylesheet, `$OUT_DIR/folio.css`: the components'
//! CSS files in cascade order, without comments and with the whitespace
//! CSS does not need dropped (strings are kept as written). Every page
//! that shows an article downloads it inside the WebAssembly. Writes the
//! frame document's own rules (`folio render --iframe`) the same way to
//! `$OUT_DIR/frame.css`: only pages `folio render` writes carry them.
//!
//! With the `split` feature, for WebAssembly, has the linker keep its
//! relocations in the module (`--emit-relocs`): splitting the core's
//! module needs them (build/split.mjs), and wasm-bindgen and the release's
//! last steps drop them.

use std::env;
use std::fs;
use std::path::Path;

/// The components' CSS, in cascade order.
const SHEETS: [&str; 6] = [
    "src/components/article.css",
    "src/components/figure.css",
    "src/components/media.css",
    "src/components/related.css",
    "src/components/support.css",
    "src/components/states.css",
];

/// The frame document's rules, after the components'.
const FRAME_SHEETS: [&str; 1] = ["src/components/frame.css"];

fn main() {
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    write(&SHEETS, &Path::new(&out).join("folio.css"));
    write(&FRAME_SHEETS, &Path::new(&out).join("frame.css"));
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg=--emit-relocs");
    }
}

/// `sheets` compacted, one after another, into `target`.
fn write(sheets: &[&str], target: &Path) {
    let mut css = String::new();
    for sheet in sheets {
        println!("cargo::rerun-if-changed={sheet}");
        match fs::read_to_string(sheet) {
            Ok(text) => compact(&text, &mut css),
            Err(error) => panic!("cannot read {sheet}: {error}"),
        }
    }
    if let Err(error) = fs::write(target, css) {
        panic!("cannot write the stylesheet: {error}");
    }
}

/// Appends `css` to `out` without its comments, with each run of
/// whitespace made one space, and none next to `{`, `}`, `;`, `,` or after
/// `:`, nor a `;` before `}`. Quoted strings are copied unchanged.
fn compact(css: &str, out: &mut String) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                let after = out.chars().last();
                if space && !tight(c) && after.is_some_and(|a| !tight(a) && a != ':') {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    for s in chars.by_ref() {
                        out.push(s);
                        if s == c {
                            break;
                        }
                    }
                }
            }
        }
    }
}
