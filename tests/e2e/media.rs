//! Galleries and embeds: a gallery shows one photo at a time, moved by its
//! buttons, the keyboard and a swipe, and fetches no photo before it is
//! shown; an embed loads nothing of its provider until the reader asks,
//! then its player in a sandboxed frame, remembers "always" for that
//! provider (in storage only with consent), and says why when the page's
//! policy refuses the player. Pre-rendered and in the widget alike; both
//! languages, themes and widths looked at, and nothing axe-core finds.

use std::path::Path;

use serde_json::{Value, json};
use thirtyfour::Key;

use crate::browser::Browser;
use crate::server::{Response, Server};
use crate::site::dist;

/// The sample article with a gallery and embeds, in `lang` (`en`, `ar`).
fn sample(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/sample")
        .join(name(lang));
    std::fs::read_to_string(path).expect("the sample article")
}

fn name(lang: &str) -> String {
    match lang {
        "en" => "media.json".into(),
        other => format!("media.{other}.json"),
    }
}

/// The page policy of the demo (with the published hash of the inline
/// stylesheet a pre-rendered article carries), with `frame` as its
/// `frame-src`.
fn policy(frame: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' {}; \
         img-src 'self'; frame-src {frame}",
        folio_render::style_hash()
    )
}

/// Serves the release with: `/media/pre.html` (the sample pre-rendered,
/// and nothing else), `/media/both.html` (pre-rendered, then in a
/// widget), `/media/blank.html` (for articles mounted from a test),
/// `/media/strict.html` (the same under a policy that allows no frame),
/// and `/player` (a provider's player, counted by the server's log).
fn server() -> Server {
    let render = |lang: &str| {
        let options = folio_render::Options {
            assets: "/".into(),
            base: Some(format!("/sample/{}", name(lang))),
            ..Default::default()
        };
        folio_render::render(&sample(lang), &options).unwrap().text
    };
    let page = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Media</title>\
             <script type=\"module\" src=\"/folio.js\"></script></head><body>{body}</body></html>"
        )
    };
    let widget = "<folio-article src=\"/sample/media.json\"></folio-article>";
    let pages = [
        ("/media/pre.html", page(&render("en")), policy("'self'")),
        (
            "/media/both.html",
            page(&format!("{}{widget}", render("en"))),
            policy("'self'"),
        ),
        (
            "/media/blank.html",
            page(""),
            policy("'self' http://localhost:* https://www.youtube-nocookie.com"),
        ),
        ("/media/strict.html", page(""), policy("'none'")),
    ];
    Server::with_route(
        dist(),
        Box::new(move |path: &str, _root: &Path| {
            let answer = |body: String, kind: &str, csp: Option<&str>| {
                let mut headers = vec![("Content-Type".into(), kind.into())];
                if let Some(csp) = csp {
                    headers.push(("Content-Security-Policy".into(), csp.into()));
                }
                Response {
                    status: "200 OK",
                    headers,
                    body: body.into_bytes(),
                }
            };
            for (at, page, csp) in &pages {
                if path == *at {
                    return Some(answer(page.clone(), "text/html; charset=utf-8", Some(csp)));
                }
            }
            if path == "/sample/media.json" {
                return Some(answer(sample("en"), "application/json", None));
            }
            if path == "/player" {
                let player = "<!doctype html><title>Player</title><p>The player</p>";
                return Some(answer(player.into(), "text/html", None));
            }
            None
        }),
    )
}

/// What a reader sees of the gallery of article `arguments[0]` (an index
/// among the page's articles, pre-rendered or widget).
const GALLERY: &str = r#"
const all = [...document.querySelectorAll("folio-article, .folio-root[data-prerendered]")]
  .map((e) => e.shadowRoot ?? e).filter((r) => r.querySelector(".folio-gallery"));
