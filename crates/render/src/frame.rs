//! The frame document (`--iframe`): the article as the whole of a document
//! made to be the `src` of an `<iframe>` on another site, a sandboxed one
//! as WordPress makes (scripts, and nothing else: no storage, no popups,
//! no navigating the host).
//!
//! It holds the article twice: whole, and as its card (the header and
//! photo, the first paragraphs, "Continue reading at {publisher}" and one
//! line of the support block) for hosts that cap a frame's height, as
//! WordPress does at 1,000 px. `folio-frame.js`, a small script in the
//! head, chooses before the first paint: the card when the document's
//! address says `view=card`, or carries the `secret` WordPress adds to
//! the frames it keeps (and `view=full` does not say otherwise); else the
//! whole article. It then reports the document's height to the host on
//! load and at every change (WordPress's `height` message, with its
//! secret, and `folio:height` for any other host), and hands every link to
//! the host (WordPress's `link` message; elsewhere a new tab). `folio.js`
//! wakes the support prompt, as on a page `folio render --page` wrote.
//!
//! Its own Content-Security-Policy allows scripts and connections to the
//! folder `folio.js` is served from alone, the stylesheet by its hash
//! (`--style inline`) or from that folder, and frames from the players of
//! the article's own embeds alone.

use leptos::prelude::*;

use super::document::{Parts, html};
use super::{Style, style_hash};
use folio_core::locale;
use folio_core::markup::{Page as _, Server};

/// The frame document of `parts`.
pub fn document(parts: &Parts) -> String {
    let article = parts.article;
    let options = parts.options;
    let assets = origin(&options.assets);
    let style = match options.style {
        Style::Inline => style_hash(),
        Style::Link => assets.clone(),
    };
    let mut policy = format!(
        "default-src 'none'; script-src {assets} 'wasm-unsafe-eval'; style-src {style}; \
         img-src * data:; connect-src {assets}; base-uri 'none'; form-action 'none'"
    );
    let players = players(parts.markup);
    if !players.is_empty() {
        policy.push_str(&format!("; frame-src {}", players.join(" ")));
    }
    let canonical = article.url.as_deref().map(|url| Server.resolve(url, None));
    let frame_script = format!("{}folio-frame.js", options.assets);
    let (full, card) = (
        parts.markup.to_string(),
        parts.card.unwrap_or_default().to_string(),
    );
    let lang = article.lang.clone().unwrap_or_else(|| "en".into());
    let dir = (options.dir.clone()).unwrap_or_else(|| locale::direction(&lang).to_string());
    let document = view! {
        <html lang=lang dir=dir>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                {leptos::html::meta().attr("http-equiv", "Content-Security-Policy").attr("content", policy)}
                <meta name="robots" content="noindex"/>
                <title>{article.headline.clone()}</title>
                {canonical.map(|url| view! { <link rel="canonical" href=url/> })}
                {parts.stylesheet()}
                <script src=frame_script></script>
                {parts.script()}
            </head>
            <body class="folio-page folio-frame">
                <main>
                    <div class="folio-frame__full" inner_html=full></div>
                    <div class="folio-frame__card" inner_html=card></div>
                </main>
            </body>
        </html>
    };
    format!("<!doctype html>\n{}\n", html(document))
}

/// The origins of the players the article's embeds load when the reader
/// asks (their `data-player`), for the policy's `frame-src`: a frame
/// document allows the players of its own article, and no other frame.
fn players(markup: &str) -> Vec<String> {
    let mut origins: Vec<String> = Vec::new();
    for part in markup.split("data-player=\"").skip(1) {
        let found = origin(part.split('"').next().unwrap_or_default());
        if found != "'self'" && !origins.contains(&found) {
            origins.push(found);
        }
    }
    origins
}

/// The origin of an absolute URL (`https://cdn.example`), for a policy.
fn origin(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "'self'".into();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    format!("{scheme}://{host}")
}
