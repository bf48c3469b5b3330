//! Checks beyond types: required text present, sizes positive, dates RFC
//! 3339 (or a calendar date, or a date-time with no offset), URLs allowed by the policy, at most one default amount.

use super::{Amount, Article, Frequency, Image, Link, Region, Support, Variant, join};
use crate::error::{ContentError, Problem};
use crate::reading::MAX_READ_KEPT;
use crate::variant::{MAX_NAME_BYTES, MAX_VARIANTS, MAX_WEIGHT, is_weight};
use crate::{date, safe_url};

type Check = Result<(), ContentError>;

/// The most regions a support block may list.
pub const MAX_REGIONS: usize = 50;

/// The most photos `images` may describe.
pub const MAX_IMAGES: usize = 200;

/// The most embeds `embeds` may describe.
pub const MAX_EMBEDS: usize = 50;

/// The most related articles `related` may list.
pub const MAX_RELATED: usize = 6;

/// The most lines of benefits a frequency may list.
pub const MAX_BENEFITS: usize = 5;

/// Checks a whole article. A bad support block is stored in `support` as
/// its error instead of failing the article.
pub(super) fn article(a: &mut Article) -> Check {
    text("id", &a.id)?;
    text("headline", &a.headline)?;
    match (&a.body, &a.url) {
        (Some(body), _) => text("body", body)?,
        // A card: the article's own page has its text.
        (None, Some(_)) => {}
        (None, None) => return Err(ContentError::new("body", Problem::MissingBody)),
    }
    rfc3339("published", &a.published)?;
    if let Some(updated) = &a.updated {
        rfc3339("updated", updated)?;
    }
    optional_url("url", a.url.as_deref())?;
    if let Some(lang) = &a.lang {
        language("lang", lang)?;
    }
    for (i, author) in a.authors.iter().enumerate() {
        text(&format!("authors[{i}]"), author)?;
    }
    if let Some(publisher) = &a.publisher {
        text("publisher.name", &publisher.name)?;
        optional_url("publisher.url", publisher.url.as_deref())?;
    }
    if let Some(image) = &a.image {
        self::image("image", image)?;
    }
    at_most("images", a.images.len(), MAX_IMAGES, "images")?;
    for (i, image) in a.images.iter().enumerate() {
        self::image(&format!("images[{i}]"), image)?;
    }
    at_most("embeds", a.embeds.len(), MAX_EMBEDS, "embeds")?;
    for (i, embed) in a.embeds.iter().enumerate() {
        let path = format!("embeds[{i}]");
        url(&join(&path, "url"), &embed.url)?;
        for (field, value) in [
            ("provider", &embed.provider),
            ("title", &embed.title),
            ("text", &embed.text),
            ("html", &embed.html),
        ] {
            if let Some(value) = value {
                text(&join(&path, field), value)?;
            }
        }
        positive(&join(&path, "width"), embed.width)?;
        positive(&join(&path, "height"), embed.height)?;
    }
    at_most("related", a.related.len(), MAX_RELATED, "articles")?;
    for (i, related) in a.related.iter().enumerate() {
        let path = format!("related[{i}]");
        text(&join(&path, "headline"), &related.headline)?;
        url(&join(&path, "url"), &related.url)?;
        if let Some(image) = &related.image {
            self::image(&join(&path, "image"), image)?;
        }
        if let Some(published) = &related.published {
            rfc3339(&join(&path, "published"), published)?;
        }
    }
    if let Some(link) = &a.read_more {
        if let Some(label) = &link.label {
            text("readMore.label", label)?;
        }
        url("readMore.href", &link.href)?;
    }
    if let Some(Ok(support)) = &a.support
        && let Err(error) = self::support(support)
    {
        a.support = Some(Err(error));
    }
    Ok(())
}

/// A photo at `path` (`image`, `images[2]`, `related[0].image`).
fn image(path: &str, image: &Image) -> Check {
    photo(image).map_err(|mut error| {
        error.path = join(path, &error.path);
        error
    })
}

/// A photo's fields, each error's path the field's own name.
fn photo(image: &Image) -> Check {
    image_url("src", &image.src)?;
    text("alt", &image.alt)?;
    positive("width", image.width)?;
    positive("height", image.height)?;
    let Some(srcset) = &image.srcset else {
        return Ok(());
    };
    let mut widths = 0;
    let candidates: Vec<&str> = srcset.split(',').collect();
    for candidate in &candidates {
        let mut parts = candidate.split_whitespace();
        image_url("srcset", parts.next().unwrap_or(""))?;
        match (parts.next(), parts.next()) {
            (None, _) => {}
            (Some(d), None) if descriptor(d, 'w') => widths += 1,
            (Some(d), None) if descriptor(d, 'x') => {}
            _ => return Err(bad_srcset(candidate)),
        }
    }
    // Widths are given for every candidate or for none.
    match widths {
        0 => Ok(()),
        n if n == candidates.len() => Ok(()),
        _ => Err(bad_srcset(srcset)),
    }
}

