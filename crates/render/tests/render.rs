//! `folio render`: each output holds what the reader should get, the
//! embed keeps the article's JSON intact, the page carries the JSON-LD
//! search engines read, the plain output holds no script, and the
//! command renders many files with an error per bad one (the Nu HTML
//! checker reads every output in `validity.rs`).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

#[path = "shared/outputs.rs"]
mod outputs;
use outputs::{file, rendered, styled};

use folio_core::island::Props;
use folio_core::model;
use folio_core::schedule::Policy;
use folio_render::{Output, Style, style_hash};
use serde_json::Value;

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("no {end}")) + from;
    &text[from..to]
}

#[test]
fn the_embed_holds_the_whole_article_in_a_declarative_shadow_root_and_its_json() {
    let seed = file("../../www/sample/article.json");
    let html = rendered(&seed, Output::Embed);
    let article = model::parse(&seed).unwrap();
    assert!(html.starts_with("<folio-article><template shadowrootmode=\"open\">"));
    assert!(
        html.contains("<link rel=\"stylesheet\" href=\"https://cdn.example/folio/folio.css\">")
    );
    assert!(html.contains(&format!("data-prerendered=\"{}\"", article.id)));
    assert!(html.contains("<h1 class=\"folio-headline\">Putin Backs Lukashenko"));
    assert!(html.contains("<p class=\"folio-kicker\">Belarus</p>"));
    assert!(html.contains("<time datetime=\"2020-09-13T18:04:00Z\">September 13, 2020 at 6:04"));
    // Relative URLs resolve against where the article lives.
    assert!(html.contains("src=\"https://news.example/sample/hero.svg\""));
    // The prompt's place: the island's props, the prompt itself in an
    // inert template (written by the widget's own view), and the plain
    // call to action.
    let place = between(&html, "<div data-island=\"support\"", "</noscript></div>");
    let props = between(place, "<script type=\"application/json\">", "</script>");
    let props = Props::parse(props).unwrap();
    assert_eq!(props.campaign, "favor-2024");
    assert_eq!(
        (props.currency.as_deref(), props.lang.as_str()),
        (Some("USD"), "en")
    );
    assert_eq!(props.policy, Policy::default());
    let amounts: Vec<_> = props
        .amounts
        .iter()
        .map(|a| (a.value, a.frequency))
        .collect();
    use model::Frequency::{Monthly, Once};
    assert_eq!(
        amounts,
        [
            (2.0, Monthly),
            (10.0, Monthly),
            (25.0, Monthly),
            (50.0, Once)
        ]
    );
    let prompt = between(place, "<template>", "</template>");
    assert!(prompt.starts_with(
        "<aside aria-labelledby=\"folio-support-heading\" data-campaign=\"favor-2024\""
    ));
    assert!(prompt.contains(">… we have a small favor to ask.</h2>"));
    assert!(prompt.contains("<button type=\"button\" role=\"radio\" aria-checked=\"true\" tabindex=\"0\" class=\"folio-support__amount\">$2<span class=\"folio-support__per\"> / month</span></button>"));
    assert_eq!(prompt.matches("aria-checked=\"false\"").count(), 3);
    assert!(prompt.contains(
        "<a href=\"https://publisher.example/support\" class=\"folio-support__cta\">Support us</a>"
    ));
    assert!(prompt.contains(
        "<button type=\"button\" class=\"folio-support__later\">Remind me later</button>"
    ));
    assert!(place.contains("<noscript><p class=\"folio-support-fallback\"><a href=\"https://publisher.example/support\""));
    // Every body paragraph, in order, the prompt after the fourth.
    let paragraphs = html.matches("<p>").count();
    assert!(paragraphs >= 8, "{paragraphs} paragraphs");
    assert!(html.find("taken aback").unwrap() < html.find("data-island").unwrap());
    assert!(html.find("data-island").unwrap() < html.find("Lukashenko has vowed").unwrap());
    // The JSON reads back to the same article.
    let json = between(
        &html,
        "</template><script type=\"application/json\">",
        "</script>",
    );
    assert_eq!(model::parse(json).unwrap(), article);
    assert!(!html.contains("<!>"), "no Leptos markers");
}

#[test]
fn no_text_of_the_article_closes_a_data_block_or_opens_markup() {
    let mut seed: Value = serde_json::from_str(&file("../../www/sample/article.json")).unwrap();
    let hostile = "</script><script>alert(1)</script><!--";
    seed["headline"] = hostile.into();
    seed["support"]["heading"] = hostile.into();
    let text = seed.to_string();
    for output in [Output::Embed, Output::Page, Output::Plain] {
        let html = rendered(&text, output);
        assert!(!html.contains("<script>alert"), "{output:?}: {html}");
        assert!(!html.contains("<!--"), "{output:?}");
        assert!(
            html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"),
            "{output:?}"
        );
    }
    let embed = rendered(&text, Output::Embed);
    let json = between(
        &embed,
        "</template><script type=\"application/json\">",
        "</script>",
    );
    assert_eq!(model::parse(json).unwrap().headline, hostile);
}

