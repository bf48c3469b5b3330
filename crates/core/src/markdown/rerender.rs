//! Rendering an edited text again, keeping the blocks the edit left alone.
//!
//! CommonMark's block structure is read line by line, top to bottom, with
//! at most a line of lookahead. So where, in the new text, a top-level
//! block starts at a line that follows an unchanged prefix (as it did
//! before), everything from there to the edit reads as before; and where,
//! past the edit, a block of the old text starts at the same place in the
//! new one and the text from its line on is unchanged, everything after it
//! reads as before too. Only the stretch between two such blocks is parsed
//! again, and the block after it is checked to start where it did; when it
//! does not (the edit opened a code fence, say, which runs on), the rest of
//! the text is rendered from the stretch's start, and the blocks before it
//! stay. When link reference definitions tie blocks together, the whole
//! text is rendered.

use std::ops::Range;

use super::{Document, render_at, render_with};
#[cfg(test)]
use crate::diff::unchanged_ends;

/// Renders `markdown`, reusing the blocks of `previous` (the render of
/// `previous_markdown`) that the edit cannot have changed, with the same
/// headline level and images. The result is always equal to rendering
/// `markdown` whole.
pub fn rerender(previous: &Document, previous_markdown: &str, markdown: &str) -> Document {
    reuse(previous, previous_markdown, markdown)
        .unwrap_or_else(|| render_with(markdown, previous.headline, previous.media.clone()))
}

/// The re-render around the edit, or `None` when it cannot be shown to
/// equal a full render.
fn reuse(previous: &Document, old: &str, new: &str) -> Option<Document> {
    if previous.definitions {
        return None;
    }
    let spans = &previous.spans;
    let (head, tail) = unchanged_text_ends(old.as_bytes(), new.as_bytes());
    let old_tail = old.len() - tail;
    let shift = |at: usize| at + new.len() - old.len();

    // The window starts at the line of the last block that, with the rest
    // of its last line and the line after (the lookahead), comes before the
    // edit; or at the top.
    let first = spans
        .partition_point(|s| {
            line_end(old, s.end)
                .and_then(|end| line_end(old, end))
                .is_some_and(|end| end <= head)
        })
        .saturating_sub(1);
    let start = match first {
        0 => 0,
        _ => line_start(old, spans[first].start)?,
    };

    // It ends after the block that follows the first block wholly past the
    // edit, line and all, so the lookahead at that block stays inside.
    let mut after = spans.partition_point(|s| s.start < old_tail);
    while after < spans.len() && line_start(old, spans[after].start)? <= old_tail {
        after += 1;
    }
    let end = spans.get(after + 1).map_or(new.len(), |s| shift(s.end));

    // The old blocks from `after` on stay if the window has one starting
    // where the first of them now starts; when it has none (a fence opened,
    // say), the rest of the text is rendered, and only the blocks before
    // the edit stay.
    let window = render_window(new, start..end, first, previous)?;
    let resume = spans.get(after).map(|resume| shift(resume.start));
    let (window, fresh, after) =
        match resume.map(|at| window.spans.iter().position(|s| s.start == at)) {
            Some(Some(fresh)) => (window, fresh, after),
            None => {
                let fresh = window.blocks.len();
                (window, fresh, after)
            }
            Some(None) => {
                let rest = render_window(new, start..new.len(), first, previous)?;
                let fresh = rest.blocks.len();
                (rest, fresh, spans.len())
            }
        };

    let mut document = Document {
        headline: previous.headline,
        media: previous.media.clone(),
        ..Document::default()
    };
    document.extend_from(previous, 0..first, |at| at);
    document.extend_from(&window, 0..fresh, |at| at);
    document.extend_from(previous, after..spans.len(), shift);
    Some(document)
}

/// `new[range]` rendered on its own as `previous` was, if it can stand
/// for the same stretch of a full render: no link definitions, and (after
/// block `first`) its first block starting where block `first` did.
fn render_window(
    new: &str,
    range: Range<usize>,
    first: usize,
    previous: &Document,
) -> Option<Document> {
    let text = new.get(range.clone())?;
    let window = render_at(text, range.start, previous.headline, previous.media.clone());
    if window.definitions {
        return None;
    }
    if first > 0 && window.spans.first()?.start != previous.spans[first].start {
        return None;
    }
    Some(window)
}

impl Document {
    /// Appends `other`'s blocks in `range`, with their spans moved by `shift`.
    fn extend_from(
        &mut self,
        other: &Document,
        range: Range<usize>,
        shift: impl Fn(usize) -> usize,
    ) {
        self.blocks.extend_from_slice(&other.blocks[range.clone()]);
        self.keys.extend_from_slice(&other.keys[range.clone()]);
        self.spans.extend(
            other.spans[range]
                .iter()
                .map(|s| shift(s.start)..shift(s.end)),
        );
    }
}

/// [`unchanged_ends`](crate::diff::unchanged_ends) of two texts, compared eight bytes at a time (a
/// 1 MB body is compared on every update).
fn unchanged_text_ends(old: &[u8], new: &[u8]) -> (usize, usize) {
    fn same<T: PartialEq>((a, b): &(T, T)) -> bool {
        a == b
    }
    let words = old.as_chunks::<8>().0.iter().zip(new.as_chunks::<8>().0);
    let head = 8 * words.take_while(same).count();
    let head = head
        + old[head..]
            .iter()
            .zip(&new[head..])
            .take_while(same)
            .count();
    let words = old.as_rchunks::<8>().1.iter().rev();
    let tail = 8 * words
        .zip(new.as_rchunks::<8>().1.iter().rev())
        .take_while(same)
        .count();
    let (old_rest, new_rest) = (&old[..old.len() - tail], &new[..new.len() - tail]);
    let bytes = old_rest.iter().rev().zip(new_rest.iter().rev());
    let tail = tail + bytes.take_while(same).count();
    (head, tail.min(old.len().min(new.len()) - head))
}

/// The end of the line `at` is on (past its line break), or `at` when it
/// is already the start of a line; `None` when the line has no break (an
/// edit at the end of the text may continue it). A `\r` alone also ends a
/// line, but looking on to the next `\n` only makes the answer later,
/// which is safe.
fn line_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if at == 0 || bytes.get(at - 1) == Some(&b'\n') {
        return Some(at);
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| b == b'\n').map(|i| at + i + 1)
}

/// The start of the line `at` is on, when only spaces and tabs come
/// between the two.
fn line_start(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    before[start..]
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(start)
}

#[cfg(test)]
mod tests {
    use super::{unchanged_ends, unchanged_text_ends};

    #[test]
    fn texts_compared_by_words_give_what_comparing_bytes_gives() {
        let mut rng = crate::tests::Lcg(7);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            // Two texts from a small alphabet, the second an edit of the first.
            let old: Vec<u8> = (0..next(70)).map(|_| b"ab\n"[next(3)]).collect();
            let at = next(old.len() + 1);
            let cut = at + next(old.len() - at + 1);
            let insert: Vec<u8> = (0..next(12)).map(|_| b"ab\n"[next(3)]).collect();
            let new = [&old[..at], &insert, &old[cut..]].concat();
            assert_eq!(
                unchanged_text_ends(&old, &new),
                unchanged_ends(&old, &new),
                "{old:?} -> {new:?}"
            );
        }
    }
}
