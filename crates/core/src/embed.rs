//! What a link the body embeds loads: the provider it is of and the
//! player Folio builds for it from the ID in the URL (YouTube without
//! cookies), or, for a provider Folio does not know, the `src` of the one
//! `iframe` an oEmbed response's `html` holds. No markup a provider sent
//! is ever inserted, and every player URL is an absolute `http(s)` URL
//! the URL policy allows.

use crate::model::Embed;
use crate::safe_url;

/// The shape of an embed's box, kept before and after it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A landscape video (16:9).
    Video,
    /// A portrait video (9:16): shorts, reels, TikTok.
    Tall,
    /// A post, as tall as its text (X, Bluesky, Mastodon, Instagram).
    Post,
}

impl Shape {
    /// Its modifier class (`folio-embed--video`).
    pub fn class(self) -> &'static str {
        match self {
            Self::Video => "folio-embed folio-embed--video",
            Self::Tall => "folio-embed folio-embed--tall",
            Self::Post => "folio-embed folio-embed--post",
        }
    }
}

/// What an embedded link shows and loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    /// The provider's name, as the placeholder writes it.
    pub provider: String,
    /// The player's URL (an `iframe`'s `src`); none when Folio has no
    /// player for the link, which then stays a link.
    pub src: Option<String>,
    /// The box's shape.
    pub shape: Shape,
}

/// What the body's link to `url` embeds: a provider Folio knows, or the
/// entry `given` for it in the article's `embeds`; none for any other link.
pub fn player(url: &str, given: Option<&Embed>) -> Option<Player> {
    let known = known(url);
    let unknown = known.is_none();
    if unknown && given.is_none() {
        return None;
    }
    let (name, src, shape) = match known {
        Some((name, src, shape)) => (Some(name.to_string()), src, shape),
        None => (None, given.and_then(iframe_src), Shape::Video),
    };
    let sized = given.and_then(|e| Some((e.width?, e.height?)));
    let shape = match sized {
        Some((width, height)) if height > width => Shape::Tall,
        Some(_) if shape == Shape::Post => Shape::Post,
        Some(_) => Shape::Video,
        None => shape,
    };
    // A provider Folio knows is named as Folio names it.
    let provider = name
        .or_else(|| given.and_then(|e| e.provider.clone()))
        .unwrap_or_else(|| host(url).unwrap_or(url).to_string());
    Some(Player {
        provider,
        src: src.filter(|s| {
            let web = crate::url::scheme(s)
                .is_some_and(|s| s.eq_ignore_ascii_case("https") || s.eq_ignore_ascii_case("http"));
            // Nothing in it that could end an attribute or a tag.
            let plain = !s.contains(|c: char| c.is_whitespace() || "\"'<>\\".contains(c));
            web && plain && safe_url::check(s).is_some()
        }),
        shape,
    })
}

/// The `src` of the one `iframe` in `embed`'s `html`, character
/// references in it read (`&amp;` is `&`).
fn iframe_src(embed: &Embed) -> Option<String> {
    let html = embed.html.as_deref()?;
    let lower = html.to_ascii_lowercase();
    let mut frames = lower.match_indices("<iframe");
    let (start, _) = frames.next()?;
    if frames.next().is_some() {
        return None;
    }
    let tag_end = lower[start..].find('>')? + start;
    let tag = &lower[start..tag_end];
    // `src=` after white space (not `data-src=`).
    let at = tag
        .match_indices("src=")
        .map(|(at, _)| at)
        .find(|&at| tag[..at].ends_with(|c: char| c.is_ascii_whitespace()))?;
    let rest = &html[start + at + "src=".len()..tag_end];
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next()?,
        _ => rest.split(|c: char| c.is_ascii_whitespace()).next()?,
    };
    let value = value
        .replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&quot;", "\"");
    (!value.trim().is_empty()).then(|| value.trim().to_string())
}

/// The host of an `http(s)` URL, lower case, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// The path of an `http(s)` URL, its segments, and its query.
fn parts(url: &str) -> Option<(Vec<&str>, &str)> {
    let rest = url.split_once("://")?.1;
    let rest = rest.split('#').next()?;
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    Some((path.split('/').filter(|s| !s.is_empty()).collect(), query))
}

/// Whether `id` is an ID of the characters providers use (no character
/// that could leave the path segment it is put in).
fn id(id: &str) -> Option<&str> {
    // Not `.` or `..`, which would move up the player's path.
    let ok = !id.is_empty()
        && !id.starts_with('.')
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    ok.then_some(id)
}

/// Whether `text` is a number's digits.
fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `id` when it is a number's digits.
fn number(id: &str) -> Option<&str> {
    digits(id).then_some(id)
}