#[test]
fn the_page_has_its_canonical_url_and_the_news_article_search_engines_read() {
    let seed = file("../../www/sample/article.json");
    let article = model::parse(&seed).unwrap();
    let html = rendered(&seed, Output::Page);
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"{}\">",
        article.url.as_deref().unwrap()
    )));
    assert!(html.contains(
        "<title>Putin Backs Lukashenko's ‘Eventual Succession’ in Belarus – Bloomberg</title>"
    ));
    assert!(
        html.contains(
            "<script type=\"module\" src=\"https://cdn.example/folio/folio.js\"></script>"
        )
    );
    // The article in the light DOM; the templates are the prompt's and a
    // supporter's thank-you line (with the banner that thanks).
    assert!(!html.contains("shadowrootmode"));
    assert_eq!(html.matches("<template").count(), 2);
    assert!(html.contains("<template><aside"));
    assert!(html.contains(
        "<template data-thanks><aside aria-label=\"Support\" class=\"folio-banner\"><p class=\"folio-banner__thanks\">Thank you for supporting our journalism.</p></aside><p class=\"folio-thanks\">Thank you for supporting our journalism.</p></template>"
    ));
    assert!(html.contains("<main><div lang=\"en\" dir=\"ltr\""));
    let ld: Value = serde_json::from_str(between(
        &html,
        "<script type=\"application/ld+json\">",
        "</script>",
    ))
    .unwrap();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], article.headline);
    assert_eq!(ld["datePublished"], article.published);
    assert_eq!(
        ld["dateModified"], article.published,
        "not updated: as published"
    );
    let image = &ld["image"][0];
    assert_eq!(image["url"], "https://news.example/sample/hero.svg");
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(1280), Some(853))
    );
    assert_eq!(ld["publisher"]["name"], "The Moscow Times");
    assert_eq!(ld["publisher"]["url"], "https://publisher.example");
    assert_eq!(ld["author"], Value::Null, "the seed names no author");
    assert_eq!(ld["mainEntityOfPage"], article.url.as_deref().unwrap());

    let brief = file("../../www/sample/brief.json");
    let ld: Value = {
        let html = rendered(&brief, Output::Page);
        serde_json::from_str(between(
            &html,
            "<script type=\"application/ld+json\">",
            "</script>",
        ))
        .unwrap()
    };
    assert_eq!(ld["author"][0]["@type"], "Person");
    assert_eq!(ld["author"][0]["name"], "Jane Doe");
    assert_eq!(ld["dateModified"], "2020-09-13T21:15:00Z");
}

#[test]
fn plain_html_holds_no_script_no_template_and_no_stylesheet() {
    let html = rendered(&file("../../www/sample/article.json"), Output::Plain);
    for banned in [
        "<script",
        "<template",
        "<link",
        "<style",
        "<noscript",
        "data-prerendered",
        "data-island",
    ] {
        assert!(!html.contains(banned), "{banned} in {html}");
    }
    assert!(html.contains(
        "<p class=\"folio-support-fallback\"><a href=\"https://publisher.example/support\""
    ));
    assert!(html.contains("Bloomberg reported"));
}

#[test]
fn the_oembed_response_is_rich_with_the_embed_and_the_script() {
    let seed = file("../../www/sample/article.json");
    let oembed: Value = serde_json::from_str(&rendered(&seed, Output::Oembed)).unwrap();
    assert_eq!(oembed["version"], "1.0");
    assert_eq!(oembed["type"], "rich");
    let html = oembed["html"].as_str().unwrap();
    assert!(html.starts_with("<folio-article><template shadowrootmode=\"open\">"));
    assert!(html.ends_with("</folio-article><script type=\"module\" src=\"https://cdn.example/folio/folio.js\"></script>"));
    assert_eq!(oembed["width"], 832);
    assert!(oembed["height"].as_u64().unwrap() > 1000);
    assert_eq!(oembed["title"], model::parse(&seed).unwrap().headline);
    assert_eq!(oembed["provider_name"], "The Moscow Times");
    assert_eq!(
        oembed["thumbnail_url"],
        "https://news.example/sample/hero.svg"
    );
    assert_eq!(oembed["thumbnail_width"], 1280);
}

#[test]
fn other_formats_render_through_their_mapping_and_keep_v1_json() {
    let ans = file("../../www/sample/article.ans.json");
    let html = rendered(&ans, Output::Embed);
    assert!(html.contains("<h1 class=\"folio-headline\">Putin Backs Lukashenko"));
    let json = between(
        &html,
        "</template><script type=\"application/json\">",
        "</script>",
    );
    assert_eq!(
        model::parse(json).unwrap().headline,
        "Putin Backs Lukashenko's ‘Eventual Succession’ in Belarus – Bloomberg"
    );
}

#[test]
fn right_to_left_articles_render_in_their_direction_with_their_words() {
    let html = rendered(&file("../../www/sample/article.ar.json"), Output::Plain);
    assert!(
        html.starts_with("<div lang=\"ar\" dir=\"rtl\""),
        "{}",
        &html[..80]
    );
    let ru = rendered(&file("../../www/sample/article.ru.json"), Output::Plain);
    assert!(ru.contains("lang=\"ru\""));
}

