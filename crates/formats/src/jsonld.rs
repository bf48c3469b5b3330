//! schema.org JSON-LD onto the model: the article node found in a single
//! node, a list or a `@graph` (`@type` a string or a list, `NewsArticle`
//! and its kin), `{"@id"}` references followed inside the document, and
//! the many shapes sites give authors, images and dates made one.

mod graph;
mod video;

use super::jsonld_image::{Candidate, hero};
use super::{Node, Out, inline, plain};
use folio_core::error::{ContentError, Problem};
use folio_core::json::Value;
use folio_core::url;
use graph::{Graph, is_article, text, types};

/// A thing's name: a string, or the `name` of the node.
fn name(graph: &Graph, node: &Node) -> Option<String> {
    match node.value {
        Value::Object(_) => text(graph, &node.get("name")).map(|(t, _)| t),
        _ => text(graph, node).map(|(t, _)| t),
    }
}

/// Maps the article of the JSON-LD at `root` into `out`; relative URLs
/// resolve against `base`, the document's address, else the article's.
pub(super) fn document<'v, 'a>(
    root: &Node<'v, 'a>,
    base: Option<&str>,
    out: &mut Out<'a>,
) -> Result<(), ContentError> {
    let graph = Graph::new(root);
    let articles: Vec<&Node> = graph.nodes.iter().filter(|n| is_article(n)).collect();
    let matches_base = |n: &&&Node| {
        let page = n.get("mainEntityOfPage");
        [n.get("url"), page.get("@id"), page.get("url"), page]
            .iter()
            .any(|u| u.str().is_some() && u.str() == base)
    };
    let with_body = |n: &&&Node| n.get("articleBody").str().is_some();
    let chosen = articles
        .iter()
        .find(matches_base)
        .or_else(|| articles.iter().find(with_body))
        .or(articles.first());
    let Some(article) = chosen else {
        let mut found: Vec<&str> = Vec::new();
        for kind in graph.nodes.iter().flat_map(types) {
            if !found.contains(&kind) {
                found.push(kind);
            }
        }
        let found = match found.is_empty() {
            true => "none".to_string(),
            false => found.join(", "),
        };
        return Err(ContentError::new(
            root.path.clone(),
            Problem::Invalid(format!(
                "has no schema.org article: Folio reads a node whose `@type` is NewsArticle, \
                 Article, BlogPosting or a kin of theirs (the types found: {found})"
            )),
        ));
    };
    let a = (*article).clone();
    let page = a.get("mainEntityOfPage");
    let address = [a.get("url"), page.get("@id"), page.get("url"), page.clone()]
        .into_iter()
        .find_map(|n| {
            let href = url::link(n.str()?, base)?;
            url::scheme(&href)
                .is_some_and(|s| s.starts_with("http"))
                .then_some((href, n))
        });
    if let Some((href, node)) = &address {
        out.put("url", Value::String(href.clone().into()), &node.path);
    }
    let base = base.or(address.as_ref().map(|(href, _)| href.as_str()));

    out.origin("id", &a.get("@id").path);
    let identifier = a.get("identifier");
    let id = [
        a.get("@id"),
        a.get("url"),
        identifier.get("value"),
        identifier,
    ]
    .into_iter()
    .find_map(|n| match n.value {
        Value::Number(number) => Some(number.to_string()),
        _ => n.str().map(|s| s.trim().to_string()),
    })
    .or(address.as_ref().map(|(href, _)| href.clone()));
    if let Some(id) = id {
        out.put("id", Value::String(id.into()), &a.get("@id").path);
    }

    let language = a.get("inLanguage");
    let tag = text(&graph, &language)
        .or_else(|| text(&graph, &language.get("alternateName")))
        .or_else(|| text(&graph, &language.get("name")));
    if let Some((tag, node)) = tag {
        let tag = tag.replace('_', "-");
        match folio_core::model::is_language(&tag) {
            true => out.put("lang", Value::String(tag.into()), &node.path),
            false => out.notice(
                &node.path,
                format!("\"{tag}\" is not a language tag, so the article's language is not set."),
            ),
        }
    }

    let junk = ["nil", "null", "none", "undefined"];
    let section = graph.all(&a.get("articleSection")).into_iter().find(|s| {
        s.str()
            .is_some_and(|t| !junk.contains(&t.trim().to_ascii_lowercase().as_str()))
    });
    if let Some(section) = section {
        out.text("kicker", &section, plain);
    }

    out.origin("headline", &a.get("headline").path);
    let headline = text(&graph, &a.get("headline")).or_else(|| text(&graph, &a.get("name")));
    if let Some((headline, node)) = &headline {
        out.put(
            "headline",
            Value::String(headline.clone().into()),
            &node.path,
        );
    }
    let standfirst = text(&graph, &a.get("description")).or_else(|| {
        text(&graph, &a.get("alternativeHeadline"))
            .filter(|(t, _)| Some(t) != headline.as_ref().map(|(h, _)| h))
    });
    if let Some((standfirst, node)) = standfirst {
        out.put("standfirst", Value::String(standfirst.into()), &node.path);
    }

    let publisher = graph.follow(&a.get("publisher"));
    let publisher_name = name(&graph, &publisher);
    if let Some(name) = &publisher_name {
        out.put(
            "publisher.name",
            Value::String(name.clone().into()),
            &publisher.path,
        );
        let home = publisher.get("url").str().and_then(|u| url::link(u, base));
        if let Some(home) = home {
            out.put(
                "publisher.url",
                Value::String(home.into()),
                &publisher.get("url").path,
            );
        }
    }
    let mut authors: Vec<String> = Vec::new();
    for key in ["author", "creator"] {
        if !authors.is_empty() {
            break;
        }
        for person in graph.all(&a.get(key)) {
            let Some(who) = name(&graph, &person) else {
                continue;
            };
            // An organization credited as the author is the publisher
            // itself: no byline of people.
            let is_publisher = types(&person).contains(&"Organization") || person.str().is_some();
            if is_publisher && Some(&who) == publisher_name.as_ref() {
                continue;
            }
            if !authors.contains(&who) {
                authors.push(who);
            }
        }
    }
    if !authors.is_empty() {
        let list = authors
            .into_iter()
            .map(|a| Value::String(a.into()))
            .collect();
        out.put("authors", Value::Array(list), &a.get("author").path);
    }

    dates(&a, out);
    hero(&images(&graph, &a), base, out);

    let body = a.get("articleBody");
    out.origin("body", &body.path);
    match body.value {
        Value::String(text) => {
            let paragraphs = match text.contains('<') && text.contains('>') {
                true => inline::paragraphs(text, base),
                false => split_paragraphs(text),
            };
            let (videos, embeds) = video::videos(&graph, &a, base);
            let text = paragraphs
                .into_iter()
                .chain(videos)
                .collect::<Vec<_>>()
                .join("\n\n");
            if !embeds.is_empty() {
                out.put("embeds", Value::Array(embeds), &a.get("video").path);
            }
            match text.trim().is_empty() {
                true => out.no_text(&body.path),
                false => out.put("body", Value::String(text.into()), &body.path),
            }
        }
        Value::Null => out.no_text(&body.path),
        other => out.put("body", other.clone(), &body.path),
    }
    Ok(())
}

