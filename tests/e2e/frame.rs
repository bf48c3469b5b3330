//! The frame document (`folio render --iframe`) opened on its own, as a
//! host's frame loads it: in every locale Folio speaks, right to left
//! where the language is, in the host's theme (`theme=`) or the reader's
//! (`prefers-color-scheme`), card and whole, with no axe-core violation.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::locales::wordless;
use crate::publisher::Publisher;
use folio_render::Style;

/// The languages of `www/locales/`, and English.
fn languages() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/locales");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .expect("www/locales")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_string())
        })
        .collect();
    found.push("en".into());
    found.sort();
    found
}

/// Folio's own `word` in `lang` (English from the widget's defaults).
fn word(lang: &str, key: &str, english: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/locales/{lang}.json"));
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|words| words[key].as_str().map(String::from))
        .unwrap_or_else(|| english.into())
}

/// What the document shows: its language and direction, the words of
/// its own it writes, its colours.
const SEEN: &str = r#"
const root = document.documentElement;
const article = document.querySelector("article.folio");
const text = (sel) => document.querySelector(sel)?.textContent ?? null;
return {
  view: root.dataset.view ?? null,
  lang: root.getAttribute("lang"),
  dir: article?.getAttribute("dir") ?? null,
  direction: article ? getComputedStyle(article).direction : null,
  continues: text(".folio-read-more__link"),
  later: text(".folio-support__later"),
  prompt: !!document.querySelector("aside.folio-support"),
  background: getComputedStyle(document.body).backgroundColor,
  headline: getComputedStyle(document.querySelector("h1")).color,
};
"#;

/// axe-core over the whole document; each violation as one line.
const AXE: &str = r#"
const result = await axe.run(document, { resultTypes: ["violations"] });
const found = [];
for (const rule of result.violations) {
  for (const node of rule.nodes) found.push(`${rule.id}: ${JSON.stringify(node.target)} (${node.failureSummary})`);
}
return { checked: result.passes.length, found };
"#;

async fn axe(browser: &Browser, page: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; `cargo xtask test` installs it", path.display()));
    browser.eval(&source, vec![]).await;
    let result = browser
        .eval(&format!("return (async () => {{ {AXE} }})();"), vec![])
        .await;
    assert!(
        result["checked"].as_u64() > Some(0),
        "{page}: axe checked nothing"
    );
    result["found"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| format!("{page}: {}", v.as_str().unwrap_or_default()))
        .collect()
}

/// Opens `url` and waits for the support prompt (the island wakes it).
async fn open(browser: &Browser, url: &str) -> Value {
    browser.open(url).await;
    browser
        .wait_for(
            "return !!document.querySelector('aside.folio-support');",
            &format!("the prompt in {url}"),
        )
        .await;
    browser.eval(SEEN, vec![]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_locale_reads_in_its_words_and_direction_with_no_axe_violation() {
    let languages = languages();
    let stories: Vec<(String, Value)> = languages
        .iter()
        .map(|lang| {
            let mut article = wordless();
            article["lang"] = json!(lang);
            (lang.clone(), article)
        })
        .collect();
    let named: Vec<(&str, Value)> = stories
        .iter()
        .map(|(name, article)| (name.as_str(), article.clone()))
        .collect();
    let publisher = Publisher::start(&named, Style::Inline);
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    let mut violations = Vec::new();
    for lang in &languages {
        let rtl = ["ar", "he", "fa"].contains(&lang.as_str());
        let expected_dir = if rtl { "rtl" } else { "ltr" };
        for view in ["card", "full"] {
            let url = publisher.url(&format!("{lang}.frame.html?view={view}"));
            let seen = open(&browser, &url).await;
            assert_eq!(seen["view"], view, "{url}: {seen}");
            assert_eq!(seen["lang"], lang.as_str(), "{url}: {seen}");
            assert_eq!(seen["direction"], expected_dir, "{url}: {seen}");
            assert_eq!(
                seen["later"],
                word(lang, "remindLater", "Remind me later").as_str(),
                "{url}: {seen}"
            );
            if view == "card" {
                let continues = word(lang, "continueAt", "Continue reading at {publisher}")
                    .replace("{publisher}", "The Moscow Times");
                assert_eq!(seen["continues"], continues.as_str(), "{url}: {seen}");
            }
            violations.extend(axe(&browser, &format!("{lang} {view}")).await);
        }
    }
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_theme_is_the_hosts_else_the_readers_with_no_axe_violation() {
    let publisher = Publisher::start(&[("story", wordless())], Style::Link);
    let browser = Browser::start().await;
    let (white, dark) = ("rgb(255, 255, 255)", "rgb(18, 18, 18)");
    let mut violations = Vec::new();
    for (scheme, query, expected) in [
        ("light", "", white),
        ("light", "&theme=dark", dark),
        ("dark", "", dark),
        ("dark", "&theme=light", white),
    ] {
        browser.media(&[("prefers-color-scheme", scheme)]).await;
        for (width, view) in [(1280, "full"), (375, "card")] {
            browser.viewport(width, 1000, 1.0).await;
            let url = publisher.url(&format!("story.frame.html?view={view}{query}"));
            let seen = open(&browser, &url).await;
            assert_eq!(seen["background"], expected, "{scheme} {url}: {seen}");
            assert_ne!(seen["headline"], expected, "the headline shows: {seen}");
            violations.extend(axe(&browser, &format!("{scheme} {url}")).await);
            if query.is_empty() {
                browser
                    .screenshot(&format!("frame-{view}-{width}-{scheme}"))
                    .await;
            }
        }
    }
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
    browser.stop().await;
}

/// `country=` in the frame's address picks the prompt's region: its
/// amounts and currency, on the call to action too.
#[tokio::test(flavor = "multi_thread")]
async fn the_country_in_the_address_picks_the_prompts_region() {
    let mut article = wordless();
    article["support"]["regions"] = json!([
        { "countries": ["GB"], "currency": "GBP", "amounts": [{ "value": 4, "frequency": "monthly" }] },
    ]);
    let publisher = Publisher::start(&[("story", article)], Style::Inline);
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    let amounts = "return [[...document.querySelectorAll('.folio-support__amount')].map((b) => b.textContent),\
                   new URL(document.querySelector('.folio-support__cta').href).searchParams.get('currency')];";
    for (query, expected) in [
        ("country=gb", json!([["£4 / month"], "GBP"])),
        (
            "country=FR",
            json!([
                ["$2 / month", "$10 / month", "$25 / month", "$50 once"],
                "USD"
            ]),
        ),
    ] {
        let url = publisher.url(&format!("story.frame.html?view=full&{query}"));
        open(&browser, &url).await;
        assert_eq!(browser.eval(amounts, vec![]).await, expected, "{url}");
    }
    browser.stop().await;
}
