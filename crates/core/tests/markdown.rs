//! Markdown as data: every `tests/markdown/NAME.md` must render to exactly
//! `NAME.html`. `FOLIO_BLESS=1 cargo test --test markdown` writes missing
//! expectations (review them before committing).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

#[test]
fn every_markdown_case_renders_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/markdown");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/markdown is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "the case folder lost its cases");

    let mut failures = Vec::new();
    for input in &cases {
        let markdown = fs::read_to_string(input).expect("case is UTF-8");
        let actual = folio_core::markdown::render(&markdown).to_html();
        let expected_path = input.with_extension("html");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                input.display()
            )),
            Err(_) if std::env::var_os("FOLIO_BLESS").is_some() => {
                fs::write(&expected_path, &actual).expect("expectation written");
            }
            Err(_) => failures.push(format!("{} has no .html expectation", input.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_figure_takes_caption_credit_size_and_srcset_from_the_articles_images() {
    use folio_core::model::Image;
    let image = |src: &str| Image {
        src: src.into(),
        srcset: None,
        width: None,
        height: None,
        alt: "Described in the JSON".into(),
        caption: None,
        credit: None,
    };
    let images = vec![
        Image {
            srcset: Some("photos/minsk-640.jpg 640w, photos/minsk-1280.jpg 1280w".into()),
            width: Some(1280),
            height: Some(720),
            caption: Some("Minsk, 16 August".into()),
            credit: Some("Reuters".into()),
            // Written with spaces around it, as the body's is found.
            ..image(" photos/minsk.jpg ")
        },
        Image {
            credit: Some("AP".into()),
            ..image("https://news.example/b.jpg")
        },
    ];
    let markdown = "![Protesters](photos/minsk.jpg \"The title, not shown\")\n\n\
                    ![Only a credit](https://news.example/b.jpg \"Title as caption\")\n\n\
                    ![Not listed](https://news.example/c.jpg)";
    let media = folio_core::markdown::Media {
        images,
        ..Default::default()
    };
    let html = folio_core::markdown::render_with(markdown, 1, media.into()).to_html();
    let expected = "<figure class=\"folio-figure folio-figure--body\">\
<img class=\"folio-figure__image\" src=\"photos/minsk.jpg\" alt=\"Protesters\" \
srcset=\"photos/minsk-640.jpg 640w, photos/minsk-1280.jpg 1280w\" \
sizes=\"(min-width: 52rem) 52rem, 100vw\" width=\"1280\" height=\"720\" loading=\"lazy\" decoding=\"async\">\
<figcaption class=\"folio-figure__caption\"><span class=\"folio-figure__text\" dir=\"auto\">Minsk, 16 August</span>\
<span class=\"folio-figure__credit\"><bdi>Reuters</bdi></span></figcaption>\n</figure>\n\
<figure class=\"folio-figure folio-figure--body\">\
<img class=\"folio-figure__image\" src=\"https://news.example/b.jpg\" alt=\"Only a credit\" loading=\"lazy\" decoding=\"async\">\
<figcaption class=\"folio-figure__caption\"><span class=\"folio-figure__text\" dir=\"auto\">Title as caption</span>\
<span class=\"folio-figure__credit\"><bdi>AP</bdi></span></figcaption>\n</figure>\n\
<figure class=\"folio-figure folio-figure--body\">\
<img class=\"folio-figure__image\" src=\"https://news.example/c.jpg\" alt=\"Not listed\" loading=\"lazy\" decoding=\"async\"></figure>\n";
    assert_eq!(html, expected);
}