/// The article's images (its `image`, else its `thumbnailUrl`), each
/// followed, with the text around them read.
fn images<'v, 'a>(graph: &Graph<'v, 'a>, a: &Node<'v, 'a>) -> Vec<Candidate<'v, 'a>> {
    let mut found = graph.all(&a.get("image"));
    if found.is_empty() {
        found = graph.all(&a.get("thumbnailUrl"));
    }
    let read = |node: &Node<'v, 'a>, key: &str| {
        let value = graph.follow(&node.get(key));
        match value.value {
            Value::Object(_) => {
                text(graph, &value.get("text")).or_else(|| text(graph, &value.get("name")))
            }
            _ => text(graph, &value),
        }
    };
    found
        .into_iter()
        .map(|node| {
            let credit = [
                "creditText",
                "creator",
                "copyrightHolder",
                "author",
                "copyrightNotice",
            ]
            .iter()
            .flat_map(|key| graph.all(&node.get(key)))
            .find_map(|who| name(graph, &who));
            Candidate {
                caption: read(&node, "caption"),
                description: read(&node, "description"),
                name: read(&node, "name"),
                credit,
                node,
            }
        })
        .collect()
}

/// `published` (datePublished, else dateCreated) and `updated`
/// (dateModified, when it is later).
fn dates<'a>(a: &Node<'_, 'a>, out: &mut Out<'a>) {
    out.origin("published", &a.get("datePublished").path);
    let published = ["datePublished", "dateCreated"]
        .iter()
        .map(|k| a.get(k))
        .find(|n| !n.is_null());
    let Some(published) = published else { return };
    let (written, at) = date(&published);
    out.put("published", written, &published.path);
    let modified = a.get("dateModified");
    if modified.is_null() {
        return;
    }
    let (changed, then) = date(&modified);
    match (at, then) {
        (Some(at), Some(then)) if then <= at => {}
        _ => out.put("updated", changed, &modified.path),
    }
}

/// A date normalized, with its instant; or the value as it is for the
/// checks to name.
fn date<'a>(node: &Node<'_, 'a>) -> (Value<'a>, Option<i64>) {
    let text = match node.value {
        Value::String(text) => Some(text.as_ref()),
        Value::Array(items) => items.iter().find_map(|i| match i {
            Value::String(t) => Some(t.as_ref()),
            _ => None,
        }),
        _ => None,
    };
    match text.and_then(folio_core::date::normalize) {
        Some(text) => {
            let at = folio_core::date::seconds(&text);
            (Value::String(text.into()), at)
        }
        None => (node.value.clone(), None),
    }
}

/// Plain `articleBody` text as escaped Markdown paragraphs: split at blank
/// lines, else at each line break.
fn split_paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let grouped = lines.len() > 1 && lines.iter().any(|l| l.trim().is_empty());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        if !grouped || line.trim().is_empty() {
            if !grouped {
                current.push_str(line);
            }
            paragraphs.push(std::mem::take(&mut current));
            continue;
        }
        current.push(' ');
        current.push_str(line);
    }
    paragraphs.push(current);
    paragraphs
        .iter()
        .map(|p| inline::collapse(&super::entities::decode(p)))
        .filter(|p| !p.is_empty())
        .map(|p| inline::escape(&p))
        .collect()
}
