//! The body's markup: links that leave the page, characters outside the
//! basic plane, and markup that parses to the same DOM as building node by
//! node.

use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::{all, mount, sample, text};

#[wasm_bindgen_test]
fn only_links_that_leave_the_page_origin_get_rel() {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let mut article = sample();
    article["body"] = json!(format!(
        "[near](/local) [here]({origin}/x?y) [far](https://elsewhere.example/) \
         [sly](http://127.0.0.1.evil.example/) [proto](//elsewhere.example/) [mail](mailto:desk@example.org)"
    ));
    let base = format!("{origin}/articles/a.json");
    let (_host, root, _widget) = mount(&article.to_string(), Some(&base));
    let links = root.query_selector_all(".folio-body a").unwrap();
    let rels: Vec<(String, Option<String>)> = (0..links.length())
        .map(|i| links.item(i).unwrap().unchecked_into::<web_sys::Element>())
        .map(|a| (a.text_content().unwrap(), a.get_attribute("rel")))
        .collect();
    let far = Some("noopener noreferrer".to_string());
    assert_eq!(
        rels,
        [
            ("near".to_string(), None),
            ("here".to_string(), None),
            ("far".to_string(), far.clone()),
            ("sly".to_string(), far.clone()),
            ("proto".to_string(), far),
            ("mail".to_string(), None),
        ]
    );
}

#[wasm_bindgen_test]
fn text_outside_the_basic_plane_keeps_every_character() {
    let mut article = sample();
    article["body"] = json!(
        "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, café, 日本語.\n\n[😀 link 𝔘](https://example.org/😀?q=日本) after *ü𝔘*"
    );
    let (_host, root, _widget) = mount(&article.to_string(), None);
    let paragraphs = all(&root, ".folio-body > .folio-chunk > p");
    assert_eq!(
        paragraphs[0].text_content().as_deref(),
        Some("Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, café, 日本語.")
    );
    assert_eq!(
        paragraphs[1].text_content().as_deref(),
        Some("😀 link 𝔘 after ü𝔘")
    );
    let link = root.query_selector(".folio-body a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/😀?q=日本")
    );
    assert_eq!(text(&root, ".folio-body em"), "ü𝔘");
}

/// Markdown that stresses the serializer: every construct, characters the
/// HTML parser treats specially, and content at the nesting limit.
fn markup_cases() -> Vec<String> {
    let mut cases: Vec<String> = [
        include_str!("../../crates/core/tests/markdown/autolinks.md"),
        include_str!("../../crates/core/tests/markdown/blockquote.md"),
        include_str!("../../crates/core/tests/markdown/code.md"),
        include_str!("../../crates/core/tests/markdown/deep_nesting.md"),
        include_str!("../../crates/core/tests/markdown/emphasis.md"),
        include_str!("../../crates/core/tests/markdown/escapes.md"),
        include_str!("../../crates/core/tests/markdown/headings.md"),
        include_str!("../../crates/core/tests/markdown/images.md"),
        include_str!("../../crates/core/tests/markdown/links.md"),
        include_str!("../../crates/core/tests/markdown/lists.md"),
        include_str!("../../crates/core/tests/markdown/paragraphs.md"),
        include_str!("../../crates/core/tests/markdown/raw_html.md"),
        include_str!("../../crates/core/tests/markdown/reference_links.md"),
        include_str!("../../crates/core/tests/markdown/rule.md"),
        include_str!("../../crates/core/tests/markdown/table.md"),
        include_str!("../../crates/core/tests/markdown/unsafe_urls.md"),
        "a\0b `c\0d` [e](/f \"g\0h\")",
        "```\r\nline\rbreak\r\n```\n\ntext\rwith\r\nreturns",
        "```\n\n\nleading blank lines\n```",
        "&lt;b&gt; &amp;amp; &#60;i&#62; &quot;q&quot; <b>raw</b> & < > \"",
        "[a \"title\" & <link>](https://x.example/?a=1&b=\"2\" 'it''s')",
    ]
    .iter()
    .map(|case| case.to_string())
    .collect();
    for depth in 26..=34 {
        let q = "> ".repeat(depth);
        cases.push(format!("{q}```\n{q}\n{q}x\n{q}```\n"));
        cases.push(format!("{q}| a | b |\n{q}|---|--:|\n{q}| c | *d* |\n"));
        cases.push(format!("{q}- a\n{q}  - b\n\n{q}  c\n"));
    }
    // Random documents from pieces that open, close and escape things.
    let pieces = [
        "a",
        "word ",
        " ",
        "\n",
        "\n\n",
        "*",
        "_",
        "**",
        "`",
        "```\n",
        "~~",
        "[",
        "]",
        "(",
        ")",
        "](",
        "](/x)",
        "<",
        ">",
        "&",
        "&amp;",
        "&#0;",
        "&#13;",
        "\"",
        "'",
        "\r",
        "\r\n",
        "\0",
        "\t",
        "    ",
        "> ",
        "- ",
        "1. ",
        "3) ",
        "# ",
        "## ",
        "|",
        "| a | b |\n|---|:-:|\n",
        "---\n",
        "![",
        "https://x.example/a?b=1&c=2",
        "javascript:",
        "<b>",
        "</p>",
        "<!--",
        "\\",
        "é",
        "😀",
        "\u{200B}",
        "<https://y.example>",
        "[r]",
        "[r]: /ref\n",
    ];
    // A fixed sequence (xorshift), so that a failure repeats.
    let mut state = 0x5EED_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..3000 {
        let len = 1 + next(60);
        cases.push((0..len).map(|_| pieces[next(pieces.len())]).collect());
    }
    cases
}

#[wasm_bindgen_test]
fn markup_parses_to_the_same_dom_as_building_node_by_node() {
    let document = web_sys::window().unwrap().document().unwrap();
    let base = Some("https://publisher.example/news/story.json");
    for markdown in markup_cases() {
        let rendered = folio_core::markdown::render(&markdown);
        let blocks: Vec<_> = rendered.blocks.iter().map(|b| &**b).collect();
        let parsed = document.create_element("div").unwrap();
        let built = document.create_element("div").unwrap();
        let nodes = folio::dom::parse_into(&parsed, &blocks, base);
        assert_eq!(
            nodes.map(|n| n.length() as usize),
            Some(blocks.len()),
            "one node per block from the parser for {markdown:?}"
        );
        folio::dom::build_nodes(&built, &blocks, base);
        assert!(
            parsed.is_equal_node(Some(&built)),
            "{markdown:?}\nparsed: {}\nbuilt:  {}",
            parsed.inner_html(),
            built.inner_html()
        );
    }
}
