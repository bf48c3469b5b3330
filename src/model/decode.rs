//! JSON text to a checked [`Article`]: the text is read by [`crate::json`],
//! then each field is taken from the tree with its path at hand, so every
//! error names its field.

use super::{
    Amount, Article, Banner, Decline, Frequency, Image, Link, MaxViews, Publisher, Support,
    validate,
};
use crate::error::{ContentError, Problem};
use crate::json::{self, Value};

type Read<T> = Result<T, ContentError>;

/// Parses and checks an article. Unknown fields are ignored; the first
/// problem found is returned with the path of its field. A bad `support`
/// block does not fail the article: it is kept as `Some(Err(..))`.
pub fn parse(text: &str) -> Read<Article> {
    parse_with_body(text, None)
}

/// [`parse`] for an article whose `body` comes as a string of its own
/// rather than inside `text` (as `folio.js` hands over an object's body,
/// so that a long one is neither escaped into JSON nor read back out of
/// it). The body is held to the same limit; `text` must not have one too.
pub fn parse_with_body(text: &str, body: Option<&str>) -> Read<Article> {
    crate::limits::check(text)?;
    if let Some(body) = body {
        crate::limits::check_body(body, text.len())?;
    }
    let value = json::parse(text).map_err(|error| {
        // The field where the text broke (say, a lone surrogate) helps;
        // text cut short concerns the whole article.
        let path = match error.eof {
            true => String::new(),
            false => crate::limits::path_at(text, error.offset),
        };
        ContentError::new(path, Problem::Syntax(error.message))
    })?;
    let mut article = article(&value, body)?;
    validate::article(&mut article)?;
    Ok(article)
}

