//! Rendering the samples as the output tests do: a file of the
//! repository, and an article rendered with the CDN's assets and the
//! sample's base, with its stylesheet linked or in a given style. Each
//! test binary uses some of them.
#![allow(dead_code)]

use folio_render::{Options, Output, Style, render};

pub fn file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn rendered(text: &str, output: Output) -> String {
    styled(text, output, Style::Link)
}

pub fn styled(text: &str, output: Output, style: Style) -> String {
    rendered_with(text, options(output, style))
}

/// As a publisher that serves partners renders: the page names its oEmbed
/// response, and the response frames the article's frame document.
pub fn for_partners(text: &str, output: Output, style: Style) -> String {
    rendered_with(
        text,
        Options {
            iframe_src: Some("https://news.example/sample/article.frame.html".into()),
            oembed_url: Some("https://news.example/sample/article.oembed.json".into()),
            ..options(output, style)
        },
    )
}

fn options(output: Output, style: Style) -> Options {
    Options {
        output,
        style,
        assets: "https://cdn.example/folio/".into(),
        base: Some("https://news.example/sample/article.json".into()),
        ..Options::default()
    }
}

fn rendered_with(text: &str, options: Options) -> String {
    render(text, &options)
        .unwrap_or_else(|e| panic!("{e}"))
        .text
}
