//! A JSON-LD document as a graph: its nodes found in a single node, a
//! list or a `@graph`, `{"@id"}` references followed, lists and values
//! unwrapped, and which nodes are articles.

use super::super::{Node, plain};
use folio_core::json::Value;

/// The types read as an article: `Article` and the subtypes news sites use.
const ARTICLES: [&str; 18] = [
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "AdvertiserContentArticle",
    "Review",
];

/// The nodes of a document (objects with an `@type` or `@id`, up to 8
/// levels deep), and the ones with content by their `@id`.
pub(super) struct Graph<'v, 'a> {
    pub(super) nodes: Vec<Node<'v, 'a>>,
    /// `(@id, index in nodes)`, sorted by `@id`, the first node of each.
    by_id: Vec<(&'v str, usize)>,
}

/// How many lists and references [`Graph::all`] follows into one another.
const MAX_FOLLOWED: usize = 8;

/// How many items [`Graph::all`] looks at for one value (references can
/// make a small document name the same list many times over).
const MAX_ITEMS: usize = 1000;

impl<'v, 'a> Graph<'v, 'a> {
    pub(super) fn new(root: &Node<'v, 'a>) -> Self {
        let mut graph = Self {
            nodes: Vec::new(),
            by_id: Vec::new(),
        };
        graph.collect(root, 0);
        for (i, node) in graph.nodes.iter().enumerate() {
            let has_content = matches!(node.value, Value::Object(m) if m.len() > 1);
            if let (Some(id), true) = (node.get("@id").str(), has_content) {
                graph.by_id.push((id, i));
            }
        }
        // Of nodes sharing an `@id`, the first (lowest index) stays.
        graph.by_id.sort_unstable();
        graph.by_id.dedup_by(|later, first| later.0 == first.0);
        graph
    }

    fn collect(&mut self, node: &Node<'v, 'a>, depth: usize) {
        if depth > 8 {
            return;
        }
        match node.value {
            Value::Array(_) => node.items().iter().for_each(|n| self.collect(n, depth + 1)),
            Value::Object(_) => {
                if node
                    .members()
                    .iter()
                    .any(|(k, _)| *k == "@type" || *k == "@id")
                {
                    self.nodes.push(node.clone());
                }
                for (key, value) in node.members() {
                    if !key.starts_with('@') || key == "@graph" || key == "@list" {
                        self.collect(&value, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// `node` itself, or the node its `{"@id"}` refers to.
    pub(super) fn follow(&self, node: &Node<'v, 'a>) -> Node<'v, 'a> {
        let members = node.members();
        let is_reference = members.len() == 1 && members[0].0 == "@id";
        let Some(id) = node.get("@id").str().filter(|_| is_reference) else {
            return node.clone();
        };
        match self.by_id.binary_search_by(|(key, _)| (*key).cmp(id)) {
            Ok(at) => self.nodes[self.by_id[at].1].clone(),
            Err(_) => node.clone(),
        }
    }

    /// The items at `node`, each followed, flattening lists and `@list`
    /// (at most [`MAX_FOLLOWED`] into one another, so a list that holds
    /// itself ends).
    pub(super) fn all(&self, node: &Node<'v, 'a>) -> Vec<Node<'v, 'a>> {
        let mut found = Vec::new();
        let mut budget = MAX_ITEMS;
        self.gather(node, 0, &mut found, &mut budget);
        found
    }

    fn gather(
        &self,
        node: &Node<'v, 'a>,
        depth: usize,
        found: &mut Vec<Node<'v, 'a>>,
        budget: &mut usize,
    ) {
        if depth > MAX_FOLLOWED {
            return;
        }
        for item in node.items() {
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            let item = self.follow(&item);
            match item.value {
                Value::Array(_) => self.gather(&item, depth + 1, found, budget),
                Value::Object(_) if !item.get("@list").is_null() => {
                    self.gather(&item.get("@list"), depth + 1, found, budget)
                }
                _ => found.push(item),
            }
        }
    }
}

/// The `@type`s of a node, without their vocabulary prefix.
pub(super) fn types<'v>(node: &Node<'v, '_>) -> Vec<&'v str> {
    node.get("@type")
        .items()
        .iter()
        .filter_map(|t| t.str())
        .map(|t| t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim())
        .collect()
}

pub(super) fn is_article(node: &Node) -> bool {
    types(node).iter().any(|t| ARTICLES.contains(t))
}

/// A node's text: a string, a `{"@value"}`, or the first of a list.
pub(super) fn text<'v, 'a>(
    graph: &Graph<'v, 'a>,
    node: &Node<'v, 'a>,
) -> Option<(String, Node<'v, 'a>)> {
    graph.all(node).into_iter().find_map(|item| {
        let item = match item.value {
            Value::Object(_) => item.get("@value"),
            _ => item,
        };
        let text = plain(item.str()?);
        (!text.is_empty()).then_some((text, item))
    })
}