/// A provider Folio knows (the README's table): its name, its player for
/// the ID in `url`, and its shape.
fn known(url: &str) -> Option<(&'static str, Option<String>, Shape)> {
    let host = host(url)?.to_ascii_lowercase();
    let (path, query) = parts(url)?;
    let youtube = |video: &str, shape| {
        let player = format!("https://www.youtube-nocookie.com/embed/{}", id(video)?);
        Some(("YouTube", Some(player), shape))
    };
    match (host.as_str(), path.as_slice()) {
        ("youtube.com" | "m.youtube.com", ["watch"]) => {
            let video = query.split('&').find_map(|p| p.strip_prefix("v="))?;
            youtube(video, Shape::Video)
        }
        ("youtube.com" | "m.youtube.com", ["embed" | "live", video]) => {
            youtube(video, Shape::Video)
        }
        ("youtube.com" | "m.youtube.com", ["shorts", video]) => youtube(video, Shape::Tall),
        ("youtu.be", [video]) => youtube(video, Shape::Video),
        ("vimeo.com", [video]) => {
            let player = format!("https://player.vimeo.com/video/{}?dnt=1", number(video)?);
            Some(("Vimeo", Some(player), Shape::Video))
        }
        ("x.com" | "twitter.com", [_, "status", post, ..]) => {
            let player = format!(
                "https://platform.twitter.com/embed/Tweet.html?id={}&dnt=true",
                number(post)?
            );
            Some(("X", Some(player), Shape::Post))
        }
        ("instagram.com", [kind @ ("p" | "reel"), post, ..]) => {
            let player = format!("https://www.instagram.com/{kind}/{}/embed", id(post)?);
            Some(("Instagram", Some(player), Shape::Post))
        }
        ("tiktok.com", [_, "video", video, ..]) => {
            let player = format!("https://www.tiktok.com/embed/v2/{}", number(video)?);
            Some(("TikTok", Some(player), Shape::Tall))
        }
        ("bsky.app", ["profile", author, "post", post]) => {
            let (author, post) = (id(author)?, id(post)?);
            let player = format!("https://embed.bsky.app/embed/{author}/app.bsky.feed.post/{post}");
            Some(("Bluesky", Some(player), Shape::Post))
        }
        // A Mastodon post: /@name/123 on its own server.
        (_, [name, post]) if digits(post) && name.strip_prefix('@').and_then(id).is_some() => {
            let (scheme, rest) = url.split_once("://")?;
            let server = rest.split('/').next()?.rsplit('@').next()?;
            let player = format!("{scheme}://{server}/{name}/{post}/embed");
            Some(("Mastodon", Some(player), Shape::Post))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str) -> Option<String> {
        player(url, None)?.src
    }

    #[test]
    fn known_providers_get_their_player_from_the_id() {
        let cases = [
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            ),
            (
                "https://vimeo.com/76979871",
                "https://player.vimeo.com/video/76979871?dnt=1",
            ),
            (
                "https://x.com/someone/status/1234567890",
                "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true",
            ),
            (
                "https://www.instagram.com/p/C0aBcDeF/",
                "https://www.instagram.com/p/C0aBcDeF/embed",
            ),
            (
                "https://www.tiktok.com/@someone/video/7300000000000000000",
                "https://www.tiktok.com/embed/v2/7300000000000000000",
            ),
            (
                "https://bsky.app/profile/someone.bsky.social/post/3kabc",
                "https://embed.bsky.app/embed/someone.bsky.social/app.bsky.feed.post/3kabc",
            ),
            (
                "https://mastodon.social/@someone/111222333",
                "https://mastodon.social/@someone/111222333/embed",
            ),
        ];
        for (url, player) in cases {
            assert_eq!(src(url).as_deref(), Some(player), "{url}");
        }
        let short = player("https://youtube.com/shorts/abcDEF12345", None).unwrap();
        assert_eq!(
            (short.provider.as_str(), short.shape),
            ("YouTube", Shape::Tall)
        );
    }

    #[test]
    fn other_links_and_ids_that_could_leave_their_segment_embed_nothing() {
        for url in [
            "https://example.com/article",
            "https://www.youtube.com/watch?v=a/../../x",
            "https://www.youtube.com/watch?v=a\"b",
            "https://youtu.be/..",
            "https://www.instagram.com/p/../",
            "https://bsky.app/profile/../post/x",
            "https://vimeo.com/channels",
            "javascript:alert(1)",
        ] {
            assert_eq!(player(url, None), None, "{url}");
        }
    }

    #[test]
    fn an_unknown_provider_plays_the_one_iframe_of_its_html_if_the_policy_allows_it() {
        let embed = |html: &str| Embed {
            url: "https://video.example/v/1".into(),
            provider: Some("Example Video".into()),
            title: None,
            text: None,
            html: Some(html.into()),
            width: Some(640),
            height: Some(360),
        };
        let with = |html: &str| player("https://video.example/v/1", Some(&embed(html)));
        let played = with(
            r#"<iframe width="640" SRC="https://video.example/embed/1?a=1&amp;b=2"></iframe>"#,
        )
        .unwrap();
        assert_eq!(played.provider, "Example Video");
        assert_eq!(
            played.src.as_deref(),
            Some("https://video.example/embed/1?a=1&b=2")
        );
        assert_eq!(played.shape, Shape::Video);
        assert_eq!(
            with(r#"<iframe src="javascript:alert(1)"></iframe>"#)
                .unwrap()
                .src,
            None
        );
        assert_eq!(
            with(r#"<iframe src="a"></iframe><iframe src="b"></iframe>"#)
                .unwrap()
                .src,
            None
        );
        assert_eq!(
            with("<blockquote>text</blockquote><script src=x></script>")
                .unwrap()
                .src,
            None
        );
        let unquoted = with("<iframe\n\tsrc=https://video.example/e/2 width=1></iframe>").unwrap();
        assert_eq!(unquoted.src.as_deref(), Some("https://video.example/e/2"));
        let named = player("https://youtu.be/abc", Some(&embed("")));
        assert_eq!(
            named.unwrap().provider,
            "YouTube",
            "a known provider keeps its name"
        );
        let plain = player(
            "https://video.example/v/1",
            Some(&Embed {
                provider: None,
                ..embed("")
            }),
        );
        assert_eq!(plain.unwrap().provider, "video.example");
    }
}
