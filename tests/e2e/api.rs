//! The JavaScript API as a careless or hostile host calls it: handles
//! dropped and collected, getters that change between reads or throw,
//! options of every wrong kind, two mounts on one element, and attributes
//! at their extremes. Whatever the host does, each widget shows its article
//! or an error naming what was wrong, and the page goes on.

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::embed::{plain_page, sample};

/// Waits until every element of `selector` shows a headline or an error.
async fn all_rendered(browser: &Browser, selector: &str) {
    let script = format!(
        "const all = [...document.querySelectorAll({})]; \
         return all.length > 0 && all.every((el) => el.shadowRoot?.querySelector('.folio-headline, .folio-error'));",
        json!(selector)
    );
    browser
        .wait_for(&script, &format!("{selector} to render"))
        .await;
}

/// A full collection, as a browser makes one when memory runs short:
/// garbage made, collected, and collected again once the finalizers the
/// first collection queued have run.
async fn collect_garbage(browser: &Browser) {
    for _ in 0..3 {
        browser
            .eval(
                "let junk = []; for (let i = 0; i < 200000; i++) junk.push({ i, s: 'x' + i }); junk = null; \
                 await new Promise((r) => setTimeout(r, 200));",
                vec![],
            )
            .await;
        browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
    }
    browser
        .eval("await new Promise((r) => setTimeout(r, 500));", vec![])
        .await;
    browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_whose_handle_is_dropped_stays_until_it_is_unmounted() {
    let (_site, browser) = plain_page().await;
    let before = browser.eval("return Folio.liveWidgets();", vec![]).await;
    browser
        .eval(
            "for (let i = 0; i < 12; i++) { \
               const el = document.createElement('div'); el.className = 'dropped'; document.body.append(el); \
               Folio.mount(el, arguments[0]); } \
             const el = document.createElement('div'); el.id = 'kept'; document.body.append(el); \
             window.kept = Folio.mount(el, arguments[0]);",
            vec![sample()],
        )
        .await;
    all_rendered(&browser, ".dropped, #kept").await;
    collect_garbage(&browser).await;
    let seen = browser
        .eval(
            "return { headlines: [...document.querySelectorAll('.dropped')] \
                        .map((el) => el.shadowRoot.querySelector('h1')?.textContent ?? null), \
                      live: Folio.liveWidgets() };",
            vec![],
        )
        .await;
    let headline = sample()["headline"].clone();
    assert_eq!(
        seen["headlines"],
        json!(vec![headline; 12]),
        "every widget whose handle was dropped still shows its article"
    );
    let before = before.as_u64().unwrap();
    assert_eq!(seen["live"], json!(before + 13));

    // Unmounting is what ends a widget, and frees it.
    let after = browser
        .eval(
            "kept.unmount(); return { live: Folio.liveWidgets(), \
               left: document.getElementById('kept').shadowRoot.childNodes.length };",
            vec![],
        )
        .await;
    assert_eq!(after, json!({ "live": before + 12, "left": 0 }));
    let errors = browser.eval("return folioLog.errors;", vec![]).await;
    assert_eq!(errors, json!([]));
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_object_is_read_once_so_a_getter_that_changes_type_cannot_reach_the_core() {
    let (_site, browser) = plain_page().await;
    let seen = browser
        .eval(
            "const reads = { body: 0, headline: 0 }; \
             const article = { id: 'fickle', published: '2020-09-13T18:04:00Z', \
               get body() { return ++reads.body === 1 ? 'The first read of the body.' : 42; }, \
               get headline() { return ++reads.headline === 1 ? 'Read once' : { not: 'text' }; } }; \
             const el = document.createElement('div'); el.id = 'fickle'; document.body.append(el); \
             const live = Folio.liveWidgets(); \
             window.fickle = Folio.mount(el, article); \
             await new Promise((resolve) => el.addEventListener('folio:render', resolve, { once: true })); \
             const root = el.shadowRoot; \
             return { reads, headline: root.querySelector('h1')?.textContent, \
                      body: root.querySelector('.folio-body p')?.textContent, \
                      error: root.querySelector('.folio-error') !== null, added: Folio.liveWidgets() - live };",
            vec![],
        )
        .await;
    assert_eq!(
        seen,
        json!({ "reads": { "body": 1, "headline": 1 }, "headline": "Read once",
                "body": "The first read of the body.", "error": false, "added": 1 })
    );

    // A getter that throws is the article's error, shown and reported.
    let thrown = browser
        .eval(
            "const el = document.createElement('div'); el.id = 'throws'; document.body.append(el); \
             const failed = new Promise((resolve) => el.addEventListener('folio:error', (e) => resolve(e.detail), { once: true })); \
             Folio.mount(el, { id: 'x', get headline() { throw new Error('no headline for you'); } }); \
             const detail = await failed; \
             return { detail, shown: el.shadowRoot.querySelector('.folio-error__detail')?.textContent };",
            vec![],
        )
        .await;
    let message = thrown["detail"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("no headline for you"), "{thrown}");
    assert_eq!(thrown["shown"].as_str(), Some(message));
    let errors = browser.eval("return folioLog.errors;", vec![]).await;
    assert_eq!(
        errors,
        json!([]),
        "no internal error, no unhandled rejection"
    );
    browser.stop().await;
}

/// Mounts the sample in a new `#id` with options built by `options` (a JS
/// expression), and returns the `folio:error` it sent (null for none)
/// and what its shadow root shows.
const MOUNT_WITH: &str = r#"
const [id, article, options] = arguments;
const el = document.createElement("div");
el.id = id;
document.body.append(el);
const errors = [];
el.addEventListener("folio:error", (e) => errors.push(e.detail));
let thrown = null;
try {
  Folio.mount(el, article, eval(options));
} catch (error) {
  thrown = `${error.name}: ${error.message}`;
}
if (thrown) return { thrown };
await new Promise((resolve) => {
  const done = () => el.shadowRoot?.querySelector(".folio-headline, .folio-error") ? resolve() : setTimeout(done, 20);
  done();
});
await new Promise((resolve) => setTimeout(resolve, 50));
const root = el.shadowRoot;
return {
  errors,
  shown: root.querySelector(".folio-error__detail")?.textContent ?? null,
  headline: root.querySelector(".folio-headline")?.localName ?? null,
  theme: el.getAttribute("theme"),
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn every_option_of_mount_that_cannot_be_used_is_an_error_naming_it() {
    let (_site, browser) = plain_page().await;
    let article = sample();
    let mut n = 0;
    let mut mount = async |options: &str| {
        n += 1;
        let id = format!("m{n}");
        browser
            .eval(MOUNT_WITH, vec![json!(id), article.clone(), json!(options)])
            .await
    };
    for name in ["theme", "support", "lang", "dir", "headingLevel", "format"] {
        let getter = format!("({{ get {name}() {{ throw new Error('trap'); }} }})");
        let symbol = format!("({{ {name}: Symbol('s') }})");
        let object = format!("({{ {name}: {{}} }})");
        for (what, options, found) in [
            (
                "a getter that throws",
                getter.as_str(),
                "could not be read (trap)",
            ),
            ("a symbol", symbol.as_str(), "(it is a symbol)"),
            ("an object", object.as_str(), "(it is an object)"),
        ] {
            let seen = mount(options).await;
            let errors = seen["errors"].as_array().unwrap();
            assert_eq!(errors.len(), 1, "{name} as {what}: {seen}");
            let message = errors[0]["message"].as_str().unwrap();
            assert_eq!(errors[0]["path"], format!("options.{name}"), "{seen}");
            assert!(
                message.starts_with(&format!("`options.{name}` "))
                    && message.ends_with(&format!("{found}.")),
                "{name} as {what}: {message}"
            );
            assert_eq!(seen["shown"].as_str(), Some(message), "shown in the widget");
            assert_eq!(seen["headline"], Value::Null);
        }
    }
    // A Proxy whose every read throws: the first option read is named.
    let proxy = mount("new Proxy({}, { get() { throw new Error('proxy'); } })").await;
    assert_eq!(proxy["errors"][0]["path"], "options.theme", "{proxy}");
    let not_object = mount("5").await;
    assert_eq!(not_object["errors"][0]["path"], "options", "{not_object}");

    // No options, null and undefined values: the defaults.
    for options in ["null", "undefined", "({ theme: null, lang: undefined })"] {
        let seen = mount(options).await;
        assert_eq!(seen["errors"], json!([]), "{options}: {seen}");
        assert_eq!(seen["headline"], "h1", "{options}");
    }
    // Values as a host writes them.
    let level = mount("({ headingLevel: '2', theme: 'Dark', support: 'off' })").await;
    assert_eq!(level["errors"], json!([]), "{level}");
    assert_eq!(level["headline"], "h2", "a level given as text counts");
    assert_eq!(level["theme"], "dark");
    let out_of_range = mount("({ headingLevel: 9 })").await;
    assert_eq!(out_of_range["errors"][0]["path"], "options.headingLevel");
    assert!(
        out_of_range["shown"]
            .as_str()
            .unwrap()
            .contains("must be a whole number from 1 to 6 (it is 9)")
    );

    // The one documented throw: no element to hold a shadow root.
    for element in ["null", "{}"] {
        let thrown = browser
            .eval(
                &format!(
                    "try {{ Folio.mount({element}, '{{}}'); return null; }} \
                     catch (e) {{ return `${{e.name}}: ${{e.message}}`; }}"
                ),
                vec![],
            )
            .await;
        assert_eq!(
            thrown,
            "TypeError: Folio.mount needs an element that can have a shadow root."
        );
    }
    let errors = browser.eval("return folioLog.errors;", vec![]).await;
    assert_eq!(
        errors,
        json!([]),
        "no unhandled rejection, no uncaught error"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_mount_on_an_element_takes_it_over_and_the_first_handle_lets_it_be() {
    let (_site, browser) = plain_page().await;
    let mut second = sample();
    second["headline"] = json!("The second mount");
    let seen = browser
        .eval(
            "const el = document.createElement('div'); el.id = 'twice'; document.body.append(el); \
             const live = Folio.liveWidgets(); \
             const first = Folio.mount(el, arguments[0]); \
             const second = Folio.mount(el, arguments[1]); \
             await new Promise((resolve) => { const done = () => el.shadowRoot.querySelector('h1') ? resolve() : setTimeout(done, 20); done(); }); \
             first.unmount(); \
             first.update(arguments[0]); \
             await new Promise((resolve) => setTimeout(resolve, 300)); \
             const headline = el.shadowRoot.querySelector('h1')?.textContent; \
             const added = Folio.liveWidgets() - live; \
             second.unmount(); \
             return { headline, added, after: Folio.liveWidgets() - live, left: el.shadowRoot.childNodes.length };",
            vec![sample(), second],
        )
        .await;
    assert_eq!(
        seen,
        json!({ "headline": "The second mount", "added": 1, "after": 0, "left": 0 })
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attributes_at_their_extremes_are_clamped_not_thrown() {
    let (site, browser) = plain_page().await;
    let sample_url = site.host.url("sample/article.json");
    let missing_url = site.host.url("sample/missing.json");
    browser
        .eval(
            "for (const [id, src, timeout, level] of arguments[0]) { \
               const el = document.createElement('folio-article'); el.id = id; \
               el.setAttribute('src', src); el.setAttribute('timeout', timeout); el.setAttribute('heading-level', level); \
               document.body.append(el); }",
            vec![json!([
                ["huge", sample_url, "1e20", "1e20"],
                ["infinite", sample_url, "Infinity", "-3"],
                ["written", sample_url, "2.5e4", "2.0"],
                ["missing", missing_url, "1e20", "NaN"],
            ])],
        )
        .await;
    all_rendered(&browser, "#huge, #infinite, #written, #missing").await;
    let seen = browser
        .eval(
            "const r = (id) => document.getElementById(id).shadowRoot; \
             return ['huge', 'infinite', 'written', 'missing'].map((id) => r(id).querySelector('.folio-headline')?.localName \
               ?? r(id).querySelector('.folio-error__detail')?.textContent);",
            vec![],
        )
        .await;
    assert_eq!(seen[0], "h1", "{seen}");
    assert_eq!(seen[1], "h1", "{seen}");
    assert_eq!(seen[2], "h2", "{seen}");
    let missing = seen[3].as_str().unwrap();
    assert!(missing.contains("404"), "{missing}");

    // "Try again" with the same timeout fails the same way, for its reason.
    let again = browser
        .eval(
            "const el = document.getElementById('missing'); \
             const failed = new Promise((resolve) => el.addEventListener('folio:error', (e) => resolve(e.detail.message), { once: true })); \
             el.shadowRoot.querySelector('.folio-error button').click(); \
             return await failed;",
            vec![],
        )
        .await;
    assert!(again.as_str().unwrap().contains("404"), "{again}");
    let errors = browser.eval("return folioLog.errors;", vec![]).await;
    assert_eq!(errors, json!([]));
    browser.stop().await;
}
