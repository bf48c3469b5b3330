//! Folio's own words in the reader's language: chosen by the host's `lang`,
//! else the article's, else English; loaded only by the pages that need
//! them; and English when a locale cannot be loaded.

use std::time::Duration;

use crate::browser::Browser;
use crate::server::{Response, Server, file};
use crate::site::{Site, dist};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../www/sample/article.json");

/// The sample without the words a publisher may give, so that Folio's
/// own show, and with an update time.
pub fn wordless() -> Value {
    let mut article: Value = serde_json::from_str(SAMPLE).unwrap();
    article["readMore"] = json!({ "href": "https://publisher.example/news" });
    article["updated"] = json!("2020-09-13T19:30:00Z");
    article["authors"] = json!(["Jane Doe", "John Roe"]);
    article["support"]["decline"] = json!({ "text": "…", "days": 7 });
    article["support"]["paymentMethods"] = json!(["visa", "card"]);
    article
}

/// What the widget `#id` writes of its own words.
pub const WORDS: &str = r#"
const root = document.getElementById(arguments[0])?.shadowRoot;
const text = (sel) => root?.querySelector(sel)?.textContent ?? null;
const attr = (sel, name) => root?.querySelector(sel)?.getAttribute(name) ?? null;
return {
  lang: attr(".folio-root", "lang"),
  dir: attr(".folio-root", "dir"),
  who: text(".folio-byline__who"),
  updated: text(".folio-byline__updated"),
  readMore: text(".folio-read-more a"),
  later: text(".folio-support__later"),
  amount: text(".folio-support__amount"),
  amounts: attr(".folio-support__amounts", "aria-label"),
  methods: attr(".folio-support__methods", "aria-label"),
  card: root ? [...root.querySelectorAll(".folio-badge")].map((b) => b.textContent).join("|") : null,
  banner: attr(".folio-banner", "aria-label"),
  error: text(".folio-error__title"),
};
"#;

/// Mounts `article` in a new element `#id` with `options`, and waits for it.
pub async fn mount(browser: &Browser, id: &str, article: &Value, options: Value) -> Value {
    browser
        .eval(
            "const el = document.createElement('div'); el.id = arguments[0]; \
             document.body.append(el); Folio.mount(el, arguments[1], arguments[2]);",
            vec![json!(id), article.clone(), options],
        )
        .await;
    let ready = format!(
        "const r = document.getElementById('{id}')?.shadowRoot; \
         return !!r?.querySelector('.folio-headline, .folio-error');"
    );
    browser.wait_for(&ready, &format!("#{id} to render")).await;
    browser.eval(WORDS, vec![json!(id)]).await
}

