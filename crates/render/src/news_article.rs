//! The schema.org `NewsArticle` a pre-rendered page carries, built from
//! the model: the properties search engines read (headline, image,
//! datePublished, dateModified, author, publisher), and the page's own.

use folio_core::markup::{Page as _, Server};
use folio_core::model::Article;
use serde::Serialize;

/// A `NewsArticle`, as JSON-LD.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: &'a str,
    headline: &'a str,
    date_published: &'a str,
    /// The last update, else the first publication.
    date_modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    image: Vec<ImageObject<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Organization<'a>>,
}

/// The hero photo, as an `ImageObject`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageObject<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
}

/// An author, as a `Person`.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The publisher, as a `NewsMediaOrganization`.
#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

impl<'a> NewsArticle<'a> {
    /// `article` as a `NewsArticle`; relative URLs resolved against `base`.
    pub fn of(article: &'a Article, base: Option<&str>) -> Self {
        let resolved = |url: &str| Server.resolve(url, base);
        let image = article.image.iter().map(|image| ImageObject {
            kind: "ImageObject",
            url: resolved(&image.src),
            width: image.width,
            height: image.height,
            caption: image.caption.as_deref(),
            credit_text: image.credit.as_deref(),
        });
        let author = article.authors.iter().map(|name| Named {
            kind: "Person",
            name,
        });
        let publisher = article.publisher.as_ref().map(|publisher| Organization {
            kind: "NewsMediaOrganization",
            name: &publisher.name,
            url: publisher.url.as_deref().map(resolved),
        });
        Self {
            context: "https://schema.org",
            kind: "NewsArticle",
            identifier: &article.id,
            headline: &article.headline,
            date_published: &article.published,
            date_modified: article.updated.as_deref().unwrap_or(&article.published),
            url: article.url.as_deref().map(resolved),
            main_entity_of_page: article.url.as_deref().map(resolved),
            description: article.standfirst.as_deref(),
            in_language: article.lang.as_deref(),
            article_section: article.kicker.as_deref(),
            image: image.collect(),
            author: author.collect(),
            publisher,
        }
    }
}