const gallery = all[arguments[0]]?.querySelector(".folio-gallery");
if (!gallery || gallery.dataset.woken === undefined) return null;
const box = gallery.querySelector(".folio-gallery__photos").getBoundingClientRect();
const shown = [...gallery.querySelectorAll(".folio-gallery__slide")].filter((s) => {
  const r = s.getBoundingClientRect();
  return r.width > 0 && r.right > box.left + 1 && r.left < box.right - 1;
});
return {
  position: gallery.querySelector(".folio-gallery__position").textContent,
  controls: gallery.querySelector(".folio-gallery__controls").checkVisibility(),
  shown: shown.map((s) => new URL(s.querySelector("img").src).pathname),
  caption: shown[0]?.querySelector(".folio-figure__text")?.textContent ?? null,
  previous: gallery.querySelector(".folio-gallery__previous").getAttribute("aria-disabled"),
  next: gallery.querySelector(".folio-gallery__next").getAttribute("aria-disabled"),
  label: gallery.getAttribute("aria-label"),
  center: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
};
"#;

/// `action` run with `g`, the gallery of article `arguments[0]`.
fn on_gallery(action: &str) -> String {
    format!(
        "const all = [...document.querySelectorAll('folio-article, .folio-root[data-prerendered]')]\
           .map((e) => e.shadowRoot ?? e).filter((r) => r.querySelector('.folio-gallery'));\
         const g = all[arguments[0]].querySelector('.folio-gallery'); {action}"
    )
}

async fn gallery(browser: &Browser, at: usize) -> Value {
    browser.eval(GALLERY, vec![json!(at)]).await
}

/// Swipes across the gallery's photo with the mouse, `dx` pixels.
async fn swipe(browser: &Browser, center: &Value, dx: i64) {
    let (x, y) = (center[0].as_i64().unwrap(), center[1].as_i64().unwrap());
    for (kind, at, buttons) in [
        ("mousePressed", x, 1),
        ("mouseMoved", x + dx / 2, 1),
        ("mouseReleased", x + dx, 0),
    ] {
        let event = json!({ "type": kind, "x": at, "y": y, "button": "left", "buttons": buttons, "clickCount": 1 });
        browser.cdp("Input.dispatchMouseEvent", event).await;
    }
}

/// Waits until the gallery of article `at` says `position`, and reads it.
async fn at_position(browser: &Browser, at: usize, position: &str) -> Value {
    let condition = format!(
        "return (() => {{ {} }})()?.position === {};",
        GALLERY.replace("arguments[0]", &at.to_string()),
        json!(position)
    );
    browser
        .wait_for(&condition, &format!("the gallery at {position}"))
        .await;
    gallery(browser, at).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gallery_shows_one_photo_at_a_time_by_button_key_and_swipe_and_fetches_none_early() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;

    // Pre-rendered alone: woken with no core.
    browser.open(&server.url("media/pre.html")).await;
    let woken = format!("return (() => {{ {GALLERY} }})() !== null;").replace("arguments[0]", "0");
    browser
        .wait_for(&woken, "the pre-rendered gallery woken")
        .await;
    let requests = server.requests();
    assert!(
        !requests.iter().any(|r| r.contains("folio_bg.wasm")),
        "a pre-rendered gallery needs no core: {requests:?}"
    );
    assert!(
        requests.iter().any(|r| r == "/folio-media.js"),
        "{requests:?}"
    );

    browser.open(&server.url("media/both.html")).await;
    let both = format!(
        "return (() => {{ {} }})() !== null && (() => {{ {} }})() !== null;",
        GALLERY.replace("arguments[0]", "0"),
        GALLERY.replace("arguments[0]", "1")
    );
    browser.wait_for(&both, "both galleries woken").await;
    let mut first = gallery(&browser, 0).await;
    let mut widget = gallery(&browser, 1).await;
    for seen in [&mut first, &mut widget] {
        seen.as_object_mut().unwrap().remove("center");
    }
    assert_eq!(widget, first, "the widget is as pre-rendered");
    assert_eq!(first["position"], "1 of 3");
    assert_eq!(first["controls"], true);
    assert_eq!(first["shown"], json!(["/sample/river.svg"]));
    assert_eq!(
        first["caption"],
        "Morning: the first net comes out below the Trinity bridge."
    );
    assert_eq!(first["label"], "Photo gallery");
    assert_eq!(
        (&first["previous"], &first["next"]),
        (&json!("true"), &json!("false"))
    );
    // No photo not shown was fetched.
    let fetched = |photo: &str| server.requests().iter().any(|r| r.ends_with(photo));
    assert!(
        !fetched("market.svg") && !fetched("dawn.svg"),
        "{:?}",
        server.requests()
    );

    for at in [0, 1] {
        let focus_next = on_gallery("g.querySelector('.folio-gallery__next').focus();");
        browser.eval(&focus_next, vec![json!(at)]).await;
        browser.press(Key::Enter).await;
        let second = at_position(&browser, at, "2 of 3").await;
        assert_eq!(second["shown"], json!(["/sample/market.svg"]), "{at}");
        assert_eq!(
            second["caption"],
            "Evening: 40 crates of glass and metal wait on the quay."
        );
        assert!(fetched("market.svg"));
        browser.press(Key::Right).await;
        let third = at_position(&browser, at, "3 of 3").await;
        assert_eq!(third["shown"], json!(["/sample/dawn.svg"]), "{at}");
        assert_eq!(third["next"], "true");
        // Past the last photo it stays (no wrap): one step back is the second.
        browser.press(Key::Right).await;
        browser.press(Key::Left).await;
        let back_one = at_position(&browser, at, "2 of 3").await;
        assert_eq!(back_one["shown"], json!(["/sample/market.svg"]), "{at}");
        browser.press(Key::Home).await;
        let back = at_position(&browser, at, "1 of 3").await;
        let into_view = on_gallery("g.scrollIntoView({ block: 'center' });");
        browser.eval(&into_view, vec![json!(at)]).await;
        let center = gallery(&browser, at).await["center"].clone();
        swipe(&browser, &center, -200).await;
        assert_eq!(
            at_position(&browser, at, "2 of 3").await["shown"],
            json!(["/sample/market.svg"])
        );
        swipe(&browser, &center, 200).await;
        assert_eq!(
            at_position(&browser, at, "1 of 3").await["shown"],
            back["shown"]
        );
        // A short move is no swipe.
        swipe(&browser, &center, -20).await;
        assert_eq!(gallery(&browser, at).await["position"], "1 of 3");
    }
    browser.stop().await;
}

