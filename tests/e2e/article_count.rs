//! The reader's article count: from the article the JSON sets as its
//! threshold, the prompt says how many distinct articles this reader
//! opened on this host in the last 52 weeks, in the plural the browser's
//! `Intl.PluralRules` picks for the reader's language, in the widget and
//! in a pre-rendered article's island alike; a control turns it off for
//! good; without consent nothing is counted.

use crate::browser::Browser;
use crate::pair;
use serde_json::{Value, json};

/// Each element's count line, as a reader sees it (`null`: none).
const LINES: &str = r#"
return [...document.querySelectorAll("folio-article, .mounted")].map((element) => {
  const line = element.shadowRoot?.querySelector(".folio-support__count span");
  return line ? line.textContent : null;
});
"#;

async fn stored(browser: &Browser) -> Value {
    let read = "return localStorage.getItem('folio:v1:read');";
    browser.eval(read, vec![]).await
}

/// Stores a reading record of `entries` (`[hash, days before today]`).
async fn seed(browser: &Browser, entries: Value) {
    // The page's own count (the island counts its article once the browser
    // is idle) goes first: an idle callback asked for now runs after the
    // island's, which was asked for at the first paint.
    let settled = "return new Promise((done) => requestIdleCallback(() => setTimeout(done, 0)));";
    browser.eval(settled, vec![]).await;
    let script = "const today = Math.floor(Date.now() / 86400000);\
                  const read = arguments[0].map(([hash, ago]) => [hash, today - ago]);\
                  localStorage.setItem('folio:v1:read', JSON.stringify({ v: 1, read }));";
    browser.eval(script, vec![entries]).await;
}