/// Whether `text` is a positive number followed by `unit` (`640w`, `1.5x`);
/// a width is a whole number.
fn descriptor(text: &str, unit: char) -> bool {
    let Some(number) = text.strip_suffix(unit) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let valid = match number.split_once('.') {
        None => digits(number),
        Some((whole, fraction)) => unit == 'x' && digits(whole) && digits(fraction),
    };
    valid && number.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

fn bad_srcset(written: &str) -> ContentError {
    let problem = Problem::Invalid(format!(
        "must list image candidates each with a width (\"photo-640.jpg 640w\") or each with a density (\"photo@2x.jpg 2x\") (it has \"{}\")",
        crate::json::excerpt(written.trim())
    ));
    ContentError::new("srcset", problem)
}

fn support(s: &Support) -> Check {
    text("support.campaign", &s.campaign)?;
    text("support.heading", &s.heading)?;
    link("support.cta", &s.cta)?;
    if let Some(banner) = &s.banner {
        text("support.banner.text", &banner.text)?;
        url("support.banner.href", &banner.href)?;
    }
    amounts("support.amounts", &s.amounts)?;
    currency("support.currency", s.currency.as_deref())?;
    regions(&s.regions)?;
    if let Some(benefits) = &s.benefits {
        for frequency in [Frequency::Once, Frequency::Monthly, Frequency::Annual] {
            let path = format!("support.benefits.{}", frequency.as_str());
            let lines = benefits.of(frequency);
            at_most(&path, lines.len(), MAX_BENEFITS, "lines")?;
            for (i, line) in lines.iter().enumerate() {
                text(&format!("{path}[{i}]"), line)?;
            }
        }
    }
    for (i, method) in s.payment_methods.iter().enumerate() {
        text(&format!("support.paymentMethods[{i}]"), method)?;
    }
    if let Some(decline) = &s.decline {
        positive("support.decline.days", decline.days)?;
    }
    if let Some(href) = s.reminder.as_ref().and_then(|r| r.href.as_deref()) {
        url("support.reminder.href", href)?;
    }
    if let Some(threshold) = s.article_count.as_ref().and_then(|c| c.threshold)
        && !(1..=MAX_READ_KEPT as u32).contains(&threshold)
    {
        let what = format!("must be a whole number from 1 to {MAX_READ_KEPT} (it is {threshold})");
        let path = "support.articleCount.threshold";
        return limit(path, what);
    }
    if let Some(cap) = &s.max_views {
        positive("support.maxViews.count", cap.count)?;
        positive("support.maxViews.days", cap.days)?;
    }
    variants(&s.variants)
}

/// An ISO 4217 code, if given: three letters.
fn currency(path: &str, code: Option<&str>) -> Check {
    match code {
        Some(code) if !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic())) => Err(
            ContentError::new(path, Problem::BadCurrency(code.to_string())),
        ),
        _ => Ok(()),
    }
}

/// The regions: a few, each of countries named by their ISO 3166-1
/// alpha-2 codes, no country in two, their amounts checked as the
/// block's.
fn regions(regions: &[Region]) -> Check {
    at_most("support.regions", regions.len(), MAX_REGIONS, "regions")?;
    let mut seen: Vec<&str> = Vec::new();
    for (i, region) in regions.iter().enumerate() {
        let path = format!("support.regions[{i}]");
        if region.countries.is_empty() {
            return Err(ContentError::new(join(&path, "countries"), Problem::Empty));
        }
        for (j, country) in region.countries.iter().enumerate() {
            let at = format!("{path}.countries[{j}]");
            if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
                let what = format!(
                    "must be a country's two capital letters (ISO 3166-1 alpha-2, like \"GB\"; it is \"{}\")",
                    crate::json::excerpt(country)
                );
                return limit(at, what);
            }
            if seen.contains(&country.as_str()) {
                return Err(ContentError::new(at, Problem::Duplicate));
            }
            seen.push(country);
        }
        currency(&join(&path, "currency"), region.currency.as_deref())?;
        if region.amounts.is_empty() {
            return Err(ContentError::new(join(&path, "amounts"), Problem::Empty));
        }
        amounts(&join(&path, "amounts"), &region.amounts)?;
    }
    Ok(())
}

