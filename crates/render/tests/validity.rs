//! Every output `folio render` writes, of five samples and with the
//! stylesheet linked or inline (and the page, response and frame document
//! a publisher serves partners), is valid HTML to the Nu HTML checker (npm
//! `vnu-jar`, on Java), and the checker does find mistakes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "shared/nu.rs"]
mod nu;
use nu::validate;

#[path = "shared/outputs.rs"]
mod outputs;
use outputs::{file, for_partners, rendered, styled};

use folio_render::{Output, Style};
use serde_json::Value;

#[test]
fn every_output_is_valid_html() {
    let dir = std::env::temp_dir().join(format!("folio-valid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let document = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>"
        )
    };
    let mut files = Vec::new();
    for sample in [
        "article",
        "brief",
        "article.ar",
        "article.ans",
        "article.jsonld",
    ] {
        let text = file(&format!("../../www/sample/{sample}.json"));
        let oembed: Value = serde_json::from_str(&rendered(&text, Output::Oembed)).unwrap();
        let outputs = [
            ("embed", document(&rendered(&text, Output::Embed))),
            ("page", rendered(&text, Output::Page)),
            ("plain", document(&rendered(&text, Output::Plain))),
            ("oembed", document(oembed["html"].as_str().unwrap())),
            ("iframe", rendered(&text, Output::Iframe)),
        ];
        let framed: Value =
            serde_json::from_str(&for_partners(&text, Output::Oembed, Style::Link)).unwrap();
        let partners = [
            (
                "page-discovered",
                for_partners(&text, Output::Page, Style::Link),
            ),
            ("oembed-framed", document(framed["html"].as_str().unwrap())),
            (
                "iframe-inline",
                styled(&text, Output::Iframe, Style::Inline),
            ),
        ];
        let oembed_inline: Value =
            serde_json::from_str(&styled(&text, Output::Oembed, Style::Inline)).unwrap();
        let inline = [
            (
                "embed-inline",
                document(&styled(&text, Output::Embed, Style::Inline)),
            ),
            ("page-inline", styled(&text, Output::Page, Style::Inline)),
            (
                "oembed-inline",
                document(oembed_inline["html"].as_str().unwrap()),
            ),
        ];
        for (name, html) in outputs.into_iter().chain(inline).chain(partners) {
            let path = dir.join(format!("{sample}.{name}.html"));
            std::fs::write(&path, html).unwrap();
            files.push(path);
        }
    }
    // Two notes are expected and wrong: the checker counts the article's
    // JSON data blocks as inline scripts its CSP refuses (a data block
    // never runs, so no policy applies to it); and it calls `frameborder`
    // obsolete, which WordPress's allow-list keeps and its `style` strips,
    // the one way a consumer's frame loses its default border.
    let expected = |m: &String| {
        (m.contains(".iframe")
            && m.contains(
                "info warning: Inline script violates Content Security Policy (meta tag)",
            ))
            || m.contains(
                "info warning: The “frameborder” attribute on the “iframe” element is obsolete",
            )
    };
    let messages: Vec<String> = validate(&files)
        .into_iter()
        .filter(|m| !expected(m))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(messages, Vec::<String>::new(), "the checker's messages");
}

#[test]
fn the_checker_finds_mistakes() {
    let dir = std::env::temp_dir().join(format!("folio-invalid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.html");
    std::fs::write(&path, "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><img src=\"a.png\" sizes=\"100vw\"></body></html>").unwrap();
    let messages = validate(std::slice::from_ref(&path));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(messages.iter().any(|m| m.contains("sizes")), "{messages:?}");
}
