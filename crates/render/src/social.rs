//! The tags social networks, chats and messengers draw a story's card
//! from: Open Graph (`og:*`, `article:*`) and Twitter's, each from the
//! model, escaped as every attribute is.

use leptos::prelude::*;

use folio_core::markup::{Page as _, Server};
use folio_core::model::Article;

/// `url` resolved against `base`, when that makes it an `http:` or
/// `https:` address: what another site may fetch or link to as a page or
/// a picture.
pub fn web_address(url: &str, base: Option<&str>) -> Option<String> {
    let url = Server.resolve(url, base);
    let scheme = folio_core::url::scheme(&url)?;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(url)
}

/// `<meta>` tags for `article`, its relative URLs resolved against `base`
/// (a URL that is not then a web address has no tag).
pub fn tags(article: &Article, base: Option<&str>) -> impl IntoView + use<> {
    let resolve = |url: &str| web_address(url, base);
    let image = article
        .image
        .as_ref()
        .and_then(|image| Some((image, resolve(&image.src)?)));
    let mut tags: Vec<(&'static str, &'static str, String)> = vec![
        ("property", "og:type", "article".into()),
        ("property", "og:title", article.headline.clone()),
    ];
    let mut add = |attr: &'static str, name: &'static str, value: Option<String>| {
        if let Some(value) = value {
            tags.push((attr, name, value));
        }
    };
    add("property", "og:description", article.standfirst.clone());
    add(
        "property",
        "og:url",
        article.url.as_deref().and_then(resolve),
    );
    let publisher = article.publisher.as_ref().map(|p| p.name.clone());
    add("property", "og:site_name", publisher);
    if let Some((image, src)) = &image {
        add("property", "og:image", Some(src.clone()));
        add(
            "property",
            "og:image:width",
            image.width.map(|w| w.to_string()),
        );
        add(
            "property",
            "og:image:height",
            image.height.map(|h| h.to_string()),
        );
        add("property", "og:image:alt", Some(image.alt.clone()));
    }
    add(
        "property",
        "article:published_time",
        Some(article.published.clone()),
    );
    add("property", "article:modified_time", article.updated.clone());
    for author in &article.authors {
        add("property", "article:author", Some(author.clone()));
    }
    add("name", "twitter:card", Some("summary_large_image".into()));
    add("name", "twitter:title", Some(article.headline.clone()));
    add("name", "twitter:description", article.standfirst.clone());
    if let Some((image, src)) = image {
        add("name", "twitter:image", Some(src));
        add("name", "twitter:image:alt", Some(image.alt.clone()));
    }
    tags.into_iter()
        .map(|(attr, name, content)| {
            leptos::html::meta()
                .attr(attr, name)
                .attr("content", content)
        })
        .collect_view()
}
