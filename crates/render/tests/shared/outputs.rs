//! Rendering the samples as the output tests do: a file of the
//! repository, and an article rendered with the CDN's assets and the
//! sample's base, with its stylesheet linked or in a given style.

use folio_render::{Options, Output, Style, render};

pub fn file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn rendered(text: &str, output: Output) -> String {
    styled(text, output, Style::Link)
}

pub fn styled(text: &str, output: Output, style: Style) -> String {
    let options = Options {
        output,
        style,
        assets: "https://cdn.example/folio/".into(),
        base: Some("https://news.example/sample/article.json".into()),
        ..Options::default()
    };
    render(text, &options)
        .unwrap_or_else(|e| panic!("{e}"))
        .text
}