/// Mounts the article `article` in `lang` with `options` in a new
/// element, and waits for its prompt.
async fn mount(browser: &Browser, article: &Value, options: Value) {
    let script = "const element = document.createElement('div'); element.className = 'mounted';\
                  document.body.append(element); Folio.mount(element, arguments[0], arguments[1]);";
    browser.eval(script, vec![article.clone(), options]).await;
    let shown = "return [...document.querySelectorAll('.mounted')].every((e) => e.shadowRoot?.querySelector('aside.folio-support'));";
    browser.wait_for(shown, "the mounted prompt").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_count_shows_from_its_threshold_in_the_readers_plural_and_turns_off_for_good() {
    let mut article = pair::sample();
    article["support"]["articleCount"] = json!({ "threshold": 3 });
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;

    // A first article: below the threshold, no count; it is counted once
    // however many prompts show it.
    pair::open(&browser, &server, "pair.html").await;
    assert_eq!(browser.eval(LINES, vec![]).await, json!([null, null]));
    let first: Value = serde_json::from_str(stored(&browser).await.as_str().unwrap()).unwrap();
    assert_eq!(first["read"].as_array().map(Vec::len), Some(1), "{first}");
    let today = browser
        .eval("return Math.floor(Date.now() / 86400000);", vec![])
        .await;
    assert_eq!(first["read"][0][1], today, "{first}");
    assert!(
        !first.to_string().contains("favor")
            && !first.to_string().contains(article["id"].as_str().unwrap()),
        "only a hash of the id is kept: {first}"
    );

    // Two other articles this year, one over a year ago: three counted.
    let this = first["read"][0][0].clone();
    seed(&browser, json!([[11, 40], [12, 200], [13, 364], [this, 0]])).await;
    pair::open(&browser, &server, "pair.html").await;
    let english = "You've read 3 articles in the last year";
    assert_eq!(browser.eval(LINES, vec![]).await, json!([english, english]));

    // Other languages take the plural their rules pick: "few" in Russian
    // and in Arabic for 3, "many" in Russian for 5, "one" for 21.
    let digits =
        |lang: &str, n: u32| format!("return new Intl.NumberFormat('{lang}').format({n});");
    let three = browser.eval(&digits("ar", 3), vec![]).await;
    mount(&browser, &article, json!({ "lang": "ru" })).await;
    mount(&browser, &article, json!({ "lang": "ar" })).await;
    let lines = browser.eval(LINES, vec![]).await;
    assert_eq!(
        lines,
        json!([
            english,
            english,
            "Вы прочитали 3 статьи за последний год",
            format!("قرأت {} مقالات في العام الماضي", three.as_str().unwrap())
        ])
    );
    browser
        .eval(
            "document.querySelectorAll('.mounted').forEach((e) => e.remove());",
            vec![],
        )
        .await;
    for (count, expected) in [
        (5, "Вы прочитали 5 статей за последний год"),
        (21, "Вы прочитали 21 статью за последний год"),
    ] {
        let others: Vec<Value> = (0..count - 1).map(|i| json!([100 + i, 1])).collect();
        seed(&browser, Value::Array(others)).await;
        mount(&browser, &article, json!({ "lang": "ru" })).await;
        let lines = browser.eval(LINES, vec![]).await;
        assert_eq!(lines[2], expected, "{count}");
        browser
            .eval("document.querySelector('.mounted').remove();", vec![])
            .await;
    }
    for width in [1280, 375] {
        browser.resize(width, 800).await;
        browser
            .eval(
                "document.querySelector('folio-article').shadowRoot\
                 .querySelector('.folio-support').scrollIntoView({ block: 'start' });",
                vec![],
            )
            .await;
        browser.screenshot(&format!("article-count-{width}")).await;
    }
    browser.resize(1280, 800).await;

    // Off, from the island: the line goes, focus is on the heading, the
    // event is sent, and nothing is kept but the choice.
    let off = browser
        .eval(
            "const root = document.querySelector('folio-article').shadowRoot;\
             root.querySelector('.folio-support__count-off').click();\
             return [!!root.querySelector('.folio-support__count'),\
                     root.activeElement?.classList.contains('folio-support__heading') ?? false];",
            vec![],
        )
        .await;
    assert_eq!(
        off,
        json!([false, true]),
        "the line gone, focus on the heading"
    );
    let sent =
        "return log.filter((e) => e.type === 'folio:support-count-off').map((e) => e.detail);";
    assert_eq!(
        browser.eval(sent, vec![]).await,
        json!([{ "campaign": "favor-2024" }])
    );
    assert_eq!(stored(&browser).await, r#"{"v":1,"off":true}"#);
    pair::open(&browser, &server, "pair.html").await;
    assert_eq!(browser.eval(LINES, vec![]).await, json!([null, null]));
    assert_eq!(stored(&browser).await, r#"{"v":1,"off":true}"#);
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_consent_nothing_is_counted_or_shown() {
    let mut article = pair::sample();
    article["support"]["articleCount"] = json!({});
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    pair::open(&browser, &server, "pair.html").await;
    let entries: Vec<Value> = (0..9).map(|i| json!([200 + i, 3])).collect();
    seed(&browser, Value::Array(entries)).await;
    let before = stored(&browser).await;
    let mut other = article.clone();
    other["id"] = json!("another-article");
    for consent in ["denied", "pending"] {
        mount(&browser, &other, json!({ "consent": consent })).await;
    }
    let lines = browser.eval(LINES, vec![]).await;
    assert_eq!(lines, json!([null, null, null, null]), "nothing shown");
    assert_eq!(stored(&browser).await, before, "nothing counted");
    // With consent, the same article is counted beside the nine stored:
    // ten, past the default threshold of 5.
    mount(&browser, &other, json!({ "consent": "granted" })).await;
    let lines = browser.eval(LINES, vec![]).await;
    assert_eq!(lines[4], "You've read 10 articles in the last year");
    browser.stop().await;
}

/// Every locale file has the count's words for each plural category the
/// browser's rules give its language, with the number in them.
#[tokio::test(flavor = "multi_thread")]
async fn every_locale_has_the_counts_words_for_each_plural_category() {
    let server = pair::server(&pair::sample());
    let browser = Browser::start().await;
    browser.open(&server.url("pair.html")).await;
    let script = r#"
const codes = ["ar", "de", "es", "fa", "fr", "he", "it", "ja", "pl", "pt", "ru", "tr", "uk", "zh"];
const missing = [];
for (const code of codes) {
  const words = await (await fetch(`/locales/${code}.json`)).json();
  for (const category of new Intl.PluralRules(code).resolvedOptions().pluralCategories) {
    const key = "read" + category[0].toUpperCase() + category.slice(1);
    const text = words[key];
    if (typeof text !== "string" || !text.includes("{count}")) missing.push(`${code}.${key}`);
  }
}
return missing;
"#;
    let script = format!("return (async () => {{ {script} }})();");
    assert_eq!(browser.eval(&script, vec![]).await, json!([]));
    browser.stop().await;
}

/// A pre-rendered article is counted as the page opens, though its
/// reader never scrolls near its prompt (which does not wake).
#[tokio::test(flavor = "multi_thread")]
async fn a_prerendered_article_counts_before_its_prompt_wakes() {
    let mut article = pair::sample();
    article["support"]["articleCount"] = json!({});
    let server = pair::server(&article);
    let browser = Browser::start().await;
    // A short window: the prompt's place stays far below it.
    browser.resize(1280, 300).await;
    browser.open(&server.url("island.html")).await;
    let counted = "return localStorage.getItem('folio:v1:read');";
    let stored = browser.wait_for(counted, "the article counted").await;
    let stored: Value = serde_json::from_str(stored.as_str().unwrap()).unwrap();
    assert_eq!(stored["read"].as_array().map(Vec::len), Some(1), "{stored}");
    let woken = "return !!document.querySelector('folio-article').shadowRoot.querySelector('aside.folio-support');";
    assert_eq!(
        browser.eval(woken, vec![]).await,
        false,
        "the prompt has not woken"
    );
    browser.stop().await;
}
