//! Whole stories: the body's photos as figures (caption, credit and size
//! from the article's `images`), a pull quote, and the related articles
//! after the article; in the widget and pre-rendered alike, in English
//! and Arabic, light and dark, wide and narrow, with nothing axe-core
//! finds.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::server::{Response, Server, file};
use crate::site::dist;

/// How long each photo is held back: long enough that the page is read
/// before any photo has loaded.
const PHOTO_HELD: Duration = Duration::from_secs(3);

/// The sample story in `lang` (`en`, `ar`), as the repository has it.
fn story(lang: &str) -> String {
    let name = match lang {
        "en" => "story.json".to_string(),
        other => format!("story.{other}.json"),
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/sample")
        .join(name);
    std::fs::read_to_string(path).expect("the sample story")
}

/// Serves the release with `/sample/story.<lang>.json` from the
/// repository, `/story/<lang>.html` (the story pre-rendered, then the same
/// story in a `<folio-article>`), and each photo held back [`PHOTO_HELD`].
fn server() -> Server {
    let page = |lang: &str| {
        let options = folio_render::Options {
            assets: "/".into(),
            base: Some(format!("/sample/{}", json_name(lang))),
            ..Default::default()
        };
        let embed = folio_render::render(&story(lang), &options).unwrap().text;
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story</title>\
             <script type=\"module\" src=\"/folio.js\"></script></head><body>{embed}\
             <folio-article src=\"/sample/{}\"></folio-article></body></html>",
            json_name(lang)
        )
    };
    let pages = [("en", page("en")), ("ar", page("ar"))];
    Server::with_route(
        dist(),
        Box::new(move |path: &str, root: &Path| {
            let answer = |body: String, kind: &str| Response {
                status: "200 OK",
                headers: vec![("Content-Type".into(), kind.into())],
                body: body.into_bytes(),
            };
            for (lang, page) in &pages {
                if path == format!("/story/{lang}.html") {
                    return Some(answer(page.clone(), "text/html; charset=utf-8"));
                }
                if path == format!("/sample/{}", json_name(lang)) {
                    return Some(answer(story(lang), "application/json"));
                }
            }
            if path.ends_with(".svg") {
                std::thread::sleep(PHOTO_HELD);
                return Some(file(root, path));
            }
            None
        }),
    )
}

fn json_name(lang: &str) -> String {
    match lang {
        "en" => "story.json".into(),
        other => format!("story.{other}.json"),
    }
}

/// What a reader of article `arguments[0]` (an index among the page's
/// `folio-article`s) sees of the story's figures, pull quote and related
/// articles; each figure's photo with its box's height for its width.
const READ: &str = r#"
const root = document.querySelectorAll("folio-article")[arguments[0]].shadowRoot;
const text = (e) => e?.textContent.trim() ?? null;
const figures = [...root.querySelectorAll(".folio-body figure.folio-figure--body")].map((f) => {
  const img = f.querySelector("img");
  const box = img.getBoundingClientRect();
  return {
    src: new URL(img.src).pathname,
    alt: img.alt,
    size: [img.getAttribute("width"), img.getAttribute("height")],
    loading: img.loading,
    loaded: img.complete && img.naturalWidth > 0,
    ratio: box.width > 0 ? Math.round((1000 * box.height) / box.width) : null,
    caption: text(f.querySelector(".folio-figure__text")),
    credit: text(f.querySelector(".folio-figure__credit")),
  };
});
const quote = root.querySelector(".folio-body figure.folio-pullquote");
const related = root.querySelector(".folio-related");
return {
  figures,
  pullQuote: quote && { quote: text(quote.querySelector("blockquote")), by: text(quote.querySelector("figcaption")) },
  related: related && {
    title: text(related.querySelector(".folio-related__title")),
    tag: related.querySelector(".folio-related__title")?.tagName ?? null,
    items: [...related.querySelectorAll(".folio-related__item")].map((li) => ({
      headline: text(li.querySelector("a")),
      href: li.querySelector("a").href,
      rel: li.querySelector("a").rel,
      photo: !!li.querySelector("img"),
      date: text(li.querySelector("time")),
    })),
  },
  paragraphs: [...root.querySelectorAll(".folio-body p")].filter((p) => !p.closest("figure")).length,
};
"#;

