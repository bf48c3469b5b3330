//! What the fuzz targets run, shared with the native corpus replay:
//! `tests/fuzz_corpus.rs` includes this file as a module, so every corpus
//! input is checked the same way under libFuzzer and under `cargo test`.
//!
//! Each entry point takes raw bytes, reads them as UTF-8 (invalid sequences
//! become U+FFFD, so every input reaches the parser), runs the parser and
//! panics when the result breaks one of its promises. A panic is what
//! libFuzzer reports as a crash.

use folio_core::error::Problem;
use folio_core::html::{Attr, Element, Node, Tag};
use folio_core::markdown::{self, Document, MAX_DEPTH};
use folio_core::model::{self, Article, Image, Support};
use folio_core::{date, json, safe_url};
use folio_formats::{self as formats, Format};
use folio_render as render;
use pulldown_cmark::{Event, Options, Parser, Tag as Md};

/// Parses article JSON with `model::parse`; an accepted article must hold
/// what validation promises and its Markdown must render to a sound tree.
/// The text also goes through `check_json_reader`.
pub fn json_to_model(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    check_json_reader(&json);
    match model::parse(&json) {
        Ok(article) => {
            check_article(&article);
            check_outputs(&json, None, &article);
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.ends_with('.'), "odd error message {message:?}");
        }
    }
}

/// What `folio render` writes for `text` (of `format`, else detected)
/// in each of its outputs, as its command line renders it for a publisher
/// that serves partners (the page names its oEmbed response, which frames
/// the frame document).
pub fn outputs(text: &str, format: Option<Format>) -> Vec<(render::Output, String)> {
    use render::Output::{Embed, Iframe, Oembed, Page, Plain};
    [Embed, Page, Plain, Oembed, Iframe]
        .into_iter()
        .filter_map(|output| {
            let options = render::Options {
                output,
                format,
                assets: "https://cdn.example/folio/".into(),
                base: Some(BASE.into()),
                iframe_src: Some("https://news.example/feeds/story.frame.html".into()),
                oembed_url: Some("https://news.example/feeds/story.oembed.json".into()),
                ..render::Options::default()
            };
            render::render(text, &options)
                .ok()
                .map(|rendered| (output, rendered.text))
        })
        .collect()
}

/// What `folio render` promises of an article it reads: every output is
/// written, none holds a character HTML forbids, and the embed publishes
/// JSON that reads back to the same article. (`tests/fuzz_corpus.rs` runs
/// a sample of the corpora's outputs through the Nu HTML checker too.)
fn check_outputs(text: &str, format: Option<Format>, article: &Article) {
    let outputs = outputs(text, format);
    assert_eq!(
        outputs.len(),
        5,
        "an article read is rendered in every output"
    );
    for (output, written) in &outputs {
        let bad = written.chars().find(|&c| folio_core::html::forbidden(c));
        assert!(bad.is_none(), "{output:?} writes {bad:?}");
    }
    let embed = &outputs[0].1;
    let start = "</template><script type=\"application/json\">";
    let from = embed.find(start).expect("the embed's data block") + start.len();
    let end = from + embed[from..].find("</script>").expect("its end");
    let published = model::parse(&embed[from..end]).expect("the published JSON reads");
    // The same article, but for each character HTML forbids, written as
    // U+FFFD (a support block that failed its checks is not published).
    let as_published = |article: &Article| {
        let mut value = serde_json::to_value(article).expect("the model serializes");
        replace_forbidden(&mut value);
        value
    };
    assert_eq!(
        as_published(&published),
        as_published(article),
        "the published JSON reads back the same"
    );
}

/// Every string of `value` with the characters HTML forbids as U+FFFD.
fn replace_forbidden(value: &mut serde_json::Value) {
    use serde_json::Value as V;
    match value {
        V::String(text) => *text = folio_core::html::checked_characters(text).into_owned(),
        V::Array(items) => items.iter_mut().for_each(replace_forbidden),
        V::Object(members) => members.values_mut().for_each(replace_forbidden),
        _ => {}
    }
}

/// Where the converters' documents come from, for their relative URLs.
const BASE: &str = "https://news.example/feeds/story.json";

/// Folio's own field names that no ANS or JSON-LD source uses at its top:
/// an error naming one of them was not traced back to its source path.
const FOLIO_ONLY: [&str; 6] = [
    "image.src",
    "image.alt",
    "standfirst",
    "kicker",
    "authors",
    "readMore",
];

