//! Arc XP ANS stories (any 0.10.x `version`) onto the model. Which ANS
//! field wins for each Folio field, and why, is the README's mapping
//! table; this is that table in code.

use super::{Node, Out, ans_body, inline, plain};
use folio_core::error::{ContentError, Problem};
use folio_core::json::Value;
use folio_core::url;

/// The four ANS dates that can say when a story was published, in the
/// order they win: `display_date` is the one Arc's own pages show readers.
const PUBLISHED: [&str; 4] = [
    "display_date",
    "first_publish_date",
    "publish_date",
    "created_date",
];

/// Maps the story at `doc` into `out`. `base` is where the document came
/// from; the story's own absolute URL, when it has one, wins over it.
pub(super) fn story<'a>(
    doc: &Node<'_, 'a>,
    base: Option<&str>,
    out: &mut Out<'a>,
) -> Result<(), ContentError> {
    let kind = doc.get("type");
    if kind.str() != Some("story") {
        let problem = match kind.str() {
            Some(other) => Problem::Invalid(format!(
                "must be \"story\": Folio reads ANS stories, not {other} documents"
            )),
            None => Problem::Missing,
        };
        return Err(ContentError::new(kind.path, problem));
    }
    // The story's own absolute address, if the URL policy allows it.
    let own = [doc.get("canonical_url_external"), doc.get("canonical_url")]
        .into_iter()
        .find(|n| {
            n.str()
                .is_some_and(|u| url::scheme(u.trim()).is_some() && url::link(u, None).is_some())
        });
    let relative = [doc.get("canonical_url"), doc.get("website_url")]
        .into_iter()
        .find_map(|n| Some((url::link(n.str()?, base)?, n)));
    let address = own
        .clone()
        .map(|n| (n.str().unwrap_or_default().trim().to_string(), n));
    let address = address.or(relative);
    if let Some((href, node)) = &address {
        out.put("url", text_value(href), &node.path);
    }
    // The story's own address, as written, is what its relative URLs
    // mean; one made from `base` is no better than `base`.
    let own_href = own.as_ref().and_then(|n| n.str()).map(str::trim);
    let base = own_href.or(base);

    let id = ["_id", "canonical_url", "website_url"]
        .into_iter()
        .map(|key| doc.get(key))
        .find(|n| n.str().is_some());
    out.origin("id", &doc.get("_id").path);
    if let Some(id) = id {
        out.text("id", &id, |t| t.trim().to_string());
    }

    let language = doc.get("language");
    if let Some(tag) = language.str() {
        let tag = tag.trim().replace('_', "-");
        match folio_core::model::is_language(&tag) {
            true => out.put("lang", text_value(&tag), &language.path),
            false => out.notice(
                &language.path,
                format!("\"{tag}\" is not a language tag, so the article's language is not set."),
            ),
        }
    }

    out.text("kicker", &kicker(doc), plain);
    out.text("headline", &doc.at("headlines.basic"), plain);
    let sub = doc.at("subheadlines.basic");
    let standfirst = match sub.str().map(plain).filter(|t| !t.is_empty()) {
        Some(_) => sub,
        None => doc.at("description.basic"),
    };
    out.text("standfirst", &standfirst, plain);

    let authors = names(&doc.at("vanity_credits.by"));
    let authors = match authors.is_empty() {
        true => names(&doc.at("credits.by")),
        false => authors,
    };
    if !authors.is_empty() {
        let list = authors.iter().map(|a| text_value(a)).collect();
        out.put("authors", Value::Array(list), &doc.at("credits.by").path);
    }
    out.text("publisher.name", &doc.at("source.name"), plain);

    dates(doc, out);
    let hero = hero(doc, base, out);

    related(doc, base, out);

    let elements = doc.get("content_elements");
    out.origin("body", &elements.path);
    let location = doc.get("location").str().map(plain);
    let body = match elements.is_null() {
        true => String::new(),
        false => ans_body::markdown(&elements, base, hero.as_deref(), location, out),
    };
    match body.trim().is_empty() {
        true => out.no_text(&elements.path),
        false => out.put("body", Value::String(body.into()), &elements.path),
    }
    Ok(())
}

