//! What a reader chooses from in the support prompt: with
//! `frequencyTabs`, the frequencies as an ARIA tablist above the amounts,
//! each tab showing its own amounts with its recommended one chosen and
//! marked, and its benefits below; amounts and currency by the reader's
//! country (`country`); in the widget and in a pre-rendered article's
//! island alike.

use crate::browser::Browser;
use crate::pair;
use serde_json::{Value, json};
use thirtyfour::Key;

/// What the reader of prompt `arguments[0]` (an index among the page's
/// `folio-article`s, then `.mounted` elements) sees of its choices: the
/// tabs, the one selected, whether the panel is the one the tabs control
/// and is labelled by the selected tab, the amounts shown, the one chosen,
/// the benefits shown, the call to action's address, and what has focus.
const STATE: &str = r#"
const hosts = [...document.querySelectorAll("folio-article, .mounted")];
const root = hosts[arguments[0]].shadowRoot;
const tabs = [...root.querySelectorAll("[role=tablist] [role=tab]")];
const selected = tabs.filter((t) => t.getAttribute("aria-selected") === "true");
const panel = root.querySelector("[role=tabpanel]");
const seen = (e) => e.getClientRects().length > 0;
return {
  tabs: tabs.map((t) => t.textContent),
  selected: selected.map((t) => t.textContent),
  focusable: tabs.filter((t) => t.tabIndex === 0).map((t) => t.textContent),
  panel: panel ? tabs.every((t) => t.getAttribute("aria-controls") === panel.id)
    && panel.getAttribute("aria-labelledby") === selected[0]?.id : null,
  amounts: [...root.querySelectorAll("[role=radio]")].filter(seen).map((b) => b.textContent),
  chosen: [...root.querySelectorAll("[role=radio][aria-checked=true]")].map((b) => b.textContent),
  benefits: [...root.querySelectorAll(".folio-support__benefits")].filter(seen).map((u) => [...u.children].map((li) => li.textContent)),
  cta: new URL(root.querySelector(".folio-support__cta").href).search,
  focus: root.activeElement?.textContent ?? null,
};
"#;

fn tabbed() -> Value {
    let mut article = pair::sample();
    article["support"]["frequencyTabs"] = json!(true);
    article["support"]["amounts"] = json!([
        { "value": 5, "frequency": "once" },
        { "value": 10, "frequency": "once", "recommended": true },
        { "value": 3, "frequency": "monthly" },
        { "value": 7, "frequency": "monthly", "recommended": true },
        { "value": 15, "frequency": "monthly" },
        { "value": 60, "frequency": "annual" },
    ]);
    article["support"]["benefits"] = json!({
        "monthly": ["A newsletter from the newsroom", "No more asks like this one"],
        "annual": ["Everything monthly gives"],
    });
    article
}

async fn state(browser: &Browser, at: usize) -> Value {
    browser.eval(STATE, vec![json!(at)]).await
}