/// Reads the bytes as an ANS story (`formats::read` with the format forced).
pub fn ans_to_model(data: &[u8]) {
    converted(data, Format::Ans);
}

/// Reads the bytes as schema.org JSON-LD, or as a web page holding it.
pub fn jsonld_to_model(data: &[u8]) {
    converted(data, Format::JsonLd);
}

/// What a converter promises: an accepted document is an article that
/// holds what validation promises, whose links, images and URLs are all
/// absolute (none is left to resolve against the page that embeds it),
/// and whose Article JSON v1 (what the converter module hands the widget,
/// which checks it) reads back to the same article, or fails alike; an error is a sentence naming a path
/// of the source, not of Folio's format; every notice names its element.
fn converted(data: &[u8], format: Format) {
    let text = String::from_utf8_lossy(data);
    let read = formats::read(&text, None, Some(format), Some(BASE));
    // What the widget does: the converter maps, the core checks.
    let converted = formats::convert(&text, Some(format), Some(BASE)).and_then(|converted| {
        let article = model::parse_mapped(&converted.json, &converted.origins)?;
        Ok((article, converted.notices))
    });
    match (read, converted) {
        (Ok(read), Ok((article, notices))) => {
            check_article(&read.article);
            absolute(&read.article);
            check_outputs(&text, Some(format), &read.article);
            assert_eq!(
                article, read.article,
                "the converter's mapping, checked by the core, reads the same"
            );
            assert_eq!(notices, read.notices);
            for notice in &read.notices {
                assert!(
                    !notice.path.is_empty(),
                    "a notice without a path: {notice:?}"
                );
                assert!(notice.message.ends_with('.'), "odd notice {notice:?}");
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "read and convert fail alike");
            let message = a.to_string();
            assert!(message.ends_with('.'), "odd error message {message:?}");
            // Syntax and limit errors name where the text itself broke.
            let mapped = !matches!(a.problem, Problem::Syntax(_) | Problem::Limit(_));
            let folio_path = FOLIO_ONLY
                .iter()
                .any(|f| a.path == *f || a.path.starts_with(&format!("{f}.")));
            assert!(
                !(mapped && folio_path),
                "an error named by Folio's path, not the source's: {message}"
            );
        }
        (read, converted) => panic!("read and convert disagree: {read:?} against {converted:?}"),
    }
}

/// Every URL of a converted article, in its fields and its body, is
/// absolute.
fn absolute(a: &Article) {
    let fields = [a.url.as_deref(), a.image.as_ref().map(|i| i.src.as_str())];
    let publisher = a.publisher.as_ref().and_then(|p| p.url.as_deref());
    for url in fields.into_iter().chain([publisher]).flatten() {
        assert!(
            folio_core::url::scheme(url).is_some(),
            "a relative URL {url:?} in a field"
        );
    }
    for block in &markdown::render(a.body.as_deref().unwrap_or_default()).blocks {
        every_element(block, &mut |element| {
            for (attr, value) in &element.attrs {
                if matches!(attr, Attr::Href | Attr::Src) {
                    assert!(
                        folio_core::url::scheme(value).is_some(),
                        "a relative URL {value:?} in the body"
                    );
                }
            }
        });
    }
}

fn every_element(node: &Node, visit: &mut dyn FnMut(&Element)) {
    if let Node::Element(element) = node {
        visit(element);
        for child in &element.children {
            every_element(child, visit);
        }
    }
}

/// Reads `text` with Folio's JSON reader and with `serde_json`, which must
/// agree on whether it is JSON and, when it is, on every value. Where they
/// may differ by design: Folio keeps numbers as text (so `1e999` is JSON to
/// it and fails only the field that asks for it), and it reads one level of
/// nesting deeper than `serde_json` (129 against 128).
pub fn check_json_reader(text: &str) {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(
            same_json(a, b),
            "the readers differ on {text:?}:\n{a:?}\n{b:?}"
        ),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        (Ok(_), Err(e)) if e.to_string().starts_with("recursion limit") => {}
        // serde_json refuses a lone surrogate that Folio reads as U+FFFD.
        (Ok(_), Err(e))
            if e.to_string().starts_with("lone leading surrogate")
                || e.to_string().starts_with("unexpected end of hex escape") =>
        {
            assert!(
                format!("{ours:?}").contains('\u{FFFD}'),
                "{text:?}: {ours:?}"
            );
        }
        _ => panic!("the readers disagree on {text:?}: {ours:?} against {theirs:?}"),
    }
    if let Err(error) = &ours {
        assert!(error.offset <= text.len(), "offset past the end: {error:?}");
        assert!(error.message.contains(" at line "), "{error:?}");
    }
}

