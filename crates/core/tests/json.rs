//! Folio's JSON reader (`folio_core::json`): what it reads, what it refuses and
//! where it says the text went wrong. The fuzz corpus replay
//! (`tests/fuzz_corpus.rs`) also checks it agrees with `serde_json` on
//! every corpus file.
#![cfg(not(target_arch = "wasm32"))]

use std::borrow::Cow;

use folio_core::json::{self, Value};

fn string(text: &str) -> Value<'_> {
    Value::String(Cow::Borrowed(text))
}

#[test]
fn values_are_read_as_written_in_order_with_repeated_keys_kept() {
    let text = r#" {"a": [1, -0.5e3, true, false, null], "b": {}, "c": [], "a": "x"} "#;
    let expected = Value::Object(vec![
        (
            "a".into(),
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-0.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ]),
        ),
        ("b".into(), Value::Object(vec![])),
        ("c".into(), Value::Array(vec![])),
        ("a".into(), string("x")),
    ]);
    assert_eq!(json::parse(text).unwrap(), expected);
}

#[test]
fn strings_without_escapes_are_borrowed_and_escapes_are_decoded() {
    let Value::String(plain) = json::parse(r#""plain text, é""#).unwrap() else {
        panic!("not a string");
    };
    assert!(matches!(plain, Cow::Borrowed("plain text, é")));
    let escaped = r#""q\"b\\s\/\b\f\n\r\t \u00e9 \ud83d\ude00 end""#;
    let Value::String(decoded) = json::parse(escaped).unwrap() else {
        panic!("not a string");
    };
    assert_eq!(decoded, "q\"b\\s/\u{8}\u{c}\n\r\t é 😀 end");
}

#[test]
fn a_lone_surrogate_is_read_as_the_replacement_character() {
    let cases = [
        (r#""a\ud800b""#, "a\u{FFFD}b"),
        (r#""\udc00""#, "\u{FFFD}"),
        // The escape after a lone high surrogate is its own character.
        (r#""\ud800\u0041""#, "\u{FFFD}A"),
        (r#""\ud800\n""#, "\u{FFFD}\n"),
        (r#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),
        (r#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
    ];
    for (text, expected) in cases {
        let Value::String(decoded) = json::parse(text).expect(text) else {
            panic!("{text}: not a string");
        };
        assert_eq!(decoded, expected, "{text}");
    }
}

#[test]
fn text_that_is_not_json_is_refused_where_it_goes_wrong() {
    let cases: &[(&str, &str)] = &[
        ("", "unexpected end of the text at line 1 column 1"),
        (
            "{\"a\":1,}",
            "expected a key in double quotes at line 1 column 8",
        ),
        ("[1,]", "expected a value at line 1 column 4"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        ("{\n  \"a\" 1}", "expected `:` at line 2 column 7"),
        (
            "{\"a\":1 \"b\":2}",
            "expected `,` or `}` at line 1 column 8",
        ),
        ("01", "malformed number at line 1 column 2"),
        ("1.", "unexpected end of the text at line 1 column 3"),
        ("1.e5", "malformed number at line 1 column 3"),
        ("-", "unexpected end of the text at line 1 column 2"),
        ("tru", "expected a value at line 1 column 1"),
        ("NaN", "expected a value at line 1 column 1"),
        ("{} x", "trailing characters at line 1 column 4"),
        ("\u{feff}{}", "expected a value at line 1 column 1"),
        ("// c\n{}", "expected a value at line 1 column 1"),
        (
            "{'a':1}",
            "expected a key in double quotes at line 1 column 2",
        ),
        (
            "\"a\u{1}b\"",
            "control character in a string at line 1 column 3",
        ),
        ("\"\\x\"", "invalid escape at line 1 column 3"),
        ("\"\\u12G4\"", "invalid \\u escape at line 1 column 4"),
        (
            "\"\\ud800\\u12G4\"",
            "invalid \\u escape at line 1 column 10",
        ),
        ("\"open", "unexpected end of the text at line 1 column 6"),
    ];
    for (text, message) in cases {
        let error = json::parse(text).expect_err(text);
        assert_eq!(&error.message, message, "{text:?}");
        assert_eq!(error.eof, message.starts_with("unexpected end"), "{text:?}");
    }
}

#[test]
fn nesting_is_bounded_without_exhausting_the_stack() {
    let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert!(json::parse(&nested(129)).is_ok(), "129 levels are read");
    assert_eq!(
        json::parse(&nested(130)).unwrap_err().message,
        "nesting too deep at line 1 column 130"
    );
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = json::parse(&deeper).unwrap_err();
    assert!(error.message.starts_with("nesting too deep"), "{error:?}");
}

#[test]
fn numbers_are_converted_only_when_asked_for() {
    assert_eq!(json::whole("42"), Some(42));
    assert_eq!(json::whole("-7"), Some(-7));
    assert_eq!(json::whole("1.0"), None);
    assert_eq!(json::whole("1e3"), None);
    assert_eq!(json::whole("99999999999999999999"), None);
    assert_eq!(json::float("2.5"), Some(2.5));
    assert_eq!(json::float("-1E-2"), Some(-0.01));
    assert_eq!(json::float("1e999"), None, "no float holds it");
    assert!(json::parse("[1e999]").is_ok(), "it is still JSON");
}
