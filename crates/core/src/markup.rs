//! Article trees as they go onto a page: relative `href`/`src` values
//! resolved against where the article came from, and links that lead off
//! the page marked `rel="noopener noreferrer"`. The browser's DOM builder
//! and the server's renderer both write blocks through [`markup`], so a
//! pre-rendered body is the same markup the widget builds; what differs
//! between them, how a URL is resolved and which origin the page has, is
//! the [`Page`] they write for.

use crate::html::{Attr, Element, Node, write_attr};
use crate::url;

/// The page an article's markup goes on: how it resolves a URL, and its
/// origin.
pub trait Page {
    /// `url` resolved against `base`, a base [`usable_base`] allows;
    /// `None` when it cannot be.
    fn resolve_against(&self, url: &str, base: &str) -> Option<String>;

    /// `url` as written when it is not resolved against a base.
    fn unresolved(&self, url: &str) -> String {
        url.to_string()
    }

    /// Calls `f` with the page's origin (`https://site.example`), lent;
    /// `None` where it is not known (on a server), and then every absolute
    /// link leads off it.
    fn with_origin<T>(&self, f: impl FnOnce(Option<&str>) -> T) -> T {
        f(None)
    }

    /// `url` resolved against `base`, or as it is when there is no base
    /// (or it cannot be resolved). Only an `http:` or `https:` base, or a
    /// path, is resolved against: a relative link never takes another
    /// scheme (`javascript:`) from its base.
    fn resolve(&self, url: &str, base: Option<&str>) -> String {
        base.filter(|base| usable_base(base))
            .and_then(|base| self.resolve_against(url, base))
            .unwrap_or_else(|| self.unresolved(url))
    }
}

/// A page a server writes for: URLs resolved as RFC 3986 resolves them
/// ([`url::resolve`], or beside a base that is a path on the page's own
/// site), and written percent-encoded as a browser serializes them
/// ([`url::escaped`]); the page's origin is not known.
#[derive(Debug, Clone, Copy, Default)]
pub struct Server;

impl Page for Server {
    fn resolve_against(&self, url: &str, base: &str) -> Option<String> {
        let resolved = url::resolve(url, Some(base)).or_else(|| beside(url, base))?;
        Some(url::escaped(&resolved).into_owned())
    }

    fn unresolved(&self, url: &str) -> String {
        url::escaped(url).into_owned()
    }
}

/// `blocks` as the markup the browser's parser builds them from, with the
/// attributes they get on `page` (see [`attributes`]).
pub fn markup(blocks: &[&Node], base: Option<&str>, page: &impl Page) -> String {
    let mut html = String::new();
    let mut attrs = |element: &Element, out: &mut String| {
        attributes(element, base, page, |name, value| {
            write_attr(out, name, value)
        });
    };
    for block in blocks {
        block.write_markup(&mut html, false, &mut attrs);
    }
    html
}

/// Calls `f` with each attribute `element` gets on `page`: relative
/// `href`/`src` values resolved against `base`, and `rel` for links that
/// then lead off the page's origin.
pub fn attributes(
    element: &Element,
    base: Option<&str>,
    page: &impl Page,
    mut f: impl FnMut(&str, &str),
) {
    for (attr, value) in &element.attrs {
        match attr {
            Attr::Href => {
                let (href, rel) = link(value, base, page);
                if let Some(rel) = rel {
                    f("rel", rel);
                }
                f("href", &href);
            }
            Attr::Src => f("src", &page.resolve(value, base)),
            Attr::Srcset => f("srcset", &srcset(value, base, page)),
            _ => f(attr.as_str(), value),
        }
    }
}

/// A `srcset` with each candidate's URL resolved against `base`, its
/// descriptor kept: `a.jpg 640w, b.jpg 1280w`.
pub fn srcset(set: &str, base: Option<&str>, page: &impl Page) -> String {
    let mut out = String::new();
    for candidate in set.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&page.resolve(url, base));
        parts.for_each(|descriptor| {
            out.push(' ');
            out.push_str(descriptor);
        });
    }
    out
}

/// Whether relative URLs may resolve against `base`: an `http:` or
/// `https:` URL, or a path with no scheme.
pub fn usable_base(base: &str) -> bool {
    let base = base.trim_start_matches(|c: char| c <= ' ');
    match url::scheme(base) {
        None => true,
        Some(scheme) => scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"),
    }
}

/// A relative path `url` beside a base that is a path on the page's own
/// site (`hero.svg` beside `sample/article.json` is `sample/hero.svg`,
/// beside `/news/a.json?v=2` it is `/news/hero.svg`): how the page
/// reaches it. `None` for anything else.
fn beside(url: &str, base: &str) -> Option<String> {
    let relative = |u: &str| url::scheme(u).is_none() && !u.starts_with("//") && !u.is_empty();
    if !relative(url) || url.starts_with(['/', '#', '?']) || !relative(base) {
        return None;
    }
    let path = base.split(['?', '#']).next().unwrap_or(base);
    let folder = path.rfind('/').map_or("", |i| &path[..=i]);
    Some(format!("{folder}{url}"))
}

/// A link's `href` resolved against `base` on `page`, and the `rel` it
/// gets when it then leads off the page's origin.
pub fn link(href: &str, base: Option<&str>, page: &impl Page) -> (String, Option<&'static str>) {
    let href = page.resolve(href, base);
    let rel = page
        .with_origin(|origin| leaves(&href, origin))
        .then_some("noopener noreferrer");
    (href, rel)
}

/// Whether `href` leads off the page's `origin`, judged on the text (no
/// URL object, no call out of the WebAssembly per link). Where the origin
/// is not known, every absolute link does.
fn leaves(href: &str, origin: Option<&str>) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let absolute =
        lower.starts_with("http://") || lower.starts_with("https://") || href.starts_with("//");
    if !absolute {
        return false;
    }
    let Some(origin) = origin else {
        return true;
    };
    let rest = href.strip_prefix(origin);
    !rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

#[cfg(test)]
mod tests {
    use super::{Page, Server};

    fn resolve(url: &str, base: Option<&str>) -> String {
        Server.resolve(url, base)
    }

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