/// Whether two readings of the same text hold the same values (object keys
/// given twice: the last one, as `serde_json` keeps).
/// Whether Folio read the same text as `serde_json`, but for an escaped
/// character no HTML document may hold, which Folio reads as U+FFFD.
fn same_text(ours: &str, theirs: &str) -> bool {
    ours.chars().count() == theirs.chars().count()
        && ours.chars().zip(theirs.chars()).all(|(a, b)| {
            a == b || (a == char::REPLACEMENT_CHARACTER && folio_core::html::forbidden(b))
        })
}

fn same_json(ours: &json::Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (ours, theirs) {
        (json::Value::Null, V::Null) => true,
        (json::Value::Bool(a), V::Bool(b)) => a == b,
        (json::Value::Number(a), V::Number(b)) => {
            let (a, b) = (a.parse::<f64>().unwrap(), b.as_f64().unwrap());
            a == b || (a - b).abs() <= a.abs().max(b.abs()) * 1e-15
        }
        (json::Value::String(a), V::String(b)) => same_text(a, b),
        (json::Value::Array(a), V::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b))
        }
        (json::Value::Object(a), V::Object(b)) => {
            let keys: std::collections::BTreeSet<&str> =
                a.iter().map(|(k, _)| k.as_ref()).collect();
            keys.len() == b.len()
                && b.iter().all(|(key, b)| {
                    a.iter()
                        .rev()
                        .find(|(k, _)| same_text(k, key))
                        .is_some_and(|(_, a)| same_json(a, b))
                })
        }
        _ => false,
    }
}

/// Renders Markdown with `markdown::render` and checks the tree.
pub fn markdown_to_tree(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_markdown(&text);
}

/// Edits Markdown and checks that `markdown::rerender`, which keeps the
/// blocks the edit left alone, gives exactly what a full render gives. The
/// first four bytes say where the edit is and how much it removes; the rest
/// is the text, and what follows its first NUL byte is inserted.
pub fn markdown_rerender(data: &[u8]) {
    let (head, rest) = data.split_at(data.len().min(4));
    let number = |bytes: &[u8]| bytes.iter().fold(0usize, |n, b| n << 8 | usize::from(*b));
    let text = String::from_utf8_lossy(rest);
    let (old, insert) = text.split_once('\0').unwrap_or((&text, ""));
    let at = number(&head[..head.len().min(2)]) % (old.len() + 1);
    let removed = number(head.get(2..).unwrap_or(&[])) % 64;
    check_rerender(old, &splice(old, at, removed, insert));
}

/// `text` with about `removed` bytes from byte `at` replaced by `insert`,
/// both ends moved out to character boundaries (`at` is at most the
/// length).
pub fn splice(text: &str, mut at: usize, removed: usize, insert: &str) -> String {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + removed).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    [&text[..at], insert, &text[end..]].concat()
}

/// Checks that re-rendering `new` from the render of `old` equals
/// rendering `new` afresh; returns how many blocks were kept.
pub fn check_rerender(old: &str, new: &str) -> usize {
    let previous = markdown::render(old);
    let again = markdown::rerender(&previous, old, new);
    assert_eq!(
        again,
        markdown::render(new),
        "re-rendering differs from a full render\n--- old\n{old:?}\n--- new\n{new:?}"
    );
    again
        .blocks
        .iter()
        .filter(|b| previous.blocks.iter().any(|p| std::sync::Arc::ptr_eq(p, b)))
        .count()
}

/// Renders `text` and checks the tree, including that every top-level
/// Markdown block became exactly one top-level element (what raw HTML
/// blocks leave is text at most).
pub fn check_markdown(text: &str) -> Document {
    let document = markdown::render(text);
    check_document(&document);
    let expected = top_level_blocks(text);
    let elements = document
        .blocks
        .iter()
        .filter(|block| matches!(***block, Node::Element(_)))
        .count();
    assert_eq!(
        elements, expected,
        "the source has {expected} top-level blocks, the tree {elements} top-level elements"
    );
    document
}

