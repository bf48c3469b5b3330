//! Comparing two runs of blocks: what an edit left alone at either end,
//! and which of the old blocks in between the new ones can take over. The
//! Markdown re-render and the body's DOM reconciler share it.

use std::collections::HashMap;
use std::hash::Hash;

/// How many items `old` and `new` share at the start and at the end (the
/// two never overlap): what an edit left alone on either side of it.
pub fn unchanged_ends<T: PartialEq>(old: &[T], new: &[T]) -> (usize, usize) {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let most = old.len().min(new.len()) - head;
    let tail = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    (head, tail)
}

/// For each of `new`'s keys, the index in `old` of an item with the same
/// key that it can take over (each old item taken at most once, the
/// earliest first), or `None` when it must be made.
pub fn take_over<K: Eq + Hash>(old: &[K], new: &[K]) -> Vec<Option<usize>> {
    let mut pool: HashMap<&K, Vec<usize>> = HashMap::new();
    for (i, key) in old.iter().enumerate().rev() {
        pool.entry(key).or_default().push(i);
    }
    new.iter()
        .map(|key| pool.get_mut(key).and_then(Vec::pop))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{take_over, unchanged_ends};

    #[test]
    fn unchanged_ends_never_overlap() {
        assert_eq!(unchanged_ends(&[1, 2, 1], &[1, 2, 1]), (3, 0));
        assert_eq!(unchanged_ends(&[1, 1], &[1, 1, 1]), (2, 0));
        assert_eq!(unchanged_ends(&[1, 2, 3], &[1, 9, 3]), (1, 1));
        assert_eq!(unchanged_ends::<u8>(&[], &[4]), (0, 0));
    }

    #[test]
    fn repeated_keys_take_over_old_items_in_order_and_once_each() {
        let old = [7, 8, 7, 9];
        assert_eq!(
            take_over(&old, &[7, 7, 7, 9, 5]),
            [Some(0), Some(2), None, Some(3), None]
        );
        assert_eq!(take_over(&old, &[9, 8]), [Some(3), Some(1)]);
    }
}
