//! Numbers as JSON writes them, read as the field asking for one needs:
//! a float, or a count.

/// A number's text as a float (`None` when no float holds it: `1e999`).
/// In the browser this is JavaScript's own `parseFloat`, which keeps
/// Rust's float parser and its tables out of the WebAssembly.
pub fn float(number: &str) -> Option<f64> {
    let value = match cfg!(target_arch = "wasm32") {
        true => js_sys::parse_float(number),
        false => number.parse::<f64>().unwrap_or(f64::NAN),
    };
    value.is_finite().then_some(value)
}

/// A number's text as a whole number, if it is written as one (no fraction
/// or exponent) and fits.
pub fn whole(number: &str) -> Option<i64> {
    number.parse().ok()
}

/// What a JSON number is as a count (see [`integer`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integer {
    /// A whole number from 0 to `u64::MAX`, however written.
    Whole(u64),
    /// A number with a fraction (`2.5`, `1e-3`).
    Fraction,
    /// A whole number below 0 or above `u64::MAX`.
    OutOfRange,
}

/// A number's text (JSON's grammar) read as a count: `1280`, `1.28e3` and
/// `1280.0` are all 1280. Written with digits alone it is read exactly;
/// otherwise as a double, as JavaScript reads JSON (through [`float`],
/// which in the browser is the page's own `parseFloat`).
pub fn integer(number: &str) -> Integer {
    if let Ok(whole) = number.parse::<u64>() {
        return Integer::Whole(whole);
    }
    match float(number) {
        Some(value) if value.fract() != 0.0 => Integer::Fraction,
        // Zero, or whole numbers below 2^64 (`as` then loses nothing).
        Some(0.0) => Integer::Whole(0),
        Some(value) if value > 0.0 && value < 18_446_744_073_709_551_616.0 => {
            Integer::Whole(value as u64)
        }
        _ => Integer::OutOfRange,
    }
}

#[cfg(test)]
mod tests {
    use super::{Integer, integer};

    #[test]
    fn a_count_reads_the_same_however_json_writes_it() {
        for (text, read) in [
            ("1280", Integer::Whole(1280)),
            ("1.28e3", Integer::Whole(1280)),
            ("1280.000", Integer::Whole(1280)),
            ("128000e-2", Integer::Whole(1280)),
            ("0", Integer::Whole(0)),
            ("-0", Integer::Whole(0)),
            ("0.0e5", Integer::Whole(0)),
            ("18446744073709551615", Integer::Whole(u64::MAX)),
            ("18446744073709551616", Integer::OutOfRange),
            ("1e20", Integer::OutOfRange),
            ("1e99999999999999999999", Integer::OutOfRange),
            ("-2", Integer::OutOfRange),
            ("-1e3", Integer::OutOfRange),
            ("2.5", Integer::Fraction),
            ("1e-3", Integer::Fraction),
            ("-2.5", Integer::Fraction),
        ] {
            assert_eq!(integer(text), read, "{text}");
        }
    }
}
