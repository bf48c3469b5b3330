//! Folio's pure core: everything about an article that needs neither a
//! browser nor Leptos, built for the WebAssembly and natively alike.
//!
//! The data path reads top to bottom: JSON text ([`json`], held to the
//! [`limits`]) → a checked [`model::Article`] (its `serde` derive read
//! through a decoder that names every bad field, [`error`]) → the body's
//! Markdown as an HTML tree ([`markdown`], [`html`], under the URL policy
//! of [`safe_url`]) → markup for a page ([`markup`]). Beside it: dates
//! ([`date`]), Folio's own words ([`locale`], [`byline`]), when the
//! support prompt may show ([`schedule`]), its reminder ([`reminder`]), which of its variants
//! ([`variant`]) and the reader's article count ([`reading`]), the props a pre-rendered prompt
//! carries ([`island`]) and the JSON Schema of the model ([`schema`]).
#![deny(missing_docs)]

pub mod byline;
pub mod date;
pub mod diff;
pub mod embed;
pub mod error;
pub mod format;
pub mod html;
pub mod island;
pub mod json;
pub mod limits;
pub mod locale;
pub mod markdown;
pub mod markup;
pub mod model;
pub mod number;
pub mod reading;
pub mod reminder;
pub mod safe_url;
pub mod schedule;
pub mod schema;
pub mod url;
pub mod variant;

/// What the unit tests share: a small deterministic source of numbers
/// for tests that generate their inputs (the same seed gives the same
/// cases on every machine).
#[cfg(test)]
mod tests {
    /// A linear congruential generator (Knuth's MMIX constants).
    pub struct Lcg(pub u64);

    impl Lcg {
        /// A number in `0..n` (`n` must not be 0).
        pub fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize % n
        }
    }
}
