//! The widget's stylesheet.

/// The widget's stylesheet: each component's CSS, in cascade order,
/// without comments or the whitespace CSS does not need (see `build.rs`).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/folio.css"));

/// The frame document's own rules (its card, and which copy shows), in
/// the sheet `folio render` writes after [`STYLESHEET`]; the widget does
/// not carry them.
pub const FRAME_STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/frame.css"));
