//! The oEmbed 1.0 `rich` response a consumer embeds the article by: with
//! the address of the article's frame document, the shape WordPress and
//! other consumers keep whole (a fallback quote and an `<iframe>`), else
//! the embed fragment and its script.

use leptos::prelude::*;
use serde::Serialize;

use super::document::{Parts, html};
use super::social::web_address;
use folio_core::markup::{Page as _, Server};

/// The width Folio lays an article out at, at most (`--folio-wide`).
const WIDE: u32 = 832;

/// The most an oEmbed height estimate says: about 80 screens, past any
/// article a consumer would show in one frame.
const MAX_HEIGHT: u32 = 100_000;

/// An oEmbed 1.0 `rich` response.
#[derive(Serialize)]
struct Oembed<'a> {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    html: String,
    width: u32,
    height: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_height: Option<u32>,
}

/// The response for `parts`, as JSON text: at Folio's widest layout, with
/// the title, authors, publisher and photo.
pub fn response(parts: &Parts) -> String {
    let article = parts.article;
    let base = parts.options.base.as_deref();
    let html = match &parts.options.iframe_src {
        Some(src) => framed(parts, &Server.resolve(src, None)),
        None => parts.embed() + &html(parts.script()),
    };
    // A consumer shows these on its own site: only web addresses.
    let absolute = |url: &str| web_address(url, base);
    let thumbnail = article
        .image
        .as_ref()
        .and_then(|image| Some((absolute(&image.src)?, image.width?, image.height?)));
    let publisher = article.publisher.as_ref();
    let response = Oembed {
        version: "1.0",
        kind: "rich",
        html: folio_core::html::checked_characters(&html).into_owned(),
        width: WIDE,
        height: estimated_height(parts),
        title: &article.headline,
        author_name: (!article.authors.is_empty()).then(|| article.authors.join(", ")),
        provider_name: publisher.map(|p| p.name.as_str()),
        provider_url: publisher.and_then(|p| p.url.as_deref()).and_then(absolute),
        thumbnail_width: thumbnail.as_ref().map(|t| t.1),
        thumbnail_height: thumbnail.as_ref().map(|t| t.2),
        thumbnail_url: thumbnail.map(|t| t.0),
    };
    serde_json::to_string(&response).unwrap_or_default() + "\n"
}

/// A quote a consumer shows until the frame speaks (and where frames do
/// not run): the headline linked to the article, the standfirst and the
/// publisher, as plain text; then the frame of the article's document at
/// `src`. Only `blockquote`, `a[href]` and `iframe` with its sizes, border
/// and title: what WordPress's filter keeps of a provider it discovered.
fn framed(parts: &Parts, src: &str) -> String {
    let article = parts.article;
    let base = parts.options.base.as_deref();
    let href = article
        .url
        .as_deref()
        .map_or_else(|| src.to_string(), |url| Server.resolve(url, base));
    let mut after = String::new();
    for text in [
        article.standfirst.as_deref(),
        article.publisher.as_ref().map(|p| p.name.as_str()),
    ]
    .into_iter()
    .flatten()
    {
        after.push_str(" — ");
        after.push_str(text);
    }
    let frame = leptos::html::iframe()
        .attr("src", src.to_string())
        .attr("width", WIDE.to_string())
        .attr("height", estimated_height(parts).to_string())
        .attr("title", article.headline.clone())
        .attr("frameborder", "0");
    html(view! {
        <blockquote><a href=href>{article.headline.clone()}</a>{after}</blockquote>
        {frame}
    })
}

/// A guess at the height the article takes at [`WIDE`] pixels: the
/// header, the photo at its aspect ratio, and the body's text at about
/// 85 characters a line of 27 px (oEmbed asks for one; the frame a
/// consumer makes is resized by the article itself); at most
/// [`MAX_HEIGHT`], whatever the photo's shape or the body's length.
fn estimated_height(parts: &Parts) -> u32 {
    let article = parts.article;
    let photo = article
        .image
        .as_ref()
        .map_or(0, |image| match (image.width, image.height) {
            (Some(w), Some(h)) if w > 0 => {
                let tall = u64::from(WIDE) * u64::from(h) / u64::from(w);
                u32::try_from(tall).unwrap_or(u32::MAX)
            }
            _ => WIDE * 2 / 3,
        });
    let body = article.body.as_deref().unwrap_or_default();
    let lines = body.chars().count() / 85 + body.matches("\n\n").count();
    let body = u32::try_from(lines * 27).unwrap_or(u32::MAX);
    400u32
        .saturating_add(photo)
        .saturating_add(body)
        .min(MAX_HEIGHT)
}
