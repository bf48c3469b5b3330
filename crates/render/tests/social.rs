//! Social cards: the page `folio render --page` writes, read by a real
//! Open Graph parser (npm `open-graph-scraper`, on Node), has every Open
//! Graph, article and Twitter tag the model gives, with the values a
//! reader would see on a shared link; a hostile headline stays text.
#![cfg(not(target_arch = "wasm32"))]

#[path = "shared/outputs.rs"]
mod outputs;
use outputs::{file, for_partners};

use std::path::Path;
use std::process::Command;

use folio_render::{Output, Style};
use serde_json::{Value, json};

/// What the parser reads in `html`.
fn parsed(html: &str, name: &str) -> Value {
    let dir = std::env::temp_dir().join(format!("folio-social-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.html"));
    std::fs::write(&path, html).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/social/read.mjs");
    let run = Command::new("node")
        .arg(&script)
        .arg(&path)
        .output()
        .expect("node runs (`cargo xtask test` installs it and open-graph-scraper)");
    let _ = std::fs::remove_file(&path);
    let out = String::from_utf8_lossy(&run.stdout);
    let read: Value = serde_json::from_str(&out).unwrap_or_else(|_| {
        panic!(
            "the parser printed no JSON: {out}{}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    assert!(read["error"].is_null(), "{read}");
    read["result"].clone()
}

/// The seed with two authors and an update, as a publisher's story has.
fn story() -> Value {
    let mut article: Value = serde_json::from_str(&file("../../www/sample/article.json")).unwrap();
    article["authors"] = json!(["Anna Petrova", "Ivan O'Neil"]);
    article["updated"] = json!("2020-09-14T08:30:00Z");
    article
}

#[test]
fn an_open_graph_parser_reads_every_tag_of_the_page() {
    let article = story();
    let page = for_partners(&article.to_string(), Output::Page, Style::Link);
    let card = parsed(&page, "story");
    let image = &card["ogImage"][0];
    let expected = [
        ("ogType", json!("article")),
        ("ogTitle", article["headline"].clone()),
        ("ogDescription", article["standfirst"].clone()),
        ("ogUrl", article["url"].clone()),
        ("ogSiteName", article["publisher"]["name"].clone()),
        ("articlePublishedTime", article["published"].clone()),
        ("articleModifiedTime", article["updated"].clone()),
        ("twitterCard", json!("summary_large_image")),
        ("twitterTitle", article["headline"].clone()),
        ("twitterDescription", article["standfirst"].clone()),
    ];
    for (key, value) in expected {
        assert_eq!(card[key], value, "{key} in {card}");
    }
    assert_eq!(
        image["url"], "https://news.example/sample/hero.svg",
        "the photo, absolute: {card}"
    );
    assert_eq!(image["width"], article["image"]["width"].to_string());
    assert_eq!(image["height"], article["image"]["height"].to_string());
    assert_eq!(image["alt"], article["image"]["alt"]);
    assert_eq!(card["twitterImage"][0]["url"], image["url"]);
    // The parser keeps one `article:author`, the last; the page has both.
    assert_eq!(card["articleAuthor"], "Ivan O'Neil", "{card}");
    for author in ["Anna Petrova", "Ivan O'Neil"] {
        let tag = format!("<meta property=\"article:author\" content=\"{author}\">");
        assert!(page.contains(&tag), "{tag} in the page");
    }
}

#[test]
fn a_hostile_headline_is_a_card_title_not_markup() {
    let mut article = story();
    let headline = "\"><script>alert(1)</script><meta property=\"og:title\" content=\"forged";
    article["headline"] = json!(headline);
    article["image"]["src"] = json!("//evil.example/x.svg?a=\"><script>");
    let page = for_partners(&article.to_string(), Output::Page, Style::Link);
    let card = parsed(&page, "hostile");
    assert_eq!(card["ogTitle"], headline, "{card}");
    assert_eq!(card["twitterTitle"], headline, "{card}");
    assert_eq!(
        card["ogImage"][0]["url"], "https://evil.example/x.svg?a=%22%3E%3Cscript%3E",
        "the photo's address, percent-encoded: {card}"
    );
    assert!(
        !page.contains("<script>alert"),
        "no markup from the article"
    );
}
