//! ANS and schema.org JSON-LD read into the model: the seed article in
//! each format reads as Article JSON v1 does, the tricky shapes map as the
//! README's tables say, and a page gives its JSON-LD article (what the
//! formats refuse is in `bad_input.rs`).

#[path = "shared/reading.rs"]
mod reading;
use reading::{BASE, file, html, read};

use folio_core::model::{self, Article};
use folio_formats::{self as formats, Format, Read};
use serde_json::{Value, json};

/// The seed article as Article JSON v1 reads it, its image resolved as
/// the widget resolves it, without what other formats cannot carry.
fn seed() -> Article {
    let mut article = model::parse(&file("../../www/sample/article.json")).expect("the seed reads");
    if let Some(image) = &mut article.image {
        image.src = folio_core::url::resolve(&image.src, Some(BASE)).expect("resolves");
    }
    article.read_more = None;
    article.support = None;
    article
}

fn same_as_seed(read: Read, format: Format, url: &str, id: &str) {
    let seed = seed();
    assert_eq!(read.format, format);
    assert_eq!(read.notices, []);
    let mut article = read.article;
    assert_eq!(
        html(&article),
        html(&seed),
        "the body renders as the seed's"
    );
    assert_eq!(article.url.as_deref(), Some(url));
    assert_eq!(article.id, id);
    article.id = seed.id.clone();
    article.body = seed.body.clone();
    article.url = seed.url.clone();
    if let (Some(publisher), Some(seed)) = (&mut article.publisher, &seed.publisher) {
        publisher.url = seed.url.clone();
    }
    assert_eq!(article, seed);
}

#[test]
fn the_seed_in_ans_reads_as_the_seed() {
    let read = read(&file("../../www/sample/article.ans.json"));
    let url = "https://news.example/2020/09/13/putin-backs-lukashenkos-eventual-succession-in-belarus-bloomberg";
    same_as_seed(read, Format::Ans, url, "putin-backs-lukashenko-succession");
}

#[test]
fn the_seed_in_json_ld_reads_as_the_seed() {
    let read = read(&file("../../www/sample/article.jsonld.json"));
    let url = seed().url.expect("the seed has a URL");
    same_as_seed(read, Format::JsonLd, &url, &format!("{url}#article"));
}

