//! URLs from other formats made absolute against the document's own
//! address, so that no relative one is left to resolve against the page
//! that embeds the article (RFC 3986 §5, for the URLs articles carry).

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
    fn refuses_what_the_policy_refuses() {
        assert_eq!(link("javascript:alert(1)", Some(BASE)), None);
        assert_eq!(image("tel:123", Some(BASE)), None);
    }
}
