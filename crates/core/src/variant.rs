//! Which of a campaign's variants a reader sees: a draw, a number fixed
//! for the reader, falls into one variant's share of the weights. The
//! draw is random once and kept in the campaign's record (the same reader
//! sees the same variant on every visit), or comes from the host's own
//! name for the reader (its `bucket`), so a publisher can put a reader in
//! the same variant on every site and device it knows them on.

/// The most variants a support block may list.
pub const MAX_VARIANTS: usize = 8;

/// The highest weight a variant may have (a whole number, so that
/// messages name it without formatting a float).
pub const MAX_WEIGHT: u32 = 1_000_000;

/// Whether `weight` is one a variant may have: from 0 to [`MAX_WEIGHT`].
pub fn is_weight(weight: f64) -> bool {
    (0.0..=f64::from(MAX_WEIGHT)).contains(&weight)
}

/// The longest variant name, in bytes (it travels in events and URLs).
pub const MAX_NAME_BYTES: usize = 100;

/// A weight as a pre-rendered place writes it (`data-weight`, a JSON
/// number), read back: `None` unless it is one a variant may have.
pub fn read_weight(text: &str) -> Option<f64> {
    let weight = crate::json::parse(text).ok()?.as_f64();
    weight.filter(|&w| is_weight(w))
}

/// The variant the reader of `draw` sees, of variants of `weights`:
/// variant `i` has the draws from the sum of the weights before it to that
/// sum plus its own, over the whole range of `u32`. `None` when no
/// variant has a weight.
pub fn pick(weights: &[f64], draw: u32) -> Option<usize> {
    let total: f64 = weights.iter().sum();
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let point = f64::from(draw) / (f64::from(u32::MAX) + 1.0) * total;
    let mut end = 0.0;
    let mut last = None;
    for (i, &weight) in weights.iter().enumerate() {
        if weight <= 0.0 {
            continue;
        }
        end += weight;
        last = Some(i);
        if point < end {
            break;
        }
    }
    last
}

/// The draw of the reader the host names `bucket` in `campaign`: the same
/// name always gives the same draw, and names are spread evenly over the
/// draws however alike they are (`user-1`, `user-2`, …).
pub fn bucket_draw(campaign: &str, bucket: &str) -> u32 {
    hash(campaign, bucket)
}

/// A 32-bit hash of `first` and `second` together (FNV-1a, mixed): any
/// change to either changes every bit with even odds.
pub(crate) fn hash(first: &str, second: &str) -> u32 {
    // FNV-1a over the first, a separator and the second...
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in first.bytes().chain([0]).chain(second.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // ... then mixed (SplitMix64's finalizer), so every bit counts.
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^= hash >> 31;
    (hash >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Record;
    use crate::tests::Lcg;

    /// Each variant's share of `readers`, in percent.
    fn shares(variants: &[f64], draws: impl Iterator<Item = u32>) -> Vec<f64> {
        let mut counts = vec![0usize; variants.len()];
        let mut readers = 0;
        for draw in draws {
            counts[pick(variants, draw).unwrap()] += 1;
            readers += 1;
        }
        counts
            .iter()
            .map(|&c| 100.0 * c as f64 / readers as f64)
            .collect()
    }

    fn assert_near(shares: &[f64], weights: &[f64]) {
        let total: f64 = weights.iter().sum();
        for (share, weight) in shares.iter().zip(weights) {
            let expected = 100.0 * weight / total;
            assert!(
                (share - expected).abs() <= 2.0,
                "shares {shares:?} for weights {weights:?}"
            );
        }
    }

    #[test]
    fn drawn_readers_share_out_as_the_weights() {
        for weights in [[1.0, 1.0, 0.0], [70.0, 20.0, 10.0], [0.5, 0.25, 0.25]] {
            let mut rng = Lcg(7);
            // 10,000 readers, each drawn once and kept in their record.
            let draws = (0..10_000).map(|_| {
                let mut record = Record::default();
                let (draw, new) =
                    record.draw(|| (rng.below(1 << 16) << 16 | rng.below(1 << 16)) as u32);
                assert!(new);
                let stored = Record::parse(&record.to_json());
                let mut again = stored.clone();
                assert_eq!(again.draw(|| unreachable!("kept")), (draw, false));
                draw
            });
            let shares = shares(&weights, draws);
            assert_near(&shares, &weights);
            assert_eq!(shares[2] == 0.0, weights[2] == 0.0, "{shares:?}");
        }
    }

    #[test]
    fn named_readers_share_out_as_the_weights_and_keep_their_variant() {
        let weights = [3.0, 1.0];
        let draws = (0..10_000).map(|i| bucket_draw("fall-2026", &format!("user-{i}")));
        assert_near(&shares(&weights, draws), &weights);
        let draw = bucket_draw("fall-2026", "user-42");
        assert_eq!(bucket_draw("fall-2026", "user-42"), draw);
        // Another campaign draws the same reader afresh.
        let others = (0..100).filter(|i| {
            let user = format!("user-{i}");
            bucket_draw("fall-2026", &user) != bucket_draw("spring-2027", &user)
        });
        assert_eq!(others.count(), 100);
    }

    #[test]
    fn weights_read_back_as_written_within_their_bounds() {
        for weight in [0.0, 1.0, 2.5, 0.125, 1_000_000.0] {
            assert_eq!(read_weight(&weight.to_string()), Some(weight));
        }
        for text in ["-1", "1000001", "1e400", "", "one", "1 2", "NaN", "null"] {
            assert_eq!(read_weight(text), None, "{text}");
        }
    }

    #[test]
    fn the_ends_of_the_draws_fall_in_the_first_and_last_variant() {
        let variants = [1.0, 0.0, 1.0, 0.0];
        assert_eq!(pick(&variants, 0), Some(0));
        assert_eq!(pick(&variants, u32::MAX / 2), Some(0));
        assert_eq!(pick(&variants, u32::MAX / 2 + 2), Some(2));
        assert_eq!(pick(&variants, u32::MAX), Some(2));
        assert_eq!(pick(&[0.0, 0.0], 5), None);
        assert_eq!(pick(&[], 5), None);
    }
}
