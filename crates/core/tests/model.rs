//! Article JSON v1: parsing, validation, and the error each bad field gives.
#![cfg(not(target_arch = "wasm32"))]

use folio_core::error::{ContentError, Problem};
use folio_core::model::{self, Frequency};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../www/sample/article.json");

/// The sample article with `pointer` set to `value` (or removed when `None`).
fn edited(pointer: &str, value: Option<Value>) -> String {
    let mut article: Value = serde_json::from_str(SAMPLE).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = article.pointer_mut(parent).unwrap();
    match (parent, value) {
        (Value::Object(map), Some(v)) => drop(map.insert(key.into(), v)),
        (Value::Object(map), None) => drop(map.remove(key)),
        (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v,
        _ => panic!("cannot edit {pointer}"),
    }
    article.to_string()
}

fn error_of(json: &str) -> ContentError {
    model::parse(json).expect_err("the article should be refused")
}

/// The error the support block carries (the article itself still parses).
fn support_error_of(json: &str) -> ContentError {
    let article = model::parse(json).expect("the article still parses");
    article
        .support
        .expect("support present")
        .expect_err("support refused")
}

#[test]
fn the_sample_article_parses_with_every_part() {
    let article = model::parse(SAMPLE).unwrap();
    assert_eq!(article.id, "putin-backs-lukashenko-succession");
    assert!(article.headline.starts_with("Putin Backs Lukashenko"));
    let image = article.image.unwrap();
    assert_eq!(image.credit.as_deref(), Some("Mikhail Metzel / TASS"));
    assert_eq!((image.width, image.height), (Some(1280), Some(853)));
    let support = article.support.unwrap().unwrap();
    assert_eq!(support.after_paragraph, Some(4));
    assert_eq!(support.amounts[0].frequency, Frequency::Monthly);
    assert!(support.amounts[0].default);
    assert_eq!(
        support.decline.unwrap().label.as_deref(),
        Some("Remind me later")
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let json = edited("/image/futureField", Some(json!({"anything": [1, 2]})));
    assert!(model::parse(&json).is_ok());
    let json = edited("/sponsor", Some(json!("Acme")));
    assert!(model::parse(&json).is_ok());
}

#[test]
fn a_minimal_article_needs_only_id_headline_published_and_body() {
    let json = r#"{"id":"1","headline":"H","published":"2020-09-13T18:04:00Z","body":"B"}"#;
    let article = model::parse(json).unwrap();
    assert!(article.image.is_none() && article.support.is_none() && article.authors.is_empty());
}

#[test]
fn each_missing_required_field_is_named() {
    for (pointer, path) in [
        ("/id", "id"),
        ("/headline", "headline"),
        ("/published", "published"),
        ("/image/src", "image.src"),
        ("/image/alt", "image.alt"),
        ("/publisher/name", "publisher.name"),
        ("/readMore/href", "readMore.href"),
    ] {
        let error = error_of(&edited(pointer, None));
        assert_eq!(
            (error.path.as_str(), &error.problem),
            (path, &Problem::Missing)
        );
        assert_eq!(
            error.to_string(),
            format!("`{path}` is required but missing.")
        );
    }
}

#[test]
fn an_article_without_text_is_a_card_when_it_has_an_address_and_an_error_without() {
    let card = model::parse(&edited("/body", None)).expect("a card");
    assert_eq!(card.body, None);
    assert!(card.url.is_some());
    let mut neither: Value = serde_json::from_str(&edited("/body", None)).unwrap();
    neither.as_object_mut().unwrap().remove("url");
    let error = error_of(&neither.to_string());
    assert_eq!(error.path, "body");
    assert_eq!(
        error.to_string(),
        "`body` is required but missing (an article without text needs a `url` to continue at)."
    );
    // Text given is text: empty text is no card.
    let empty = error_of(&edited("/body", Some(json!(" "))));
    assert_eq!(
        (empty.path.as_str(), &empty.problem),
        ("body", &Problem::Empty)
    );
}

#[test]
fn each_missing_required_support_field_is_named() {
    for (pointer, path) in [
        ("/support/campaign", "support.campaign"),
        ("/support/heading", "support.heading"),
        ("/support/cta", "support.cta"),
        ("/support/cta/label", "support.cta.label"),
        ("/support/amounts/1/value", "support.amounts[1].value"),
    ] {
        let error = support_error_of(&edited(pointer, None));
        assert_eq!(
            (error.path.as_str(), &error.problem),
            (path, &Problem::Missing)
        );
    }
}

#[test]
fn empty_required_text_is_refused() {
    for (pointer, path) in [
        ("/id", "id"),
        ("/headline", "headline"),
        ("/body", "body"),
        ("/image/alt", "image.alt"),
        ("/authors", "authors[0]"),
    ] {
        let value = if pointer == "/authors" {
            json!(["  "])
        } else {
            json!(" \n ")
        };
        let error = error_of(&edited(pointer, Some(value)));
        assert_eq!((error.path.as_str(), error.problem), (path, Problem::Empty));
    }
    let error = support_error_of(&edited("/support/heading", Some(json!(""))));
    assert_eq!(error.to_string(), "`support.heading` must not be empty.");
}

#[test]
fn wrong_types_say_what_was_expected_and_found() {
    let error = error_of(&edited("/headline", Some(json!(42))));
    assert_eq!(
        error.to_string(),
        "`headline` must be text, not the number 42."
    );
    let error = error_of(&edited("/image/width", Some(json!("wide"))));
    assert_eq!(error.path, "image.width");
    assert!(
        error.to_string().contains("must be a whole number"),
        "{error}"
    );
    let error = error_of(&edited("/authors", Some(json!("Jane Doe"))));
    assert_eq!(
        error.to_string(),
        "`authors` must be a list, not text (\"Jane Doe\")."
    );
    let error =
        error_of(&edited("/image", Some(json!(null))).replace("\"image\":null", "\"image\":[]"));
    assert_eq!(error.to_string(), "`image` must be an object, not a list.");
    let error = error_of(&edited("/headline", Some(json!(null))));
    assert_eq!(error.to_string(), "`headline` must be text, not null.");
}

#[test]
fn sizes_must_be_positive_whole_numbers() {
    let error = error_of(&edited("/image/width", Some(json!(0))));
    assert_eq!(
        error.to_string(),
        "`image.width` must be more than 0 (it is 0)."
    );
    let error = error_of(&edited("/image/height", Some(json!(-5))));
    assert_eq!(error.path, "image.height");
    assert!(error.to_string().contains("-5 is out of range"), "{error}");
    let error = error_of(&edited("/image/height", Some(json!(1e12))));
    assert_eq!(error.path, "image.height");
}

#[test]
fn dates_must_be_rfc3339() {
    let error = error_of(&edited("/published", Some(json!("13 September 2020"))));
    assert_eq!(error.path, "published");
    assert!(matches!(error.problem, Problem::BadDate(_)));
    let error = error_of(&edited("/updated", Some(json!("2020-02-30T10:00:00Z"))));
    assert_eq!(error.path, "updated");
}

#[test]
fn urls_must_be_allowed_by_the_policy() {
    for (pointer, path, image) in [
        ("/url", "url", false),
        ("/image/src", "image.src", true),
        ("/publisher/url", "publisher.url", false),
        ("/readMore/href", "readMore.href", false),
    ] {
        let error = error_of(&edited(pointer, Some(json!("javascript:alert(1)"))));
        assert_eq!(error.path, path);
        match error.problem {
            Problem::BadImageUrl(_) => assert!(image, "{path}: an image error"),
            Problem::BadUrl(_) => assert!(!image, "{path}: a link error"),
            other => panic!("{path}: {other:?}"),
        }
    }
    // Images may not point at mail or phone numbers, nor at hosts a
    // browser cannot parse.
    for (pointer, value) in [
        ("/image/src", "mailto:desk@example.org"),
        ("/image/srcset", "hero.svg 1x, tel:+15551234 2x"),
        ("/image/src", "//javascript:alert(1)"),
        ("/readMore/href", "https://host:port/"),
    ] {
        let error = error_of(&edited(pointer, Some(json!(value))));
        assert_eq!(error.path, pointer[1..].replace('/', "."), "{value}");
    }
    let srcset = json!("https://ok.example/a.jpg 640w, data:image/png;base64,AA 1280w");
    let error = error_of(&edited("/image/srcset", Some(srcset)));
    assert_eq!(error.path, "image.srcset");
    let error = support_error_of(&edited("/support/cta/href", Some(json!("https://"))));
    assert_eq!(error.path, "support.cta.href");
    let error = support_error_of(&edited("/support/banner/href", Some(json!("vbscript:x"))));
    assert_eq!(error.path, "support.banner.href");
}

#[test]
fn language_tags_are_checked() {
    assert!(model::parse(&edited("/lang", Some(json!("pt-BR")))).is_ok());
    let error = error_of(&edited("/lang", Some(json!("english please"))));
    assert_eq!(error.path, "lang");
    assert!(matches!(error.problem, Problem::BadLanguage(_)));
}

#[test]
fn after_paragraph_must_be_zero_or_more() {
    let article = model::parse(&edited("/support/afterParagraph", Some(json!(0)))).unwrap();
    assert_eq!(article.support.unwrap().unwrap().after_paragraph, Some(0));
    let error = support_error_of(&edited("/support/afterParagraph", Some(json!(-1))));
    assert_eq!(error.path, "support.afterParagraph");
    let big = edited("/support/afterParagraph", Some(json!(9007199254740992u64)));
    assert!(model::parse(&big).unwrap().support.unwrap().is_ok());
}

#[test]
fn amounts_must_be_above_zero_with_one_default_at_most() {
    let error = support_error_of(&edited("/support/amounts/1/value", Some(json!(-2))));
    assert_eq!(
        error.to_string(),
        "`support.amounts[1].value` must be more than 0 (it is -2)."
    );
    let error = support_error_of(&edited("/support/amounts/2/value", Some(json!(0))));
    assert_eq!(error.path, "support.amounts[2].value");
    let second = json!({"label": "$10", "value": 10, "default": true});
    let error = support_error_of(&edited("/support/amounts/1", Some(second)));
    assert_eq!(
        (error.path.as_str(), error.problem),
        ("support.amounts[1].default", Problem::SecondDefault)
    );
    let error = support_error_of(&edited(
        "/support/amounts/0/frequency",
        Some(json!("weekly")),
    ));
    assert_eq!(error.path, "support.amounts[0].frequency");
    assert!(
        error
            .to_string()
            .contains("must be one of once, monthly, annual"),
        "{error}"
    );
}

#[test]
fn support_settings_are_checked() {
    let error = support_error_of(&edited("/support/currency", Some(json!("dollars"))));
    assert_eq!(error.path, "support.currency");
    let error = support_error_of(&edited("/support/decline/days", Some(json!(0))));
    assert_eq!(error.path, "support.decline.days");
    let error = support_error_of(&edited("/support/maxViews/count", Some(json!(0))));
    assert_eq!(error.path, "support.maxViews.count");
    let error = support_error_of(&edited(
        "/support/paymentMethods",
        Some(json!(["visa", ""])),
    ));
    assert_eq!(error.path, "support.paymentMethods[1]");
    let error = support_error_of(&edited("/support/supporters", Some(json!("ask"))));
    assert_eq!(error.path, "support.supporters");
    assert!(
        error.to_string().contains("must be one of thank, hide"),
        "{error}"
    );
    let error = support_error_of(&edited(
        "/support/reminder",
        Some(json!({"href": "javascript:alert(1)"})),
    ));
    assert_eq!(error.path, "support.reminder.href");
    let reminded = model::parse(&edited("/support/reminder", Some(json!({})))).unwrap();
    let reminder = reminded.support.unwrap().unwrap().reminder;
    assert_eq!(reminder, Some(model::Reminder { href: None }));
    for threshold in [json!(0), json!(1001), json!(-1), json!(2.5), json!("5")] {
        let error = support_error_of(&edited(
            "/support/articleCount",
            Some(json!({ "threshold": threshold })),
        ));
        assert_eq!(error.path, "support.articleCount.threshold", "{threshold}");
    }
    let cases = [
        (
            "/support/regions",
            json!([{"countries": ["gb"], "amounts": [{"value": 1}]}]),
            "support.regions[0].countries[0]",
        ),
        (
            "/support/regions",
            json!([{"countries": ["GB"], "amounts": [{"value": 1}]}, {"countries": ["IE", "GB"], "amounts": [{"value": 1}]}]),
            "support.regions[1].countries[1]",
        ),
        (
            "/support/regions",
            json!([{"countries": [], "amounts": [{"value": 1}]}]),
            "support.regions[0].countries",
        ),
        (
            "/support/regions",
            json!([{"countries": ["GB"], "amounts": []}]),
            "support.regions[0].amounts",
        ),
        (
            "/support/regions",
            json!([{"countries": ["GB"], "currency": "pounds", "amounts": [{"value": 1}]}]),
            "support.regions[0].currency",
        ),
        (
            "/support/regions",
            json!([{"countries": ["GB"], "amounts": [{"value": -1}]}]),
            "support.regions[0].amounts[0].value",
        ),
        (
            "/support/amounts",
            json!([{"value": 1, "recommended": true}, {"value": 2, "frequency": "monthly", "recommended": true}, {"value": 3, "recommended": true}]),
            "support.amounts[2].recommended",
        ),
        (
            "/support/benefits",
            json!({"monthly": ["a", " "]}),
            "support.benefits.monthly[1]",
        ),
        (
            "/support/benefits",
            json!({"annual": ["a", "b", "c", "d", "e", "f"]}),
            "support.benefits.annual",
        ),
        (
            "/support/frequencyTabs",
            json!("yes"),
            "support.frequencyTabs",
        ),
    ];
    for (path, value, field) in cases {
        let error = support_error_of(&edited(path, Some(value.clone())));
        assert_eq!(error.path, field, "{value}");
    }
    let counted = model::parse(&edited("/support/articleCount", Some(json!({})))).unwrap();
    let counted = counted.support.unwrap().unwrap().article_count;
    assert_eq!(counted, Some(model::ArticleCount { threshold: None }));
    let hidden = model::parse(&edited("/support/supporters", Some(json!("hide")))).unwrap();
    assert_eq!(
        hidden.support.unwrap().unwrap().supporters,
        Some(model::Supporters::Hide)
    );
}

#[test]
fn variants_are_named_once_weighted_within_bounds_and_checked_as_the_block() {
    let two = json!([
        {"name": "control", "weight": 1},
        {"name": "short", "weight": 3, "heading": "Help us", "body": "One *line*.",
         "amounts": [{"value": 3}], "cta": {"label": "Give", "href": "/give?v=short"}}
    ]);
    let article = model::parse(&edited("/support/variants", Some(two.clone()))).unwrap();
    let support = article.support.unwrap().unwrap();
    let names: Vec<_> = support
        .variants
        .iter()
        .map(|v| (v.name.as_str(), v.weight))
        .collect();
    assert_eq!(names, [("control", 1.0), ("short", 3.0)]);
    // What a variant leaves out comes from the block.
    let control = support.as_variant(&support.variants[0]);
    assert_eq!(
        (control.heading.as_str(), &control.amounts),
        (support.heading.as_str(), &support.amounts)
    );
    let short = support.as_variant(&support.variants[1]);
    assert_eq!(short.heading, "Help us");
    assert_eq!(short.body.as_deref(), Some("One *line*."));
    assert_eq!(
        short.amounts.iter().map(|a| a.value).collect::<Vec<_>>(),
        [3.0]
    );
    assert_eq!(short.cta.href, "/give?v=short");
    assert_eq!(short.campaign, support.campaign);

    let error_at = |pointer: &str, value: Value| {
        let mut variants = two.clone();
        *variants.pointer_mut(pointer).unwrap() = value;
        support_error_of(&edited("/support/variants", Some(variants))).to_string()
    };
    assert_eq!(
        error_at("/1/name", json!("control")),
        "`support.variants[1].name` is given twice."
    );
    assert_eq!(
        error_at("/0/name", json!(" ")),
        "`support.variants[0].name` must not be empty."
    );
    assert_eq!(
        error_at("/0/name", json!("n".repeat(101))),
        "`support.variants[0].name` must be at most 100 bytes long."
    );
    assert_eq!(
        error_at("/1/weight", json!(-1)),
        "`support.variants[1].weight` must be a number from 0 to 1000000 (it is -1)."
    );
    assert_eq!(
        error_at("/1/weight", json!(1e7)),
        "`support.variants[1].weight` must be a number from 0 to 1000000 (it is 10000000)."
    );
    assert!(
        error_at("/1/weight", json!("half"))
            .starts_with("`support.variants[1].weight` must be a number")
    );
    assert_eq!(
        error_at("/1/amounts/0/value", json!(0)),
        "`support.variants[1].amounts[0].value` must be more than 0 (it is 0)."
    );
    assert!(
        error_at("/1/cta/href", json!("javascript:alert(1)"))
            .starts_with("`support.variants[1].cta.href` must be")
    );
    assert_eq!(
        error_at("/1/heading", json!("")),
        "`support.variants[1].heading` must not be empty."
    );
    let none = json!([{"name": "a", "weight": 0}, {"name": "b", "weight": 0}]);
    assert_eq!(
        support_error_of(&edited("/support/variants", Some(none))).to_string(),
        "`support.variants` must give at least one variant a weight above 0."
    );
    let many: Vec<_> = (0..9)
        .map(|i| json!({"name": format!("v{i}"), "weight": 1}))
        .collect();
    assert_eq!(
        support_error_of(&edited("/support/variants", Some(json!(many)))).to_string(),
        "`support.variants` must list at most 8 variants (it lists 9)."
    );
    let unnamed = json!([{"weight": 1}]);
    assert_eq!(
        support_error_of(&edited("/support/variants", Some(unnamed))).path,
        "support.variants[0].name"
    );
}

#[test]
fn a_bad_support_block_leaves_the_article_intact() {
    let article = model::parse(&edited("/support", Some(json!("yes please")))).unwrap();
    assert!(article.headline.starts_with("Putin"));
    let error = article.support.unwrap().unwrap_err();
    assert_eq!(error.path, "support");
}

#[test]
fn text_that_is_not_json_is_refused_as_a_whole() {
    for text in ["", "not json", "{\"id\": \"1\"", "[1, 2]", "{} trailing"] {
        let error = model::parse(text).expect_err(text);
        assert!(
            error.path.is_empty()
                || matches!(error.problem, Problem::Missing | Problem::WrongType { .. }),
            "{text}: {error}"
        );
    }
    let error = error_of("{\"id\": \"1\"");
    assert!(
        error
            .to_string()
            .starts_with("The article is not valid JSON"),
        "{error}"
    );
}

#[test]
fn paths_are_found_in_pretty_printed_json_too() {
    let pretty = |json: String| {
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&json).unwrap()).unwrap()
    };
    let error = error_of(&pretty(edited("/image/height", Some(json!("853")))));
    assert_eq!(error.path, "image.height");
    let error = error_of(&pretty(edited("/image/alt", None)));
    assert_eq!(error.path, "image.alt");
    let error = error_of(&pretty(edited("/authors", Some(json!(["Ann", 7])))));
    assert_eq!(error.path, "authors[1]");
    let error = support_error_of(&pretty(edited(
        "/support/amounts/1/value",
        Some(json!("ten")),
    )));
    assert_eq!(error.path, "support.amounts[1].value");
    let error = support_error_of(&pretty(edited("/support/cta", None)));
    assert_eq!(error.path, "support.cta");
    // Windows line ends and a field after a long body.
    let crlf = pretty(edited("/headline", Some(json!(42)))).replace('\n', "\r\n");
    assert_eq!(error_of(&crlf).path, "headline");
}

