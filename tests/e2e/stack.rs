//! The WebAssembly stack (128 KiB a module, `.cargo/config.toml`): the
//! deepest content the limits allow uses a small part of it, in the core
//! and in the converter.

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::memory::blank_page;

/// The stack each module is given, in bytes (`-zstack-size` in
/// `.cargo/config.toml`).
const STACK: u64 = 128 * 1024;

/// The most stack the deepest content may use, in bytes: a quarter of
/// [`STACK`], which leaves room for what no corpus here reaches.
const STACK_USE: u64 = STACK / 4;

/// Where a module's stack ends: it takes the bottom of the memory, and
/// the module's data begins where it ends (at the offset of its first
/// data segment, read from the module's data section).
fn stack_top(wasm: &[u8]) -> u64 {
    fn leb(bytes: &[u8], at: &mut usize) -> u64 {
        let (mut value, mut shift) = (0, 0);
        loop {
            let byte = bytes[*at];
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                return value;
            }
        }
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at) as usize;
        if id == 11 {
            // count, then the first segment: flags 0, `i32.const offset`.
            let mut segment = at;
            leb(wasm, &mut segment);
            assert_eq!(leb(wasm, &mut segment), 0, "an active data segment");
            assert_eq!(wasm[segment], 0x41, "placed at an i32.const");
            segment += 1;
            return leb(wasm, &mut segment);
        }
        at += size;
    }
    panic!("the module has no data section");
}

/// The stack's top of the module `name` (`core/folio`, …) in the build
/// with test hooks; checks it is [`STACK`].
fn top_of(name: &str) -> u64 {
    let wasm = crate::site::dist_with_test_hooks().join(format!("{name}_bg.wasm"));
    let top = stack_top(&std::fs::read(wasm).unwrap());
    assert_eq!(
        top, STACK,
        "{name} has the stack .cargo/config.toml gives it"
    );
    top
}

/// Bytes of stack a module has used so far, of the `top` it has: its
/// stack grows down from its top to address 0 and starts zeroed, so its
/// lowest byte not zero is as deep as it has been.
async fn stack_used(browser: &Browser, module: &str, top: u64) -> u64 {
    let lowest = browser
        .eval(
            "const { memory } = await (await import(arguments[0])).default(); \
             return new Uint8Array(memory.buffer, 0, arguments[1]).findIndex((b) => b !== 0);",
            vec![json!(module), json!(top)],
        )
        .await;
    let lowest = lowest.as_i64().unwrap_or(-1);
    assert!(lowest >= 0, "{module} has written to its stack");
    top - lowest as u64
}

/// Bodies as deep as Markdown goes: quotes, lists, emphasis and links
/// nested hundreds deep, and a table inside quotes.
fn deep_bodies() -> Vec<(&'static str, String)> {
    let list: String = (0..200)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect();
    vec![
        ("quotes", format!("{}deep", "> ".repeat(300))),
        ("lists", list),
        (
            "emphasis",
            format!("{}x{}", "*a _b ".repeat(200), "_ *".repeat(200)),
        ),
        (
            "links",
            format!(
                "{}x{}",
                "[".repeat(300),
                "](https://example.com/)".repeat(300)
            ),
        ),
        (
            "table",
            format!("{}| a | b |\n|---|---|\n| c | d |\n", "> ".repeat(30)),
        ),
    ]
}

/// Mounts `content` with `options` and waits for its headline (or, when
/// `error`, its error state), updates it when it is Article JSON, and
/// unmounts it.
async fn show(browser: &Browser, what: &str, content: Value, options: Value, error: bool) {
    let seen = browser
        .eval(
            "const el = document.createElement('div'); document.body.append(el); \
             const handle = Folio.mount(el, arguments[0], arguments[1]); \
             const failed = await rendered(el).then(() => false, () => true); \
             if (!failed && !arguments[1].format) { \
               handle.update({ ...arguments[0], headline: 'Updated' }); \
               await headline(el, 'Updated'); \
             } \
             handle.unmount(); el.remove(); return failed;",
            vec![content, options],
        )
        .await;
    assert_eq!(
        seen,
        json!(error),
        "{what}: shown as an {}",
        if error { "error" } else { "article" }
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_deepest_content_uses_a_small_part_of_the_stack() {
    let (site, browser) = blank_page().await;
    let mut article = crate::embed::sample();
    for (name, body) in deep_bodies() {
        article["body"] = json!(body);
        show(&browser, name, article.clone(), json!({}), false).await;
    }
    // JSON nested to the limit (32), and one level past it (an error).
    let nested = (0..31).fold(json!("leaf"), |inner, _| json!({ "x": inner }));
    for (what, extra, error) in [
        ("JSON at the limit", nested.clone(), false),
        ("JSON past it", json!([nested]), true),
    ] {
        let mut content =
            json!({ "id": "x", "headline": "H", "body": "B", "published": "2024-01-01T00:00:00Z" });
        content["extra"] = extra;
        show(&browser, what, content, json!({}), error).await;
    }
    let core = stack_used(
        &browser,
        &site.folio.url("core/folio.js"),
        top_of("core/folio"),
    )
    .await;

    // The converter, with ANS lists nested as deep as its reader takes.
    let ans: Value =
        serde_json::from_str(include_str!("../../www/sample/article.ans.json")).unwrap();
    let mut deep = ans.clone();
    let item = json!({ "type": "text", "content": "<b><i><a href='https://example.com/'>x</a></i></b> ".repeat(50) });
    let lists = (0..14).fold(
        item,
        |inner, _| json!({ "type": "list", "list_type": "unordered", "items": [inner] }),
    );
    deep["content_elements"].as_array_mut().unwrap().push(lists);
    for (what, content) in [("ANS", ans), ("ANS lists nested deep", deep)] {
        show(&browser, what, content, json!({ "format": "ans" }), false).await;
    }
    let converter = stack_used(
        &browser,
        &site.folio.url("core/folio-converter.js"),
        top_of("core/folio-converter"),
    )
    .await;
    assert!(
        core <= STACK_USE && converter <= STACK_USE,
        "the deepest content used {core} bytes of the core's stack and {converter} of the \
         converter's: more than {STACK_USE}"
    );
    browser.stop().await;
}