/// Checks what validation promises of an accepted article.
pub fn check_article(a: &Article) {
    text("id", &a.id);
    text("headline", &a.headline);
    // An article without text is a card, which continues at its address.
    match &a.body {
        Some(body) => text("body", body),
        None => assert!(a.url.is_some(), "an article with neither text nor url"),
    }
    a.authors.iter().for_each(|author| text("authors", author));
    date_time("published", &a.published);
    if let Some(updated) = &a.updated {
        date_time("updated", updated);
    }
    if let Some(url) = &a.url {
        allowed_url("url", url);
    }
    if let Some(lang) = &a.lang {
        let shaped = lang
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert!(shaped, "lang {lang:?} is not a language tag");
    }
    if let Some(publisher) = &a.publisher {
        text("publisher.name", &publisher.name);
        if let Some(url) = &publisher.url {
            allowed_url("publisher.url", url);
        }
    }
    a.image.iter().chain(&a.images).for_each(check_image);
    assert!(a.images.len() <= 200, "{} images", a.images.len());
    assert!(a.related.len() <= 6, "{} related articles", a.related.len());
    for related in &a.related {
        text("related.headline", &related.headline);
        allowed_url("related.url", &related.url);
        related.image.iter().for_each(check_image);
        if let Some(published) = &related.published {
            date_time("related.published", published);
        }
    }
    assert!(a.embeds.len() <= 50, "{} embeds", a.embeds.len());
    for embed in &a.embeds {
        allowed_url("embeds.url", &embed.url);
        for value in [&embed.provider, &embed.title, &embed.text, &embed.html] {
            value.iter().for_each(|v| text("embeds text", v));
        }
        assert!(
            embed.width != Some(0) && embed.height != Some(0),
            "an embed of size 0"
        );
    }
    if let Some(link) = &a.read_more {
        if let Some(label) = &link.label {
            text("readMore.label", label);
        }
        allowed_url("readMore.href", &link.href);
    }
    let body = check_markdown(a.body.as_deref().unwrap_or_default());
    let media = markdown::Media {
        images: a.images.clone(),
        embeds: a.embeds.clone(),
        ..Default::default()
    };
    let figures = markdown::render_with(a.body.as_deref().unwrap_or_default(), 1, media.into());
    check_document(&figures);
    match &a.support {
        Some(Ok(support)) => check_support(support, &body),
        Some(Err(error)) => assert!(
            error.path.starts_with("support"),
            "a support error outside support: {error}"
        ),
        None => {}
    }
}

/// What validation promises of a photo.
fn check_image(image: &Image) {
    allowed_url("image.src", &image.src);
    text("image.alt", &image.alt);
    positive("image.width", image.width);
    positive("image.height", image.height);
    for candidate in image.srcset.iter().flat_map(|s| s.split(',')) {
        let url = candidate.split_whitespace().next().unwrap_or("");
        allowed_url("image.srcset", url);
    }
}

fn check_support(s: &Support, body: &Document) {
    text("support.campaign", &s.campaign);
    text("support.heading", &s.heading);
    text("support.cta.label", &s.cta.label);
    allowed_url("support.cta.href", &s.cta.href);
    if let Some(banner) = &s.banner {
        text("support.banner.text", &banner.text);
        allowed_url("support.banner.href", &banner.href);
    }
    for amount in &s.amounts {
        if let Some(label) = &amount.label {
            text("support.amounts.label", label);
        }
        assert!(
            amount.value.is_finite() && amount.value > 0.0,
            "amount {} accepted",
            amount.value
        );
    }
    let defaults = s.amounts.iter().filter(|a| a.default).count();
    assert!(defaults <= 1, "{defaults} default amounts accepted");
    check_recommended(&s.amounts);
    let mut countries = Vec::new();
    for region in &s.regions {
        assert!(
            !region.amounts.is_empty(),
            "a region without amounts accepted"
        );
        check_recommended(&region.amounts);
        for country in &region.countries {
            let code = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
            assert!(code, "country {country:?} accepted");
            assert!(
                !countries.contains(&country),
                "country {country} in two regions"
            );
            countries.push(country);
        }
    }
    if let Some(benefits) = &s.benefits {
        for lines in [&benefits.once, &benefits.monthly, &benefits.annual] {
            assert!(
                lines.len() <= 5,
                "{} lines of benefits accepted",
                lines.len()
            );
            lines.iter().for_each(|l| text("support.benefits", l));
        }
    }
    if let Some(threshold) = s.article_count.as_ref().and_then(|c| c.threshold) {
        assert!(
            (1..=1000).contains(&threshold),
            "threshold {threshold} accepted"
        );
    }
    if let Some(currency) = &s.currency {
        let code = currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_alphabetic());
        assert!(code, "currency {currency:?} accepted");
    }
    s.payment_methods
        .iter()
        .for_each(|m| text("support.paymentMethods", m));
    if let Some(decline) = &s.decline {
        positive("support.decline.days", decline.days);
    }
    if let Some(cap) = &s.max_views {
        positive("support.maxViews.count", cap.count);
        positive("support.maxViews.days", cap.days);
    }
    if let Some(prompt) = &s.body {
        check_markdown(prompt);
    }
    let at = body.position_after_paragraph(s.after_paragraph);
    assert!(at <= body.blocks.len(), "prompt placed past the end");
}

