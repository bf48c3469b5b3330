//! "Remind me on {date}": the reader is handed a calendar file for the
//! first of next month (of the month after, past the 20th), made in the
//! page, and the prompt rests until that day, in the widget and in a
//! pre-rendered article's island alike; or, when the publisher has a
//! reminder service, the control is a link there with the day.

use crate::browser::Browser;
use crate::pair;
use serde_json::{Value, json};

/// The reminder's day by the browser's clock, as the reader expects it:
/// its first moment in ms, `YYYYMMDD`, and the label in English and
/// Russian.
const EXPECTED: &str = r#"
const now = new Date();
const day = new Date(now.getFullYear(), now.getMonth() + (now.getDate() > 20 ? 2 : 1), 1);
const two = (n) => String(n).padStart(2, "0");
const dayMonth = (lang) => new Intl.DateTimeFormat(lang, { day: "numeric", month: "long" }).format(day);
return {
  until: day.getTime(),
  compact: `${day.getFullYear()}${two(day.getMonth() + 1)}01`,
  iso: `${day.getFullYear()}-${two(day.getMonth() + 1)}-01`,
  en: `Remind me on ${dayMonth("en")}`,
  ru: `Напомнить ${dayMonth("ru")}`,
};
"#;

/// Each prompt's reminder control: its tag, text and address.
const CONTROLS: &str = r#"
return [...document.querySelectorAll("folio-article, #ru")].map((element) => {
  const control = element.shadowRoot.querySelector(".folio-support__remind");
  return control && { tag: control.localName, text: control.textContent, href: control.getAttribute("href") };
});
"#;

async fn record(browser: &Browser) -> Value {
    browser
        .eval(
            "return JSON.parse(localStorage.getItem('folio:v1:support:favor-2024') ?? 'null');",
            vec![],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_calendar_file_for_the_reminders_day_and_the_prompt_rests_until_then() {
    let mut article = pair::sample();
    article["support"]["reminder"] = json!({});
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    pair::open(&browser, &server, "pair.html").await;
    let expected = browser.eval(EXPECTED, vec![]).await;
    // A widget in Russian beside them.
    browser
        .eval(
            "const element = document.createElement('div'); element.id = 'ru'; document.body.append(element);\
             Folio.mount(element, arguments[0], { lang: 'ru' });",
            vec![article.clone()],
        )
        .await;
    let ru = "return !!document.getElementById('ru').shadowRoot?.querySelector('.folio-support__remind');";
    browser.wait_for(ru, "the Russian prompt").await;
    let controls = browser.eval(CONTROLS, vec![]).await;
    let button = |text: &Value| json!({ "tag": "button", "text": text, "href": null });
    assert_eq!(
        controls,
        json!([
            button(&expected["en"]),
            button(&expected["en"]),
            button(&expected["ru"])
        ]),
        "island, widget, widget in Russian"
    );
    for width in [1280, 375] {
        browser.resize(width, 800).await;
        browser
            .eval(
                "document.getElementById('ru').shadowRoot\
                 .querySelector('.folio-support__decline').scrollIntoView({ block: 'center' });",
                vec![],
            )
            .await;
        browser.screenshot(&format!("reminder-ru-{width}")).await;
    }
    browser.resize(1280, 800).await;

    // The island's reminder, then the widget's.
    for (at, which) in [(0, "island"), (1, "widget")] {
        browser
            .eval(
                "document.querySelectorAll('folio-article')[arguments[0]].shadowRoot\
                 .querySelector('.folio-support__remind').click();",
                vec![json!(at)],
            )
            .await;
        let filed = format!("return files.length === {};", at + 1);
        browser.wait_for(&filed, "the calendar file").await;
        let file = browser.eval(&format!("return files[{at}];"), vec![]).await;
        assert_eq!(file["type"], "text/calendar;charset=utf-8", "{which}");
        let text = file["text"].as_str().unwrap().replace("\r\n ", "");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{which}: {text}");
        let start = format!(
            "\r\nDTSTART;VALUE=DATE:{}\r\n",
            expected["compact"].as_str().unwrap()
        );
        assert!(text.contains(&start), "{which}: {text}");
        assert!(
            text.contains("\r\nURL:https://publisher.example/support?amount=2&frequency=monthly&campaign=favor-2024&origin="),
            "{which}: the call to action with the chosen amount: {text}"
        );
        assert!(
            text.contains("\r\nSUMMARY:… we have a small favor to ask.\r\n"),
            "{which}: {text}"
        );
        let gone = browser
            .eval(
                "return !document.querySelectorAll('folio-article')[arguments[0]].shadowRoot\
                 .querySelector('aside.folio-support');",
                vec![json!(at)],
            )
            .await;
        assert_eq!(gone, true, "{which}: the prompt rests");
        assert_eq!(
            record(&browser).await["remind"],
            expected["until"],
            "{which}"
        );
    }
    let log = browser
        .eval(
            "return log.filter((e) => e.type === 'folio:support-reminder');",
            vec![],
        )
        .await;
    let sent = json!({ "campaign": "favor-2024", "date": expected["iso"], "via": "calendar" });
    for event in log.as_array().unwrap() {
        let detail = &event["detail"];
        assert_eq!(
            json!({ "campaign": detail["campaign"], "date": detail["date"], "via": detail["via"] }),
            sent
        );
        assert!(detail["until"].as_str().is_some(), "{detail}");
    }
    assert_eq!(log.as_array().unwrap().len(), 2, "{log}");

    // Later pages: the prompt rests until the reminder's day.
    browser.open(&server.url("pair.html")).await;
    let loaded = "return [...document.querySelectorAll('folio-article')].every((e) => e.shadowRoot?.querySelector('h1'));";
    browser.wait_for(loaded, "both articles").await;
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelector('[data-island]').scrollIntoView();",
            vec![],
        )
        .await;
    let asks = browser
        .eval(
            "return [...document.querySelectorAll('folio-article')].map((e) => !!e.shadowRoot.querySelector('aside.folio-support'));",
            vec![],
        )
        .await;
    assert_eq!(asks, json!([false, false]));
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_publishers_reminder_service_is_a_link_with_the_day() {
    let mut article = pair::sample();
    article["support"]["reminder"] = json!({ "href": "https://publisher.example/remind?list=1" });
    let server = pair::server(&article);
    let browser = Browser::start().await;
    browser.resize(1280, 800).await;
    pair::open(&browser, &server, "pair.html").await;
    let expected = browser.eval(EXPECTED, vec![]).await;
    let controls = browser.eval(CONTROLS, vec![]).await;
    let origin = server.origin();
    let href = format!(
        "https://publisher.example/remind?list=1&campaign=favor-2024&origin={}&date={}",
        origin.replace(':', "%3A").replace('/', "%2F"),
        expected["iso"].as_str().unwrap()
    );
    let link = json!({ "tag": "a", "text": expected["en"], "href": href });
    assert_eq!(controls, json!([link, link]), "island, widget");
    browser
        .eval(
            "document.querySelector('folio-article').shadowRoot.querySelector('.folio-support__remind').click();",
            vec![],
        )
        .await;
    let sent = "return log.some((e) => e.type === 'folio:support-reminder');";
    browser.wait_for(sent, "folio:support-reminder").await;
    let detail = browser
        .eval(
            "return log.find((e) => e.type === 'folio:support-reminder').detail;",
            vec![],
        )
        .await;
    assert_eq!(detail["via"], "link", "{detail}");
    assert_eq!(
        browser.eval("return files.length;", vec![]).await,
        0,
        "no file"
    );
    assert_eq!(record(&browser).await["remind"], expected["until"]);
    browser.stop().await;
}
