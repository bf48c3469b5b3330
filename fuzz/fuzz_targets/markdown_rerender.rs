//! Markdown edits: `markdown::rerender` against a full render (see
//! `folio_fuzz`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| folio_fuzz::markdown_rerender(data));
