//! Right to left: Arabic, Hebrew and Persian articles mirrored, the
//! prompt's amounts and arrow keys in reading order, and a Latin credit
//! under an Arabic caption kept apart; screenshots of the Russian and
//! Arabic samples at 1280 and 375 px, light and dark.

use crate::browser::Browser;
use crate::locales::{WORDS, mount, wordless};
use crate::site::Site;
use serde_json::{Value, json};
use thirtyfour::prelude::*;

/// How the widget `#id` lays out: directions, and where lines end.
const LAYOUT: &str = r#"
const root = document.getElementById(arguments[0]).shadowRoot;
const q = (sel) => root.querySelector(sel);
const dir = (sel) => getComputedStyle(q(sel)).direction;
// The first line of an element's text: its left and right ends, and the
// element's own box.
const line = (sel) => {
  const range = document.createRange();
  range.selectNodeContents(q(sel));
  // A line of mixed scripts is several rectangles: all those of the first.
  const rects = [...range.getClientRects()];
  const first = rects.filter((r) => Math.abs(r.top - rects[0].top) < 2);
  const box = q(sel).getBoundingClientRect();
  const left = Math.min(...first.map((r) => r.left));
  const right = Math.max(...first.map((r) => r.right));
  return { left: left - box.left, right: box.right - right };
};
const amounts = [...root.querySelectorAll(".folio-support__amount")].map((b) => b.getBoundingClientRect());
return {
  article: q("article.folio").getAttribute("dir"),
  headline: dir(".folio-headline"),
  standfirst: line(".folio-standfirst"),
  caption: dir(".folio-figure__text"),
  credit: dir(".folio-figure__credit bdi"),
  creditLine: line(".folio-figure__credit"),
  // Each amount left of the one before, or on a line below it.
  amountsRightToLeft: amounts.every((r, i) => i === 0 || r.top > amounts[i - 1].bottom - 1
    || r.right <= amounts[i - 1].left + 1),
  arrow: getComputedStyle(q(".folio-support__cta"), "::after").content,
};
"#;

/// The chosen amount's index in `#id`.
const CHECKED: &str = "const b = [...document.getElementById(arguments[0]).shadowRoot \
    .querySelectorAll('.folio-support__amount')]; \
    return b.findIndex((x) => x.getAttribute('aria-checked') === 'true');";

fn assert_mirrored(id: &str, seen: &Value) {
    assert_eq!(seen["article"], "rtl", "{id}: {seen}");
    assert_eq!(seen["headline"], "rtl", "{id}");
    let standfirst = &seen["standfirst"];
    assert!(
        standfirst["right"].as_f64().unwrap() < 1.0 && standfirst["left"].as_f64().unwrap() > 1.0,
        "{id}: the standfirst's first line starts at the right: {standfirst}"
    );
    assert_eq!(
        seen["amountsRightToLeft"], true,
        "{id}: amounts run right to left: {seen}"
    );
    assert_eq!(
        seen["arrow"], "\" ←\"",
        "{id}: the call to action points the way text runs"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn arabic_hebrew_and_persian_articles_read_right_to_left() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    browser.open_demo(&site.page("ar.html")).await;
    let seen = browser.eval(LAYOUT, vec![json!("article")]).await;
    assert_mirrored("ar", &seen);
    assert_eq!(seen["caption"], "rtl");
    assert_eq!(
        seen["credit"], "ltr",
        "the Latin credit runs left to right, isolated"
    );
    assert!(
        seen["creditLine"]["right"].as_f64().unwrap() < 1.0,
        "the credit lines up with the caption, at the right: {seen}"
    );
    let words = browser.eval(WORDS, vec![json!("article")]).await;
    assert_eq!(words["readMore"], "اقرأ المزيد");
    assert_eq!(words["dir"], "rtl");

    // The arrow keys move the choice in reading order: left is forward.
    browser
        .eval(
            "document.getElementById('article').shadowRoot \
               .querySelector('.folio-support__amount[aria-checked=true]').focus();",
            vec![],
        )
        .await;
    browser.press(Key::Left).await;
    assert_eq!(browser.eval(CHECKED, vec![json!("article")]).await, 1);
    browser.press(Key::Right).await;
    browser.press(Key::Right).await;
    assert_eq!(
        browser.eval(CHECKED, vec![json!("article")]).await,
        3,
        "wraps"
    );

    for (lang, read_more, text) in [
        (
            "he",
            "לקריאה נוספת",
            "יותר מ-100,000 מפגינים יצאו לרחובות ב-9 באוגוסט.",
        ),
        (
            "fa",
            "بیشتر بخوانید",
            "بیش از ۱۰۰ هزار نفر در ۹ اوت به خیابان‌ها آمدند.",
        ),
    ] {
        let mut article = wordless();
        article["lang"] = json!(lang);
        article["body"] = json!(format!("{text}\n\n{text}\n\n{text}\n\n{text}\n\n{text}\n"));
        article["standfirst"] = json!(text);
        let words = mount(&browser, lang, &article, json!({})).await;
        assert_eq!(words["readMore"], read_more, "{lang}");
        let seen = browser.eval(LAYOUT, vec![json!(lang)]).await;
        assert_mirrored(lang, &seen);
    }

    // A host's `dir` wins over the language's.
    let words = mount(&browser, "forced", &wordless(), json!({ "dir": "rtl" })).await;
    assert_eq!(words["dir"], "rtl");
    let seen = browser.eval(LAYOUT, vec![json!("forced")]).await;
    assert_eq!(seen["article"], "rtl");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_the_russian_and_arabic_samples() {
    let site = Site::start();
    let browser = Browser::start().await;
    for lang in ["ru", "ar"] {
        for width in [1280u32, 375] {
            browser.resize(width, 1400).await;
            browser.open_demo(&site.page(&format!("{lang}.html"))).await;
            for theme in ["light", "dark"] {
                browser
                    .eval(
                        "document.getElementById('article').setAttribute('theme', arguments[0]);",
                        vec![json!(theme)],
                    )
                    .await;
                browser
                    .wait_for(
                        "return !!document.getElementById('article').shadowRoot.querySelector('figure img')?.complete;",
                        "the photo",
                    )
                    .await;
                browser
                    .screenshot(&format!("locale-{lang}-{width}-{theme}"))
                    .await;
                browser
                    .eval(
                        "document.getElementById('article').shadowRoot.querySelector('.folio-support').scrollIntoView();",
                        vec![],
                    )
                    .await;
                browser
                    .screenshot(&format!("locale-{lang}-{width}-{theme}-prompt"))
                    .await;
                browser.eval("scrollTo(0, 0);", vec![]).await;
            }
        }
    }
    browser.stop().await;
}