fn article(value: &Value, given_body: Option<&str>) -> Read<Article> {
    let mut id = None;
    let mut url = None;
    let mut lang = None;
    let mut kicker = None;
    let mut headline = None;
    let mut standfirst = None;
    let mut authors = Vec::new();
    let mut publisher = None;
    let mut published = None;
    let mut updated = None;
    let mut image = None;
    let mut body = None;
    let mut read_more = None;
    let mut support = None;
    members("", value, &mut |key, at, value| {
        match key {
            "id" => id = Some(text(at, value)?),
            "url" => url = optional(at, value, text)?,
            "lang" => lang = optional(at, value, text)?,
            "kicker" => kicker = optional(at, value, text)?,
            "headline" => headline = Some(text(at, value)?),
            "standfirst" => standfirst = optional(at, value, text)?,
            "authors" => authors = list(at, value, text)?,
            "publisher" => publisher = optional(at, value, self::publisher)?,
            "published" => published = Some(text(at, value)?),
            "updated" => updated = optional(at, value, text)?,
            "image" => image = optional(at, value, self::image)?,
            "body" if given_body.is_some() => {
                return Err(ContentError::new(at, Problem::Duplicate));
            }
            "body" => body = Some(text(at, value)?),
            "readMore" => read_more = optional(at, value, link)?,
            // A bad support block is kept as its error, never failing the
            // article.
            "support" => support = optional(at, value, |at, v| Ok(self::support(at, v)))?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Article {
        id: required("", "id", id)?,
        url,
        lang,
        kicker,
        headline: required("", "headline", headline)?,
        standfirst,
        authors,
        publisher,
        published: required("", "published", published)?,
        updated,
        image,
        body: required("", "body", body.or(given_body.map(str::to_string)))?,
        read_more,
        support,
    })
}

fn publisher(path: &str, value: &Value) -> Read<Publisher> {
    let (mut name, mut url) = (None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "name" => name = Some(text(at, value)?),
            "url" => url = optional(at, value, text)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Publisher {
        name: required(path, "name", name)?,
        url,
    })
}

fn image(path: &str, value: &Value) -> Read<Image> {
    let (mut src, mut srcset, mut width, mut height) = (None, None, None, None);
    let (mut alt, mut caption, mut credit) = (None, None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "src" => src = Some(text(at, value)?),
            "srcset" => srcset = optional(at, value, text)?,
            "width" => width = optional(at, value, whole_u32)?,
            "height" => height = optional(at, value, whole_u32)?,
            "alt" => alt = Some(text(at, value)?),
            "caption" => caption = optional(at, value, text)?,
            "credit" => credit = optional(at, value, text)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Image {
        src: required(path, "src", src)?,
        srcset,
        width,
        height,
        alt: required(path, "alt", alt)?,
        caption,
        credit,
    })
}

fn link(path: &str, value: &Value) -> Read<Link> {
    let (mut label, mut href) = (None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "label" => label = Some(text(at, value)?),
            "href" => href = Some(text(at, value)?),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Link {
        label: required(path, "label", label)?,
        href: required(path, "href", href)?,
    })
}

fn support(path: &str, value: &Value) -> Read<Support> {
    let (mut campaign, mut banner, mut after_paragraph, mut heading) = (None, None, None, None);
    let (mut body, mut amounts, mut currency, mut cta) = (None, Vec::new(), None, None);
    let (mut payment_methods, mut decline, mut max_views) = (Vec::new(), None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "campaign" => campaign = Some(text(at, value)?),
            "banner" => banner = optional(at, value, self::banner)?,
            "afterParagraph" => after_paragraph = optional(at, value, whole_u64)?,
            "heading" => heading = Some(text(at, value)?),
            "body" => body = optional(at, value, text)?,
            "amounts" => amounts = list(at, value, amount)?,
            "currency" => currency = optional(at, value, text)?,
            "cta" => cta = Some(link(at, value)?),
            "paymentMethods" => payment_methods = list(at, value, text)?,
            "decline" => decline = optional(at, value, self::decline)?,
            "maxViews" => max_views = optional(at, value, self::max_views)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Support {
        campaign: required(path, "campaign", campaign)?,
        banner,
        after_paragraph,
        heading: required(path, "heading", heading)?,
        body,
        amounts,
        currency,
        cta: required(path, "cta", cta)?,
        payment_methods,
        decline,
        max_views,
    })
}

fn banner(path: &str, value: &Value) -> Read<Banner> {
    let (mut text, mut href) = (None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "text" => text = Some(self::text(at, value)?),
            "href" => href = Some(self::text(at, value)?),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Banner {
        text: required(path, "text", text)?,
        href: required(path, "href", href)?,
    })
}

fn amount(path: &str, value: &Value) -> Read<Amount> {
    let (mut label, mut number, mut frequency, mut default) = (None, None, None, false);
    members(path, value, &mut |key, at, value| {
        match key {
            "label" => label = optional(at, value, text)?,
            "value" => number = Some(float(at, value)?),
            "frequency" => frequency = Some(self::frequency(at, value)?),
            "default" => default = boolean(at, value)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Amount {
        label,
        value: required(path, "value", number)?,
        frequency: frequency.unwrap_or_default(),
        default,
    })
}

fn decline(path: &str, value: &Value) -> Read<Decline> {
    let (mut text, mut label, mut days) = (None, None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "text" => text = optional(at, value, self::text)?,
            "label" => label = optional(at, value, self::text)?,
            "days" => days = optional(at, value, whole_u32)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Decline { text, label, days })
}

fn max_views(path: &str, value: &Value) -> Read<MaxViews> {
    let (mut count, mut days) = (None, None);
    members(path, value, &mut |key, at, value| {
        match key {
            "count" => count = optional(at, value, whole_u32)?,
            "days" => days = optional(at, value, whole_u32)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(MaxViews { count, days })
}

fn frequency(path: &str, value: &Value) -> Read<Frequency> {
    const WORDS: &str = "once, monthly, annual";
    let Value::String(word) = value else {
        return Err(wrong_type(path, &format!("one of {WORDS}"), value));
    };
    match word.as_ref() {
        "once" => Ok(Frequency::Once),
        "monthly" => Ok(Frequency::Monthly),
        "annual" => Ok(Frequency::Annual),
        other => Err(ContentError::new(
            path,
            Problem::Invalid(format!("must be one of {WORDS} (it is \"{other}\")")),
        )),
    }
}

/// Goes through the members of the object at `path` in order, handing each
/// to `read` with its key and path; `read` says whether it knew the key.
/// A known key given twice is an error; unknown keys are ignored. `read`
/// is a trait object so the loop exists once, not once per struct with
/// every field reader inlined into it (0.7 KB brotli).
fn members<'v, 'a: 'v>(
    path: &str,
    value: &'v Value<'a>,
    read: &mut dyn FnMut(&str, &str, &'v Value<'a>) -> Read<bool>,
) -> Read<()> {
    let Value::Object(members) = value else {
        return Err(wrong_type(path, "an object", value));
    };
    let mut known: Vec<&str> = Vec::new();
    for (key, value) in members {
        let at = join(path, key);
        if known.contains(&key.as_ref()) {
            return Err(ContentError::new(at, Problem::Duplicate));
        }
        if read(key, &at, value)? {
            known.push(key);
        }
    }
    Ok(())
}

/// The value of a required field, or the error naming it.
fn required<T>(path: &str, field: &str, value: Option<T>) -> Read<T> {
    value.ok_or_else(|| ContentError::new(join(path, field), Problem::Missing))
}

/// `null` as absent, anything else read by `read`.
fn optional<T>(
    path: &str,
    value: &Value,
    read: impl Fn(&str, &Value) -> Read<T>,
) -> Read<Option<T>> {
    match value {
        Value::Null => Ok(None),
        value => read(path, value).map(Some),
    }
}

fn list<T>(path: &str, value: &Value, read: impl Fn(&str, &Value) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = value else {
        return Err(wrong_type(path, "a list", value));
    };
    let items = items.iter().enumerate();
    items
        .map(|(i, item)| read(&format!("{path}[{i}]"), item))
        .collect()
}

fn text(path: &str, value: &Value) -> Read<String> {
    match value {
        Value::String(text) => Ok(text.clone().into_owned()),
        other => Err(wrong_type(path, "text", other)),
    }
}

fn boolean(path: &str, value: &Value) -> Read<bool> {
    match value {
        Value::Bool(value) => Ok(*value),
        other => Err(wrong_type(path, "true or false", other)),
    }
}

fn float(path: &str, value: &Value) -> Read<f64> {
    let Value::Number(number) = value else {
        return Err(wrong_type(path, "a number", value));
    };
    json::float(number).ok_or_else(|| {
        let problem = Problem::Invalid(format!(
            "must be a number a computer can hold (it is {number})"
        ));
        ContentError::new(path, problem)
    })
}

/// A whole number from 0 to `max`, written without fraction or exponent.
fn whole(path: &str, value: &Value, max: u64) -> Read<u64> {
    let expected = format!("a whole number from 0 to {max}");
    let Value::Number(number) = value else {
        return Err(wrong_type(path, &expected, value));
    };
    if number.contains(['.', 'e', 'E']) {
        return Err(wrong_type(path, &expected, value));
    }
    match number.parse::<u64>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(ContentError::new(
            path,
            Problem::Invalid(format!(
                "must be {expected}; the number {number} is out of range"
            )),
        )),
    }
}

fn whole_u32(path: &str, value: &Value) -> Read<u32> {
    whole(path, value, u32::MAX.into()).map(|n| n as u32)
}

fn whole_u64(path: &str, value: &Value) -> Read<u64> {
    whole(path, value, u64::MAX)
}

fn wrong_type(path: &str, expected: &str, found: &Value) -> ContentError {
    let found = match found {
        Value::Null => "null".into(),
        Value::Bool(value) => value.to_string(),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("text (\"{}\")", excerpt(text)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    };
    let expected = expected.into();
    ContentError::new(path, Problem::WrongType { expected, found })
}

/// The start of `text`, enough to recognise it in a message.
fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Joins a parent path and a child (`support` + `amounts[1]`).
pub(super) fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_string(),
        (_, true) => parent.to_string(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}