#[test]
fn a_field_given_twice_is_named() {
    let json = SAMPLE.replacen('{', "{\"headline\": \"First\",", 1);
    assert_eq!(error_of(&json).to_string(), "`headline` is given twice.");
    let json = SAMPLE.replacen("\"alt\"", "\"alt\": \"x\", \"alt\"", 1);
    assert_eq!(error_of(&json).path, "image.alt");
}

#[test]
fn numbers_are_read_to_their_fields_own_ranges() {
    // No float holds 1e999: only the support block fails, naming the amount.
    let json = edited("/support/amounts/1/value", Some(json!(123.25))).replace("123.25", "1e999");
    let error = support_error_of(&json);
    assert_eq!(error.path, "support.amounts[1].value");
    assert_eq!(
        error.to_string(),
        "`support.amounts[1].value` must be a number a computer can hold (it is 1e999)."
    );
    let error = error_of(&edited("/image/width", Some(json!(1280.5))));
    assert_eq!(
        error.to_string(),
        "`image.width` must be a whole number from 0 to 4294967295, not the number 1280.5."
    );
    let error = error_of(&edited("/image/width", Some(json!(4294967296u64))));
    assert_eq!(
        error.to_string(),
        "`image.width` must be a whole number from 0 to 4294967295; the number 4294967296 is out of range."
    );
    let article = model::parse(&edited("/support/amounts/0/value", Some(json!(2.75)))).unwrap();
    assert_eq!(article.support.unwrap().unwrap().amounts[0].value, 2.75);
}