/// At most one amount of each frequency is recommended.
fn check_recommended(amounts: &[folio_core::model::Amount]) {
    for (i, amount) in amounts.iter().enumerate() {
        let twice = amount.recommended
            && amounts[..i]
                .iter()
                .any(|a| a.recommended && a.frequency == amount.frequency);
        assert!(
            !twice,
            "two recommended {:?} amounts accepted",
            amount.frequency
        );
    }
}

/// Checks a render tree: nesting within [`MAX_DEPTH`], void elements empty,
/// each attribute on an element that may carry it with a value of the
/// promised shape, links and images only with URLs the policy allows, and
/// the HTML serialization well formed.
pub fn check_document(document: &Document) {
    for block in &document.blocks {
        check_node(block, None, 1, false);
    }
    for n in [None, Some(0), Some(1), Some(2), Some(u64::MAX)] {
        let at = document.position_after_paragraph(n);
        assert!(at <= document.blocks.len(), "position {at} past the end");
    }
    check_html(&document.to_html());
}

/// Checks the tree is one the browser's HTML parser builds as it is from
/// the markup: elements where they may be, no text between table rows or
/// cells (the parser would move it), no link inside a link.
fn check_node(node: &Node, parent: Option<Tag>, depth: usize, in_link: bool) {
    let Node::Element(element) = node else {
        let in_table = matches!(parent, Some(Tag::Table | Tag::Thead | Tag::Tbody | Tag::Tr));
        assert!(
            !in_table,
            "text inside <{}>",
            parent.map_or("", Tag::as_str)
        );
        return;
    };
    let tag = element.tag;
    assert!(!(in_link && tag == Tag::A), "a link inside a link");
    assert!(depth <= MAX_DEPTH, "<{}> nested {depth} deep", tag.as_str());
    if tag.is_void() {
        assert!(
            element.children.is_empty(),
            "void <{}> has children",
            tag.as_str()
        );
    }
    let in_table_part = matches!(parent, Some(Tag::Table | Tag::Thead | Tag::Tbody | Tag::Tr));
    let table_part = matches!(tag, Tag::Thead | Tag::Tbody | Tag::Tr | Tag::Th | Tag::Td);
    assert!(
        !in_table_part || table_part,
        "<{}> inside <{}>",
        tag.as_str(),
        parent.map_or("", Tag::as_str)
    );
    let parents: &[Tag] = match tag {
        Tag::Li => &[Tag::Ul, Tag::Ol],
        Tag::Thead | Tag::Tbody => &[Tag::Table],
        Tag::Tr => &[Tag::Thead, Tag::Tbody],
        Tag::Th | Tag::Td => &[Tag::Tr],
        Tag::Figcaption => &[Tag::Figure],
        Tag::Bdi => &[Tag::Span],
        Tag::Button | Tag::Label => &[Tag::Div],
        Tag::Input => &[Tag::Label],
        _ => &[],
    };
    // Figures, pull quotes, galleries and embeds are top-level blocks (a
    // gallery's figures are its list's items).
    assert!(
        !matches!(tag, Tag::Figure | Tag::Div)
            || matches!(parent, None | Some(Tag::Li | Tag::Div | Tag::Figure)),
        "<{}> inside {:?}",
        tag.as_str(),
        parent.map(Tag::as_str)
    );
    if !parents.is_empty() {
        assert!(
            parent.is_some_and(|p| parents.contains(&p)),
            "<{}> inside {:?}",
            tag.as_str(),
            parent.map(Tag::as_str)
        );
    }
    check_attributes(element);
    for child in &element.children {
        check_node(child, Some(tag), depth + 1, in_link || tag == Tag::A);
    }
}

