//! The `<folio-article>` element as a page drives it: a new `src` or
//! `article` renders the new article, an article set before `folio.js`
//! runs is rendered, and a replaced or removed load aborts its request.

use super::{plain_page, sample};
use crate::browser::Browser;
use crate::site::Site;
use serde_json::json;

/// Sets the `src` attribute of `#article` (the script's one argument).
const SET_SRC: &str = "document.getElementById('article').setAttribute('src', arguments[0]);";

/// Waits until the headline of the widget with `id` reads `text`.
async fn headline_is(browser: &Browser, id: &str, text: &str) {
    let script = format!(
        "return document.getElementById({}).shadowRoot?.querySelector('h1')?.textContent === {};",
        json!(id),
        json!(text)
    );
    browser
        .wait_for(&script, &format!("#{id} to read {text:?}"))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn changing_src_or_setting_the_article_property_renders_the_new_article() {
    let (site, browser) = plain_page().await;
    let sample = sample();

    browser
        .eval(SET_SRC, vec![json!("../sample/brief.json")])
        .await;
    headline_is(&browser, "article", "What to expect from the Sochi summit").await;
    let updated = browser
        .eval("return [...document.getElementById('article').shadowRoot.querySelectorAll('time')].map((t) => t.dateTime);", vec![])
        .await;
    assert_eq!(
        updated,
        json!(["2020-09-13T20:00:00Z", "2020-09-13T21:15:00Z"])
    );

    let mut article = sample.clone();
    article["headline"] = json!("Set through the property");
    browser
        .eval(
            "document.getElementById('article').article = arguments[0];",
            vec![article],
        )
        .await;
    headline_is(&browser, "article", "Set through the property").await;

    // The last one set wins: a new `src` after the property.
    browser
        .eval(SET_SRC, vec![json!("../sample/article.json")])
        .await;
    headline_is(&browser, "article", sample["headline"].as_str().unwrap()).await;

    // Turning the prompt off renders the same article again, without
    // fetching it again.
    let fetched = |requests: Vec<String>| {
        requests
            .iter()
            .filter(|r| r.ends_with("/sample/article.json"))
            .count()
    };
    let before = fetched(site.host.requests());
    assert!(before >= 2, "the article was fetched: {before}");
    assert_eq!(
        browser
            .eval(
                "return !!document.getElementById('article').shadowRoot.querySelector('aside.folio-support');",
                vec![],
            )
            .await,
        json!(true),
        "the prompt is shown before it is turned off"
    );
    browser
        .eval(
            "document.getElementById('article').setAttribute('support', 'off');",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "return !document.getElementById('article').shadowRoot.querySelector('aside.folio-support');",
            "the prompt to go",
        )
        .await;
    assert_eq!(
        fetched(site.host.requests()),
        before,
        "no new request for the article"
    );

    let renders = browser
        .eval("return folioLog.events.filter((e) => e.type === 'folio:render').map((e) => e.detail.id);", vec![])
        .await;
    assert_eq!(
        renders,
        json!([
            "putin-backs-lukashenko-succession",
            "sochi-summit-brief",
            "putin-backs-lukashenko-succession",
            "putin-backs-lukashenko-succession",
            "putin-backs-lukashenko-succession"
        ])
    );
    browser.stop().await;
}

/// A page that sets `article` on the element before `folio.js` has run
/// (module scripts run late) still gets that article.
#[tokio::test(flavor = "multi_thread")]
async fn an_article_set_before_folio_js_runs_is_rendered() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open(&site.page("missing.html")).await;
    let mut article = sample();
    article["headline"] = json!("Set before the upgrade");
    browser
        .eval(
            "const el = document.createElement('folio-article'); \
             el.id = 'early'; el.article = arguments[0]; document.body.append(el); \
             return import(arguments[1]).then(() => true);",
            vec![article, json!(site.host.url("folio.js"))],
        )
        .await;
    headline_is(&browser, "early", "Set before the upgrade").await;
    browser.stop().await;
}

/// A load still on the network when `src` changes, or when the element
/// leaves the page, is aborted (its request's signal fires), and says
/// nothing: no `folio:error`.
#[tokio::test(flavor = "multi_thread")]
async fn a_replaced_or_removed_load_aborts_its_request() {
    let (_site, browser) = plain_page().await;
    // Requests for `never.json` stay on the network until aborted.
    browser
        .eval(
            "window.held = []; const real = window.fetch; \
             window.fetch = (input, init) => { \
               if (!String(input).includes('never.json')) return real(input, init); \
               const signal = init?.signal; held.push(signal); \
               return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))); \
             };",
            vec![],
        )
        .await;
    // Errors are counted on the element itself: once it is removed, its
    // events no longer reach the page's log on `document`.
    browser
        .eval(
            "window.errors = []; document.getElementById('article') \
               .addEventListener('folio:error', (e) => errors.push(e.detail.message));",
            vec![],
        )
        .await;

    browser.eval(SET_SRC, vec![json!("never.json")]).await;
    browser
        .wait_for("return held.length === 1;", "the first load to start")
        .await;
    assert_eq!(
        browser.eval("return held[0].aborted;", vec![]).await,
        json!(false),
        "in flight"
    );
    browser
        .eval(SET_SRC, vec![json!("../sample/brief.json")])
        .await;
    headline_is(&browser, "article", "What to expect from the Sochi summit").await;
    assert_eq!(
        browser.eval("return held[0].aborted;", vec![]).await,
        json!(true),
        "the replaced load is aborted"
    );

    browser.eval(SET_SRC, vec![json!("never.json?again")]).await;
    browser
        .wait_for("return held.length === 2;", "the second load to start")
        .await;
    browser
        .eval("document.getElementById('article').remove();", vec![])
        .await;
    browser
        .wait_for(
            "return held[1].aborted;",
            "the removed element's load to be aborted",
        )
        .await;
    // A task later, whatever the aborted loads would report has been sent.
    browser
        .eval("setTimeout(() => (window.settled = true), 50);", vec![])
        .await;
    browser
        .wait_for("return window.settled === true;", "a task to pass")
        .await;
    assert_eq!(
        browser.eval("return errors;", vec![]).await,
        json!([]),
        "aborting reports nothing"
    );
    browser.stop().await;
}
