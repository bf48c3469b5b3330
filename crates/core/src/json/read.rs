//! The reader: JSON text (RFC 8259, strictly) to a [`Value`] tree that
//! borrows from it.

use std::borrow::Cow;

use super::{SyntaxError, Value};

/// The deepest nesting read; [`crate::limits`] refuses articles far
/// shallower, with a message naming the field, before this is reached.
const MAX_DEPTH: usize = 128;

/// Reads all of `text` as one JSON value.
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.space();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The text from byte `from` to byte `to`. The reader cuts the text
    /// only beside the ASCII bytes of the grammar, always between
    /// characters; a cut elsewhere would be empty, not a panic (whose
    /// message would cost the support island its formatting code).
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// The text from byte `from` on (see [`Reader::slice`]).
    fn rest(&self, from: usize) -> &'a str {
        self.text.get(from..).unwrap_or_default()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn error(&self, what: &str) -> SyntaxError {
        let eof = self.at >= self.text.len();
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        let what = if eof {
            "unexpected end of the text"
        } else {
            what
        };
        SyntaxError {
            offset: self.at,
            message: format!("{what} at line {line} column {column}"),
            eof,
        }
    }

    /// Consumes `byte` after optional white space, or fails naming it.
    fn expect(&mut self, byte: u8, what: &str) -> Result<(), SyntaxError> {
        self.space();
        if self.peek() != Some(byte) {
            return Err(self.error(what));
        }
        self.at += 1;
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.space();
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.literal(),
        }
    }

    fn literal(&mut self) -> Result<Value<'a>, SyntaxError> {
        let rest = self.rest(self.at);
        for (word, value) in [
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
        ] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.error("expected a value"))
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            members.push((key, self.value(depth + 1)?));
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A number, checked against the grammar and kept as text.
    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let whole = digits(&mut at);
        if whole > 1 && bytes[at - whole] == b'0' {
            // A leading zero: the digit after it is the mistake.
            self.at = at - whole + 1;
            return Err(self.error("malformed number"));
        }
        let mut ok = whole > 0;
        if ok && bytes.get(at) == Some(&b'.') {
            at += 1;
            ok = digits(&mut at) > 0;
        }
        if ok && matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            ok = digits(&mut at) > 0;
        }
        if !ok {
            self.at = at;
            return Err(self.error("malformed number"));
        }
        self.at = at;
        Ok(Value::Number(Cow::Borrowed(self.slice(start, at))))
    }

    /// A string; `self.at` is on its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            // Plain characters are skipped over and copied only in runs.
            self.at = plain_until(bytes, self.at);
            match self.peek() {
                Some(b'"') => {
                    let tail = self.slice(run, self.at);
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.slice(run, self.at));
                    self.at += 1;
                    let unescaped = self.escape()?;
                    text.push(unescaped);
                    run = self.at;
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// The character of an escape; `self.at` is just past the backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => match self.hex4()? {
                // A surrogate pair is one character; a lone surrogate, which
                // no Rust string can hold, is read as U+FFFD, as JavaScript's
                // `toWellFormed` reads it.
                high @ 0xD800..0xDC00 => {
                    let pair = self.at;
                    let low = match self.rest(pair).starts_with("\\u") {
                        true => {
                            self.at += 2;
                            self.hex4()
                                .ok()
                                .filter(|low| (0xDC00..0xE000).contains(low))
                        }
                        false => None,
                    };
                    match low {
                        Some(low) => {
                            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                                .unwrap_or(char::REPLACEMENT_CHARACTER)
                        }
                        None => {
                            self.at = pair;
                            char::REPLACEMENT_CHARACTER
                        }
                    }
                }
                // What no HTML document may hold (NUL, most controls)
                // is read as U+FFFD too, as a browser's parser reads NUL:
                // the widget and a server's output then show the same.
                code => char::from_u32(code)
                    .filter(|&c| !crate::html::forbidden(c))
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
            },
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(code) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(code)
            }
            _ => Err(self.error("invalid \\u escape")),
        }
    }
}

/// The first byte at or after `from` that ends a run of plain string
/// text: a quote, a backslash or a control character (`bytes.len()` when
/// none does). Eight bytes are looked at at a time, as a long body is
/// mostly plain.
pub(crate) fn plain_until(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGHS: u64 = ONES << 7;
    // Whether some byte of `word` is zero, or below `n` (for `n` <= 128).
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * n as u64) & !word & HIGHS != 0;
    let special = |word: u64| {
        below(word ^ (ONES * b'"' as u64), 1)
            || below(word ^ (ONES * b'\\' as u64), 1)
            || below(word, 0x20)
    };
    let rest = bytes.get(from..).unwrap_or_default();
    let plain_words = rest
        .as_chunks::<8>()
        .0
        .iter()
        .take_while(|word| !special(u64::from_le_bytes(**word)))
        .count();
    let at = from + 8 * plain_words;
    let tail = bytes.get(at..).unwrap_or_default();
    at + tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::plain_until;

    #[test]
    fn plain_runs_end_where_a_byte_by_byte_scan_ends_them() {
        // Bytes around each boundary the word test draws: the quote, the
        // backslash, the controls, and high bytes with those low bits.
        let alphabet = [
            b'a', b'"', b'\\', 0x00, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0x9F,
            0xFF,
        ];
        let mut rng = crate::tests::Lcg(11);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..50_000 {
            let len = next(40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next(4) {
                    0 => alphabet[next(alphabet.len())],
                    _ => b'x',
                })
                .collect();
            let from = next(len + 2);
            let expected = (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..0x20))
                .unwrap_or(bytes.len().max(from));
            assert_eq!(plain_until(&bytes, from), expected, "{bytes:?} from {from}");
        }
    }
}
