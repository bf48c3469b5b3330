//! The XSS corpus (`tests/e2e/xss/vectors.json`) in headless Chromium, through
//! `Folio.mount()` and `<folio-article>` inline JSON, with every vector in
//! every field it can reach, in Article JSON v1, ANS and JSON-LD. See `tests/e2e/xss/runner.js` for the audit.

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

const VECTORS: &str = include_str!("xss/vectors.json");
const SAMPLE: &str = include_str!("../../www/sample/article.json");
const ANS: &str = include_str!("../../www/sample/article.ans.json");
const JSON_LD: &str = include_str!("../../www/sample/article.jsonld.json");

#[tokio::test(flavor = "multi_thread")]
async fn no_vector_runs_script_or_leaves_markup_outside_the_allowed_set() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let count = vectors.as_array().unwrap().len();
    assert!(count >= 150, "the corpus holds {count} vectors");
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;

    let report = browser
        .eval(
            include_str!("xss/runner.js"),
            vec![
                vectors,
                serde_json::from_str(SAMPLE).unwrap(),
                json!(40),
                json!({
                    "ans": serde_json::from_str::<Value>(ANS).unwrap(),
                    "jsonld": serde_json::from_str::<Value>(JSON_LD).unwrap(),
                }),
            ],
        )
        .await;
    let cases = report["cases"].as_u64().unwrap();
    println!(
        "{count} vectors, {cases} placements, {} renders through two paths: {}",
        report["renders"], report["outcomes"]
    );
    assert_eq!(
        report["failures"],
        json!([]),
        "every placement is safe: {report}"
    );
    assert_eq!(report["renders"].as_u64(), Some(2 * cases));
    assert!(
        report["outcomes"]["render"].as_u64().unwrap() > cases / 3,
        "most placements render (refusals alone would prove little): {report}"
    );
    assert_eq!(report["flagAtEnd"], Value::Null);
    let after = browser
        .eval(
            "return { errors: folioLog.errors, own: document.getElementById('article').shadowRoot.querySelector('h1')?.textContent ?? null };",
            vec![],
        )
        .await;
    assert_eq!(after["errors"], json!([]), "no uncaught error on the page");
    assert!(
        after["own"].is_string(),
        "the page's own widget still shows its article"
    );
    browser.stop().await;
}

/// Where every placement's article is said to come from.
const BASE: &str = "https://news.example/sample/article.json";

/// Where the placements' frame documents are said to be served.
const FRAME_SRC: &str = "https://news.example/sample/article.frame.html";

/// Where the placements' oEmbed responses are said to be served.
const OEMBED_URL: &str = "https://news.example/sample/article.oembed.json";

/// Live pages fetch images from their own origin only: a payload's
/// host does not resolve here, and the page would wait for it. Scripts
/// stay unrestricted, so that a payload that could run would.
const IMAGES_HERE: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"img-src 'self'\">";

/// Fragments per live page.
const LIVE_BATCH: usize = 60;

/// Scrolls each live page through (so every island wakes), then returns
/// whether any payload ran and what errors the widgets sent.
const LIVE: &str = r#"
return (async () => {
  // A window and most of the island's margin at a time: every place
  // passes through the margin.
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight + 1000) {
    scrollTo(0, y);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
  }
  await new Promise((resolve) => setTimeout(resolve, 600));
  const frames = [...document.querySelectorAll("iframe")].map((f) => f.contentWindow?.__xssHit ?? null);
  const roots = [...document.querySelectorAll("folio-article")].map((a) => a.shadowRoot);
  return {
    hit: window.__xssHit ?? frames.find((h) => h) ?? null,
    adopted: roots.filter((r) => r?.querySelector(".folio-root[data-prerendered]")).length,
    prompts: roots.filter((r) => r?.querySelector("aside.folio-support")).length,
  };
})();
"#;

/// The payload detector, in every document and frame before its scripts.
const DETECTOR: &str = "window.__xssHit = null; window.__xss = () => (window.__xssHit ??= 'called __xss()'); \
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = () => (window.__xssHit ??= `called ${name}()`);";