#[test]
fn a_long_wrong_text_is_quoted_in_part() {
    let long = "x".repeat(500);
    let error = error_of(&edited("/authors", Some(json!(long))));
    assert_eq!(
        error.to_string(),
        format!(
            "`authors` must be a list, not text (\"{}…\").",
            "x".repeat(40)
        )
    );
}

#[test]
fn an_escaped_lone_surrogate_in_a_field_reads_as_the_replacement_character() {
    let json = SAMPLE.replacen("\"Belarus\"", "\"\\ud800 Belarus\"", 1);
    assert_ne!(
        json, SAMPLE,
        "the sample's kicker is where the test expects it"
    );
    let article = model::parse(&json).expect("a lone surrogate is not an error");
    assert_eq!(article.kicker.as_deref(), Some("\u{FFFD} Belarus"));
}

#[test]
fn a_count_may_be_written_as_json_writes_any_number() {
    for written in ["1.28e3", "1280.0", "128000e-2", "1.28E+3"] {
        let json = SAMPLE.replace("\"width\": 1280", &format!("\"width\": {written}"));
        assert_ne!(json, SAMPLE, "the sample has its width");
        let article = model::parse(&json).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(article.image.unwrap().width, Some(1280), "{written}");
    }
    let half = error_of(&SAMPLE.replace("\"width\": 1280", "\"width\": 1.2805e3"));
    assert_eq!(half.path, "image.width");
    assert!(
        half.to_string()
            .contains("must be a whole number from 0 to 4294967295, not the number 1.2805e3")
    );
}

