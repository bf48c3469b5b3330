//! The prompt's variants: a reader is drawn into one once, and sees it
//! on every visit, in the widget and in a pre-rendered article's island
//! alike; the host's `bucket` puts a reader it names in the same variant
//! everywhere; the variant's name is in the events and, with the page's
//! origin, on the call to action.

use crate::browser::Browser;
use crate::pair;
use crate::server::Server;
use folio_core::variant::{bucket_draw, pick};
use serde_json::{Value, json};

/// The variants of the test's campaign: the block as it is, and a short
/// ask with its own heading, amount and call to action.
const NAMES: [&str; 2] = ["control", "short"];
const WEIGHTS: [f64; 2] = [1.0, 1.0];
const SHORT_HEADING: &str = "A short ask, this once";

/// The sample article with the two variants, and its own heading.
fn article() -> (Value, String) {
    let mut article = pair::sample();
    article["support"]["variants"] = json!([
        { "name": "control", "weight": 1 },
        { "name": "short", "weight": 1, "heading": SHORT_HEADING,
          "amounts": [{ "value": 7, "frequency": "monthly", "label": "Seven a month" }],
          "cta": { "label": "Give seven", "href": "https://example.org/seven" } }
    ]);
    let heading = article["support"]["heading"].as_str().unwrap().to_string();
    (article, heading)
}

/// Opens `path` and returns what each prompt shows, island first, and the
/// record.
async fn open(browser: &Browser, server: &Server, path: &str) -> Value {
    pair::open(browser, server, path).await;
    browser.eval(SHOWN, vec![]).await
}

/// What each prompt shows, and the campaign's record.
const SHOWN: &str = r#"
const prompts = [...document.querySelectorAll("folio-article")].map((element) => {
  const aside = element.shadowRoot.querySelector("aside.folio-support");
  const cta = new URL(aside.querySelector(".folio-support__cta").href);
  return {
    heading: aside.querySelector(".folio-support__heading").textContent,
    amounts: [...aside.querySelectorAll(".folio-support__amount")].map((b) => b.textContent),
    cta: cta.origin + cta.pathname,
    variant: cta.searchParams.get("variant"),
    origin: cta.searchParams.get("origin"),
  };
});
return { prompts, record: JSON.parse(localStorage.getItem("folio:v1:support:favor-2024") ?? "null") };
"#;

/// A screenshot of the island's prompt of `variant`.
async fn shoot(browser: &Browser, variant: &str) {
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot\
             .querySelector('aside.folio-support').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await;
    browser.screenshot(&format!("variant-{variant}-1280")).await;
}

/// The variant the reader of `draw` is in, by name.
fn variant_of(draw: u32) -> &'static str {
    NAMES[pick(&WEIGHTS, draw).unwrap()]
}

