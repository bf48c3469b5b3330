//! The most Folio reads, checked in one linear pass over the JSON text
//! before any parsing or rendering, so hostile input fails fast with an
//! error naming the field instead of costing the reader's time or memory.

use crate::error::{ContentError, Problem};

/// The longest article JSON read, in bytes (16 MiB).
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

/// The longest Markdown `body` (or JSON-LD `articleBody`), in bytes of
/// JSON text (2 MiB: about 300,000 words, ten times a long-read).
pub const MAX_BODY_BYTES: usize = 2 << 20;

/// The longest of any other string, `support.body` included (64 KiB).
pub const MAX_TEXT_BYTES: usize = 64 << 10;

/// The deepest nesting of JSON objects and arrays (an article needs 4).
pub const MAX_JSON_DEPTH: usize = 32;

/// The most values (object members and array items, at any depth): an
/// ANS story with long metadata and a thousand body elements has room.
pub const MAX_JSON_VALUES: usize = 50_000;

/// A step of the path to a value.
enum Segment {
    Key(String),
    Index(usize),
}

/// An open object or array.
struct Open {
    /// Where this container sits.
    at: Option<Segment>,
    /// Objects: the key just read, if any, and whether a key comes next.
    key: Option<String>,
    expect_key: bool,
    /// Arrays: the index of the current item.
    index: usize,
    array: bool,
}

/// Checks `json` against the limits above. Malformed JSON passes (the
/// parser reports it with its position); this only measures.
pub fn check(json: &str) -> Result<(), ContentError> {
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(too_big("", json.len(), MAX_ARTICLE_BYTES));
    }
    walk(json, json.len(), true).map(drop)
}

/// Checks a `body` given apart from the JSON text of the rest of its
/// article (`rest` bytes long): the body's limit, in bytes of its text,
/// and the article's for both together.
pub fn check_body(body: &str, rest: usize) -> Result<(), ContentError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(too_big("body", body.len(), MAX_BODY_BYTES));
    }
    match body.len() + rest {
        total if total > MAX_ARTICLE_BYTES => Err(too_big("", total, MAX_ARTICLE_BYTES)),
        _ => Ok(()),
    }
}

/// The path of the field being read at byte `offset` of `json` (where a
/// parser stopped), as in error messages: `support.amounts[1].value`.
pub fn path_at(json: &str, offset: usize) -> String {
    walk(json, offset.min(json.len()), false)
        .map(|stack| path_of(&stack))
        .unwrap_or_default()
}

/// Reads `json` up to `until`, enforcing the limits if `enforce`, and
/// returns the containers open there.
fn walk(json: &str, until: usize, enforce: bool) -> Result<Vec<Open>, ContentError> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut values = 0usize;
    let mut i = 0;
    while i < until {
        let byte = bytes[i];
        match byte {
            b'{' | b'[' => {
                count(&mut values, &stack, enforce)?;
                if enforce && stack.len() >= MAX_JSON_DEPTH {
                    let path = path_of(&stack);
                    return Err(ContentError::new(
                        path,
                        Problem::Limit(format!(
                            "nests objects and arrays more than {MAX_JSON_DEPTH} deep"
                        )),
                    ));
                }
                let at = stack.last().and_then(current);
                stack.push(Open {
                    at,
                    key: None,
                    expect_key: byte == b'{',
                    index: 0,
                    array: byte == b'[',
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.array {
                        top.index += 1;
                    } else {
                        top.expect_key = true;
                    }
                }
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.expect_key = false;
                }
            }
            b'"' => {
                let end = string_end(bytes, i + 1);
                let length = end - (i + 1);
                match stack.last_mut() {
                    Some(top) if !top.array && top.expect_key => {
                        if enforce && length > MAX_TEXT_BYTES {
                            return Err(too_big(&path_of(&stack), length, MAX_TEXT_BYTES));
                        }
                        top.key = Some(json[i + 1..end].to_string());
                    }
                    _ if !enforce => {}
                    _ => {
                        count(&mut values, &stack, enforce)?;
                        let path = path_of(&stack);
                        let limit = if path == "body" || path.ends_with("articleBody") {
                            MAX_BODY_BYTES
                        } else {
                            MAX_TEXT_BYTES
                        };
                        if length > limit {
                            return Err(too_big(&path, length, limit));
                        }
                    }
                }
                i = end;
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                count(&mut values, &stack, enforce)?;
                // Skip the rest of the literal or number.
                while i + 1 < until
                    && !matches!(
                        bytes[i + 1],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(stack)
}

/// Index of the closing quote of a string starting at `from` (or the end).
fn string_end(bytes: &[u8], mut from: usize) -> usize {
    loop {
        from = crate::json::plain_until(bytes, from);
        match bytes.get(from) {
            Some(b'\\') => from += 2,
            Some(b'"') | None => return from.min(bytes.len()),
            Some(_) => from += 1,
        }
    }
}

fn count(values: &mut usize, stack: &[Open], enforce: bool) -> Result<(), ContentError> {
    *values += 1;
    if enforce && *values > MAX_JSON_VALUES {
        return Err(ContentError::new(
            path_of(stack),
            Problem::Limit(format!("has more than {MAX_JSON_VALUES} values in all")),
        ));
    }
    Ok(())
}

/// The segment a container's current value sits at.
fn current(open: &Open) -> Option<Segment> {
    if open.array {
        Some(Segment::Index(open.index))
    } else {
        open.key.clone().map(Segment::Key)
    }
}

/// The path of the value being read, as in error messages
/// (`support.amounts[1].value`), cut short when very deep.
fn path_of(stack: &[Open]) -> String {
    let here = stack.last().and_then(current);
    let segments = stack
        .iter()
        .filter_map(|o| o.at.as_ref())
        .chain(here.as_ref());
    let mut path = String::new();
    for (n, segment) in segments.enumerate() {
        if n == 8 {
            path.push('…');
            break;
        }
        match segment {
            Segment::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Segment::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

fn too_big(path: &str, length: usize, limit: usize) -> ContentError {
    ContentError::new(
        path,
        Problem::Limit(format!(
            "is {} long; the most Folio reads is {}",
            grouped(length) + " bytes",
            bytes(limit)
        )),
    )
}

/// A limit in bytes, exactly and for people: "2,097,152 bytes (2 MB)".
pub fn bytes(limit: usize) -> String {
    let rounded = match limit {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!(" ({} MB)", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!(" ({} KB)", b >> 10),
        _ => String::new(),
    };
    format!("{} bytes{rounded}", grouped(limit))
}

/// `n` with its thousands grouped by commas: "2,097,153".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
