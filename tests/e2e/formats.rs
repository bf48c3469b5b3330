//! ANS and JSON-LD in the browser: the seed in each format (and in a
//! publisher's web page) renders as Article JSON v1 does, what is left
//! out is reported as `folio:notice`, a forced format is the only one
//! tried, and a bad document of either format is an error naming its
//! source path while the other widgets render.

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

const EVERY_ELEMENT: &str =
    include_str!("../../crates/formats/tests/formats/ans-every-element.json");
const ANS: &str = include_str!("../../www/sample/article.ans.json");
const JSON_LD: &str = include_str!("../../www/sample/article.jsonld.json");

/// Each widget's article as a reader sees it, without the parts only
/// Article JSON v1 carries (banner, prompt, "Read more"): its `<article>`
/// attributes, header, figure, and the body's blocks in order.
const ARTICLES: &str = r#"
return [...document.querySelectorAll("folio-article")].map((host) => {
  const article = host.shadowRoot?.querySelector("article");
  if (!article) return [host.id, host.shadowRoot?.textContent ?? null];
  const html = (el) => (el?.outerHTML ?? "").replaceAll("<!---->", "");
  const blocks = [...article.querySelectorAll(".folio-chunk > *")]
    .filter((el) => !el.closest(".folio-prompt, .folio-support"))
    .map(html);
  const attributes = [...article.attributes].map((a) => `${a.name}=${a.value}`);
  return [host.id, [attributes.join(" "), html(article.querySelector("header")), html(article.querySelector("figure")), ...blocks].join("\n")];
});
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_in_every_format_renders_as_the_seed() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open(&site.page("formats.html")).await;
    browser
        .wait_for(
            "return folioLog.events.filter((e) => e.type === 'folio:render').length === 4",
            "four articles",
        )
        .await;
    let seen = browser.eval(ARTICLES, vec![]).await;
    let html: Vec<(String, String)> = serde_json::from_value(seen).unwrap();
    let folio = &html.iter().find(|(id, _)| id == "folio").unwrap().1;
    assert!(folio.contains("<h1"), "{folio}");
    for (id, article) in &html {
        assert_eq!(article, folio, "#{id} renders as the seed does");
    }
    let log = browser
        .eval(
            "return { errors: folioLog.errors, violations: folioLog.violations, \
              notices: folioLog.events.filter((e) => e.type === 'folio:notice'), \
              ran: window.__publisherPageRan ?? null };",
            vec![],
        )
        .await;
    assert_eq!(log["errors"], json!([]));
    assert_eq!(log["notices"], json!([]), "the seeds leave nothing out");
    assert_eq!(
        log["ran"],
        Value::Null,
        "nothing of the publisher's page ran"
    );
    browser.resize(1280, 900).await;
    browser
        .eval("document.getElementById('ans').scrollIntoView();", vec![])
        .await;
    browser.screenshot("formats-ans-1280").await;
    browser.stop().await;
}

/// Mounts `docs` (`[id, document, options]`) and resolves with each
/// widget's events once each has rendered or failed.
const MOUNT: &str = r#"
const [docs] = arguments;
const events = {};
for (const [id, doc, options] of docs) {
  const host = document.createElement("div");
  host.id = id;
  events[id] = [];
  for (const type of ["folio:render", "folio:error", "folio:notice"]) {
    host.addEventListener(type, (e) => events[id].push({ type, detail: e.detail }));
  }
  document.body.append(host);
  Folio.mount(host, doc, options);
}
const settled = () => Object.values(events).every((list) => list.some((e) => e.type !== "folio:notice"));
return new Promise((resolve) => {
  const check = () => (settled() ? resolve(events) : setTimeout(check, 50));
  check();
});
"#;

