//! The URL policy: which link and image addresses may reach the page.
//!
//! Only `http:`, `https:`, `mailto:`, `tel:` and relative URLs are allowed.
//! The scheme is judged the way a browser would find it, and then some: after
//! trimming, removing white space and control characters anywhere, and
//! decoding percent-escapes and character references, so that
//! `java%09script:`, `&#106;avascript:` or `JaVaScRiPt:` are all refused.

/// Schemes a link or image may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// A URL that passed the policy, ready to be set as an attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeUrl {
    /// The URL as it will be written: trimmed, with tabs and newlines removed.
    pub href: String,
}

/// Checks `raw` against the policy; `None` means it must not become a link.
pub fn check(raw: &str) -> Option<SafeUrl> {
    checked(raw).map(|(url, _)| url)
}

/// Checks `raw` for an image: as [`check`], without `mailto:` and `tel:`.
pub fn check_image(raw: &str) -> Option<SafeUrl> {
    match checked(raw)? {
        (_, Some("mailto" | "tel")) => None,
        (url, _) => Some(url),
    }
}

/// The URL that passed the policy, and its scheme (one of
/// [`ALLOWED_SCHEMES`]; `None` for a relative URL).
fn checked(raw: &str) -> Option<(SafeUrl, Option<&'static str>)> {
    let href: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let probe = normalize(&href);
    let scheme = match probe.find([':', '/', '?', '#']) {
        Some(i) if probe[i..].starts_with(':') => Some(&probe[..i]),
        _ => None,
    };
    // The host is judged as the browser will read the written href (which
    // treats a backslash as a slash in web URLs).
    let slashed = href.replace('\\', "/");
    let authority = slashed.split_once("//").map(|(_, rest)| rest);
    let scheme = match scheme {
        Some(s) => Some(*ALLOWED_SCHEMES.iter().find(|allowed| **allowed == s)?),
        None => None,
    };
    let needs_host = matches!(scheme, Some("http" | "https")) || slashed.starts_with("//");
    if needs_host && !authority.is_some_and(authority_parses) {
        return None;
    }
    Some((SafeUrl { href }, scheme))
}

/// Whether the authority at the start of `rest` (after `//`) is one a
/// browser can parse: a host that is not empty and has no forbidden
/// characters, and a port of digits, if any.
fn authority_parses(rest: &str) -> bool {
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match host_port.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((address, after)) => (address, after.strip_prefix(':').unwrap_or(after)),
            None => return false,
        },
        None => host_port.split_once(':').unwrap_or((host_port, "")),
    };
    // What no host a browser parses holds: URL delimiters, controls, white
    // space, invisible and replacement characters, and the punctuation and
    // symbols of U+2000 to U+2BFF (a host's own letters may be any script's).
    let forbidden = |c: char| {
        " #%/:<>?@[\\]^|\"'`{}".contains(c)
            || c.is_control()
            || c.is_whitespace()
            || is_invisible(c)
            || matches!(c, '\u{2000}'..='\u{2BFF}' | '\u{FFF0}'..='\u{FFFF}')
    };
    !host.is_empty()
        && (host_port.starts_with('[') || !host.contains(forbidden))
        && port.bytes().all(|b| b.is_ascii_digit())
}

/// The form the scheme is judged on: decoded, lower-case, without anything a
/// browser (or an older one) might skip inside a scheme.
fn normalize(href: &str) -> String {
    // Most URLs have nothing to decode or skip: only case to fold.
    let plain = |b: u8| b.is_ascii_graphic() && b != b'%' && b != b'&';
    if href.bytes().all(plain) {
        return href.to_ascii_lowercase();
    }
    let mut text = href.to_string();
    // Decode twice: `%2526#58;` style double encodings must not slip through.
    for _ in 0..2 {
        text = decode_references(&percent_decode(&text));
    }
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !is_invisible(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Zero-width and bidirectional formatting characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes numeric character references and the named ones that can hide a
/// scheme (`&colon;`, `&Tab;`, `&NewLine;`). The `;` is optional, as in HTML.
fn decode_references(text: &str) -> String {
    const NAMED: [(&str, char); 4] = [
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("sol", '/'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let lower = rest.to_ascii_lowercase();
        let numeric = lower.strip_prefix('#').map(|n| match n.strip_prefix('x') {
            Some(hex) => (
                hex.chars().take_while(char::is_ascii_hexdigit).count(),
                16,
                2,
            ),
            None => (n.chars().take_while(char::is_ascii_digit).count(), 10, 1),
        });
        let decoded = match numeric {
            Some((digits, radix, prefix)) if digits > 0 => {
                let code = u32::from_str_radix(&rest[prefix..prefix + digits.min(8)], radix).ok();
                code.and_then(char::from_u32).map(|c| (c, prefix + digits))
            }
            _ => NAMED
                .iter()
                .find(|(name, _)| lower.starts_with(name))
                .map(|(name, c)| (*c, name.len())),
        };
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(raw: &str) -> bool {
        check(raw).is_some()
    }

    #[test]
    fn allows_the_four_schemes_and_relative_urls() {
        for url in [
            "https://example.org/a?b#c",
            "HTTP://Example.org",
            "mailto:desk@example.org",
            "tel:+15551234",
            "/news/1",
            "../photo.jpg",
            "photo.jpg",
            "?page=2",
            "#section",
            "//cdn.example/x.png",
        ] {
            assert!(allowed(url), "{url} should be allowed");
        }
    }

    #[test]
    fn refuses_script_schemes_however_they_are_disguised() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\u{0}script:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript%3Aalert(1)",
            "%6A%61vascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "java\u{202E}script:alert(1)",
            "java\u{200B}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
            "http:no-host",
            "https:///path-without-host",
            "//javascript:alert(1)",
            "https://host:port/",
            "https://a b.example/",
            "https://[::1/",
        ] {
            assert!(!allowed(url), "{url:?} should be refused");
        }
    }

    #[test]
    fn hosts_with_user_ports_and_ipv6_are_allowed() {
        for url in [
            "https://user:pass@example.org:8080/x",
            "http://[::1]:8080/",
            "//example.org:443",
            "https://xn--bcher-kva.example/",
        ] {
            assert!(allowed(url), "{url} should be allowed");
        }
    }

    #[test]
    fn images_may_not_be_mail_or_phone_links() {
        assert!(check_image("mailto:desk@example.org").is_none());
        assert!(check_image(" TEL:+1555").is_none());
        assert!(check_image("https://example.org/a.png").is_some());
        assert!(check_image("a.png").is_some());
    }

    #[test]
    fn trims_and_drops_tabs_and_newlines_from_the_written_href() {
        let url = check("  https://exa\nmple.org/\tpath  ").map(|u| u.href);
        assert_eq!(url.as_deref(), Some("https://example.org/path"));
    }
}