/// What a prompt of `variant` shows, on a page of `origin`.
fn expected(variant: &str, heading: &str, origin: &str) -> Value {
    let short = variant == "short";
    json!({
        "heading": if short { SHORT_HEADING } else { heading },
        "amounts": if short { json!(["Seven a month"]) } else { json!(["$2 / month", "$10 / month", "$25 / month", "$50 once"]) },
        "cta": if short { "https://example.org/seven" } else { "https://publisher.example/support" },
        "variant": variant,
        "origin": origin,
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_is_drawn_into_one_variant_and_kept_there_in_the_widget_and_the_island() {
    let (article, heading) = article();
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    let first = open(&browser, &server, "pair.html").await;
    let draw = first["record"]["draw"].as_u64().expect("a draw is kept") as u32;
    let variant = variant_of(draw);
    let one = expected(variant, &heading, &server.origin());
    assert_eq!(first["prompts"], json!([one, one]), "island, then widget");

    // The events say which variant the reader saw and answered.
    browser
        .eval(
            "for (const e of document.querySelectorAll('folio-article')) \
             e.shadowRoot.querySelector('.folio-support__cta').click();",
            vec![],
        )
        .await;
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot\
             .querySelector('aside.folio-support').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await;
    let seen = "return log.some((e) => e.type === 'folio:support-view');";
    browser
        .wait_for(seen, "a view of the island's prompt")
        .await;
    let log = browser.eval("return log;", vec![]).await;
    let variants: Vec<_> = (log.as_array().unwrap().iter())
        .map(|e| (e["type"].as_str().unwrap(), e["detail"]["variant"].as_str()))
        .collect();
    assert!(
        variants.contains(&("folio:support-view", Some(variant))),
        "{log}"
    );
    let clicks = variants
        .iter()
        .filter(|e| **e == ("folio:support-click", Some(variant)));
    assert_eq!(clicks.count(), 2, "{log}");

    shoot(&browser, variant).await;

    // Every later visit: the same variant.
    for _ in 0..3 {
        let again = open(&browser, &server, "pair.html").await;
        assert_eq!(again["prompts"], first["prompts"]);
        assert_eq!(again["record"]["draw"], first["record"]["draw"]);
    }

    // A reader whose draw falls in the other variant sees that one.
    let other = if variant == "short" { 0 } else { u32::MAX };
    let record = json!({ "v": 1, "views": [], "draw": other }).to_string();
    browser
        .eval(
            "localStorage.setItem('folio:v1:support:favor-2024', arguments[0]);",
            vec![json!(record)],
        )
        .await;
    let moved = open(&browser, &server, "pair.html").await;
    let two = expected(variant_of(other), &heading, &server.origin());
    assert_ne!(variant_of(other), variant);
    assert_eq!(moved["prompts"], json!([two, two]));
    shoot(&browser, variant_of(other)).await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hosts_bucket_puts_a_named_reader_in_the_same_variant_everywhere() {
    let (article, heading) = article();
    let server = pair::server(&article);
    // A name for a reader of each variant, as the native draw has them.
    let named = |variant: &str| {
        (0..100)
            .map(|i| format!("reader-{i}"))
            .find(|name| variant_of(bucket_draw("favor-2024", name)) == variant)
            .unwrap()
    };
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    for variant in NAMES {
        let name = named(variant);
        let shown = open(&browser, &server, &format!("bucket/{name}.html")).await;
        let one = expected(variant, &heading, &server.origin());
        assert_eq!(shown["prompts"], json!([one, one]), "{name}");
        // A draw of its own was never needed.
        assert_eq!(shown["record"]["draw"], Value::Null, "{shown}");
    }
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mount_takes_a_bucket_as_text_or_a_whole_number_and_refuses_others_by_name() {
    let (article, heading) = article();
    let server = pair::server(&article);
    let browser = Browser::start().await;
    pair::open(&browser, &server, "pair.html").await;
    // `mount` with `options`: the heading its prompt shows, or its error.
    let mounted = |options: Value| {
        let (browser, article) = (&browser, article.clone());
        async move {
            browser
                .eval(
                    r#"const [article, options] = arguments;
                    const element = document.createElement("div");
                    document.body.append(element);
                    const said = new Promise((done) => {
                      element.addEventListener("folio:error", (e) => done({ error: e.detail.path }), { once: true });
                      element.addEventListener("folio:render", () => done({}), { once: true });
                    });
                    Folio.mount(element, article, options);
                    const result = await said;
                    result.heading = element.shadowRoot.querySelector(".folio-support__heading")?.textContent ?? null;
                    return result;"#,
                    vec![article, options],
                )
                .await
        }
    };
    // A number whose variant is not the one the stored draw gives, so
    // that a bucket ignored would show.
    let stored = browser.eval(SHOWN, vec![]).await["record"]["draw"]
        .as_u64()
        .unwrap() as u32;
    let number = (0..100)
        .find(|n| variant_of(bucket_draw("favor-2024", &n.to_string())) != variant_of(stored))
        .unwrap();
    let expected = match variant_of(bucket_draw("favor-2024", &number.to_string())) {
        "short" => SHORT_HEADING.to_string(),
        _ => heading,
    };
    for bucket in [json!(number), json!(number.to_string())] {
        let shown = mounted(json!({ "bucket": bucket })).await;
        assert_eq!(shown, json!({ "heading": expected }), "{bucket}");
    }
    for bucket in [json!("n".repeat(201)), json!({}), json!(1.5)] {
        let refused = mounted(json!({ "bucket": bucket })).await;
        assert_eq!(refused["error"], "options.bucket", "{bucket}: {refused}");
    }
    browser.stop().await;
}