fn folio() -> Command {
    Command::new(env!("CARGO_BIN_EXE_folio"))
}

#[test]
fn the_command_writes_one_file_per_article_and_names_each_bad_one() {
    let out = std::env::temp_dir().join(format!("folio-render-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let bad = out.with_extension("bad.json");
    std::fs::write(
        &bad,
        r#"{"id": "x", "headline": "", "published": "2020-09-13T18:04:00Z", "body": "b"}"#,
    )
    .unwrap();
    let run = folio()
        .args(["render", "--page", "--out"])
        .arg(&out)
        .args([
            "../../www/sample/article.json",
            "../../www/sample/brief.json",
        ])
        .arg(&bad)
        .arg("../../www/sample/article.json")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "a bad article fails the run");
    assert!(
        stderr.contains(&format!("{}: `headline` must not be empty", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("2 written"), "{stderr}");
    assert!(
        stderr.contains("../../www/sample/article.json: not written"),
        "one output never over another: {stderr}"
    );
    for name in ["article.html", "brief.html"] {
        let page = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(page.starts_with("<!doctype html>"), "{name}");
    }
    assert!(
        !out.join(bad.file_stem().unwrap())
            .with_extension("html")
            .exists()
    );

    let relative = folio()
        .args(["render", "--oembed", "../../www/sample/brief.json"])
        .output()
        .unwrap();
    assert_eq!(
        relative.status.code(),
        Some(2),
        "oEmbed needs absolute assets"
    );
    let folder = folio()
        .args([
            "render",
            "--oembed",
            "--assets",
            "https://cdn.example/folio/",
            "--out",
        ])
        .arg(&out)
        .arg("../formats/tests/formats")
        .output()
        .unwrap();
    assert!(
        folder.status.success(),
        "{}",
        String::from_utf8_lossy(&folder.stderr)
    );
    assert!(out.join("yoast-graph.json").is_file());
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_file(&bad);

    let one = folio()
        .args(["render", "--plain", "../../www/sample/brief.json"])
        .output()
        .unwrap();
    assert!(one.status.success());
    assert!(String::from_utf8_lossy(&one.stdout).contains("What to expect from the Sochi summit"));
    let usage = folio()
        .args(["render", "--dir", "up", "x.json"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&usage.stderr).contains("invalid value 'up' for '--dir <DIR>'")
    );
    let css = folio().arg("stylesheet").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&css.stdout),
        folio_render::stylesheet()
    );
}

#[test]
fn the_inline_stylesheet_is_the_sheet_itself_and_the_readme_publishes_its_hash() {
    let seed = file("../../www/sample/article.json");
    // Nothing in the sheet can end its `<style>` element early, and it is
    // ASCII: the same text (and hash) on a page in any encoding.
    let sheet = folio_render::stylesheet();
    assert!(!sheet.contains("</"));
    assert!(sheet.is_ascii());
    assert!(
        !folio::STYLESHEET.is_ascii(),
        "the widget's own sheet has its arrows"
    );
    assert!(sheet.contains("content:\" \\2192 \""), "→ as an escape");
    for output in [Output::Embed, Output::Page] {
        let html = styled(&seed, output, Style::Inline);
        assert_eq!(html.matches("<style>").count(), 1, "{output:?}");
        assert_eq!(
            between(&html, "<style>", "</style>"),
            sheet,
            "{output:?}: the sheet verbatim, so that its hash holds"
        );
        assert!(!html.contains("rel=\"stylesheet\""), "{output:?}");
    }
    let embed = styled(&seed, Output::Embed, Style::Inline);
    assert!(embed.starts_with("<folio-article><template shadowrootmode=\"open\"><style>"));
    let hash = folio().args(["stylesheet", "--hash"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&hash.stdout).trim(), style_hash());
    assert!(style_hash().starts_with("'sha256-") && style_hash().len() == 53);
    let inline = folio()
        .args(["render", "--style", "inline", "../../www/sample/brief.json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&inline.stdout).contains("<style>:host{"));
    let readme = file("../../README.md");
    let published = format!("style-src 'self' {}", style_hash());
    assert!(
        readme.contains(&published),
        "README.md publishes this stylesheet's hash: `{published}`"
    );
}

#[test]
fn a_frame_document_allows_the_players_of_its_own_embeds_and_no_other_frame() {
    let policy = |text: &str| {
        let html = rendered(text, Output::Iframe);
        let start = html.find("Content-Security-Policy\" content=\"").unwrap();
        let rest = &html[start + "Content-Security-Policy\" content=\"".len()..];
        rest[..rest.find('"').unwrap()].to_string()
    };
    let media = policy(&file("../../www/sample/media.json"));
    assert!(
        media.ends_with("; frame-src https://www.youtube-nocookie.com https://mastodon.social"),
        "{media}"
    );
    let seed = policy(&file("../../www/sample/article.json"));
    assert!(!seed.contains("frame-src"), "{seed}");
}
