//! A page with one article twice: pre-rendered by `folio render` (its
//! prompt given life by the support island), then the same article from
//! its JSON in a `<folio-article>` (the core), so that a test can hold
//! the island and the widget to the same behaviour. The page logs Folio's
//! support events (`window.log`), keeps every link from leaving it, and
//! keeps the text of each file the page makes for download
//! (`window.files`).

use std::path::Path;

use crate::server::{Response, Server};
use crate::site::dist;
use serde_json::Value;

/// The support events the page logs.
const EVENTS: &str = "['folio:support-view', 'folio:support-click', 'folio:support-dismiss', 'folio:support-reminder', 'folio:support-count-off']";

/// Serves `article` as `/pair.json`, and `/pair.html` (or
/// `/bucket/<name>.html`, `/country/<code>.html`: both elements with that
/// `bucket` or `country`; `/island.html`: the pre-rendered article
/// alone).
pub fn server(article: &Value) -> Server {
    use folio_render::{Options, render};
    let json = article.to_string();
    let options = Options {
        assets: "/".into(),
        base: Some("/pair.json".into()),
        ..Options::default()
    };
    let embed = render(&json, &options).unwrap().text;
    let page = move |attribute: Option<(&str, &str)>, widget: bool| {
        let attribute = attribute.map_or(String::new(), |(name, value)| {
            format!(" {name}=\"{value}\"")
        });
        let embed = embed.replacen("<folio-article", &format!("<folio-article{attribute}"), 1);
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pair</title>\
             <script>window.log = []; window.files = [];\
             for (const type of {EVENTS}) \
               document.addEventListener(type, (e) => log.push({{ type, detail: e.detail }}));\
             document.addEventListener('click', (e) => e.preventDefault());\
             const made = URL.createObjectURL;\
             URL.createObjectURL = (blob) => {{ blob.text().then((text) => files.push({{ type: blob.type, text }})); return made.call(URL, blob); }};\
             </script>\
             <script type=\"module\" src=\"/folio.js\"></script></head><body>{embed}\
             {}</body></html>",
            match widget {
                true => format!("<folio-article src=\"/pair.json\"{attribute}></folio-article>"),
                false => String::new(),
            }
        )
    };
    let response = |body: String, kind: &str| Response {
        status: "200 OK",
        headers: vec![("Content-Type".into(), kind.into())],
        body: body.into_bytes(),
    };
    Server::with_route(
        dist(),
        Box::new(move |path: &str, _: &Path| {
            let html = "text/html; charset=utf-8";
            match path {
                "/pair.json" => Some(response(json.clone(), "application/json")),
                "/pair.html" => Some(response(page(None, true), html)),
                "/island.html" => Some(response(page(None, false), html)),
                _ => {
                    let (name, rest) = path.strip_prefix('/')?.split_once('/')?;
                    let value = rest.strip_suffix(".html")?;
                    let name = ["bucket", "country"].into_iter().find(|&n| n == name)?;
                    Some(response(page(Some((name, value)), true), html))
                }
            }
        }),
    )
}

/// The sample article, read from the release.
pub fn sample() -> Value {
    let text = std::fs::read_to_string(dist().join("sample/article.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Opens `path` of `server` and waits for both prompts (the island's
/// once its place is in view).
pub async fn open(browser: &crate::browser::Browser, server: &Server, path: &str) {
    browser.open(&server.url(path)).await;
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot\
             .querySelector('[data-island]').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await;
    let both = "return [...document.querySelectorAll('folio-article')]\
                .every((e) => e.shadowRoot?.querySelector('aside.folio-support'));";
    browser.wait_for(both, "both prompts").await;
}
