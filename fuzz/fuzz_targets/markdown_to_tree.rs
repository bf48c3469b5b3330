//! Markdown: bytes → text → `markdown::render`, checking what the render
//! tree promises (see `folio_fuzz`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| folio_fuzz::markdown_to_tree(data));