#[test]
fn an_error_quotes_the_start_of_a_long_value_not_all_of_it() {
    let digits = "9".repeat(100_000);
    let json = SAMPLE.replace("\"width\": 1280", &format!("\"width\": {digits}"));
    let error = error_of(&json);
    assert_eq!(error.path, "image.width");
    let message = error.to_string();
    assert!(
        message.len() < 200,
        "{} bytes: {}",
        message.len(),
        &message[..200]
    );
    assert!(message.contains("the number 9999999999"), "{message}");
    let text = error_of(&edited("/image/width", Some(json!("x".repeat(60_000)))));
    assert!(text.to_string().len() < 200, "{}", text.to_string().len());
}

#[test]
fn srcset_candidates_give_each_a_width_or_each_a_density() {
    for good in [
        "a-640.jpg 640w, a-1280.jpg 1280w",
        "a.jpg, a@2x.jpg 2x, a@1.5x.jpg 1.5x",
        "a.jpg",
    ] {
        let json = edited("/image/srcset", Some(json!(good)));
        assert!(model::parse(&json).is_ok(), "{good}");
    }
    for bad in [
        "a.jpg Mikhail Metzel",
        "a-640.jpg 640w, a.jpg",
        "a.jpg 0w",
        "a.jpg 1.5w",
        "a.jpg 640w 2x",
    ] {
        let error = error_of(&edited("/image/srcset", Some(json!(bad))));
        assert_eq!(error.path, "image.srcset", "{bad}");
        assert!(
            error
                .to_string()
                .starts_with("`image.srcset` must list image candidates each with a width"),
            "{error}"
        );
    }
}