/// An article of four embeds: two of one provider Folio does not know
/// (its player, from its oEmbed `html`, at `player` on another origin than
/// the page's), one on YouTube, and one that calls itself by the first's
/// name but plays from `own`, the page's own origin.
fn embeds(player: &str, own: &str) -> Value {
    let frame = |src: &str| {
        format!(
            "<iframe width=\"640\" height=\"360\" src=\"{src}\" frameborder=\"0\"></iframe><script src=\"https://video.example/x.js\"></script>"
        )
    };
    json!({
        "id": "embeds",
        "headline": "Four embeds",
        "published": "2024-05-19",
        "body": "First.\n\n<https://video.example/v/1>\n\nSecond.\n\n[The same film again](https://video.example/v/1)\n\n<https://youtu.be/M7lc1UVf-VE>\n\n<https://video.example/v/2>",
        "embeds": [{
            "url": "https://video.example/v/1",
            "provider": "Example Video",
            "title": "A river film",
            "text": "Four minutes on the Svislach.",
            "html": frame(player),
            "width": 640,
            "height": 360
        }, {
            "url": "https://video.example/v/2",
            "provider": "Example Video",
            "title": "Another film",
            "html": frame(own),
        }]
    })
}

/// What a reader sees of the embeds of the mounted article.
const EMBEDS: &str = r#"
const root = document.querySelector(".mounted").shadowRoot;
return [...root.querySelectorAll(".folio-embed")].map((e) => {
  const frame = e.querySelector("iframe");
  const visible = (s) => !!e.querySelector(s)?.checkVisibility();
  return {
    provider: e.querySelector(".folio-embed__provider").textContent,
    title: e.querySelector(".folio-embed__title")?.textContent ?? null,
    button: visible(".folio-embed__load") ? e.querySelector(".folio-embed__load").textContent : null,
    link: [e.querySelector(".folio-embed__link").textContent, e.querySelector(".folio-embed__link").href],
    blocked: visible(".folio-embed__blocked") ? e.querySelector(".folio-embed__blocked").textContent : null,
    frame: frame && { src: frame.src, sandbox: frame.getAttribute("sandbox"), title: frame.title },
  };
});
"#;