async fn focus(browser: &Browser, at: usize, selector: &str) {
    let script = "[...document.querySelectorAll('folio-article, .mounted')][arguments[0]].shadowRoot\
                  .querySelector(arguments[1]).focus();";
    browser.eval(script, vec![json!(at), json!(selector)]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn frequencies_are_tabs_of_their_own_amounts_recommended_and_benefits() {
    let server = pair::server(&tabbed());
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    pair::open(&browser, &server, "pair.html").await;
    let tabs = json!(["One-time", "Monthly", "Annual"]);
    for (at, which) in [(0, "island"), (1, "widget")] {
        // The first frequency's tab, its recommended amount chosen.
        let first = state(&browser, at).await;
        assert_eq!(first["tabs"], tabs, "{which}");
        assert_eq!(first["selected"], json!(["One-time"]), "{which}");
        assert_eq!(first["focusable"], json!(["One-time"]), "{which}");
        assert_eq!(first["panel"], true, "{which}: {first}");
        assert_eq!(
            first["amounts"],
            json!(["$5 once", "$10 once Recommended"]),
            "{which}"
        );
        assert_eq!(first["chosen"], json!(["$10 once Recommended"]), "{which}");
        assert_eq!(first["benefits"], json!([]), "{which}");
        assert!(
            first["cta"]
                .as_str()
                .unwrap()
                .starts_with("?amount=10&frequency=once&"),
            "{which}: {first}"
        );

        // A click on "Monthly": its amounts, its recommended one, its benefits.
        let click = "[...document.querySelectorAll('folio-article')][arguments[0]].shadowRoot\
                     .querySelectorAll('[role=tab]')[1].click();";
        browser.eval(click, vec![json!(at)]).await;
        let monthly = state(&browser, at).await;
        assert_eq!(monthly["selected"], json!(["Monthly"]), "{which}");
        assert_eq!(monthly["panel"], true, "{which}");
        assert_eq!(
            monthly["amounts"],
            json!(["$3 / month", "$7 / month Recommended", "$15 / month"]),
            "{which}"
        );
        assert_eq!(
            monthly["chosen"],
            json!(["$7 / month Recommended"]),
            "{which}"
        );
        assert_eq!(
            monthly["benefits"],
            json!([[
                "A newsletter from the newsroom",
                "No more asks like this one"
            ]]),
            "{which}"
        );
        assert!(
            monthly["cta"]
                .as_str()
                .unwrap()
                .starts_with("?amount=7&frequency=monthly&"),
            "{which}"
        );

        // The keyboard: the arrows in the tablist show the next tab (and
        // wrap), Home the first; in the radio group they stay in the tab.
        focus(&browser, at, "[role=tab][aria-selected=true]").await;
        browser.press(Key::Right).await;
        let annual = state(&browser, at).await;
        assert_eq!(annual["selected"], json!(["Annual"]), "{which}");
        assert_eq!(annual["focus"], "Annual", "{which}");
        assert_eq!(annual["amounts"], json!(["$60 / year"]), "{which}");
        assert_eq!(
            annual["benefits"],
            json!([["Everything monthly gives"]]),
            "{which}"
        );
        browser.press(Key::Right).await;
        assert_eq!(
            state(&browser, at).await["selected"],
            json!(["One-time"]),
            "{which}: wraps"
        );
        browser.press(Key::End).await;
        browser.press(Key::Left).await;
        assert_eq!(
            state(&browser, at).await["selected"],
            json!(["Monthly"]),
            "{which}"
        );
        focus(&browser, at, "[role=radio][aria-checked=true]").await;
        browser.press(Key::Right).await;
        browser.press(Key::Right).await;
        let wrapped = state(&browser, at).await;
        assert_eq!(
            wrapped["chosen"],
            json!(["$3 / month"]),
            "{which}: within the tab"
        );
        assert_eq!(wrapped["focus"], "$3 / month", "{which}");
        assert_eq!(wrapped["selected"], json!(["Monthly"]), "{which}");
    }
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_tabs_every_amount_stays_in_one_row_with_its_benefits() {
    let mut article = pair::sample();
    article["support"]["benefits"] = json!({ "monthly": ["A newsletter from the newsroom"] });
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    pair::open(&browser, &server, "pair.html").await;
    let all = json!(["$2 / month", "$10 / month", "$25 / month", "$50 once"]);
    for (at, which) in [(0, "island"), (1, "widget")] {
        let first = state(&browser, at).await;
        assert_eq!(first["tabs"], json!([]), "{which}");
        assert_eq!(first["amounts"], all, "{which}");
        assert_eq!(first["chosen"], json!(["$2 / month"]), "{which}");
        assert_eq!(
            first["benefits"],
            json!([["A newsletter from the newsroom"]]),
            "{which}"
        );
        // The keyboard reaches every amount; a one-off has no benefits.
        focus(&browser, at, "[role=radio][aria-checked=true]").await;
        browser.press(Key::End).await;
        let once = state(&browser, at).await;
        assert_eq!(once["amounts"], all, "{which}");
        assert_eq!(once["chosen"], json!(["$50 once"]), "{which}");
        assert_eq!(once["focus"], "$50 once", "{which}");
        assert_eq!(once["benefits"], json!([]), "{which}");
    }
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readers_country_picks_its_regions_amounts_and_currency() {
    let mut article = tabbed();
    article["support"]["regions"] = json!([
        { "countries": ["GB", "IE"], "currency": "GBP", "amounts": [
            { "value": 4, "frequency": "monthly", "recommended": true },
            { "value": 40, "frequency": "annual" },
        ] },
        { "countries": ["JP"], "currency": "JPY", "amounts": [{ "value": 500, "frequency": "once" }] },
    ]);
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    pair::open(&browser, &server, "country/gb.html").await;
    for (at, which) in [(0, "island"), (1, "widget")] {
        let gb = state(&browser, at).await;
        assert_eq!(gb["tabs"], json!(["Monthly", "Annual"]), "{which}: {gb}");
        assert_eq!(gb["amounts"], json!(["£4 / month Recommended"]), "{which}");
        let cta = gb["cta"].as_str().unwrap();
        assert!(
            cta.starts_with("?amount=4&frequency=monthly&currency=GBP&campaign="),
            "{which}: {cta}"
        );
    }
    // A country of no region: the block's own amounts, their currency named.
    pair::open(&browser, &server, "country/FR.html").await;
    for (at, which) in [(0, "island"), (1, "widget")] {
        let fr = state(&browser, at).await;
        assert_eq!(
            fr["amounts"],
            json!(["$5 once", "$10 once Recommended"]),
            "{which}"
        );
        assert!(
            fr["cta"]
                .as_str()
                .unwrap()
                .starts_with("?amount=10&frequency=once&currency=USD&"),
            "{which}"
        );
    }
    // The mount option, in any case; one frequency: no tabs.
    let mount = "const element = document.createElement('div'); element.className = 'mounted';\
                 document.body.append(element); Folio.mount(element, arguments[0], { country: arguments[1] });";
    browser
        .eval(mount, vec![article.clone(), json!("jp")])
        .await;
    let shown =
        "return !!document.querySelector('.mounted').shadowRoot?.querySelector('[role=radio]');";
    browser.wait_for(shown, "the mounted prompt").await;
    let jp = state(&browser, 2).await;
    assert_eq!(jp["tabs"], json!([]), "{jp}");
    assert_eq!(jp["panel"], Value::Null);
    assert_eq!(jp["amounts"].as_array().map(Vec::len), Some(1), "{jp}");
    assert!(jp["amounts"][0].as_str().unwrap().contains("500"), "{jp}");
    assert!(jp["cta"].as_str().unwrap().contains("currency=JPY"), "{jp}");
    // A code that is not a country's is refused by name.
    let refused = "const element = document.createElement('div'); document.body.append(element);\
                   return new Promise((done) => { element.addEventListener('folio:error', (e) => done(e.detail.path));\
                   Folio.mount(element, arguments[0], { country: 'GBR' }); });";
    assert_eq!(
        browser.eval(refused, vec![article]).await,
        "options.country"
    );
    browser.stop().await;
}

/// Every state of the prompt a reader may see (the tabs, a recommended
/// amount, benefits, the article count and the reminder; then a
/// supporter's thank-you line) in English, Arabic and Russian, light and
/// dark, wide and narrow: each in its language and direction, nothing
/// wider than the prompt, and nothing axe-core finds; with screenshots
/// for the eye.
#[tokio::test(flavor = "multi_thread")]
async fn every_state_in_three_languages_both_themes_and_two_widths() {
    let mut article = tabbed();
    article["support"]["articleCount"] = json!({ "threshold": 1 });
    article["support"]["reminder"] = json!({});
    article["support"]["amounts"][3]["default"] = json!(true);
    let server = pair::server(&article);
    let browser = Browser::start().await;
    pair::open(&browser, &server, "pair.html").await;
    let source = crate::a11y::axe_source();
    let mut found = Vec::new();
    let states = [
        (
            "en",
            ["One-time", "Monthly", "Annual"],
            "ltr",
            "Thank you for supporting our journalism.",
        ),
        (
            "ar",
            ["مرة واحدة", "شهريًا", "سنويًا"],
            "rtl",
            "شكرًا لدعمك صحافتنا.",
        ),
        (
            "ru",
            ["Разово", "Ежемесячно", "Ежегодно"],
            "ltr",
            "Спасибо, что поддерживаете нашу журналистику.",
        ),
    ];
    // Storage is cleared first: a supporter's mark would stay.
    let mount = "localStorage.clear(); document.body.replaceChildren(); document.body.style.background = arguments[2] === 'dark' ? '#111' : '#fff';\
                 const element = document.createElement('div'); element.className = 'mounted axe-host';\
                 document.body.append(element);\
                 Folio.mount(element, arguments[0], { lang: arguments[1], theme: arguments[2], dir: arguments[3], supporter: arguments[4] });";
    let show = |selector: &str| {
        format!(
            "document.querySelector('.mounted').shadowRoot.querySelector('{selector}').scrollIntoView({{ block: 'center' }});"
        )
    };
    for (lang, words, dir, thanks) in states {
        for theme in ["light", "dark"] {
            let args = vec![
                article.clone(),
                json!(lang),
                json!(theme),
                json!(dir),
                json!(false),
            ];
            browser.eval(mount, args).await;
            let shown = "return !!document.querySelector('.mounted')?.shadowRoot?.querySelector('.folio-support__count');";
            browser.wait_for(shown, "the prompt with its count").await;
            for width in [1280, 375] {
                let at = format!("{lang} {theme} {width}");
                browser.resize(width, 900).await;
                browser
                    .eval(&show(".folio-support__frequencies"), vec![])
                    .await;
                browser
                    .screenshot(&format!("choices-{lang}-{theme}-{width}"))
                    .await;
                browser.eval(&show(".folio-support__decline"), vec![]).await;
                browser
                    .screenshot(&format!("decline-{lang}-{theme}-{width}"))
                    .await;
                let seen = state(&browser, 0).await;
                assert_eq!(seen["tabs"], json!(words), "{at}");
                assert_eq!(
                    seen["selected"],
                    json!([words[1]]),
                    "{at}: the default's tab"
                );
                let layout = "const root = document.querySelector('.mounted').shadowRoot;\
                              const aside = root.querySelector('.folio-support');\
                              return [getComputedStyle(root.querySelector('[role=tablist]')).direction,\
                                      aside.scrollWidth <= aside.clientWidth,\
                                      !!root.querySelector('.folio-support__count') && !!root.querySelector('.folio-support__remind')];";
                let layout = browser.eval(layout, vec![]).await;
                assert_eq!(layout, json!([dir, true, true]), "{at}");
                found.extend(crate::a11y::axe(&browser, &source, &at).await);
            }
            // A supporter: the thank-you line in the prompt's place.
            let args = vec![
                article.clone(),
                json!(lang),
                json!(theme),
                json!(dir),
                json!(true),
            ];
            browser.eval(mount, args).await;
            let thanked = "return document.querySelector('.mounted')?.shadowRoot?.querySelector('.folio-thanks')?.textContent;";
            let line = browser.wait_for(thanked, "the thank-you line").await;
            assert_eq!(line, thanks, "{lang}");
            for width in [1280, 375] {
                browser.resize(width, 900).await;
                browser.eval(&show(".folio-thanks"), vec![]).await;
                browser
                    .screenshot(&format!("thanks-{lang}-{theme}-{width}"))
                    .await;
                found.extend(
                    crate::a11y::axe(&browser, &source, &format!("thanks {lang} {theme} {width}"))
                        .await,
                );
            }
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    browser.stop().await;
}

/// Right to left, the left arrow goes forward through the tabs; in forced
/// colours the selected tab keeps a mark the others do not have.
#[tokio::test(flavor = "multi_thread")]
async fn the_tabs_read_right_to_left_and_in_forced_colours() {
    let server = pair::server(&tabbed());
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    browser.media(&[("forced-colors", "active")]).await;
    pair::open(&browser, &server, "pair.html").await;
    browser
        .eval("document.body.replaceChildren();", vec![])
        .await;
    let mount = "const element = document.createElement('div'); element.className = 'mounted';\
                 document.body.append(element); Folio.mount(element, arguments[0], { lang: 'ar', dir: 'rtl' });";
    browser.eval(mount, vec![tabbed()]).await;
    let shown =
        "return !!document.querySelector('.mounted')?.shadowRoot?.querySelector('[role=tab]');";
    browser.wait_for(shown, "the tabs").await;
    let marks = "const tabs = [...document.querySelector('.mounted').shadowRoot.querySelectorAll('[role=tab]')];\
                 const mark = (t) => { const s = getComputedStyle(t); return `${s.borderBottomStyle} ${s.borderBottomColor} ${s.borderBottomWidth}`; };\
                 const canvas = getComputedStyle(tabs[0].closest('.folio-support')).backgroundColor;\
                 return [matchMedia('(forced-colors: active)').matches, tabs.map(mark), canvas];";
    let seen = browser.eval(marks, vec![]).await;
    assert_eq!(seen[0], true);
    let marks: Vec<&str> = seen[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_ne!(marks[0], marks[1], "the selected tab is marked: {marks:?}");
    assert_eq!(marks[1], marks[2], "{marks:?}");
    // The others' mark is the background's colour: none to see.
    let canvas = seen[2].as_str().unwrap();
    assert!(marks[1].contains(canvas), "{marks:?} on {canvas}");
    assert!(!marks[0].contains(canvas), "{marks:?} on {canvas}");
    let scroll = "document.querySelector('.mounted').shadowRoot.querySelector('[role=tablist]').scrollIntoView({ block: 'center' });";
    browser.eval(scroll, vec![]).await;
    browser.screenshot("choices-forced-colors-ar").await;
    browser.media(&[]).await;
    focus(&browser, 0, "[role=tab][aria-selected=true]").await;
    browser.press(Key::Left).await;
    let forward = state(&browser, 0).await;
    assert_eq!(forward["selected"], json!(["شهريًا"]), "{forward}");
    assert_eq!(forward["focus"], "شهريًا");
    browser.press(Key::Right).await;
    assert_eq!(state(&browser, 0).await["selected"], json!(["مرة واحدة"]));
    browser.stop().await;
}
