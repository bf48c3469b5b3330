//! URLs read as RFC 3986 reads them (§5, for the URLs articles carry):
//! made absolute against a document's own address, so that no relative
//! one is left to resolve against the page that embeds the article, and
//! written as a browser serializes them.

use crate::safe_url;

/// `reference` resolved against `base` (an absolute URL), or as it is when
/// it is absolute already. `None` when it is relative and there is no
/// base to resolve it against.
pub fn resolve(reference: &str, base: Option<&str>) -> Option<String> {
    let reference = reference.trim();
    if scheme(reference).is_some() {
        return Some(reference.to_string());
    }
    let base = base.filter(|b| scheme(b).is_some())?;
    let (scheme, rest) = base.split_once(':')?;
    if let Some(network) = reference.strip_prefix("//") {
        return Some(format!("{scheme}://{network}"));
    }
    // The base without its fragment, then without its query.
    let base = base.split('#').next().unwrap_or(base);
    if reference.is_empty() || reference.starts_with('#') {
        return Some(format!("{base}{reference}"));
    }
    let without_query = base.split('?').next().unwrap_or(base);
    if reference.starts_with('?') {
        return Some(format!("{without_query}{reference}"));
    }
    let (origin, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
            let origin_len = scheme.len() + 3 + host_end;
            (&without_query[..origin_len], &without_query[origin_len..])
        }
        None => (&without_query[..scheme.len() + 1], &rest[..0]),
    };
    let merged = if reference.starts_with('/') {
        reference.to_string()
    } else {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{dir}{reference}")
    };
    let (path, tail) = match merged.find(['?', '#']) {
        Some(i) => merged.split_at(i),
        None => (merged.as_str(), ""),
    };
    Some(format!("{origin}{}{tail}", remove_dots(path)))
}

/// A link's address as Folio may show it: resolved, and allowed by the
/// URL policy.
pub fn link(reference: &str, base: Option<&str>) -> Option<String> {
    let resolved = match reference.trim().split_once(':') {
        // `mailto:` and `tel:` links have no base to need.
        Some((s, _)) if s.eq_ignore_ascii_case("mailto") || s.eq_ignore_ascii_case("tel") => {
            reference.trim().to_string()
        }
        _ => resolve(reference, base)?,
    };
    safe_url::check(&resolved).map(|safe| safe.href)
}

/// An image's address as Folio may show it.
pub fn image(reference: &str, base: Option<&str>) -> Option<String> {
    let resolved = resolve(reference, base)?;
    safe_url::check_image(&resolved).map(|safe| safe.href)
}

/// Whether `url` is absolute (has a scheme), and the scheme.
pub fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let scheme = &url[..end];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some(scheme)
}

/// `url` as a browser serializes it after parsing: a character the URL
/// standard does not allow to stand as written in a path, query or
/// fragment (a space, `<`, `[`, anything outside ASCII, a `%` that starts
/// no escape) percent-encoded as UTF-8; the scheme and host as written.
/// What a server writes in an attribute is then a valid URL, where a
/// browser would have read the unescaped one alike.
pub fn escaped(url: &str) -> std::borrow::Cow<'_, str> {
    // The authority, if any, runs from `//` to the first `/`, `?` or `#`.
    let start = match url.find("//") {
        Some(at)
            if url[..at]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.:".contains(&b)) =>
        {
            let after = at + 2;
            after
                + url[after..]
                    .find(['/', '?', '#'])
                    .unwrap_or(url.len() - after)
        }
        _ => 0,
    };
    let (head, tail) = url.split_at(start);
    let bytes = tail.as_bytes();
    let kept = |i: usize| {
        let b = bytes[i];
        match b {
            b'%' => bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => true,
            _ => b"!$&'()*+,-./:;=?@_~#".contains(&b),
        }
    };
    if (0..bytes.len()).all(kept) {
        return std::borrow::Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 16);
    out.push_str(head);
    for (i, &byte) in bytes.iter().enumerate() {
        match kept(i) {
            true => out.push(char::from(byte)),
            false => out.push_str(&format!("%{byte:02X}")),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The path with its `.` and `..` segments applied.
fn remove_dots(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            part => segments.push(part),
        }
    }
    let joined = segments.join("/");
    match joined.starts_with('/') {
        true => joined,
        false => format!("/{joined}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/world/2020/story.json?v=2#top";

    #[test]
    fn resolves_as_rfc_3986_does() {
        for (reference, expected) in [
            ("photo.jpg", "https://news.example/world/2020/photo.jpg"),
            ("../a/b", "https://news.example/world/a/b"),
            ("/news/x", "https://news.example/news/x"),
            ("//cdn.example/p.jpg", "https://cdn.example/p.jpg"),
            (
                "?page=2",
                "https://news.example/world/2020/story.json?page=2",
            ),
            (
                "#part",
                "https://news.example/world/2020/story.json?v=2#part",
            ),
            ("./x/../y?q#f", "https://news.example/world/2020/y?q#f"),
            ("../../../../up", "https://news.example/up"),
            ("http://other.example/", "http://other.example/"),
        ] {
            assert_eq!(
                resolve(reference, Some(BASE)).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
        assert_eq!(
            resolve("a", Some("https://news.example")).as_deref(),
            Some("https://news.example/a")
        );
    }

    #[test]
    fn a_relative_url_without_a_base_is_not_resolved() {
        assert_eq!(resolve("/news/x", None), None);
        assert_eq!(resolve("/news/x", Some("/relative/base")), None);
        assert_eq!(
            link("mailto:desk@news.example", None).as_deref(),
            Some("mailto:desk@news.example")
        );
    }

    #[test]
    fn what_a_url_may_not_hold_as_written_is_percent_encoded() {
        for (url, written) in [
            (
                "https://news.example/a b?q=<1>#[x]",
                "https://news.example/a%20b?q=%3C1%3E#%5Bx%5D",
            ),
            (
                "https://пример.рф/путь",
                "https://пример.рф/%D0%BF%D1%83%D1%82%D1%8C",
            ),
            ("https://[::1]:8080/ok", "https://[::1]:8080/ok"),
            ("/news/100%/x%2F", "/news/100%25/x%2F"),
            ("mailto:desk@news.example", "mailto:desk@news.example"),
            ("photo.jpg", "photo.jpg"),
        ] {
            assert_eq!(escaped(url), written, "{url}");
        }
    }

    #[test]
    fn refuses_what_the_policy_refuses() {
        assert_eq!(link("javascript:alert(1)", Some(BASE)), None);
        assert_eq!(image("tel:123", Some(BASE)), None);
    }
}
