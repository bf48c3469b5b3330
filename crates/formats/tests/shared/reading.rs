//! Reading documents as the format tests do: a file of the repository,
//! and a document read against the sample's base, its body as HTML.

use folio_core::markdown;
use folio_core::model::Article;
use folio_formats::{self as formats, Read};

pub const BASE: &str = "https://news.example/sample/article.json";

pub fn file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn read(text: &str) -> Read {
    formats::read(text, None, None, Some(BASE)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn html(article: &Article) -> String {
    let media = markdown::Media {
        images: article.images.clone(),
        embeds: article.embeds.clone(),
        ..Default::default()
    };
    let body = article.body.as_deref().unwrap_or_default();
    markdown::render_with(body, 1, media.into()).to_html()
}