#[test]
fn the_whole_story_sample_parses_with_its_photos_and_related_articles() {
    let story = model::parse(include_str!("../../../www/sample/story.json")).unwrap();
    assert_eq!(story.images.len(), 2);
    assert_eq!(
        story.images[0].credit.as_deref(),
        Some("Ivan Sorokin / The River Post")
    );
    assert_eq!(story.related.len(), 3);
    assert_eq!(story.related[2].image, None);
    assert_eq!(story.related[0].published.as_deref(), Some("2024-04-30"));
}

#[test]
fn the_media_sample_parses_with_its_gallery_photos_and_embeds() {
    let media = model::parse(include_str!("../../../www/sample/media.json")).unwrap();
    assert_eq!(media.images.len(), 3);
    assert_eq!(media.embeds.len(), 2);
    assert_eq!(media.embeds[0].width, Some(640));
    assert_eq!(media.embeds[1].provider.as_deref(), Some("Mastodon"));
}

#[test]
fn embeds_are_checked_field_by_field() {
    let with = |value: Value| edited("/embeds", Some(value));
    let embed = |extra: Value| {
        let mut embed = json!({ "url": "https://video.example/1" });
        embed
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        embed
    };
    let cases = [
        (with(json!([{ "title": "A film" }])), "embeds[0].url"),
        (
            with(json!([{ "url": "javascript:alert(1)" }])),
            "embeds[0].url",
        ),
        (
            with(json!([embed(json!({})), embed(json!({ "provider": "" }))])),
            "embeds[1].provider",
        ),
        (
            with(json!([embed(json!({ "title": " " }))])),
            "embeds[0].title",
        ),
        (
            with(json!([embed(json!({ "text": "" }))])),
            "embeds[0].text",
        ),
        (
            with(json!([embed(json!({ "html": "" }))])),
            "embeds[0].html",
        ),
        (
            with(json!([embed(json!({ "width": 0, "height": 9 }))])),
            "embeds[0].width",
        ),
        (
            with(json!([embed(json!({ "width": 16, "height": -1 }))])),
            "embeds[0].height",
        ),
        (with(json!({ "url": "https://video.example/1" })), "embeds"),
        (
            with(json!((0..51).map(|_| embed(json!({}))).collect::<Vec<_>>())),
            "embeds",
        ),
    ];
    for (json, path) in cases {
        let error = error_of(&json);
        assert_eq!(error.path, path, "{error}");
    }
}

