//! Subresource Integrity: the release build's `integrity.json` holds the
//! SHA-384 of each file a page downloads, a page that names `folio.js`
//! with its hash shows the article, and `folio.js` refuses WebAssembly
//! (the core's, its prompt's chunk or the converter's) whose bytes are not
//! the build's own.

use std::fs;

use serde_json::Value;

use crate::browser::Browser;
use crate::server::{Response, Server, file};
use crate::site::dist;

/// A page that includes `folio.js` with `integrity` and shows the seed;
/// the script tag records whether the browser ran it or refused it.
fn page(integrity: &str) -> Vec<u8> {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title>
<script type="module" src="folio.js" integrity="{integrity}" crossorigin="anonymous"
  onload="window.script = 'ran'" onerror="window.script = 'refused'"></script>
</head><body><folio-article id="article" src="sample/article.json"></folio-article></body></html>"#
    )
    .into_bytes()
}

fn html(body: Vec<u8>) -> Option<Response> {
    Some(Response {
        status: "200 OK",
        headers: vec![("Content-Type".into(), "text/html".into())],
        body,
    })
}

/// The hashes the build wrote.
fn hashes() -> Value {
    serde_json::from_str(&fs::read_to_string(dist().join("integrity.json")).unwrap())
        .expect("integrity.json is JSON")
}

/// Serves `dist/` with `/good.html` and `/wrong.html` (folio.js named with
/// its hash and with another), and the file `tamper` (a wasm) with one
/// byte changed.
fn server(tamper: Option<&'static str>) -> Server {
    let own = hashes()["folio.js"].as_str().unwrap().to_string();
    Server::with_route(
        dist(),
        Box::new(move |path, root| match path {
            "/good.html" => html(page(&own)),
            "/wrong.html" => html(page(
                "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            )),
            path if Some(path) == tamper => {
                let mut wasm = file(root, path);
                if let Some(last) = wasm.body.last_mut() {
                    *last ^= 1;
                }
                Some(wasm)
            }
            _ => None,
        }),
    )
}

#[test]
fn integrity_json_holds_the_sha384_of_each_downloaded_file() {
    let hashes = hashes();
    let files: Vec<&String> = hashes.as_object().unwrap().keys().collect();
    assert_eq!(
        files,
        [
            "folio.js",
            "folio.css",
            "folio-frame.js",
            "folio-media.js",
            "core/folio.js",
            "core/folio_bg.wasm",
            "core/folio-converter.js",
            "core/folio-converter_bg.wasm",
            "core/folio-island.js",
            "core/folio-island_bg.wasm",
            "core/__wasm_split.js",
            "core/split_prompt.wasm"
        ]
    );
    for (file, hash) in hashes.as_object().unwrap() {
        let hash = hash.as_str().unwrap();
        let digest = hash.strip_prefix("sha384-").expect("a sha384- hash");
        // 48 bytes of SHA-384 in base64.
        assert_eq!(digest.len(), 64, "{file}: {hash}");
        assert!(dist().join(file).is_file(), "{file} is not in dist/");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_naming_folio_js_with_its_integrity_shows_the_article() {
    let server = server(None);
    let browser = Browser::start().await;
    browser.open_demo(&server.url("/good.html")).await;
    assert_eq!(browser.eval("return window.script;", vec![]).await, "ran");
    // With a hash that is not folio.js's, the browser refuses the script.
    browser.open(&server.url("/wrong.html")).await;
    let script = browser
        .wait_for("return window.script;", "the script tag's load or error")
        .await;
    assert_eq!(script, "refused");
    let defined = browser
        .eval("return !!customElements.get('folio-article');", vec![])
        .await;
    assert_eq!(defined, false, "no element without the script");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn folio_js_refuses_webassembly_that_is_not_the_builds_own() {
    let server = server(Some("/core/folio_bg.wasm"));
    let browser = Browser::start().await;
    browser.open(&server.url("/good.html")).await;
    let started = browser
        .wait_for(
            "return window.Folio && Folio.ready.then((ok) => ({ ok }));",
            "Folio.ready to settle",
        )
        .await;
    assert_eq!(started["ok"], false, "the changed WebAssembly ran");
    let error = browser
        .wait_for(
            "return document.getElementById('article').shadowRoot\
               ?.querySelector('[role=alert]')?.textContent;",
            "the error state",
        )
        .await;
    assert!(!error.as_str().unwrap().is_empty());
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_prompt_chunk_is_refused_and_the_article_shows_without_it() {
    let server = server(Some("/core/split_prompt.wasm"));
    let browser = Browser::start().await;
    // Heard from the document's start: the refused chunk lets the article
    // render at once, before a listener added after the page loads.
    browser
        .before_each_document(
            "document.addEventListener('folio:render', () => { window.rendered = true; });",
        )
        .await;
    browser.open(&server.url("/good.html")).await;
    browser
        .wait_for(
            "return window.rendered === true;",
            "the article's folio:render",
        )
        .await;
    let shown = browser
        .eval(
            "const el = document.getElementById('article'); \
             return { headline: el.shadowRoot.querySelector('h1')?.textContent ?? null, \
               prompt: !!el.shadowRoot.querySelector('.folio-support'), \
               paragraphs: el.shadowRoot.querySelectorAll('.folio-body p').length };",
            vec![],
        )
        .await;
    let sample: Value =
        serde_json::from_str(&fs::read_to_string(dist().join("sample/article.json")).unwrap())
            .unwrap();
    assert_eq!(shown["headline"], sample["headline"]);
    assert_eq!(shown["prompt"], false, "the changed chunk ran: {shown}");
    assert!(shown["paragraphs"].as_u64().unwrap() > 4, "{shown}");
    let asked = server
        .requests()
        .iter()
        .filter(|r| r.ends_with("split_prompt.wasm"))
        .count();
    assert_eq!(asked, 1, "the chunk was asked for once");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_converter_is_refused_and_only_its_article_fails() {
    let server = server(Some("/core/folio-converter_bg.wasm"));
    let browser = Browser::start().await;
    browser.open_demo(&server.url("/good.html")).await;
    let failed = browser
        .eval(
            "const el = document.createElement('folio-article'); \
             el.setAttribute('src', 'sample/article.ans.json'); document.body.append(el); \
             return new Promise((resolve) => el.addEventListener('folio:error', (e) => resolve(e.detail.message)));",
            vec![],
        )
        .await;
    assert!(
        failed
            .as_str()
            .unwrap()
            .contains("The converter module could not be loaded"),
        "{failed}"
    );
    let own = browser
        .eval(
            "return document.getElementById('article').shadowRoot.querySelector('h1')?.textContent ?? null;",
            vec![],
        )
        .await;
    assert!(
        own.is_string(),
        "the Article JSON v1 widget still shows its article"
    );
    browser.stop().await;
}