#[test]
fn every_ans_element_maps_as_the_table_says() {
    let read = read(&file("tests/formats/ans-every-element.json"));
    let a = &read.article;
    assert_eq!(a.id, "ELEMENTS42");
    assert_eq!(a.lang.as_deref(), Some("en-GB"));
    assert_eq!(a.kicker.as_deref(), Some("Analysis"));
    assert_eq!(a.headline, "Every element & its “shape”");
    assert_eq!(a.standfirst.as_deref(), Some("What an ANS story can hold."));
    assert_eq!(a.authors, ["Anna\u{a0}Ivanova", "Bloomberg"]);
    assert_eq!(a.published, "2024-06-25T07:00:00Z");
    assert_eq!(a.updated.as_deref(), Some("2024-06-25T12:30:00+03:00"));
    let image = a
        .image
        .as_ref()
        .expect("the video's promo image is the hero");
    assert_eq!(image.src, "https://news.example/photos/hero.jpg");
    assert_eq!(image.alt, "Protesters in Minsk – August 2020.");
    assert_eq!(
        image.credit.as_deref(),
        Some("Jane Roe, John Doe / Reuters")
    );
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));

    let related: Vec<(&str, &str)> = a
        .related
        .iter()
        .map(|r| (r.headline.as_str(), r.url.as_str()))
        .collect();
    assert_eq!(
        related,
        [
            (
                "The summit, day one",
                "https://news.example/world/2024/06/24/summit/"
            ),
            ("Elsewhere", "https://other.example/a"),
            ("Story 1", "https://news.example/world/1/"),
            ("Story 2", "https://news.example/world/2/"),
            ("Story 3", "https://news.example/world/3/"),
            ("Story 4", "https://news.example/world/4/"),
        ]
    );
    let summit = &a.related[0];
    assert_eq!(summit.published.as_deref(), Some("2024-06-24T09:00:00Z"));
    let photo = summit.image.as_ref().expect("the summit's promo photo");
    assert_eq!(photo.src, "https://news.example/photos/summit.jpg");
    assert_eq!(photo.alt, "Two leaders at a table");
    assert_eq!((photo.width, photo.height), (Some(800), Some(450)));
    // No date that reads as one, no photo without a text alternative.
    assert_eq!(
        (&a.related[1].published, &a.related[1].image),
        (&None, &None)
    );

    let body = html(a);
    for expected in [
        "<p>MINSK — First <strong>bold</strong>, <em>tilted</em>, <del>struck</del>, a <a href=\"https://news.example/world/other\">relative link</a> and a bad one.<br>",
        "Second line &lt;script&gt;alert(1)&lt;/script&gt; 1. not a list # nor a heading *nor emphasis*</p>",
        "<p>A paragraph in a p</p>",
        "<h2>A level-one header</h2>",
        "<h2>A header with no level</h2>",
        "<h5>A level-five header</h5>",
        "<ul>\n<li>Apples<ol>\n<li>Green</li>\n<li>Red</li>\n</ol>\n</li>\n<li>Pears</li>\n</ul>",
        "<th>City</th>",
        "<td>100,000 | more</td>",
        "<figure class=\"folio-pullquote\">\n<blockquote>\n<p>We will not give up.</p>\n</blockquote>\n<figcaption class=\"folio-pullquote__by\">— A protester</figcaption>\n</figure>",
        "<blockquote>\n<p>An old quote</p>\n</blockquote>",
        "<figure class=\"folio-figure folio-figure--body\"><img class=\"folio-figure__image\" src=\"https://news.example/world/2024/06/25/every-element/inline.jpg\" alt=\"A caption\" loading=\"lazy\" decoding=\"async\">\
<figcaption class=\"folio-figure__caption\"><span class=\"folio-figure__text\" dir=\"auto\">A caption</span><span class=\"folio-figure__credit\"><bdi>Photo Desk</bdi></span></figcaption>",
        "<a href=\"https://news.example/world/related\">Related: the summit</a>",
        "<p><strong>More on Belarus</strong></p>",
        "<li><a href=\"https://news.example/b\">Story B</a></li>",
        "<hr>",
        "<p><strong>Correction:</strong> An earlier version misspelled a name.</p>",
        "<pre><code class=\"language-python\">print(\"```\")\nx = 1\n</code></pre>",
        "<p>Inside a group</p>",
        "<figure class=\"folio-embed folio-embed--video\" data-provider=\"YouTube\" data-player=\"https://www.youtube-nocookie.com/embed/abc\">",
        "<p class=\"folio-embed__title\" dir=\"auto\">The speech</p>",
        "<a class=\"folio-embed__link\" href=\"https://www.youtube.com/watch?v=abc\">Open on YouTube</a>",
        "<a href=\"https://polls.example/1\">https://polls.example/1</a>",
        "<figure class=\"folio-embed folio-embed--video\" data-provider=\"news.example\">",
        "<p class=\"folio-embed__title\" dir=\"auto\">Watch the video</p>",
        "<a class=\"folio-embed__link\" href=\"https://news.example/video/2024/06/25/the-video/\">Open on news.example</a>",
        "<div class=\"folio-gallery\" role=\"group\" aria-label=\"Photo gallery\" data-position=\"{current} of {total}\">",
        "<img class=\"folio-figure__image\" src=\"https://news.example/g1.jpg\" alt=\"Morning\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\"><figcaption class=\"folio-figure__caption\"><span class=\"folio-figure__text\" dir=\"auto\">The first net</span><span class=\"folio-figure__credit\"><bdi>Ivan Sorokin</bdi></span></figcaption>",
        "<img class=\"folio-figure__image\" src=\"https://news.example/g2.jpg\" alt=\"Evening\" loading=\"lazy\" decoding=\"async\"></figure>",
        "<figure class=\"folio-embed folio-embed--video\" data-provider=\"News Video\" data-width=\"1280\" data-height=\"720\" data-player=\"https://video.news.example/embed/7\">",
        "<p class=\"folio-embed__text\" dir=\"auto\">A piano stool comes out.</p>",
        "<figure class=\"folio-embed folio-embed--post\" data-provider=\"X\" data-player=\"https://platform.twitter.com/embed/Tweet.html?id=123456&amp;dnt=true\">",
        "<p class=\"folio-embed__text\" dir=\"auto\">Four tonnes &amp; counting. — River Post (@riverpost)</p>",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in\n{body}");
    }
    for absent in [
        "Only for apps",
        "duplicate of the hero",
        "raw",
        "iframe",
        "no-words.jpg",
        "Photos",
    ] {
        assert!(
            !body.contains(absent),
            "{absent:?} should be left out:\n{body}"
        );
    }
    let noticed: Vec<&str> = read.notices.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(
        noticed,
        [
            "related_content.basic[1]",
            "related_content.basic[7]",
            "content_elements[14]",
            "content_elements[21]",
            "content_elements[23]",
            "content_elements[24]",
            "content_elements[25]",
            "content_elements[26]",
            "content_elements[27]",
        ],
        "{:#?}",
        read.notices
    );
    assert!(read.notices.iter().all(|n| n.message.ends_with('.')));
}