/// The amounts of the block, a region or a variant, at `path`: each
/// positive, at most one the default, at most one of each frequency
/// recommended.
fn amounts(path: &str, amounts: &[Amount]) -> Check {
    let mut seen_default = false;
    for (i, amount) in amounts.iter().enumerate() {
        let before = &amounts[..i];
        if amount.recommended
            && before
                .iter()
                .any(|a| a.recommended && a.frequency == amount.frequency)
        {
            let what = format!(
                "must mark at most one {} amount as recommended",
                amount.frequency.as_str()
            );
            let at = join(&format!("{path}[{i}]"), "recommended");
            return limit(at, what);
        }
        let path = format!("{path}[{i}]");
        if let Some(label) = &amount.label {
            text(&join(&path, "label"), label)?;
        }
        if !(amount.value.is_finite() && amount.value > 0.0) {
            let problem = Problem::NotPositive(crate::number::plain(amount.value));
            return Err(ContentError::new(join(&path, "value"), problem));
        }
        if amount.default && std::mem::replace(&mut seen_default, true) {
            return Err(ContentError::new(
                join(&path, "default"),
                Problem::SecondDefault,
            ));
        }
    }
    Ok(())
}

/// The variants: a few, each named once, within the weights' bounds, at
/// least one drawn; what each gives in the block's place as checked as the
/// block's own.
fn variants(variants: &[Variant]) -> Check {
    at_most("support.variants", variants.len(), MAX_VARIANTS, "variants")?;
    for (i, variant) in variants.iter().enumerate() {
        let path = format!("support.variants[{i}]");
        text(&join(&path, "name"), &variant.name)?;
        if variant.name.len() > MAX_NAME_BYTES {
            let what = format!("must be at most {MAX_NAME_BYTES} bytes long");
            return limit(join(&path, "name"), what);
        }
        if variants[..i].iter().any(|v| v.name == variant.name) {
            return Err(ContentError::new(join(&path, "name"), Problem::Duplicate));
        }
        if !is_weight(variant.weight) {
            let number = crate::number::plain(variant.weight);
            let what = format!("must be a number from 0 to {MAX_WEIGHT} (it is {number})");
            return limit(join(&path, "weight"), what);
        }
        if let Some(heading) = &variant.heading {
            text(&join(&path, "heading"), heading)?;
        }
        if let Some(list) = &variant.amounts {
            amounts(&join(&path, "amounts"), list)?;
        }
        if let Some(cta) = &variant.cta {
            link(&join(&path, "cta"), cta)?;
        }
    }
    if !variants.is_empty() && variants.iter().all(|v| v.weight == 0.0) {
        let what = "must give at least one variant a weight above 0".to_string();
        return limit("support.variants", what);
    }
    Ok(())
}

/// A list at `path` of `count` `things`: at most `most`.
fn at_most(path: &str, count: usize, most: usize, things: &str) -> Check {
    if count > most {
        return limit(
            path,
            format!("must list at most {most} {things} (it lists {count})"),
        );
    }
    Ok(())
}

/// The value at `path` past one of its limits: it `what`.
fn limit(path: impl Into<String>, what: String) -> Check {
    Err(ContentError::new(path, Problem::Limit(what)))
}

fn link(path: &str, link: &Link) -> Check {
    text(&join(path, "label"), &link.label)?;
    url(&join(path, "href"), &link.href)
}

fn text(path: &str, value: &str) -> Check {
    if value.trim().is_empty() {
        return Err(ContentError::new(path, Problem::Empty));
    }
    Ok(())
}

fn positive(path: &str, value: Option<u32>) -> Check {
    match value {
        Some(0) => Err(ContentError::new(path, Problem::NotPositive("0".into()))),
        _ => Ok(()),
    }
}

fn rfc3339(path: &str, value: &str) -> Check {
    if date::precision(value).is_none() {
        return Err(ContentError::new(path, Problem::BadDate(value.into())));
    }
    Ok(())
}

fn url(path: &str, value: &str) -> Check {
    text(path, value)?;
    if safe_url::check(value).is_none() {
        return Err(ContentError::new(path, Problem::BadUrl(value.into())));
    }
    Ok(())
}

fn image_url(path: &str, value: &str) -> Check {
    text(path, value)?;
    if safe_url::check_image(value).is_none() {
        return Err(ContentError::new(path, Problem::BadImageUrl(value.into())));
    }
    Ok(())
}

fn optional_url(path: &str, value: Option<&str>) -> Check {
    value.map_or(Ok(()), |v| url(path, v))
}

/// A BCP 47 tag in its common shape: a 2–8 letter language, then subtags of
/// 1–8 letters or digits (`en`, `pt-BR`, `zh-Hant-TW`).
fn language(path: &str, tag: &str) -> Check {
    if !is_language(tag) {
        return Err(ContentError::new(path, Problem::BadLanguage(tag.into())));
    }
    Ok(())
}

/// Whether `tag` is a language tag as `lang` must be.
pub fn is_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
