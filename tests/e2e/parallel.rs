//! Nothing waits in line: what an article needs before its first render
//! (its JSON, the core's module and WebAssembly, the locale file the
//! host's `lang` names, and the converter's when the `format` says so) is
//! asked for at once, read from the browser's resource timing. And the
//! locale files `folio.js` knows of are the ones the build ships.

use std::path::Path;

use serde_json::Value;

use crate::browser::Browser;
use crate::server::{Response, Server, file};
use crate::site::dist;

/// How long each file the article needs is held back.
const ROUND_TRIP: std::time::Duration = std::time::Duration::from_millis(150);

/// A host page on the widget's origin with one element of `attributes`.
fn page(attributes: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Parallel</title>\
         <script type=\"module\" src=\"/folio.js\"></script>\
         <folio-article {attributes}></folio-article></html>"
    );
    Response {
        status: "200 OK",
        headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
        body: body.into_bytes(),
    }
}

/// The resource timing of every file the page fetched, by path.
const TIMING: &str = r#"
return performance.getEntriesByType("resource").map((e) => ({
  path: new URL(e.name).pathname,
  start: e.startTime,
  end: e.responseEnd,
}));
"#;

/// Opens `url`, waits for the article, and checks that each of `needed`
/// was fetched and that none started after another had ended.
async fn check(browser: &Browser, url: &str, needed: &[&str]) {
    browser.open(url).await;
    browser
        .wait_for(
            "return !!document.querySelector('folio-article')?.shadowRoot?.querySelector('h1');",
            "the article",
        )
        .await;
    let timing = browser.eval(TIMING, vec![]).await;
    let entries: Vec<&Value> = needed
        .iter()
        .map(|path| {
            timing
                .as_array()
                .into_iter()
                .flatten()
                .find(|e| e["path"] == *path)
                .unwrap_or_else(|| panic!("{url}: {path} was not fetched: {timing}"))
        })
        .collect();
    for a in &entries {
        for b in &entries {
            let (start, end) = (a["start"].as_f64(), b["end"].as_f64());
            assert!(
                start <= end,
                "{url}: {} started after {} had ended: {timing}",
                a["path"],
                b["path"]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_asks_for_everything_it_needs_at_once() {
    let server = Server::with_route(
        dist(),
        Box::new(|path: &str, root: &Path| match path {
            "/russian.html" => Some(page("src=\"/sample/article.json\" lang=\"ru-RU\"")),
            "/ans.html" => Some(page(
                "src=\"/sample/article.ans.json\" format=\"ans\" lang=\"de\"",
            )),
            "/folio.js" => None,
            // Each file answers after a round trip's time, as on a
            // network: a file asked for only once another has arrived
            // then starts at least that much after the other's end,
            // however the machine schedules the page's own work.
            _ => {
                std::thread::sleep(ROUND_TRIP);
                Some(file(root, path))
            }
        }),
    );
    let browser = Browser::start().await;
    let core = ["/core/folio.js", "/core/folio_bg.wasm"];
    check(
        &browser,
        &server.url("russian.html"),
        &[&core[..], &["/sample/article.json", "/locales/ru.json"]].concat(),
    )
    .await;
    check(
        &browser,
        &server.url("ans.html"),
        &[
            &core[..],
            &[
                "/sample/article.ans.json",
                "/locales/de.json",
                "/core/folio-converter.js",
                "/core/folio-converter_bg.wasm",
            ],
        ]
        .concat(),
    )
    .await;
    browser.stop().await;
}

/// The README's preload hints for `files`, with their hashes from
/// `integrity.json` where the build gives one.
fn hints(files: &[&str]) -> String {
    let integrity: Value = serde_json::from_str(
        &std::fs::read_to_string(dist().join("integrity.json")).expect("integrity.json"),
    )
    .expect("integrity.json is JSON");
    files
        .iter()
        .map(|file| {
            let hash = integrity[file.trim_start_matches('/')]
                .as_str()
                .map(|h| format!(" integrity=\"{h}\""))
                .unwrap_or_default();
            match file.ends_with(".js") {
                true => format!("<link rel=\"modulepreload\" href=\"{file}\"{hash}>"),
                false => {
                    format!("<link rel=\"preload\" href=\"{file}\" as=\"fetch\" crossorigin{hash}>")
                }
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readmes_preload_hints_are_used_not_fetched_again() {
    let hinted = [
        "/core/folio.js",
        "/core/folio_bg.wasm",
        "/locales/de.json",
        "/core/folio-converter.js",
        "/core/folio-converter_bg.wasm",
    ];
    let head = hints(&hinted);
    let server = Server::with_route(
        dist(),
        Box::new(move |path: &str, _: &Path| {
            (path == "/hinted.html").then(|| {
                let mut response = page("src=\"/sample/article.jsonld.json\" lang=\"de\"");
                let body = String::from_utf8_lossy(&response.body).replace(
                    "<script type=\"module\"",
                    &format!("{head}<script type=\"module\""),
                );
                response.body = body.into_bytes();
                response
            })
        }),
    );
    let browser = Browser::start().await;
    check(&browser, &server.url("hinted.html"), &hinted).await;
    let timing = browser.eval(TIMING, vec![]).await;
    for file in hinted {
        let times = timing
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["path"] == file)
            .count();
        assert_eq!(times, 1, "{file} is fetched once, by its hint: {timing}");
    }
    browser.stop().await;
}

#[test]
fn folio_js_knows_every_locale_file_the_build_ships() {
    let script = std::fs::read_to_string("www/folio.js").expect("www/folio.js");
    let listed = script
        .split_once("LOCALE_FILES = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .expect("folio.js lists its locale files");
    let mut listed: Vec<String> = listed
        .split(',')
        .map(|code| code.trim().trim_matches('"').to_string())
        .filter(|code| !code.is_empty())
        .collect();
    listed.sort();
    let mut shipped: Vec<String> = std::fs::read_dir(dist().join("locales"))
        .expect("dist/locales")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_string())
        })
        .collect();
    shipped.sort();
    assert_eq!(listed, shipped);
}