#[tokio::test(flavor = "multi_thread")]
async fn no_vector_survives_folio_render_in_any_output() {
    use folio_render::{Options, Output, Style, render};
    use std::sync::{Arc, Mutex};

    let pages: Arc<Mutex<Vec<String>>> = Arc::default();
    let served = pages.clone();
    let server = crate::server::Server::with_route(
        crate::site::dist(),
        Box::new(move |path, _| {
            let index: usize = path
                .strip_prefix("/xss/")?
                .strip_suffix(".html")?
                .parse()
                .ok()?;
            let body = served.lock().ok()?.get(index)?.clone().into_bytes();
            Some(crate::server::Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                body,
            })
        }),
    );
    let browser = Browser::start().await;
    browser.before_each_document(DETECTOR).await;
    browser.open(&server.url("prerendered.html")).await;
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let formats = json!({
        "ans": serde_json::from_str::<Value>(ANS).unwrap(),
        "jsonld": serde_json::from_str::<Value>(JSON_LD).unwrap(),
    });
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    let cases = browser
        .eval(
            include_str!("xss/runner.js"),
            vec![vectors, sample, json!(40), formats, json!("cases")],
        )
        .await;
    let cases = cases.as_array().unwrap();
    let origin = server.origin();
    let started = std::time::Instant::now();
    let (mut outputs, mut refused) = (Vec::new(), 0);
    let (mut embeds, mut documents) = (Vec::new(), Vec::new());
    for case in cases {
        let id = format!("{} in {}", case["vector"], case["where"]);
        let text = case["article"].to_string();
        for (kind, output) in [
            ("embed", Output::Embed),
            ("page", Output::Page),
            ("plain", Output::Plain),
            ("iframe", Output::Iframe),
            ("oembed", Output::Oembed),
        ] {
            let options = Options {
                output,
                assets: format!("{origin}/"),
                base: Some(BASE.into()),
                iframe_src: (output == Output::Oembed).then(|| FRAME_SRC.into()),
                oembed_url: (output == Output::Page).then(|| OEMBED_URL.into()),
                // The inline sheet is one constant, the same in every
                // output; the audit reads the markup the article makes.
                style: Style::Link,
                ..Options::default()
            };
            match render(&text, &options) {
                Ok(rendered) => {
                    let html = match kind {
                        "oembed" => {
                            let response: Value = serde_json::from_str(&rendered.text).unwrap();
                            response["html"].as_str().unwrap().to_string()
                        }
                        _ => rendered.text,
                    };
                    match kind {
                        "embed" => embeds.push(html.clone()),
                        "page" | "iframe" => documents.push(html.clone()),
                        _ => {}
                    }
                    outputs.push(json!({ "id": id, "kind": kind, "html": html }));
                }
                Err(_) => refused += 1,
            }
        }
    }
    assert!(
        outputs.len() > cases.len(),
        "most placements render: {} outputs, {refused} refused",
        outputs.len()
    );
    // The audit finds what it looks for.
    let planted = json!([
        { "id": "planted", "kind": "embed", "html": "<folio-article><template shadowrootmode=\"open\"><h1>x</h1><img src=\"x.png\" onerror=\"alert(1)\"><button type=\"button\">b</button><div data-island=\"support\"><template><aside><button type=\"button\" tabindex=\"5\">c</button></aside></template></div></template></folio-article>" },
        { "id": "planted", "kind": "plain", "html": "<h1>x</h1><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>" },
        { "id": "planted", "kind": "oembed", "html": "<blockquote><a href=\"x\">x</a></blockquote><iframe src=\"https://evil.example/\" onload=\"alert(1)\"></iframe><p>x</p>" },
        { "id": "planted", "kind": "iframe", "html": "<head><meta property=\"og:image\" content=\"javascript:alert(1)\"><script src=\"https://evil.example/folio-frame.js\"></script></head><h1>x</h1>" },
    ]);
    let found = browser
        .eval(include_str!("xss/render.js"), vec![planted, json!(origin)])
        .await;
    // (a handler twice, a button outside the prompt's template twice, a
    // control's state it never has; a script as a classic one, as script
    // text and in plain HTML, a scheme; in oEmbed html, a frame elsewhere,
    // a handler, a paragraph; in a frame document, a card's image by a
    // script URL, a script from elsewhere)
    assert_eq!(found.as_array().map(Vec::len), Some(14), "{found}");
    let mut failures = Vec::new();
    for batch in outputs.chunks(150) {
        let found = browser
            .eval(
                include_str!("xss/render.js"),
                vec![json!(batch), json!(origin)],
            )
            .await;
        failures.extend(found.as_array().unwrap().iter().cloned());
    }
    assert_eq!(failures, Vec::<Value>::new(), "every output is safe");
    eprintln!(
        "{} outputs rendered and audited in {:.0?}; opening them live",
        outputs.len(),
        started.elapsed()
    );

    // Opened for real, with folio.js and the island: every embed on host
    // pages, pages in frames of their own.
    let script = format!("<script type=\"module\" src=\"{origin}/folio.js\"></script>");
    let mut live = Vec::new();
    for batch in embeds.chunks(LIVE_BATCH) {
        live.push(format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{IMAGES_HERE}<title>x</title>{script}</head><body>{}</body></html>",
            batch.concat()
        ));
    }
    // Every eighth page: their only scripts are folio.js and data blocks
    // (audited above on every one), and a frame each is slow to open.
    let sampled: Vec<&String> = documents.iter().step_by(8).collect();
    for batch in sampled.chunks(LIVE_BATCH / 2) {
        let frames: String = batch
            .iter()
            .map(|page| {
                let escaped = page.replace('&', "&amp;").replace('"', "&quot;");
                format!("<iframe srcdoc=\"{escaped}\" width=\"800\" height=\"400\"></iframe>")
            })
            .collect();
        live.push(format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{IMAGES_HERE}<title>x</title></head><body>{frames}</body></html>"
        ));
    }
    let count = live.len();
    let embed_pages = embeds.len().div_ceil(LIVE_BATCH);
    *pages.lock().unwrap() = live;
    let mut prompts = 0;
    for index in 0..count {
        browser
            .open(&server.url(&format!("xss/{index}.html")))
            .await;
        let seen = browser.eval(LIVE, vec![]).await;
        assert_eq!(
            seen["hit"],
            Value::Null,
            "a payload ran on live page {index}"
        );
        if index < embed_pages {
            let batch = embeds.len().min((index + 1) * LIVE_BATCH) - index * LIVE_BATCH;
            assert_eq!(
                seen["adopted"].as_u64(),
                Some(batch as u64),
                "every embed on live page {index} is adopted: {seen}"
            );
            prompts += seen["prompts"].as_u64().unwrap_or(0);
        }
    }
    // Not every embed: a payload in the support block refuses it, other
    // formats have none, and the campaign's view cap holds across them.
    assert!(
        prompts > 0,
        "the island rendered prompts among the {} embeds",
        embeds.len()
    );
    println!(
        "{} placements through folio render: {} outputs audited, {refused} refused, {count} live pages, {prompts} prompts rendered by the island, {:.0?} in all",
        cases.len(),
        outputs.len(),
        started.elapsed()
    );
    browser.stop().await;
}