fn text_value<'a>(text: &str) -> Value<'a> {
    Value::String(text.to_string().into())
}

/// The kicker: the label when it is shown, else the story's section.
fn kicker<'v, 'a>(doc: &Node<'v, 'a>) -> Node<'v, 'a> {
    let label = doc.at("label.basic");
    if matches!(label.get("display").value, Value::Bool(true)) && label.get("text").str().is_some()
    {
        return label.get("text");
    }
    let site = doc.get("canonical_website").str().unwrap_or_default();
    let website = doc.get("websites").get(site).at("website_section.name");
    match website.str() {
        Some(_) => website,
        None => doc.at("taxonomy.primary_section.name"),
    }
}

/// The names of credited people: Arc's byline name, else the name;
/// references (which carry no name) and blank names left out.
fn names(credits: &Node) -> Vec<String> {
    credits
        .items()
        .iter()
        .filter(|c| c.get("type").str() != Some("reference"))
        .filter_map(|c| {
            let byline = c.at("additional_properties.original.byline");
            byline.str().or(c.get("name").str()).map(plain)
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// `published`, and `updated` when a later publish date says so.
fn dates<'a>(doc: &Node<'_, 'a>, out: &mut Out<'a>) {
    out.origin("published", &doc.get("first_publish_date").path);
    let Some(published) = PUBLISHED.iter().map(|k| doc.get(k)).find(|n| !n.is_null()) else {
        return;
    };
    let written = date_value(&published);
    let at = match &written {
        Value::String(text) => folio_core::date::seconds(text),
        _ => None,
    };
    out.put("published", written, &published.path);
    let last = doc.get("publish_date");
    if let Value::String(text) = date_value(&last)
        && let (Some(then), Some(now)) = (at, folio_core::date::seconds(&text))
        && now > then
    {
        out.put("updated", text_value(&text), &last.path);
    }
}

/// A date as its text normalized, or the value as it is for the checks
/// to name.
fn date_value<'a>(node: &Node<'_, 'a>) -> Value<'a> {
    match node.str().and_then(folio_core::date::normalize) {
        Some(text) => Value::String(text.into()),
        None => node.value.clone(),
    }
}

/// The hero photo: the lead art, else the basic promo item, followed from
/// a video or gallery to its promo image. Returns its URL.
fn hero<'a>(doc: &Node<'_, 'a>, base: Option<&str>, out: &mut Out<'a>) -> Option<String> {
    let promo = doc.get("promo_items");
    let image = ["lead_art", "basic"]
        .into_iter()
        .find_map(|key| image_of(&promo.get(key)))?;
    let src = image.get("url");
    out.origin("image", &image.path);
    out.origin("image.src", &src.path);
    out.origin("image.alt", &image.get("alt_text").path);
    let href = match src.str() {
        Some(raw) => match url::image(raw, base) {
            Some(href) => href,
            None => {
                out.notice(&src.path, "The photo is left out: its URL is not one Folio shows, or is relative with no address to resolve it against.");
                return None;
            }
        },
        None => {
            out.put("image.src", src.value.clone(), &src.path);
            return None;
        }
    };
    let caption = image
        .get("caption")
        .str()
        .map(plain)
        .filter(|c| !c.is_empty());
    let alt = image.get("alt_text");
    let alt = match alt.str().map(plain).filter(|a| !a.is_empty()) {
        Some(alt) => (alt, alt_path(&image, true)),
        None => match &caption {
            Some(caption) => (caption.clone(), alt_path(&image, false)),
            None => {
                out.notice(&image.path, "The photo is left out: it has no alt_text or caption to describe it to readers who cannot see it.");
                return None;
            }
        },
    };
    out.put("image.src", text_value(&href), &src.path);
    out.put("image.alt", text_value(&alt.0), &alt.1);
    for key in ["width", "height"] {
        let size = image.get(key);
        if !size.is_null() {
            out.put(
                if key == "width" {
                    "image.width"
                } else {
                    "image.height"
                },
                size.value.clone(),
                &size.path,
            );
        }
    }
    if let Some(caption) = caption {
        out.put(
            "image.caption",
            text_value(&caption),
            &image.get("caption").path,
        );
    }
    if let Some(credit) = credit(&image) {
        out.put(
            "image.credit",
            text_value(&credit),
            &image.get("credits").path,
        );
    }
    Some(href)
}

/// `related`: the stories of `related_content.basic` that have a
/// headline and a URL Folio links to, the first
/// [`MAX_RELATED`](folio_core::model::MAX_RELATED), each with its promo
/// photo (when it has a text alternative) and its date (when it reads as
/// one).
fn related<'a>(doc: &Node<'_, 'a>, base: Option<&str>, out: &mut Out<'a>) {
    let list = doc.at("related_content.basic");
    let mut items = Vec::new();
    for item in list.items() {
        let headline = item.at("headlines.basic").str().map(plain);
        let href = ["canonical_url", "website_url"]
            .into_iter()
            .find_map(|key| item.get(key).str())
            .and_then(|u| url::link(u, base));
        let (Some(headline), Some(href)) = (headline.filter(|h| !h.is_empty()), href) else {
            out.notice(
                &item.path,
                "A related story is left out: it has no headline, or no URL Folio links to.",
            );
            continue;
        };
        if items.len() == folio_core::model::MAX_RELATED {
            out.notice(
                &item.path,
                "A related story is left out: Folio lists at most 6.",
            );
            continue;
        }
        let mut fields = vec![
            ("headline".into(), text_value(&headline)),
            ("url".into(), text_value(&href)),
        ];
        if let Some(photo) = promo_photo(&item, base) {
            fields.push(("image".into(), photo));
        }
        let date = ["display_date", "first_publish_date"]
            .into_iter()
            .find_map(|key| item.get(key).str().and_then(folio_core::date::normalize));
        if let Some(date) = date {
            fields.push(("published".into(), text_value(&date)));
        }
        items.push(Value::Object(fields));
    }
    if !items.is_empty() {
        out.put("related", Value::Array(items), &list.path);
    }
}