const MOUNT: &str = "document.body.replaceChildren();\
    const element = document.createElement('div'); element.className = 'mounted';\
    document.body.append(element);\
    Folio.mount(element, arguments[0], { consent: arguments[1] });";

/// Clicks embed `arguments[0]`'s button, its "always" ticked when `arguments[1]`.
const LOAD: &str = "const e = document.querySelector('.mounted').shadowRoot.querySelectorAll('.folio-embed')[arguments[0]];\
    e.querySelector('.folio-embed__always input').checked = arguments[1];\
    e.querySelector('.folio-embed__load').click();";

async fn mounted(browser: &Browser, article: &Value, consent: &str) -> Value {
    browser
        .eval(MOUNT, vec![article.clone(), json!(consent)])
        .await;
    let ready = "return document.querySelector('.mounted')?.shadowRoot?.querySelectorAll('.folio-embed[data-woken]').length === 4;";
    browser.wait_for(ready, "the embeds woken").await;
    browser.eval(EMBEDS, vec![]).await
}

const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";

#[tokio::test(flavor = "multi_thread")]
async fn an_embed_loads_nothing_until_asked_then_its_player_sandboxed_and_remembers_with_consent() {
    let server = server();
    let browser = Browser::start().await;
    browser.open(&server.url("media/blank.html")).await;
    // The player on another origin than the page's (the same server).
    let player = server.url("player?v=1").replace("127.0.0.1", "localhost");
    let own = server.url("player?v=2");
    let article = embeds(&player, &own);
    let seen = mounted(&browser, &article, "granted").await;
    let placeholder = json!({
        "provider": "Example Video",
        "title": "A river film",
        "button": "Load content from Example Video",
        "link": ["Open on Example Video", "https://video.example/v/1"],
        "blocked": null,
        "frame": null,
    });
    assert_eq!(seen[0], placeholder);
    assert_eq!(seen[1], placeholder, "a listed link with words of its own");
    assert_eq!(seen[2]["provider"], "YouTube");
    assert_eq!(seen[2]["button"], "Load content from YouTube");
    assert_eq!(seen[3]["provider"], "Example Video");
    let played = || {
        server
            .requests()
            .iter()
            .filter(|r| r.starts_with("/player"))
            .count()
    };
    assert_eq!(played(), 0, "nothing of a provider before the reader asks");

    // "Always": both from that player's origin load; YouTube's stays, and
    // so does the one that took the provider's name but plays elsewhere.
    browser.eval(LOAD, vec![json!(0), json!(true)]).await;
    let loaded = "return document.querySelector('.mounted').shadowRoot.querySelectorAll('.folio-embed iframe').length === 2;";
    browser.wait_for(loaded, "both players").await;
    let seen = browser.eval(EMBEDS, vec![]).await;
    for embed in &seen.as_array().unwrap()[..2] {
        let frame = json!({ "src": player, "sandbox": SANDBOX, "title": "A river film" });
        assert_eq!(embed["frame"], frame, "{embed}");
        assert_eq!(embed["button"], Value::Null);
        assert_eq!(embed["link"], placeholder["link"], "the link stays");
    }
    assert_eq!(
        (&seen[2]["frame"], &seen[3]["frame"]),
        (&Value::Null, &Value::Null)
    );
    let origin = player.split("/player").next().unwrap().to_string();
    let stored = "return localStorage.getItem('folio:embeds');";
    assert_eq!(
        browser.eval(stored, vec![]).await,
        json!([&origin]).to_string()
    );

    // YouTube's player, without cookies, once asked for; not remembered.
    browser.eval(LOAD, vec![json!(2), json!(false)]).await;
    let youtube = browser.eval(EMBEDS, vec![]).await[2]["frame"].clone();
    assert_eq!(
        youtube["src"],
        "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    );
    assert_eq!(youtube["sandbox"], SANDBOX);
    assert_eq!(
        browser.eval(stored, vec![]).await,
        json!([&origin]).to_string()
    );
    // A player on the page's own origin is not itself in its frame (it
    // could lift its own sandbox).
    browser.eval(LOAD, vec![json!(3), json!(false)]).await;
    let here = browser.eval(EMBEDS, vec![]).await[3]["frame"].clone();
    assert_eq!(here["src"], own.as_str());
    assert_eq!(here["sandbox"], SANDBOX.replace(" allow-same-origin", ""));

    // A later page with consent loads the remembered origin at once.
    browser.open(&server.url("media/blank.html")).await;
    let seen = mounted(&browser, &article, "granted").await;
    assert_eq!(seen[0]["frame"]["src"], player.as_str());
    assert_eq!(
        (&seen[2]["frame"], &seen[3]["frame"]),
        (&Value::Null, &Value::Null)
    );

    // Without consent: storage is neither read (the choice kept there
    // loads nothing) nor written; "always" holds for the page.
    browser.open(&server.url("media/blank.html")).await;
    let kept = format!(
        "localStorage.setItem('folio:embeds', {});",
        json!(json!([&origin]).to_string())
    );
    browser.eval(&kept, vec![]).await;
    let before = played();
    let seen = mounted(&browser, &article, "denied").await;
    assert_eq!(
        seen[0]["frame"],
        Value::Null,
        "storage is not read without consent"
    );
    browser.eval("localStorage.clear();", vec![]).await;
    browser.eval(LOAD, vec![json!(1), json!(true)]).await;
    browser
        .wait_for(loaded, "both players, for this page")
        .await;
    assert_eq!(
        browser.eval(stored, vec![]).await,
        Value::Null,
        "nor written"
    );
    assert!(played() > before);
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_policy_refuses_the_player_keeps_the_placeholder_and_says_why() {
    let server = server();
    let browser = Browser::start().await;
    browser.open(&server.url("media/strict.html")).await;
    let article = embeds(&server.url("player?v=1"), &server.url("player?v=2"));
    mounted(&browser, &article, "granted").await;
    browser.eval(LOAD, vec![json!(0), json!(false)]).await;
    let said = "return !!document.querySelector('.mounted').shadowRoot.querySelector('.folio-embed__blocked:not([hidden])');";
    browser.wait_for(said, "the reason").await;
    let seen = browser.eval(EMBEDS, vec![]).await;
    assert_eq!(
        seen[0],
        json!({
            "provider": "Example Video",
            "title": "A river film",
            "button": null,
            "link": ["Open on Example Video", "https://video.example/v/1"],
            "blocked": "This page does not allow content from Example Video.",
            "frame": null,
        })
    );
    browser.stop().await;
}

/// The sample in both languages and themes, wide and narrow: the gallery
/// (moved on once) and the placeholders in the language's direction,
/// nothing wider than the article, and nothing axe-core finds;
/// screenshots for the eye.
#[tokio::test(flavor = "multi_thread")]
async fn galleries_and_embeds_in_two_languages_both_themes_and_two_widths() {
    let server = server();
    let browser = Browser::start().await;
    browser.open(&server.url("media/blank.html")).await;
    let source = crate::a11y::axe_source();
    let mut found = Vec::new();
    let mount = crate::a11y::MOUNT_THEMED;
    let layout = r#"
const root = document.querySelector(".mounted").shadowRoot;
const article = root.querySelector("article").getBoundingClientRect();
const parts = [...root.querySelectorAll(".folio-gallery, .folio-gallery__controls, .folio-embed, .folio-embed__box")];
return {
  dir: getComputedStyle(root.querySelector("article")).direction,
  wider: parts.filter((p) => { const r = p.getBoundingClientRect(); return r.left < article.left - 1 || r.right > article.right + 1; }).map((p) => p.className),
  position: root.querySelector(".folio-gallery__position").textContent,
  button: root.querySelector(".folio-embed__load").textContent,
};
"#;
    let show = crate::a11y::scroll_to;
    for (lang, dir, position, button) in [
        ("en", "ltr", "2 of 3", "Load content from YouTube"),
        ("ar", "rtl", "2 من 3", "تحميل المحتوى من YouTube"),
    ] {
        let base = server.url(&format!("sample/{}", name(lang)));
        let mut article: Value = serde_json::from_str(&sample(lang)).unwrap();
        let beside = |src: &str| {
            base.rsplit_once('/')
                .map(|(dir, _)| format!("{dir}/{src}"))
                .unwrap()
        };
        let mut body = article["body"].as_str().unwrap().to_string();
        for image in article["images"].as_array_mut().unwrap() {
            let src = image["src"].as_str().unwrap().to_string();
            body = body.replace(&format!("]({src}"), &format!("]({}", beside(&src)));
            image["src"] = json!(beside(&src));
        }
        article["body"] = json!(body);
        for theme in ["light", "dark"] {
            browser
                .eval(mount, vec![article.clone(), json!(theme)])
                .await;
            let woken = "return !!document.querySelector('.mounted')?.shadowRoot?.querySelector('.folio-gallery[data-woken]');";
            browser.wait_for(woken, "the mounted gallery").await;
            let next = "document.querySelector('.mounted').shadowRoot.querySelector('.folio-gallery__next').click();";
            browser.eval(next, vec![]).await;
            for width in [1280, 375] {
                let at = format!("{lang} {theme} {width}");
                browser.resize(width, 900).await;
                let seen = browser.eval(layout, vec![]).await;
                assert_eq!(seen["dir"], dir, "{at}");
                assert_eq!(seen["wider"], json!([]), "{at}: {seen}");
                assert_eq!(seen["position"], position, "{at}");
                assert_eq!(seen["button"], button, "{at}");
                browser.eval(&show(".folio-gallery"), vec![]).await;
                let loaded = "return [...document.querySelector('.mounted').shadowRoot.querySelectorAll('.folio-gallery__slide[data-current] img')].every((i) => i.complete && i.naturalWidth > 0);";
                browser.wait_for(loaded, "the photo shown").await;
                browser
                    .screenshot(&format!("media-gallery-{lang}-{theme}-{width}"))
                    .await;
                browser.eval(&show(".folio-embed"), vec![]).await;
                browser
                    .screenshot(&format!("media-embed-{lang}-{theme}-{width}"))
                    .await;
                found.extend(crate::a11y::axe(&browser, &source, &at).await);
            }
        }
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
    browser.stop().await;
}

/// A reader whose browser runs no script gets every photo of a
/// pre-rendered gallery, in turn with its caption, and each embed's
/// words and link, without a control that would do nothing.
#[tokio::test(flavor = "multi_thread")]
async fn without_script_a_pre_rendered_gallery_shows_every_photo_and_an_embed_its_link() {
    let server = server();
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    let off = json!({ "value": true });
    browser
        .cdp("Emulation.setScriptExecutionDisabled", off)
        .await;
    browser.open(&server.url("media/pre.html")).await;
    // With scripts off, the page's own are off too: reading it is the
    // driver's, which still runs.
    let read = r#"
const root = document.querySelector("folio-article").shadowRoot;
const visible = (e) => !!e?.checkVisibility();
return {
  media: matchMedia("(scripting: none)").matches,
  photos: [...root.querySelectorAll(".folio-gallery__slide")].filter(visible).map((s) => [
    new URL(s.querySelector("img").src).pathname,
    s.querySelector(".folio-figure__text")?.textContent ?? null,
  ]),
  stacked: (() => {
    const [a, b] = [...root.querySelectorAll(".folio-gallery__slide")].map((s) => s.getBoundingClientRect());
    return b.top >= a.bottom;
  })(),
  controls: [...root.querySelectorAll(".folio-gallery__controls, .folio-embed__load, .folio-embed__always")].some(visible),
  links: [...root.querySelectorAll(".folio-embed__link")].filter(visible).map((a) => a.textContent),
};
"#;
    let seen = browser.eval(read, vec![]).await;
    assert_eq!(seen["media"], true, "read with scripting on: {seen}");
    assert_eq!(
        seen["photos"],
        json!([
            [
                "/sample/river.svg",
                "Morning: the first net comes out below the Trinity bridge."
            ],
            [
                "/sample/market.svg",
                "Evening: 40 crates of glass and metal wait on the quay."
            ],
            [
                "/sample/dawn.svg",
                "Dawn, before the first volunteers arrived."
            ],
        ])
    );
    assert_eq!(seen["stacked"], true, "{seen}");
    assert_eq!(seen["controls"], false, "{seen}");
    assert_eq!(
        seen["links"],
        json!(["Open on YouTube", "Open on Mastodon"])
    );
    browser.stop().await;
}
