//! What Folio's tests share, kept out of the shipped library: a small
//! deterministic source of numbers for tests that generate their inputs
//! (the same seed gives the same cases on every machine).
#![deny(missing_docs)]

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
