//! Article trees as they go onto a page: relative `href`/`src` values
//! resolved against where the article came from, and links that lead off
//! the page marked `rel="noopener noreferrer"`. The browser's DOM builder
//! and the server's renderer both write blocks through [`markup`], so a
//! pre-rendered body is the same markup the widget builds.

use crate::html::{Attr, Element, Node, write_attr};

/// `blocks` as the markup the browser's parser builds them from, with the
/// attributes they get in the DOM (see [`attributes`]).
pub fn markup(blocks: &[&Node], base: Option<&str>) -> String {
    let mut html = String::new();
    let mut attrs = |element: &Element, out: &mut String| {
        attributes(element, base, |name, value| write_attr(out, name, value));
    };
    for block in blocks {
        block.write_markup(&mut html, false, &mut attrs);
    }
    html
}

/// Calls `f` with each attribute `element` gets on the page: relative
/// `href`/`src` values resolved against `base`, and `rel` for links that
/// then lead off the page's origin.
pub fn attributes(element: &Element, base: Option<&str>, mut f: impl FnMut(&str, &str)) {
    for (attr, value) in &element.attrs {
        match attr {
            Attr::Href => {
                let (href, rel) = link(value, base);
                if let Some(rel) = rel {
                    f("rel", rel);
                }
                f("href", &href);
            }
            Attr::Src => f("src", &resolve(value, base)),
            _ => f(attr.as_str(), value),
        }
    }
}

/// `url` resolved against `base`, or as it is when there is no base (or
/// it cannot be resolved). In the browser through its own URL parser,
/// elsewhere through [`crate::formats::url::resolve`], percent-encoded as
/// [`crate::formats::url::escaped`] writes it. Only an `http:` or
/// `https:` base, or a path, is resolved against: a relative link never
/// takes another scheme (`javascript:`) from its base.
pub fn resolve(url: &str, base: Option<&str>) -> String {
    let base = base.filter(|base| usable_base(base));
    #[cfg(all(target_arch = "wasm32", feature = "widget"))]
    let resolved = base
        .and_then(|base| web_sys::Url::new_with_base(url, base).ok())
        .map(|u| u.href());
    #[cfg(all(target_arch = "wasm32", feature = "widget"))]
    return resolved.unwrap_or_else(|| url.to_string());
    // Written into markup a server sends, the URL is escaped as a browser
    // serializes it (the DOM needs no such care).
    #[cfg(not(all(target_arch = "wasm32", feature = "widget")))]
    {
        let resolved = crate::formats::url::resolve(url, base).or_else(|| beside(url, base?));
        let url = resolved.as_deref().unwrap_or(url);
        crate::formats::url::escaped(url).into_owned()
    }
}

/// Whether relative URLs may resolve against `base`: an `http:` or
/// `https:` URL, or a path with no scheme.
pub fn usable_base(base: &str) -> bool {
    let base = base.trim_start_matches(|c: char| c <= ' ');
    match crate::formats::url::scheme(base) {
        None => true,
        Some(scheme) => scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"),
    }
}

/// A relative path `url` beside a base that is a path on the page's own
/// site (`hero.svg` beside `sample/article.json` is `sample/hero.svg`,
/// beside `/news/a.json?v=2` it is `/news/hero.svg`): how the page
/// reaches it. `None` for anything else.
#[cfg(not(all(target_arch = "wasm32", feature = "widget")))]
fn beside(url: &str, base: &str) -> Option<String> {
    use crate::formats::url::scheme;
    let relative = |u: &str| scheme(u).is_none() && !u.starts_with("//") && !u.is_empty();
    if !relative(url) || url.starts_with(['/', '#', '?']) || !relative(base) {
        return None;
    }
    let path = base.split(['?', '#']).next().unwrap_or(base);
    let folder = path.rfind('/').map_or("", |i| &path[..=i]);
    Some(format!("{folder}{url}"))
}

/// A link's `href` resolved against `base`, and the `rel` it gets when
/// it then leads off the page's origin.
pub fn link(href: &str, base: Option<&str>) -> (String, Option<&'static str>) {
    let href = resolve(href, base);
    let rel = leaves_page(&href).then_some("noopener noreferrer");
    (href, rel)
}

/// Whether `href` leads off the page's origin, judged on the text (no URL
/// object, no call out of the WebAssembly per link). Rendered on a server,
/// where the page is not known, every absolute link does.
fn leaves_page(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let absolute =
        lower.starts_with("http://") || lower.starts_with("https://") || href.starts_with("//");
    if !absolute {
        return false;
    }
    with_page_origin(|origin| {
        let Some(origin) = origin else {
            return true;
        };
        let rest = href.strip_prefix(origin);
        !rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    })
}

/// Calls `f` with the page's origin (`https://site.example`), read once
/// and lent, not copied, for each link; none off the browser.
fn with_page_origin<T>(f: impl FnOnce(Option<&str>) -> T) -> T {
    #[cfg(all(target_arch = "wasm32", feature = "widget"))]
    {
        thread_local! {
            static PAGE_ORIGIN: Option<String> =
                web_sys::window().and_then(|w| w.location().origin().ok());
        }
        PAGE_ORIGIN.with(|origin| f(origin.as_deref()))
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "widget")))]
    f(None)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::resolve;

    #[test]
    fn relative_urls_resolve_beside_the_articles_own_address() {
        let at = |base| resolve("hero.svg", Some(base));
        assert_eq!(
            at("https://news.example/a/b.json"),
            "https://news.example/a/hero.svg"
        );
        assert_eq!(at("sample/article.json"), "sample/hero.svg");
        assert_eq!(at("/news/a.json?v=2"), "/news/hero.svg");
        assert_eq!(at("article.json"), "hero.svg");
        assert_eq!(resolve("/x.png", Some("sample/a.json")), "/x.png");
        assert_eq!(
            resolve("https://cdn.example/x.png", Some("sample/a.json")),
            "https://cdn.example/x.png"
        );
        assert_eq!(resolve("hero.svg", None), "hero.svg");
    }

    #[test]
    fn a_relative_link_never_takes_a_scheme_other_than_http_from_its_base() {
        for base in [
            "javascript:alert(1)//",
            " JavaScript:x/",
            "data:text/html,x/",
        ] {
            assert_eq!(resolve("a.html", Some(base)), "a.html", "{base}");
        }
        assert_eq!(
            resolve("a.html", Some("HTTPS://news.example/b/c.json")),
            "HTTPS://news.example/b/a.html"
        );
    }
}