#[tokio::test(flavor = "multi_thread")]
async fn notices_forced_formats_and_source_paths_reach_the_page() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    let fetched = "return performance.getEntriesByType('resource')\
        .filter((e) => e.name.includes('folio-converter')).length;";
    assert_eq!(
        browser.eval(fetched, vec![]).await,
        0,
        "a page of Article JSON v1 never fetches the converter"
    );
    let every: Value = serde_json::from_str(EVERY_ELEMENT).unwrap();
    let mut ans: Value = serde_json::from_str(ANS).unwrap();
    ans["promo_items"]["basic"]["url"] = json!("https://news.example/hero.jpg");
    let mut bad_ans = ans.clone();
    bad_ans["headlines"]["basic"] = json!(42);
    let mut bad_ld: Value = serde_json::from_str(JSON_LD).unwrap();
    bad_ld["@graph"][2]["width"] = json!("wide");
    let docs = json!([
        ["every", every, {}],
        ["forced", ans, { "format": "json-ld" }],
        ["unknown-format", ans, { "format": "xml" }],
        ["bad-ans", bad_ans, {}],
        ["bad-ld", bad_ld, {}],
        ["neither", { "title": "no article" }, {}],
        ["good", ans, { "format": "ans" }],
    ]);
    let events = browser.eval(MOUNT, vec![docs]).await;
    let kinds = |id: &str| -> Vec<String> {
        events[id]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_string())
            .collect()
    };
    let notices: Vec<&Value> = events["every"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "folio:notice")
        .collect();
    assert_eq!(notices.len(), 9, "{notices:?}");
    assert_eq!(notices[0]["detail"]["path"], "related_content.basic[1]");
    assert_eq!(notices[3]["detail"]["path"], "content_elements[21]");
    assert_eq!(
        notices[3]["detail"]["message"],
        "Raw HTML is left out: Folio never renders it."
    );
    assert_eq!(
        kinds("every").last().map(String::as_str),
        Some("folio:render")
    );
    let error = |id: &str| {
        let found = events[id]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == "folio:error")
            .unwrap_or_else(|| panic!("#{id} sends folio:error: {events}"));
        found["detail"].clone()
    };
    assert!(
        error("forced")["message"]
            .as_str()
            .unwrap()
            .contains("no schema.org article")
    );
    assert_eq!(error("unknown-format")["path"], "format");
    assert_eq!(error("bad-ans")["path"], "headlines.basic");
    assert_eq!(error("bad-ld")["path"], "@graph[2].width");
    assert!(
        error("neither")["message"]
            .as_str()
            .unwrap()
            .contains("an ANS story")
    );
    assert_eq!(kinds("good"), ["folio:render"]);
    let shown = browser
        .eval(
            "const text = (id, sel) => document.getElementById(id).shadowRoot.querySelector(sel)?.textContent; \
             return { good: text('good', 'h1'), every: text('every', 'h1'), \
               bad: text('bad-ans', '.folio-error__detail'), errors: folioLog.errors, \
               own: text('article', 'h1') };",
            vec![],
        )
        .await;
    assert_eq!(shown["every"], "Every element & its “shape”");
    assert!(
        shown["good"].as_str().unwrap().starts_with("Putin Backs"),
        "{shown}"
    );
    assert!(
        shown["bad"]
            .as_str()
            .unwrap()
            .contains("`headlines.basic` must be text"),
        "the widget shows the error naming the ANS field: {shown}"
    );
    assert!(
        shown["own"].is_string(),
        "the page's own widget still renders"
    );
    assert_eq!(shown["errors"], json!([]));
    assert_eq!(
        browser.eval(fetched, vec![]).await,
        2,
        "the converter's module and WebAssembly, fetched once for all its widgets"
    );
    browser.resize(1280, 2400).await;
    browser
        .eval(
            "document.body.replaceChildren(document.getElementById('every'));",
            vec![],
        )
        .await;
    browser.screenshot("formats-every-ans-element").await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn inline_json_ld_and_the_format_attribute() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    let seen = browser
        .eval(
            r#"
const [ld] = arguments;
return (async () => {
const inline = document.createElement("folio-article");
inline.id = "inline-ld";
const script = document.createElement("script");
script.type = "application/ld+json";
script.textContent = JSON.stringify(ld);
inline.append(script);
const forced = document.createElement("folio-article");
forced.id = "forced";
forced.setAttribute("format", "ans");
forced.setAttribute("src", "../sample/article.jsonld.json");
document.body.append(inline, forced);
const done = (el, type) => new Promise((resolve) => el.addEventListener(type, (e) => resolve(e.detail), { once: true }));
const [rendered, failed] = await Promise.all([done(inline, "folio:render"), done(forced, "folio:error")]);
forced.setAttribute("format", "json-ld");
const fixed = await done(forced, "folio:render");
return { rendered, failed, fixed, h1: inline.shadowRoot.querySelector("h1").textContent };
})();
"#,
            vec![serde_json::from_str(JSON_LD).unwrap()],
        )
        .await;
    assert!(
        seen["h1"].as_str().unwrap().starts_with("Putin Backs"),
        "{seen}"
    );
    assert_eq!(seen["failed"]["path"], "type", "{seen}");
    assert!(
        seen["fixed"]["id"].as_str().unwrap().ends_with("#article"),
        "{seen}"
    );
    browser.stop().await;
}