/// The locale files the folio server was asked for.
fn locale_requests(server: &Server) -> Vec<String> {
    let requests = server.requests();
    requests
        .into_iter()
        .filter(|r| r.contains("/locales/"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_in_russian_gets_folios_words_dates_and_lists_in_russian() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("ru.html")).await;
    let words = browser.eval(WORDS, vec![json!("article")]).await;
    assert_eq!(words["lang"], "ru");
    assert_eq!(
        words["who"],
        "Анна Иванова и Пётр Смирнов · The Moscow Times"
    );
    let updated = words["updated"].as_str().unwrap();
    assert!(
        updated.starts_with(" · Обновлено 13 сентября 2020"),
        "{updated}"
    );
    assert_eq!(words["readMore"], "Читать ещё");
    assert_eq!(words["later"], "Напомнить позже");
    assert_eq!(
        words["amount"].as_str().unwrap().replace('\u{a0}', " "),
        "2 $ в месяц"
    );
    assert_eq!(words["amounts"], "Выберите сумму");
    assert_eq!(words["methods"], "Способы оплаты");
    assert_eq!(words["card"], "VISA|mastercard|Карта|PayPal");
    assert_eq!(words["banner"], "Поддержите нас");
    assert_eq!(
        locale_requests(&site.folio),
        ["/locales/ru.json"],
        "one locale file, once"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hosts_language_wins_falls_back_by_tag_and_the_publishers_words_win_over_both() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    assert_eq!(
        locale_requests(&site.folio),
        Vec::<String>::new(),
        "an English page loads no locale"
    );
    let article = wordless();

    let german = mount(&browser, "de", &article, json!({ "lang": "de" })).await;
    assert_eq!(german["lang"], "de");
    assert_eq!(german["readMore"], "Mehr lesen");
    assert_eq!(
        german["who"],
        "Von Jane Doe und John Roe · The Moscow Times"
    );
    let updated = german["updated"].as_str().unwrap();
    assert!(
        updated.starts_with(" · Aktualisiert am 13. September 2020"),
        "{updated}"
    );
    assert_eq!(
        german["amount"].as_str().unwrap().replace('\u{a0}', " "),
        "2 $ monatlich"
    );

    let brazil = mount(&browser, "br", &article, json!({ "lang": "pt-BR" })).await;
    assert_eq!(
        (brazil["lang"].clone(), brazil["readMore"].clone()),
        (json!("pt-BR"), json!("Leia mais"))
    );

    let swahili = mount(&browser, "sw", &article, json!({ "lang": "sw" })).await;
    assert_eq!(
        (swahili["lang"].clone(), swahili["readMore"].clone()),
        (json!("en"), json!("Read more"))
    );
    assert_eq!(swahili["later"], "Remind me later");

    // The attribute, on an element: the host's language over the article's.
    let mut russian = article.clone();
    russian["lang"] = json!("ru");
    browser
        .eval(
            "const el = document.createElement('folio-article'); el.id = 'attr'; \
             el.setAttribute('lang', 'uk'); el.article = arguments[0]; document.body.append(el);",
            vec![russian],
        )
        .await;
    browser
        .wait_for(
            "return document.getElementById('attr').shadowRoot?.querySelector('.folio-read-more a')?.textContent === 'Читати ще';",
            "the Ukrainian words",
        )
        .await;

    // The words the article gives win, whatever the language.
    let given: Value = serde_json::from_str(SAMPLE).unwrap();
    let french = mount(&browser, "fr", &given, json!({ "lang": "fr" })).await;
    assert_eq!(french["readMore"], "Read more");
    assert_eq!(french["later"], "Remind me later");
    assert_eq!(french["amounts"], "Choisissez un montant");

    let mut files = locale_requests(&site.folio);
    files.sort();
    assert_eq!(
        files,
        [
            "/locales/de.json",
            "/locales/fr.json",
            "/locales/pt.json",
            "/locales/uk.json"
        ]
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_skeleton_is_labelled_in_the_hosts_language_and_a_broken_locale_leaves_english() {
    // A folio server whose Russian file is missing and German file broken,
    // and whose articles take a while.
    let folio = Server::with_route(
        dist(),
        Box::new(|path, root: &std::path::Path| match path {
            "/locales/ru.json" => Some(Response {
                status: "404 Not Found",
                headers: vec![],
                body: b"gone".to_vec(),
            }),
            "/locales/de.json" => Some(Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: b"{\"readMore\": ".to_vec(),
            }),
            "/slow/article.json" => {
                std::thread::sleep(Duration::from_secs(2));
                Some(file(root, "/sample/article.json"))
            }
            _ => None,
        }),
    );
    let browser = Browser::start().await;
    browser.open(&folio.url("demo/plain.html")).await;
    browser
        .eval(
            "for (const lang of ['ru', 'de', 'fr']) { \
               const el = document.createElement('folio-article'); el.id = lang; \
               el.setAttribute('lang', lang); el.setAttribute('src', '../slow/article.json'); \
               document.body.append(el); }",
            vec![],
        )
        .await;
    let skeleton = browser
        .wait_for(
            "const box = document.getElementById('fr').shadowRoot?.querySelector('.folio-skeleton'); \
             return box?.getAttribute('aria-label') === 'Chargement de l’article' \
               && box.getAttribute('aria-busy');",
            "the French skeleton's label",
        )
        .await;
    assert_eq!(skeleton, "true", "the skeleton says it is busy");
    for lang in ["ru", "de"] {
        browser
            .wait_for(
                &format!(
                    "return !!document.getElementById('{lang}').shadowRoot?.querySelector('h1');"
                ),
                "the article",
            )
            .await;
        let words = browser.eval(WORDS, vec![json!(lang)]).await;
        assert_eq!(
            (words["lang"].clone(), words["amounts"].clone()),
            (json!("en"), json!("Choose an amount")),
            "{lang}: English stands in"
        );
    }
    let errors = browser
        .eval(
            "return folioLog.events.filter((e) => e.type === 'folio:error').length;",
            vec![],
        )
        .await;
    assert_eq!(errors, 0, "a missing locale is no error of the article");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_its_core_the_widget_still_says_so_in_the_hosts_language() {
    // A folio server whose WebAssembly is gone: the core cannot start.
    let folio = Server::with_route(
        dist(),
        Box::new(|path, _: &std::path::Path| {
            (path == "/core/folio_bg.wasm").then(|| Response {
                status: "404 Not Found",
                headers: vec![],
                body: b"gone".to_vec(),
            })
        }),
    );
    let browser = Browser::start().await;
    browser.open(&folio.url("demo/plain.html")).await;
    browser
        .eval(
            "const el = document.createElement('folio-article'); el.id = 'de'; \
             el.setAttribute('lang', 'de-AT'); el.setAttribute('src', '../sample/article.json'); \
             document.body.append(el);",
            vec![],
        )
        .await;
    let fallback = "const box = document.getElementById(arguments[0]).shadowRoot?.querySelector('.folio-fallback[role=alert]'); \
                    return box && { title: box.querySelector('strong').textContent, text: box.textContent };";
    let german = browser
        .wait_for(
            "const t = document.getElementById('de').shadowRoot?.querySelector('.folio-fallback strong')?.textContent; \
             return t === 'Dieser Artikel kann nicht angezeigt werden';",
            "the German fallback",
        )
        .await;
    assert_eq!(german, true);
    let seen = browser.eval(fallback, vec![json!("de")]).await;
    let text = seen["text"].as_str().unwrap();
    assert!(
        text.contains("Die Leseansicht konnte nicht gestartet werden.") && text.contains("("),
        "the German sentence, then the diagnostic: {text}"
    );
    let english = browser.eval(fallback, vec![json!("article")]).await;
    assert_eq!(english["title"], "This article could not be shown");
    assert!(
        english["text"]
            .as_str()
            .unwrap()
            .contains("The reader could not start")
    );
    let errors = browser
        .eval(
            "return folioLog.events.filter((e) => e.type === 'folio:error').map((e) => e.target).sort();",
            vec![],
        )
        .await;
    assert_eq!(errors, json!(["article", "de"]));
    browser.stop().await;
}