fn check_attributes(element: &Element) {
    let tag = element.tag;
    for (i, (attr, value)) in element.attrs.iter().enumerate() {
        let name = attr.as_str();
        assert!(
            element.attrs[..i].iter().all(|(a, _)| a != attr),
            "<{}> repeats {name}",
            tag.as_str()
        );
        let allowed = match attr {
            Attr::Href => tag == Tag::A,
            Attr::Src
            | Attr::Alt
            | Attr::Loading
            | Attr::Decoding
            | Attr::Width
            | Attr::Height
            | Attr::Srcset
            | Attr::Sizes => tag == Tag::Img,
            Attr::Title => matches!(tag, Tag::A | Tag::Img),
            Attr::Start => tag == Tag::Ol,
            Attr::Dir => matches!(tag, Tag::Span | Tag::P),
            // Only the list of related articles has times.
            Attr::Datetime => false,
            Attr::Class => !matches!(tag, Tag::Em | Tag::Strong | Tag::Bdi),
            Attr::Type => matches!(tag, Tag::Button | Tag::Input),
            Attr::Hidden => matches!(tag, Tag::Div | Tag::Button | Tag::Label | Tag::P),
            Attr::Role | Attr::DataPosition => tag == Tag::Div,
            Attr::AriaLabel => matches!(tag, Tag::Div | Tag::Button),
            Attr::AriaLive => tag == Tag::Span,
            Attr::DataProvider | Attr::DataPlayer | Attr::DataWidth | Attr::DataHeight => {
                tag == Tag::Figure
            }
        };
        assert!(allowed, "{name} on <{}>", tag.as_str());
        let shaped = match attr {
            Attr::Href | Attr::Src | Attr::DataPlayer => {
                allowed_url(name, value);
                let again = safe_url::check(value);
                let stable = again.is_some_and(|u| u.href == *value);
                assert!(stable, "{name}={value:?} changes when checked again");
                true
            }
            Attr::Loading => value == "lazy",
            Attr::Decoding => value == "async",
            Attr::Start => value.parse::<u64>().is_ok_and(|n| n != 1),
            Attr::Class if tag == Tag::Code => value.strip_prefix("language-").is_some_and(|l| {
                !l.is_empty()
                    && l.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_+".contains(c))
            }),
            Attr::Class if matches!(tag, Tag::Th | Tag::Td) => ["left", "center", "right"]
                .iter()
                .any(|a| value.strip_prefix("folio-align-") == Some(a)),
            Attr::Class => {
                let classes: &[&str] = match tag {
                    Tag::Img => &["folio-figure__image"],
                    Tag::Figure => &[
                        "folio-figure folio-figure--body",
                        "folio-pullquote",
                        "folio-figure folio-gallery__figure",
                        "folio-embed folio-embed--video",
                        "folio-embed folio-embed--tall",
                        "folio-embed folio-embed--post",
                    ],
                    Tag::Figcaption => &[
                        "folio-figure__caption",
                        "folio-pullquote__by",
                        "folio-embed__caption",
                    ],
                    Tag::Span => &[
                        "folio-figure__text",
                        "folio-figure__credit",
                        "folio-gallery__position",
                    ],
                    Tag::Div => &[
                        "folio-gallery",
                        "folio-gallery__controls",
                        "folio-embed__box",
                    ],
                    Tag::Ul => &["folio-gallery__photos"],
                    Tag::Li => &["folio-gallery__slide"],
                    Tag::Button => &[
                        "folio-gallery__previous",
                        "folio-gallery__next",
                        "folio-embed__load",
                    ],
                    Tag::P => &[
                        "folio-embed__provider",
                        "folio-embed__title",
                        "folio-embed__text",
                        "folio-embed__notice",
                        "folio-embed__blocked",
                    ],
                    Tag::Label => &["folio-embed__always"],
                    Tag::A => &["folio-embed__link"],
                    _ => &[],
                };
                classes.contains(&value.as_str())
            }
            Attr::Width | Attr::Height => value.parse::<u32>().is_ok_and(|n| n > 0),
            Attr::Srcset => {
                value.split(',').for_each(|c| {
                    allowed_url(name, c.split_whitespace().next().unwrap_or_default());
                });
                true
            }
            Attr::Sizes => value == "(min-width: 52rem) 52rem, 100vw",
            Attr::Dir => value == "auto",
            Attr::Datetime => false,
            Attr::Type => matches!(value.as_str(), "button" | "checkbox"),
            Attr::Hidden => value.is_empty(),
            Attr::Role => value == "group",
            Attr::AriaLive => value == "polite",
            Attr::DataWidth | Attr::DataHeight => value.parse::<u32>().is_ok_and(|n| n > 0),
            Attr::Alt | Attr::Title | Attr::AriaLabel | Attr::DataProvider => true,
            Attr::DataPosition => value.contains("{current}"),
        };
        assert!(shaped, "{name}={value:?} on <{}>", tag.as_str());
    }
    let required: &[Attr] = match tag {
        Tag::A => &[Attr::Href],
        Tag::Img => &[Attr::Src, Attr::Alt],
        _ => &[],
    };
    for attr in required {
        assert!(
            element.attrs.iter().any(|(a, _)| a == attr),
            "<{}> without {}",
            tag.as_str(),
            attr.as_str()
        );
    }
}