#[test]
fn a_yoast_graph_maps_as_the_table_says() {
    let read = read(&file("tests/formats/yoast-graph.json"));
    let a = &read.article;
    assert_eq!(read.format, Format::JsonLd);
    assert_eq!(a.id, "https://blog.example/2024/06/25/summit/#article");
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.example/2024/06/25/summit/")
    );
    assert_eq!(a.headline, "The summit in Sochi – what we know");
    assert_eq!(a.kicker.as_deref(), Some("World"));
    assert_eq!(a.lang.as_deref(), Some("en-US"));
    assert_eq!(a.authors, ["Jane Doe", "Guest Writer"]);
    assert_eq!(
        a.publisher.as_ref().map(|p| p.name.as_str()),
        Some("Blog Example")
    );
    assert_eq!(a.published, "2024-06-25T09:15:00+03:00");
    assert_eq!(a.updated, None, "modified at the same instant is no update");
    let image = a.image.as_ref().expect("the referenced ImageObject");
    assert_eq!(
        image.src,
        "https://blog.example/wp-content/uploads/summit.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    assert_eq!(image.alt, "Leaders meet in Sochi");
    assert_eq!(
        html(a),
        "<p>Leaders met in Sochi on Monday.</p>\n<p>They spoke for four hours &amp; agreed on *nothing* new.</p>\n<p>1. This line is not a list.</p>\n"
    );
}

/// A check of what an article read to.
type Check = Box<dyn Fn(&Article)>;

fn article_ld() -> Value {
    json!({
        "@context": "http://schema.org/",
        "@type": "ReportageNewsArticle",
        "url": "https://news.example/a",
        "headline": "A headline",
        "datePublished": "2024-06-25",
        "articleBody": "Text.",
    })
}

#[test]
fn json_ld_authors_images_and_dates_in_every_shape() {
    let cases: Vec<(Value, Check)> = vec![
        (
            json!({"author": "Jane Doe"}),
            Box::new(|a| assert_eq!(a.authors, ["Jane Doe"])),
        ),
        (
            json!({"author": [{"@type": "Person", "name": "A"}, {"@type": "Person", "name": "B and C"}, {"@type": "Organization", "name": "Org"}]}),
            Box::new(|a| assert_eq!(a.authors, ["A", "B and C", "Org"])),
        ),
        (
            json!({"creator": ["X", "Y"]}),
            Box::new(|a| assert_eq!(a.authors, ["X", "Y"])),
        ),
        (
            json!({"datePublished": "2018-04-05T06:00"}),
            Box::new(|a| assert_eq!(a.published, "2018-04-05T06:00:00")),
        ),
        (
            json!({"datePublished": "2017-11-03 03:01:00.000000"}),
            Box::new(|a| assert_eq!(a.published, "2017-11-03 03:01:00.000000")),
        ),
        (
            json!({"dateModified": "2024-06-26T10:00:00+0100"}),
            Box::new(|a| assert_eq!(a.updated.as_deref(), Some("2024-06-26T10:00:00+01:00"))),
        ),
        (
            json!({"image": "//cdn.example/p.jpg"}),
            Box::new(|a| assert_eq!(a.image, None, "no words to describe it")),
        ),
        (
            json!({"image": ["https://cdn.example/1x1.jpg", {"@type": "ImageObject", "contentUrl": "https://cdn.example/16x9.jpg", "width": 1600, "name": "Wide"}]}),
            Box::new(|a| {
                assert_eq!(
                    a.image.as_ref().map(|i| i.src.as_str()),
                    Some("https://cdn.example/16x9.jpg")
                )
            }),
        ),
        (
            json!({"image": {"@list": [{"@type": "ImageObject", "url": "p.jpg", "caption": {"@type": "MediaObject", "text": "In words"}, "width": {"@type": "Intangible", "name": "1160"}, "creator": {"@type": "Person", "name": "Photographer"}}]}}),
            Box::new(|a| {
                let image = a.image.as_ref().expect("an image");
                assert_eq!(image.src, "https://news.example/sample/p.jpg");
                assert_eq!(image.caption.as_deref(), Some("In words"));
                assert_eq!(image.width, Some(1160));
                assert_eq!(image.credit.as_deref(), Some("Photographer"));
            }),
        ),
        (
            json!({"inLanguage": {"@type": "Language", "name": "pt_BR"}}),
            Box::new(|a| assert_eq!(a.lang.as_deref(), Some("pt-BR"))),
        ),
        (
            json!({"headline": {"@value": "Valued", "@language": "en"}}),
            Box::new(|a| assert_eq!(a.headline, "Valued")),
        ),
        (
            json!({"headline": null, "name": "By name"}),
            Box::new(|a| assert_eq!(a.headline, "By name")),
        ),
    ];
    for (patch, check) in cases {
        let mut doc = article_ld();
        for (key, value) in patch.as_object().expect("an object") {
            doc[key] = value.clone();
        }
        let read = read(&doc.to_string());
        check(&read.article);
    }
    let listed = json!([{"@type": "WebSite", "name": "Site"}, article_ld()]);
    assert_eq!(read(&listed.to_string()).article.headline, "A headline");
}

