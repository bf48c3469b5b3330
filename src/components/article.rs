//! The whole article: header, hero figure, body with the inline prompt,
//! "Read more".

use std::sync::Arc;

use leptos::prelude::*;

use web_sys::{Element, Node as DomNode};

use super::blocks::{BlockRun, fill};
use super::figure::hero_figure;
use super::header::header;
use super::read_more::read_more;
use super::support::{PromptNode, hold};
use crate::markdown::{self, Document, Node};
use crate::model::{Article, Support};

/// An article with its Markdown rendered, ready to show.
#[derive(Clone)]
pub struct Prepared {
    /// The checked article.
    pub article: Arc<Article>,
    /// Its body as a render tree.
    pub body: Arc<Document>,
    /// The support block and its rendered text, when valid and wanted.
    pub support: Option<(Arc<Support>, Arc<Document>)>,
    /// Base URL for relative links and images (where the JSON came from).
    pub base: Option<Arc<str>>,
    /// The prompt for `support`, mounted by the widget, to place after the
    /// chosen paragraph.
    pub prompt: Option<PromptNode>,
    /// The parts before the body (banner, header, hero figure) and after
    /// it ("Read more"), as render trees.
    pub around: Arc<[Vec<Node>; 2]>,
    /// Whether `around` differs from the article shown before (else the
    /// DOM already shows it and is left alone).
    pub around_changed: bool,
}

impl Prepared {
    /// Renders the Markdown of `article`; `with_support` false leaves the
    /// prompt and banner out. With the `previous` article shown, body
    /// blocks an edit did not touch are kept rather than rendered again.
    pub fn new(
        article: Article,
        base: Option<String>,
        with_support: bool,
        previous: Option<&Prepared>,
    ) -> Self {
        let body = Arc::new(match previous {
            Some(previous) => {
                markdown::rerender(&previous.body, &previous.article.body, &article.body)
            }
            None => markdown::render(&article.body),
        });
        let support = match &article.support {
            Some(Ok(support)) if with_support => {
                let text = markdown::render(support.body.as_deref().unwrap_or(""));
                Some((Arc::new(support.clone()), Arc::new(text)))
            }
            _ => None,
        };
        let base = base.map(Arc::<str>::from);
        let banner = support.as_ref().and_then(|(s, _)| s.banner.as_ref());
        let mut before: Vec<Node> = banner.map(super::banner::banner).into_iter().collect();
        before.push(header(&article));
        before.extend(
            article
                .image
                .as_ref()
                .map(|i| hero_figure(i, base.as_deref())),
        );
        let after = article.read_more.iter().map(read_more).collect();
        let around = Arc::new([before, after]);
        Self {
            // Links and images resolve against `base` as they are built.
            around_changed: previous.is_none_or(|p| p.around != around || p.base != base),
            article: Arc::new(article),
            body,
            support,
            base,
            prompt: None,
            around,
        }
    }
}

/// The article, in reading order. Its parts are built outside the view
/// system (see [`compose`]): the view is the `<article>` element alone.
#[component]
pub fn ArticleView(prepared: Prepared) -> impl IntoView {
    let lang = prepared.article.lang.clone();
    view! { <article class="folio" lang=lang use:compose=prepared></article> }
}

/// Fills the `<article>` and, on every later render, brings it up to date.
/// The banner, header, hero figure and "Read more" are render trees built
/// like the body (see [`crate::dom`]), and patched in place when they
/// changed; the two body runs and the prompt's slot keep their elements,
/// so that unchanged blocks and the mounted prompt stay as they are.
fn compose(element: Element, prepared: Prepared) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let Prepared {
        body,
        support,
        base,
        prompt,
        around,
        around_changed,
        ..
    } = prepared;

    // The children of the last render: the parts before the body, its two
    // runs, the prompt's slot, and the parts after it.
    let (mut shown_before, mut shown_after) = (Vec::<DomNode>::new(), Vec::new());
    let (mut bodies, mut slot) = (Vec::new(), None);
    let children = element.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.class_name().as_str() {
            "folio-body" => bodies.push(child),
            "folio-prompt" => slot = Some(child),
            _ if bodies.is_empty() => shown_before.push(child.into()),
            _ => shown_after.push(child.into()),
        }
    }
    let made = |class: &str| {
        let made = document.create_element("div").ok()?;
        made.set_class_name(class);
        Some(made)
    };
    while bodies.len() < 2 {
        let Some(made) = made("folio-body") else {
            return;
        };
        let _ = element.append_child(&made);
        bodies.push(made);
    }
    match (prompt, slot) {
        (Some(node), slot) => {
            let Some(slot) = slot.or_else(|| made("folio-prompt")) else {
                return;
            };
            // Moved only when out of place: a move would take the focus
            // from inside the prompt.
            if bodies[0].next_element_sibling().as_ref() != Some(&slot) {
                let _ = bodies[0].after_with_node_1(&slot);
            }
            hold(slot, node);
        }
        (None, Some(slot)) => slot.remove(),
        (None, None) => {}
    }

    let split =
        body.position_after_paragraph(support.as_ref().and_then(|(s, _)| s.after_paragraph));
    let run = |range| BlockRun {
        document: body.clone(),
        range,
        base: base.clone(),
    };
    fill(bodies[0].clone(), run(0..split));
    fill(bodies[1].clone(), run(split..body.blocks.len()));

    // Unchanged parts around the body are left as they are shown.
    if !around_changed && !shown_before.is_empty() {
        return;
    }
    let [before, after] = &*around;
    let base = base.as_deref();
    crate::dom::patch_children(&element, &shown_before, before, Some(&bodies[0]), base);
    crate::dom::patch_children(&element, &shown_after, after, None, base);
}