/// A related story's promo photo as Folio's `image`: its URL, its text
/// alternative (`alt_text` ‖ `caption`) and size; none without both.
fn promo_photo<'a>(item: &Node, base: Option<&str>) -> Option<Value<'a>> {
    let image = image_of(&item.at("promo_items.basic"))?;
    let src = url::image(image.get("url").str()?, base)?;
    let alt = ["alt_text", "caption"]
        .into_iter()
        .find_map(|key| image.get(key).str().map(plain).filter(|a| !a.is_empty()))?;
    let mut fields = vec![
        ("src".into(), text_value(&src)),
        ("alt".into(), text_value(&alt)),
    ];
    for key in ["width", "height"] {
        if let Value::Number(n) = &image.get(key).value
            && folio_core::json::whole(n).is_some_and(|n| n > 0 && n <= i64::from(u32::MAX))
        {
            fields.push((key.into(), Value::Number(n.to_string().into())));
        }
    }
    Some(Value::Object(fields))
}

fn alt_path(image: &Node, own: bool) -> String {
    image.get(if own { "alt_text" } else { "caption" }).path
}

/// The image a promo item shows: itself, or a video's or gallery's promo
/// image (a gallery's first image otherwise).
fn image_of<'v, 'a>(item: &Node<'v, 'a>) -> Option<Node<'v, 'a>> {
    let is_image = |n: &Node| n.get("type").str() == Some("image");
    match item.get("type").str()? {
        "image" => Some(item.clone()),
        "video" => Some(item.at("promo_items.basic")).filter(is_image),
        "gallery" => Some(item.at("promo_items.basic"))
            .filter(is_image)
            .or_else(|| {
                item.get("content_elements")
                    .items()
                    .into_iter()
                    .find(is_image)
            }),
        _ => None,
    }
}

/// A photo's credit as readers see it: the photographers, then the
/// agency, "Mikhail Metzel / TASS".
pub(super) fn credit(image: &Node) -> Option<String> {
    let by = names(&image.at("vanity_credits.by"));
    let by = match by.is_empty() {
        true => names(&image.at("credits.by")),
        false => by,
    };
    let agencies = names(&image.at("credits.affiliation"));
    let parts: Vec<String> = [by, agencies]
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(", "))
        .collect();
    (!parts.is_empty()).then(|| inline::collapse(&parts.join(" / ")))
}
