//! Supporters are not asked: a reader marked as a supporter of a campaign
//! (by the page's address, `Folio.markSupported` or the host's
//! `supporter`) sees a thank-you line in the prompt's place and the
//! banner's, or nothing, as the publisher chose, on this page and the
//! next; a reader who is not one is asked as before.

use crate::browser::Browser;
use crate::site::Site;
use serde_json::{Value, json};

/// What widget `#<arguments[0]>` shows of the campaign, and its record.
const STATE: &str = r#"
const root = document.getElementById(arguments[0]).shadowRoot;
return {
  asks: !!root.querySelector("aside.folio-support"),
  thanks: root.querySelector(".folio-thanks")?.textContent ?? null,
  banner: root.querySelector(".folio-banner")?.textContent ?? null,
  bannerLinks: root.querySelectorAll(".folio-banner a").length,
  supported: JSON.parse(localStorage.getItem("folio:v1:support:favor-2024") ?? "{}").supported ?? null,
  marks: folioLog.events.filter((e) => e.type === "folio:support-supporter").map((e) => e.detail),
};
"#;

const THANKS: &str = "Thank you for supporting our journalism.";

async fn state(browser: &Browser, id: &str) -> Value {
    browser.eval(STATE, vec![json!(id)]).await
}

/// Waits for the page's first `folio:support-supporter` (sent once the
/// render that recorded the mark is done).
async fn marks(browser: &Browser) {
    let sent = "return folioLog.events.some((e) => e.type === 'folio:support-supporter');";
    browser.wait_for(sent, "folio:support-supporter").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_back_from_the_call_to_action_is_thanked_on_every_page_after() {
    let site = Site::start();
    let browser = Browser::start().await;
    // Another campaign's marker marks only that campaign: this reader is
    // asked.
    let other = format!("{}?folio-supported=another", site.page("plain.html"));
    browser.open_demo(&other).await;
    let asked = state(&browser, "article").await;
    assert_eq!(
        (&asked["asks"], &asked["thanks"], &asked["bannerLinks"]),
        (&json!(true), &Value::Null, &json!(1)),
        "a reader who is not a supporter is asked: {asked}"
    );
    assert_eq!(
        (&asked["supported"], &asked["marks"]),
        (&Value::Null, &json!([]))
    );

    // Back from the call to action, with the campaign's marker.
    let marked = format!("{}?folio-supported=favor-2024", site.page("plain.html"));
    browser.open_demo(&marked).await;
    marks(&browser).await;
    let thanked = state(&browser, "article").await;
    assert_eq!(thanked["asks"], false, "{thanked}");
    assert_eq!(thanked["thanks"], THANKS);
    assert_eq!(thanked["banner"], THANKS, "the banner thanks too");
    assert_eq!(thanked["bannerLinks"], 0);
    assert!(thanked["supported"].is_i64(), "recorded: {thanked}");
    assert_eq!(
        thanked["marks"],
        json!([{ "campaign": "favor-2024", "via": "url" }])
    );
    browser.screenshot("supporter-thanked-1280").await;

    // The next page, without the marker: still thanked, not marked again.
    browser.open_demo(&site.page("plain.html")).await;
    let next = state(&browser, "article").await;
    assert_eq!(
        (&next["asks"], &next["thanks"], &next["marks"]),
        (&json!(false), &json!(THANKS), &json!([])),
        "{next}"
    );
    assert_eq!(
        next["supported"], thanked["supported"],
        "the first mark counts"
    );
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mark_supported_thanks_the_prompts_already_on_the_page() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    assert_eq!(state(&browser, "article").await["asks"], true);
    let first = browser
        .eval("return await Folio.markSupported('favor-2024');", vec![])
        .await;
    let again = browser
        .eval("return await Folio.markSupported('favor-2024');", vec![])
        .await;
    assert_eq!((first, again), (json!(true), json!(false)), "new, then not");
    let now = state(&browser, "article").await;
    assert_eq!(
        (&now["asks"], &now["thanks"], &now["banner"]),
        (&json!(false), &json!(THANKS), &json!(THANKS)),
        "the prompt on the page turned into thanks: {now}"
    );
    assert!(now["supported"].is_i64());
    let refused = browser
        .eval(
            "try { await Folio.markSupported(' '); return 'accepted'; } catch (e) { return e.constructor.name; }",
            vec![],
        )
        .await;
    assert_eq!(refused, "TypeError");
    browser.stop().await;
}

/// Mounts the sample article into a new `#<id>` with `supports` as its
/// `support.supporters` and `options` as `mount`'s options, and waits for it.
async fn mount(browser: &Browser, id: &str, supporters: &str, options: Value) {
    browser
        .eval(
            r#"const [id, supporters, options] = arguments;
            const article = await (await fetch("../sample/article.json")).json();
            article.support.supporters = supporters;
            const element = document.createElement("div");
            element.id = id;
            document.body.append(element);
            Folio.mount(element, article, options);"#,
            vec![json!(id), json!(supporters), options],
        )
        .await;
    let shown =
        format!("return !!document.getElementById('{id}')?.shadowRoot?.querySelector('h1');");
    browser.wait_for(&shown, "the mounted widget").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hosts_word_marks_a_supporter_and_the_publisher_may_leave_them_alone() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    mount(&browser, "asked", "hide", json!({})).await;
    assert_eq!(state(&browser, "asked").await["asks"], true);

    mount(&browser, "spared", "hide", json!({ "supporter": true })).await;
    marks(&browser).await;
    let spared = state(&browser, "spared").await;
    assert_eq!(
        (&spared["asks"], &spared["thanks"], &spared["banner"]),
        (&json!(false), &Value::Null, &Value::Null),
        "no prompt, no thanks, no banner: {spared}"
    );
    assert_eq!(
        spared["marks"],
        json!([{ "campaign": "favor-2024", "via": "host" }])
    );
    // The mark reached the widgets already shown: the one that hides
    // supporters hides, the page's own one (which thanks) thanks.
    browser
        .wait_for(
            "return !!document.getElementById('article').shadowRoot.querySelector('.folio-thanks');",
            "the mark to reach the page's widget",
        )
        .await;
    let asked = state(&browser, "asked").await;
    assert_eq!(
        (&asked["asks"], &asked["banner"]),
        (&json!(false), &Value::Null)
    );
    assert_eq!(state(&browser, "article").await["thanks"], THANKS);

    let wrong = browser
        .eval(
            r#"const element = document.createElement("div");
            document.body.append(element);
            Folio.mount(element, {}, { supporter: "yes" });
            await new Promise((done) => element.addEventListener("folio:error", (e) => done(e.detail), { once: true }));
            return folioLog.events.filter((e) => e.type === "folio:error").at(-1)?.detail ?? null;"#,
            vec![],
        )
        .await;
    assert_eq!(wrong["path"], "options.supporter", "{wrong}");
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_supporter_attribute_set_later_turns_the_prompt_into_thanks() {
    let site = Site::start();
    let browser = Browser::start().await;
    browser.open_demo(&site.page("plain.html")).await;
    assert_eq!(state(&browser, "article").await["asks"], true);
    browser
        .eval(
            "document.getElementById('article').setAttribute('supporter', '');",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "return !!document.getElementById('article').shadowRoot.querySelector('.folio-thanks');",
            "the thanks",
        )
        .await;
    marks(&browser).await;
    let now = state(&browser, "article").await;
    assert_eq!(now["asks"], false, "{now}");
    assert_eq!(
        now["marks"],
        json!([{ "campaign": "favor-2024", "via": "host" }])
    );
    browser.stop().await;
}