/// The serialization may hold only allowed tags, properly nested, with
/// quoted attribute values; everything else is escaped text.
fn check_html(html: &str) {
    const TAGS: [&str; 33] = [
        "div",
        "button",
        "label",
        "input",
        "figure",
        "figcaption",
        "span",
        "bdi",
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "del",
        "a",
        "img",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        "br",
    ];
    const VOID: [&str; 4] = ["img", "hr", "br", "input"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        assert!(!rest[..lt].contains('>'), "unescaped '>' in text");
        rest = &rest[lt + 1..];
        let gt = rest.find('>').unwrap_or_else(|| panic!("unclosed tag"));
        let inside = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = inside.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "mismatched </{name}>");
            continue;
        }
        let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        assert!(TAGS.contains(&name), "<{name}> in the HTML");
        while !attrs.is_empty() {
            let (_, value) = attrs
                .split_once("=\"")
                .unwrap_or_else(|| panic!("attribute without a value in <{inside}>"));
            let (value, after) = value
                .split_once('"')
                .unwrap_or_else(|| panic!("unterminated attribute in <{inside}>"));
            assert!(!value.contains('<'), "unescaped '<' in an attribute");
            attrs = after.strip_prefix(' ').unwrap_or(after);
        }
        if !VOID.contains(&name) {
            open.push(name);
        }
    }
    assert!(!rest.contains('>'), "unescaped '>' in text");
    assert!(open.is_empty(), "unclosed elements {open:?}");
}

/// The number of top-level blocks pulldown-cmark finds, counting those the
/// renderer turns into elements (raw HTML blocks become nothing). The
/// options must match `markdown::render`'s.
fn top_level_blocks(text: &str) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut depth = 0usize;
    let mut count = 0;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                let element = matches!(
                    tag,
                    Md::Paragraph
                        | Md::Heading { .. }
                        | Md::BlockQuote(_)
                        | Md::CodeBlock(_)
                        | Md::List(_)
                        | Md::Table(_)
                );
                if depth == 0 && element {
                    count += 1;
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => count += 1,
            _ => {}
        }
    }
    count
}

fn text(field: &str, value: &str) {
    assert!(!value.trim().is_empty(), "{field} accepted empty");
}

fn positive(field: &str, value: Option<u32>) {
    assert_ne!(value, Some(0), "{field} accepted 0");
}

fn date_time(field: &str, value: &str) {
    assert!(
        date::precision(value).is_some(),
        "{field} {value:?} accepted"
    );
}

/// The URL policy accepts `url`, and a browser would find in it no scheme
/// outside the allowed ones (the scheme as the URL standard reads it:
/// after stripping C0 controls and spaces from the ends and removing tabs
/// and newlines, a letter then letters, digits, `+`, `-` or `.`, then `:`).
fn allowed_url(field: &str, url: &str) {
    assert!(
        safe_url::check(url).is_some(),
        "{field} {url:?} accepted but refused by the policy"
    );
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_len = cleaned
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_alphabetic() || (i > 0 && (c.is_ascii_digit() || "+-.".contains(c))))
        })
        .filter(|&(i, c)| i > 0 && c == ':')
        .map(|(i, _)| i);
    if let Some(len) = scheme_len {
        let scheme = cleaned[..len].to_ascii_lowercase();
        assert!(
            safe_url::ALLOWED_SCHEMES.contains(&scheme.as_str()),
            "{field} {url:?} has the scheme {scheme:?}"
        );
    }
}