/// What a widget `#id` shows of a card.
const CARD: &str = r#"
const root = document.getElementById(arguments[0]).shadowRoot;
return {
  headline: root.querySelector("h1")?.textContent ?? null,
  paragraphs: root.querySelectorAll(".folio-body p").length,
  continues: root.querySelector(".folio-read-more__link")?.textContent ?? null,
  href: root.querySelector(".folio-read-more__link")?.href ?? null,
  prompt: !!root.querySelector("aside.folio-support, .folio-banner"),
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_story_without_text_is_a_card_with_a_notice() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    let mut ld: Value = serde_json::from_str(JSON_LD).unwrap();
    ld["@graph"][3]
        .as_object_mut()
        .unwrap()
        .remove("articleBody");
    let mut ans: Value = serde_json::from_str(ANS).unwrap();
    ans["content_elements"] = json!([]);
    ans["canonical_url"] = json!("https://news.example/2020/09/13/story");
    let mut no_url = ld.clone();
    // The article's own address, and its page's: names that are no URL.
    for (at, id) in [(1, "page-1"), (3, "story-1")] {
        let node = no_url["@graph"][at].as_object_mut().unwrap();
        node.remove("url");
        node.remove("mainEntityOfPage");
        node.insert("@id".into(), json!(id));
    }
    let docs = json!([["ld", ld, {}], ["ans", ans, {}], ["nothing", no_url, {}]]);
    let events = browser.eval(MOUNT, vec![docs]).await;
    browser.resize(1280, 1100).await;
    browser
        .eval(
            "document.getElementById('ld').shadowRoot.querySelector('.folio-read-more')?.scrollIntoView({block: 'center'});",
            vec![],
        )
        .await;
    browser.screenshot("formats-card-1280").await;
    for (id, path) in [("ld", "@graph[3].articleBody"), ("ans", "content_elements")] {
        let seen = browser.eval(CARD, vec![json!(id)]).await;
        assert!(seen["headline"].is_string(), "{id}: {seen}");
        assert_eq!(seen["paragraphs"], 0, "{id}: {seen}");
        let continues = seen["continues"].as_str().unwrap_or_default();
        assert!(continues.starts_with("Continue reading"), "{id}: {seen}");
        assert!(
            seen["href"].as_str().is_some_and(|h| h.starts_with("http")),
            "{id}: {seen}"
        );
        assert_eq!(
            seen["prompt"], false,
            "a card with no text asks for nothing: {seen}"
        );
        let notices: Vec<&Value> = events[id]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "folio:notice" && e["detail"]["path"] == path)
            .collect();
        assert_eq!(notices.len(), 1, "{id}: a notice at {path}: {}", events[id]);
        assert!(
            events[id]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["type"] == "folio:render"),
            "{id}: {}",
            events[id]
        );
    }
    let failed = &events["nothing"];
    let error = failed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "folio:error")
        .unwrap_or_else(|| panic!("no text and no url is an error: {failed}"));
    assert_eq!(
        error["detail"]["path"], "@graph[3].articleBody",
        "the error names the field: {error}"
    );
    browser.stop().await;
}
