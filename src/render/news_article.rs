//! The schema.org `NewsArticle` a pre-rendered page carries, built from
//! the model: the properties search engines read (headline, image,
//! datePublished, dateModified, author, publisher), and the page's own.

use std::borrow::Cow;

use crate::json::{self, Value};
use crate::model::Article;

/// `article` as a `NewsArticle` JSON-LD object, safe inside a `<script>`
/// data block; relative image URLs resolved against `base`.
pub fn json_ld(article: &Article, base: Option<&str>) -> String {
    let text = |s: &str| Value::String(Cow::Owned(s.to_string()));
    let object = |members: Vec<(&'static str, Value<'static>)>| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v))
                .collect(),
        )
    };
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
        members.push(("url", text(url)));
        members.push(("mainEntityOfPage", text(url)));
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
        let mut photo = vec![
            ("@type", text("ImageObject")),
            ("url", text(&crate::markup::resolve(&image.src, base))),
        ];
        let number = |n: u32| Value::Number(Cow::Owned(n.to_string()));
        photo.extend(image.width.map(|w| ("width", number(w))));
        photo.extend(image.height.map(|h| ("height", number(h))));
        photo.extend(image.caption.as_deref().map(|c| ("caption", text(c))));
        photo.extend(image.credit.as_deref().map(|c| ("creditText", text(c))));
        members.push(("image", Value::Array(vec![object(photo)])));
    }
    let people = article
        .authors
        .iter()
        .map(|name| object(vec![("@type", text("Person")), ("name", text(name))]));
    members.push(("author", Value::Array(people.collect())));
    if let Some(publisher) = &article.publisher {
        let mut organization = vec![
            ("@type", text("NewsMediaOrganization")),
            ("name", text(&publisher.name)),
        ];
        organization.extend(publisher.url.as_deref().map(|u| ("url", text(u))));
        members.push(("publisher", object(organization)));
    }
    json::write_for_script(&object(members))
}
