//! An article's videos (`video`, and the `VideoObject`s of
//! `associatedMedia`) as embeds: each its page's link alone in a
//! paragraph after the text, and its entry of `embeds`, its `embedUrl`
//! the player when Folio does not build one from the link.

use folio_core::json::Value;
use folio_core::model::MAX_EMBEDS;
use folio_core::url;

use super::graph::{Graph, text, types};
use crate::Node;
use crate::inline::{self, escape};
use crate::media::{self, Embed};

/// The paragraphs and `embeds` entries of the article `a`'s videos;
/// links resolve against `base`.
pub(super) fn videos<'a>(
    graph: &Graph<'_, 'a>,
    a: &Node<'_, 'a>,
    base: Option<&str>,
) -> (Vec<String>, Vec<Value<'a>>) {
    let mut nodes = graph.all(&a.get("video"));
    let media = graph.all(&a.get("associatedMedia"));
    nodes.extend(
        media
            .into_iter()
            .filter(|n| types(n).contains(&"VideoObject")),
    );
    let mut paragraphs = Vec::new();
    let mut entries = Vec::new();
    let mut links = Vec::new();
    for node in nodes {
        let address =
            |key: &str| text(graph, &node.get(key)).and_then(|(u, _)| url::link(&u, base));
        let Some(link) = ["url", "embedUrl", "contentUrl"]
            .into_iter()
            .find_map(address)
        else {
            continue;
        };
        if entries.len() == MAX_EMBEDS || links.contains(&link) {
            continue;
        }
        links.push(link.clone());
        let player = address("embedUrl");
        let html = player.map(|p| format!("<iframe src=\"{}\"></iframe>", p.replace('"', "%22")));
        let words = |key: &str| text(graph, &node.get(key)).map(|(t, _)| t);
        let embed = Embed {
            url: link.clone(),
            provider: None,
            title: words("name"),
            text: words("description"),
            html: html.as_deref(),
            size: media::size(&node),
        };
        entries.push(embed.entry());
        let label = embed.title.as_deref().unwrap_or(&link);
        paragraphs.push(inline::link(&escape(label), &link));
    }
    (paragraphs, entries)
}