#[test]
fn a_page_gives_its_json_ld_article() {
    let ld = file("../../www/sample/article.jsonld.json");
    let page = format!(
        "<!doctype html><html><head><script>document.title='x'</script>\
         <script type=\"application/ld+json\">{{ not json }}</script>\
         <script type=\"application/ld+json\">{ld}</script></head><body><p>Hi</p></body></html>"
    );
    let read = read(&page);
    assert_eq!(read.format, Format::JsonLd);
    assert_eq!(read.article.headline, seed().headline);
    assert_eq!(read.notices.len(), 1, "{:?}", read.notices);
    assert_eq!(read.notices[0].path, "script[0]");
    let none =
        formats::read("<html><body>no data</body></html>", None, None, None).expect_err("none");
    assert!(none.to_string().contains("no JSON-LD"), "{none}");
}

#[test]
fn a_story_without_text_reads_as_a_card_with_a_notice_naming_where_the_text_would_be() {
    // JSON-LD with no articleBody, as Yoast's graph and many publishers' pages have.
    let mut ld: Value =
        serde_json::from_str(&file("../../www/sample/article.jsonld.json")).unwrap();
    ld["@graph"][3]
        .as_object_mut()
        .unwrap()
        .remove("articleBody");
    let card = read(&ld.to_string());
    assert_eq!(card.article.body, None);
    assert!(
        card.article.url.is_some(),
        "a card continues at the article's address"
    );
    let notice = card
        .notices
        .iter()
        .find(|n| n.path == "@graph[3].articleBody");
    assert!(
        notice.is_some_and(|n| n.message.contains("card")),
        "{:?}",
        card.notices
    );
    // An ANS story with no text yet.
    let mut ans: Value = serde_json::from_str(&file("../../www/sample/article.ans.json")).unwrap();
    ans["content_elements"] = json!([]);
    let card = read(&ans.to_string());
    assert_eq!(card.article.body, None);
    assert!(card.notices.iter().any(|n| n.path == "content_elements"));
    // What the converter hands the core reads the same, checked there.
    let converted = formats::convert(&ans.to_string(), None, Some(BASE)).unwrap();
    let checked = model::parse_mapped(&converted.json, &converted.origins).unwrap();
    assert_eq!(checked, card.article);
}

#[test]
fn json_ld_videos_are_embeds_after_the_text() {
    let page = r#"{
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://news.example/crane#article",
      "headline": "The crane",
      "datePublished": "2024-05-19",
      "articleBody": "The organisers filmed it.",
      "video": {
        "@type": "VideoObject",
        "name": "A piano stool comes out",
        "description": "Four minutes on the river.",
        "embedUrl": "https://www.youtube.com/embed/M7lc1UVf-VE"
      },
      "associatedMedia": [
        { "@type": "ImageObject", "contentUrl": "https://news.example/a.jpg" },
        { "@type": "VideoObject", "name": "The quay", "url": "https://video.news.example/v/9",
          "embedUrl": "https://video.news.example/embed/9", "width": 640, "height": 360 }
      ]
    }"#;
    let read = read(page);
    let a = &read.article;
    assert_eq!(
        a.body.as_deref(),
        Some(
            "The organisers filmed it.\n\n\
             [A piano stool comes out](<https://www.youtube.com/embed/M7lc1UVf-VE>)\n\n\
             [The quay](<https://video.news.example/v/9>)"
        )
    );
    let body = html(a);
    for expected in [
        "data-provider=\"YouTube\" data-player=\"https://www.youtube-nocookie.com/embed/M7lc1UVf-VE\"",
        "<p class=\"folio-embed__title\" dir=\"auto\">A piano stool comes out</p>",
        "<p class=\"folio-embed__text\" dir=\"auto\">Four minutes on the river.</p>",
        "data-provider=\"video.news.example\" data-width=\"640\" data-height=\"360\" data-player=\"https://video.news.example/embed/9\"",
        "<a class=\"folio-embed__link\" href=\"https://video.news.example/v/9\">Open on video.news.example</a>",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in\n{body}");
    }
}
