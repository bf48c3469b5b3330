//! The schema.org `NewsArticle` a pre-rendered page carries, built from
//! the model: the properties search engines read (headline, image,
//! datePublished, dateModified, author, publisher), and the page's own.

use folio_core::json::{self, Value};
use folio_core::markup::Page as _;
use folio_core::model::Article;

/// `article` as a `NewsArticle` JSON-LD object, safe inside a `<script>`
/// data block; relative image URLs resolved against `base`.
pub fn json_ld(article: &Article, base: Option<&str>) -> String {
    let text = Value::text;
    let resolved = |url: &str| text(&folio_core::markup::Server.resolve(url, base));
    let mut members = vec![
        ("@context", text("https://schema.org")),
        ("@type", text("NewsArticle")),
        ("identifier", text(&article.id)),
        ("headline", text(&article.headline)),
        ("datePublished", text(&article.published)),
        (
            "dateModified",
            text(article.updated.as_deref().unwrap_or(&article.published)),
        ),
    ];
    if let Some(url) = &article.url {
        members.push(("url", resolved(url)));
        members.push(("mainEntityOfPage", resolved(url)));
    }
    if let Some(standfirst) = &article.standfirst {
        members.push(("description", text(standfirst)));
    }
    if let Some(lang) = &article.lang {
        members.push(("inLanguage", text(lang)));
    }
    if let Some(kicker) = &article.kicker {
        members.push(("articleSection", text(kicker)));
    }
    if let Some(image) = &article.image {
        let number = |n: u32| Value::number(f64::from(n));
        let mut photo = vec![
            ("@type", text("ImageObject")),
            ("url", resolved(&image.src)),
        ];
        photo.extend(image.width.map(|w| ("width", number(w))));
        photo.extend(image.height.map(|h| ("height", number(h))));
        photo.extend(image.caption.as_deref().map(|c| ("caption", text(c))));
        photo.extend(image.credit.as_deref().map(|c| ("creditText", text(c))));
        members.push(("image", Value::Array(vec![Value::object(photo)])));
    }
    if !article.authors.is_empty() {
        let people = article
            .authors
            .iter()
            .map(|name| Value::object(vec![("@type", text("Person")), ("name", text(name))]));
        members.push(("author", Value::Array(people.collect())));
    }
    if let Some(publisher) = &article.publisher {
        let mut organization = vec![
            ("@type", text("NewsMediaOrganization")),
            ("name", text(&publisher.name)),
        ];
        organization.extend(publisher.url.as_deref().map(|u| ("url", resolved(u))));
        members.push(("publisher", Value::object(organization)));
    }
    json::write_for_script(&Value::object(members))
}
