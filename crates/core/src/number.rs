//! Numbers as text without the float-formatting machinery of `core::fmt`
//! (which would be linked into the WebAssembly for it): whole numbers, or
//! up to two decimals.

/// `value` as a person would write it in an error message: `2`, `-2.5`,
/// `0.01`, `not a number`. Digits past the second decimal are rounded.
pub fn plain(value: f64) -> String {
    if value.is_nan() {
        return "not a number".into();
    }
    if value.is_infinite() {
        return if value > 0.0 {
            "infinity"
        } else {
            "minus infinity"
        }
        .into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let cents = (value.abs() * 100.0).round();
    // Whole cents fit a u64 below 10^19 (u128 arithmetic and formatting
    // would cost the WebAssembly more than any amount is worth).
    if cents >= 1e19 {
        return format!("{sign}more than 10^17");
    }
    let cents = cents as u64;
    let (whole, fraction) = (cents / 100, cents % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn writes_whole_numbers_and_two_decimals() {
        for (value, text) in [
            (2.0, "2"),
            (-2.0, "-2"),
            (0.0, "0"),
            (-0.0, "0"),
            (2.5, "2.5"),
            (-2.25, "-2.25"),
            (0.01, "0.01"),
            (1.005, "1"),
            (9007199254740992.0, "9007199254740992"),
            (1e16, "10000000000000000"),
            (1e40, "more than 10^17"),
            (f64::NAN, "not a number"),
            (f64::NEG_INFINITY, "minus infinity"),
        ] {
            assert_eq!(plain(value), text, "{value}");
        }
    }
}
