//! Article JSON: bytes → text → `model::parse`, and a parsed article's
//! Markdown through `markdown::render`, checking what a checked article and
//! a render tree promise (see `folio_fuzz`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| folio_fuzz::json_to_model(data));
