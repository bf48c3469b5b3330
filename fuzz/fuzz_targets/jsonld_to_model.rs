//! schema.org JSON-LD (and web pages holding it): bytes → text → `formats::read` and
//! `formats::convert`, checking what a converted article promises (see
//! `folio_fuzz`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| folio_fuzz::jsonld_to_model(data));