#[test]
fn photos_and_related_articles_are_checked_field_by_field() {
    let photo = || json!({ "src": "p.jpg", "alt": "A photo", "width": 640, "height": 480 });
    let with = |field: &str, value: Value| edited(&format!("/{field}"), Some(value));
    let cases = [
        (
            with(
                "images",
                json!([photo(), { "src": "javascript:x", "alt": "x" }]),
            ),
            "images[1].src",
        ),
        (
            with("images", json!([{ "src": "p.jpg", "alt": " " }])),
            "images[0].alt",
        ),
        (
            with(
                "images",
                json!([{ "src": "p.jpg", "alt": "x", "height": 0 }]),
            ),
            "images[0].height",
        ),
        (
            with(
                "images",
                json!([{ "src": "p.jpg", "alt": "x", "srcset": "a.jpg 1x, b.jpg 640w" }]),
            ),
            "images[0].srcset",
        ),
        (with("images", json!({ "src": "p.jpg" })), "images"),
        (
            with(
                "images",
                json!((0..201).map(|_| photo()).collect::<Vec<_>>()),
            ),
            "images",
        ),
        (
            with(
                "related",
                json!([{ "headline": "", "url": "https://a.example" }]),
            ),
            "related[0].headline",
        ),
        (
            with(
                "related",
                json!([{ "headline": "A", "url": "javascript:alert(1)" }]),
            ),
            "related[0].url",
        ),
        (
            with("related", json!([{ "headline": "A" }])),
            "related[0].url",
        ),
        (
            with(
                "related",
                json!([{ "headline": "A", "url": "/a", "published": "yesterday" }]),
            ),
            "related[0].published",
        ),
        (
            with(
                "related",
                json!([{ "headline": "A", "url": "/a", "image": { "src": "p.jpg" } }]),
            ),
            "related[0].image.alt",
        ),
        (
            with(
                "related",
                json!(
                    (0..7)
                        .map(|i| json!({ "headline": "A", "url": format!("/{i}") }))
                        .collect::<Vec<_>>()
                ),
            ),
            "related",
        ),
    ];
    for (json, path) in cases {
        let error = error_of(&json);
        assert_eq!(error.path, path, "{error}");
    }
    let too_many = error_of(&with(
        "related",
        json!(
            (0..7)
                .map(|i| json!({ "headline": "A", "url": format!("/{i}") }))
                .collect::<Vec<_>>()
        ),
    ));
    assert_eq!(
        too_many.to_string(),
        "`related` must list at most 6 articles (it lists 7)."
    );
}
