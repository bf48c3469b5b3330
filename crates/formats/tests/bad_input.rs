//! What the formats refuse: bad documents are errors named by their path
//! in the source format, a document of no known format (or not of the
//! format forced) says what was expected, and a photo or address the URL
//! policy refuses, or a relative one without a base, is left out.

#[path = "shared/reading.rs"]
mod reading;
use reading::{BASE, file, html, read};

use folio_formats::{self as formats, Format};
use serde_json::{Value, json};

fn error(value: &Value) -> (String, String) {
    let error = formats::read(&value.to_string(), None, None, Some(BASE))
        .expect_err("an error was expected");
    (error.path.clone(), error.to_string())
}

#[test]
fn bad_documents_name_the_source_path() {
    let mut ans: Value =
        serde_json::from_str(&file("../../www/sample/article.ans.json")).expect("JSON");
    let mut ld: Value =
        serde_json::from_str(&file("../../www/sample/article.jsonld.json")).expect("JSON");
    let mut cases = Vec::new();
    let mut case = |doc: &mut Value, edit: &dyn Fn(&mut Value), path: &str| {
        let before = doc.clone();
        edit(doc);
        cases.push((doc.clone(), path.to_string()));
        *doc = before;
    };
    case(
        &mut ans,
        &|d| d["headlines"]["basic"] = json!(42),
        "headlines.basic",
    );
    case(&mut ans, &|d| d["headlines"] = json!({}), "headlines.basic");
    case(
        &mut ans,
        &|d| d["promo_items"]["basic"]["width"] = json!("wide"),
        "promo_items.basic.width",
    );
    case(
        &mut ans,
        &|d| d["display_date"] = json!("soon"),
        "display_date",
    );
    case(
        &mut ans,
        &|d| {
            for key in [
                "display_date",
                "first_publish_date",
                "publish_date",
                "created_date",
            ] {
                d.as_object_mut().map(|o| o.remove(key));
            }
        },
        "first_publish_date",
    );
    case(&mut ans, &|d| d["type"] = json!("video"), "type");
    // No text and no address to continue at (with one, a card: below).
    case(
        &mut ans,
        &|d| {
            d["content_elements"] = json!([]);
            for key in ["canonical_url", "canonical_url_external", "website_url"] {
                d.as_object_mut().map(|o| o.remove(key));
            }
            d["websites"] = json!({});
        },
        "content_elements",
    );
    case(
        &mut ans,
        &|d| {
            d.as_object_mut().map(|o| o.remove("_id"));
            d.as_object_mut().map(|o| o.remove("canonical_url"));
            d["websites"] = json!({});
        },
        "_id",
    );
    case(
        &mut ld,
        &|d| d["@graph"][2]["width"] = json!({"value": "wide"}),
        "@graph[2].width",
    );
    case(
        &mut ld,
        &|d| d["@graph"][3]["image"] = json!([{"url": "x.jpg", "width": -1, "caption": "c"}]),
        "@graph[3].image[0].width",
    );
    case(
        &mut ld,
        &|d| d["@graph"][3]["datePublished"] = json!("13/09/2020"),
        "@graph[3].datePublished",
    );
    case(
        &mut ld,
        &|d| {
            for key in ["articleBody", "url", "mainEntityOfPage"] {
                d["@graph"][3].as_object_mut().map(|o| o.remove(key));
            }
        },
        "@graph[3].articleBody",
    );
    case(
        &mut ld,
        &|d| d["@graph"][3]["headline"] = json!([]),
        "@graph[3].headline",
    );
    case(&mut ld, &|d| d["@graph"][3]["@type"] = json!("Recipe"), "");
    for (doc, path) in cases {
        let (found, message) = error(&doc);
        assert_eq!(found, path, "{message}");
        assert!(
            message.contains(&format!("`{path}`")) || path.is_empty(),
            "{message}"
        );
    }
    let (_, message) =
        error(&json!({"@graph": [{"@type": "Organization"}, {"@type": ["WebPage"]}]}));
    assert!(
        message.contains("the types found: Organization, WebPage"),
        "{message}"
    );
}

#[test]
fn a_photo_or_address_the_url_policy_refuses_is_left_out_with_a_notice() {
    let mut ans: Value =
        serde_json::from_str(&file("../../www/sample/article.ans.json")).expect("JSON");
    ans["promo_items"]["basic"]["url"] = json!("javascript:alert(1)");
    ans["canonical_url_external"] = json!("javascript:alert(2)");
    let read = read(&ans.to_string());
    assert_eq!(read.article.image, None);
    assert_eq!(read.notices.len(), 1, "{:?}", read.notices);
    assert_eq!(read.notices[0].path, "promo_items.basic.url");
    assert!(
        read.article
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://news.example/"))
    );
}

#[test]
fn a_document_of_no_known_format_says_what_was_expected() {
    let none = "The article is none of the formats Folio reads: Article JSON v1";
    for (doc, path, expected) in [
        (json!({"title": "x"}), "", none),
        (json!([1, 2]), "", none),
        (json!("text"), "", none),
        (
            json!({"type": "gallery", "version": "0.10.9"}),
            "type",
            "`type` must be \"story\": Folio reads ANS stories, not gallery documents.",
        ),
    ] {
        let error = formats::read(&doc.to_string(), None, None, None).expect_err("not an article");
        let message = error.to_string();
        assert_eq!(error.path, path, "{doc}: {message}");
        assert!(message.starts_with(expected), "{doc}: {message}");
    }
}

#[test]
fn a_forced_format_is_the_only_one_tried() {
    let ans = file("../../www/sample/article.ans.json");
    let forced = formats::read(&ans, None, Some(Format::Folio), Some(BASE)).expect_err("not v1");
    assert_eq!(forced.path, "id");
    let seed = file("../../www/sample/article.json");
    assert_eq!(read(&seed).format, Format::Folio);
    let error = formats::read(&seed, None, Some(Format::JsonLd), None).expect_err("not JSON-LD");
    assert!(
        error.to_string().contains("no schema.org article"),
        "{error}"
    );
    assert_eq!(Format::named("JSON-LD"), Some(Format::JsonLd));
    assert_eq!(Format::named("html"), None);
}

#[test]
fn relative_urls_never_stay_relative() {
    let mut doc: Value =
        serde_json::from_str(&file("../../www/sample/article.ans.json")).expect("JSON");
    doc["content_elements"][0]["content"] = json!("See <a href=\"/news\">the news</a>.");
    let read = formats::read(&doc.to_string(), None, None, None).expect("reads");
    assert_eq!(
        read.article.image, None,
        "a relative photo without a base is left out"
    );
    assert!(
        html(&read.article).contains("<p>See the news.</p>"),
        "{}",
        html(&read.article)
    );
    assert_eq!(read.notices.len(), 1, "{:?}", read.notices);
}