async fn read(browser: &Browser, at: usize) -> Value {
    browser.eval(READ, vec![json!(at)]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_shows_its_figures_pull_quote_and_related_articles_pre_rendered_and_in_the_widget()
{
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    browser.open(&server.url("story/en.html")).await;
    let both = "return [...document.querySelectorAll('folio-article')]\
                .every((e) => e.shadowRoot?.querySelector('.folio-related__item'));";
    browser.wait_for(both, "both copies of the story").await;
    let island = read(&browser, 0).await;
    let widget = read(&browser, 1).await;

    let figures = island["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 2, "{island}");
    assert_eq!(
        figures[0]["caption"],
        "Volunteers work below the Trinity bridge on Saturday morning."
    );
    assert_eq!(figures[0]["credit"], "Ivan Sorokin / The River Post");
    assert_eq!(figures[0]["size"], json!(["1280", "720"]));
    assert_eq!(figures[0]["src"], "/sample/river.svg");
    assert_eq!(figures[0]["loading"], "lazy");
    // No entry's caption: the image's title is; the credit is the entry's.
    assert_eq!(
        figures[1]["caption"],
        "Sorted glass and metal waiting for collection"
    );
    assert_eq!(figures[1]["credit"], "Daria Novik / The River Post");
    // Each photo's space is its own shape before it has loaded.
    for (figure, ratio) in figures.iter().zip([563, 667]) {
        assert_eq!(figure["loaded"], false, "held back: {figure}");
        assert_eq!(figure["ratio"], ratio, "{figure}");
    }

    assert_eq!(
        island["pullQuote"],
        json!({
            "quote": "The river gives back what the city throws in. This year it gave back a bicycle, two shopping trolleys and a piano stool.",
            "by": "— Alena Kavalenka, one of the organisers",
        })
    );
    let related = &island["related"];
    assert_eq!(related["title"], "Related articles");
    assert_eq!(related["tag"], "H2", "a level below the headline");
    assert_eq!(
        related["items"],
        json!([
            {
                "headline": "Storm drains to get filters after spring floods",
                "href": "https://publisher.example/2024/04/30/storm-drain-filters",
                "rel": "noopener noreferrer",
                "photo": true,
                "date": "April 30, 2024",
            },
            {
                "headline": "Recycling firm doubles glass collections",
                "href": "https://publisher.example/2024/03/12/glass-collections",
                "rel": "noopener noreferrer",
                "photo": true,
                "date": "March 12, 2024",
            },
            {
                "headline": "How the spring clean-up began",
                "href": "https://publisher.example/2018/05/20/how-the-clean-up-began",
                "rel": "noopener noreferrer",
                "photo": false,
                "date": null,
            },
        ])
    );
    assert_eq!(island["paragraphs"], 5, "{island}");
    // The widget shows the same story as the server wrote.
    assert_eq!(widget, island);
    browser.stop().await;
}

/// The story in both languages and themes, wide and narrow: its figures,
/// pull quote and related articles in the language's direction, nothing
/// wider than the article, and nothing axe-core finds; screenshots for the
/// eye.
#[tokio::test(flavor = "multi_thread")]
async fn a_story_in_two_languages_both_themes_and_two_widths() {
    let server = server();
    let browser = Browser::start().await;
    browser.open(&server.url("story/en.html")).await;
    let source = crate::a11y::axe_source();
    let mut found = Vec::new();
    let mount = crate::a11y::MOUNT_THEMED;
    let show = crate::a11y::scroll_to;
    let layout = r#"
const root = document.querySelector(".mounted").shadowRoot;
const article = root.querySelector("article").getBoundingClientRect();
const parts = [...root.querySelectorAll(".folio-figure--body, .folio-pullquote, .folio-related, .folio-related__item")];
return {
  dir: getComputedStyle(root.querySelector("article")).direction,
  title: root.querySelector(".folio-related__title")?.textContent ?? null,
  wider: parts.filter((p) => { const r = p.getBoundingClientRect(); return r.left < article.left - 1 || r.right > article.right + 1; }).map((p) => p.className),
  figures: root.querySelectorAll(".folio-figure--body figcaption").length,
};
"#;
    for (lang, dir, title) in [
        ("en", "ltr", "Related articles"),
        ("ar", "rtl", "مقالات ذات صلة"),
    ] {
        let base = server.url(&format!("sample/{}", json_name(lang)));
        let mut article: Value = serde_json::from_str(&story(lang)).unwrap();
        // Mounted from an object, its photos resolve against its address.
        let Value::Object(fields) = &mut article else {
            panic!("a story is an object")
        };
        let mut lists = fields
            .iter_mut()
            .filter(|(k, _)| *k == "images" || *k == "related");
        let (images, related) = (lists.next().unwrap().1, lists.next().unwrap().1);
        let related = related.as_array_mut().unwrap().iter_mut();
        let photos = related.filter_map(|r| r.get_mut("image"));
        for image in images.as_array_mut().unwrap().iter_mut().chain(photos) {
            let src = image["src"].as_str().unwrap().to_string();
            image["src"] = json!(url_beside(&base, &src));
        }
        let body = article["body"].as_str().unwrap().to_string();
        let body = body
            .replace(
                "](river.svg",
                &format!("]({}", url_beside(&base, "river.svg")),
            )
            .replace(
                "](market.svg",
                &format!("]({}", url_beside(&base, "market.svg")),
            );
        article["body"] = json!(body);
        for theme in ["light", "dark"] {
            browser
                .eval(mount, vec![article.clone(), json!(theme)])
                .await;
            let shown = "return !!document.querySelector('.mounted')?.shadowRoot?.querySelector('.folio-related__item');";
            browser.wait_for(shown, "the mounted story").await;
            for width in [1280, 375] {
                let at = format!("{lang} {theme} {width}");
                browser.resize(width, 900).await;
                let seen = browser.eval(layout, vec![]).await;
                assert_eq!(seen["dir"], dir, "{at}");
                assert_eq!(seen["title"], title, "{at}");
                assert_eq!(seen["wider"], json!([]), "{at}: {seen}");
                assert_eq!(seen["figures"], 2, "{at}: {seen}");
                browser.eval(&show(".folio-figure--body"), vec![]).await;
                // The photos held back have come by now, for the eye.
                let loaded = "return [...document.querySelector('.mounted').shadowRoot.querySelectorAll('.folio-figure--body img')].every((i) => i.complete && i.naturalWidth > 0);";
                browser.wait_for(loaded, "the photos").await;
                browser
                    .screenshot(&format!("story-figure-{lang}-{theme}-{width}"))
                    .await;
                browser.eval(&show(".folio-pullquote"), vec![]).await;
                browser
                    .screenshot(&format!("story-quote-{lang}-{theme}-{width}"))
                    .await;
                browser.eval(&show(".folio-related"), vec![]).await;
                browser
                    .screenshot(&format!("story-related-{lang}-{theme}-{width}"))
                    .await;
                found.extend(crate::a11y::axe(&browser, &source, &at).await);
            }
        }
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
    browser.stop().await;
}

/// `name` beside the file at `url` (`…/sample/story.json` → `…/sample/name`).
fn url_beside(url: &str, name: &str) -> String {
    let folder = url.rfind('/').map_or(url, |i| &url[..=i]);
    format!("{folder}{name}")
}
