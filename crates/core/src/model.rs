//! Article JSON v1: the types of the public contract, and parsing.
//!
//! Field names are camelCase and unknown fields are ignored. Each type is
//! declared once: its `serde` derive is what [`parse`] decodes with, and
//! what the published JSON Schema is generated from. [`parse`] turns JSON
//! text into an [`Article`] whose every field has been checked, or a
//! [`ContentError`] naming the first bad field.

mod decode;
mod validate;

use crate::error::ContentError;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use decode::{from_value, locate, parse, parse_mapped, parse_with_body};
pub use validate::{MAX_EMBEDS, MAX_IMAGES, MAX_RELATED, is_language};

/// A news article, as a publisher sends it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(extend("anyOf" = [{ "required": ["body"] }, { "required": ["url"] }]))]
pub struct Article {
    /// Stable identifier of the article, echoed in `folio:render`.
    pub id: String,
    /// Canonical URL of the article on the publisher's site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag of the text; dates and amounts are formatted for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Short section label above the headline ("Belarus").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// The headline.
    pub headline: String,
    /// Plain-text summary under the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// Names of the authors.
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    /// When it was first published: an RFC 3339 date-time, or a calendar
    /// date (`2024-06-25`), or a date-time with no offset, shown as written.
    pub published: String,
    /// When it was last updated, in the same shapes as `published`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The hero photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// The text, in Markdown (CommonMark with GFM tables and strikethrough).
    /// It may be left out when `url` is given: the article then shows as a
    /// card that links to it (a story with no text yet, a page's metadata).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The details of photos the body shows: a body paragraph holding
    /// nothing but one image (`![alt](src)`) is shown as a figure, and
    /// the entry whose `src` is that image's gives its caption, credit,
    /// size and `srcset` (the image's alt text stays the body's).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// What the body embeds: a body paragraph holding nothing but one
    /// link, written as an autolink (`<https://…>`) or listed here, is
    /// shown as a placeholder that loads the provider's player when the
    /// reader asks, and the entry whose `url` is that link's gives its
    /// provider, title, text, size and player (at most 50).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// The link shown after the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_more: Option<MoreLink>,
    /// Related articles, listed after the article (at most 6).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The reader-support banner and prompt. A bad block is kept as its error:
    /// the article still renders, without the prompt.
    #[serde(
        default,
        deserialize_with = "decode::lenient",
        serialize_with = "checked_support",
        skip_serializing_if = "no_checked_support"
    )]
    #[schemars(with = "Option<Support>")]
    pub support: Option<Result<Support, ContentError>>,
}

impl Article {
    /// The support block its prompt shows: its own, when the block is
    /// valid and the article has a body to place the prompt in.
    pub fn prompt(&self) -> Option<&Support> {
        self.body.as_ref()?;
        self.support.as_ref()?.as_ref().ok()
    }
}

/// The publisher of an article.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Publisher {
    /// Display name ("The Moscow Times").
    pub name: String,
    /// Home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A photo with its caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub struct Image {
    /// URL of the image.
    pub src: String,
    /// Responsive candidates, as in HTML's `srcset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub srcset: Option<String>,
    /// Intrinsic width in pixels; with `height`, reserves the photo's space.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Text alternative for readers who cannot see the photo.
    pub alt: String,
    /// Caption shown under the photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Photographer or agency ("Mikhail Metzel / TASS").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

impl Image {
    /// The `sizes` a photo shown at the article's full width takes: one
    /// when every `srcset` candidate gives its width (`640w`), none for
    /// candidates of densities (`2x`) or no `srcset`.
    pub fn sizes(&self) -> Option<&'static str> {
        let widths = self.srcset.as_deref().is_some_and(|set| {
            set.split(',').all(|candidate| {
                candidate
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|d| d.ends_with('w'))
            })
        });
        widths.then_some("(min-width: 52rem) 52rem, 100vw")
    }
}

/// What an oEmbed provider says of a URL the body embeds (its
/// `provider_name`, `title`, `html`, `width` and `height`), and the text
/// shown before the reader loads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub struct Embed {
    /// The URL the body links to (a post, a video's page).
    pub url: String,
    /// The provider's name ("YouTube"); absent, Folio's name for a
    /// provider it knows, else the URL's host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The title shown in the placeholder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Text shown in the placeholder (a post's text, oEmbed's fallback).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The oEmbed response's `html`. It is never inserted as markup: for
    /// a provider Folio does not know, the `src` of the one `iframe` it
    /// holds, if the URL policy allows it, is the player loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The player's width in pixels; with `height`, the placeholder's shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// The player's height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// An article listed after this one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Related {
    /// Its headline.
    pub headline: String,
    /// Where it is.
    pub url: String,
    /// Its photo, shown small beside the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// When it was published, in the shapes `published` takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A labelled link.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Link {
    /// The visible text.
    pub label: String,
    /// Where it goes.
    pub href: String,
}

/// The "Read more" link after the article.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct MoreLink {
    /// The visible text; absent, "Read more" in the widget's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Where it goes.
    pub href: String,
}

/// The reader-support prompt and banner of one campaign.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Support {
    /// Campaign name: views, snoozes and clicks are counted per campaign.
    pub campaign: String,
    /// The slim bar at the top of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<Banner>,
    /// The prompt follows this many top-level paragraphs of the body;
    /// absent or past the end, it follows the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_paragraph: Option<u64>,
    /// Heading of the prompt ("… we have a small favor to ask.").
    pub heading: String,
    /// Text of the prompt, in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Amounts a reader can choose from.
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<Amount>,
    /// ISO 4217 code the amounts are in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Amounts and currency by the reader's country, in the place of the
    /// block's own (the host's `country` attribute or option says where
    /// the reader is; a reader of no region gets the block's).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// The amounts' frequencies as tabs above them, each tab showing its
    /// own amounts (when they come in more than one); else (the default)
    /// all amounts in one row.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub frequency_tabs: bool,
    /// A few lines on what a reader's support brings, by frequency: shown
    /// under the amounts while one of that frequency is chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits: Option<Benefits>,
    /// The call to action.
    pub cta: Link,
    /// Payment methods shown as badges (`visa`, `mastercard`, `paypal`, …).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub payment_methods: Vec<String>,
    /// The decline line and its "Remind me later" button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decline: Option<Decline>,
    /// A reminder beside "Remind me later": "Remind me on {date}", which
    /// hands the reader a calendar file for that day (or goes to the
    /// publisher's own reminder service) and rests the prompt until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminder: Option<Reminder>,
    /// The reader's article count in the prompt ("You've read 23 articles
    /// in the last year"), counted on the reader's device (see
    /// [`crate::reading`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_count: Option<ArticleCount>,
    /// How often the prompt may be shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_views: Option<MaxViews>,
    /// What a reader who has supported the campaign sees in the prompt's
    /// and the banner's place: `thank` (a thank-you line, the default) or
    /// `hide` (nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supporters: Option<Supporters>,
    /// Alternative wordings of the prompt, tested against each other: each
    /// reader is shown one, drawn by `weight` once and kept (see
    /// [`crate::variant`]).
    #[serde(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

/// One alternative of the prompt: what it leaves out comes from the
/// support block.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Variant {
    /// Its name, in events and in the call to action's address.
    pub name: String,
    /// Its share of readers, relative to the other variants' weights
    /// (0 takes it out of the draw).
    pub weight: f64,
    /// The heading in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The text in its place, in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The amounts in their place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Vec<Amount>>,
    /// The call to action in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cta: Option<Link>,
}

/// The amounts of the readers of some countries.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Region {
    /// The countries, as ISO 3166-1 alpha-2 codes (`GB`, `IE`); each in
    /// one region at most.
    pub countries: Vec<String>,
    /// ISO 4217 code of its amounts (absent: the block's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Its amounts, in the place of the block's (and of a variant's).
    pub amounts: Vec<Amount>,
}

/// What support brings, by frequency: a few short lines each.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Benefits {
    /// Under the one-off amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub once: Vec<String>,
    /// Under the monthly amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monthly: Vec<String>,
    /// Under the yearly amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annual: Vec<String>,
}

impl Benefits {
    /// The lines of `frequency`.
    pub fn of(&self, frequency: Frequency) -> &[String] {
        match frequency {
            Frequency::Once => &self.once,
            Frequency::Monthly => &self.monthly,
            Frequency::Annual => &self.annual,
        }
    }
}

impl Support {
    /// The region of the reader in `country` (an ISO 3166-1 alpha-2 code,
    /// in any case), if the block has one.
    pub fn region(&self, country: &str) -> Option<&Region> {
        let mut regions = self.regions.iter();
        regions.find(|r| r.countries.iter().any(|c| c.eq_ignore_ascii_case(country)))
    }

    /// The block as a reader in `region` sees it: its amounts and
    /// currency in the place of the block's.
    pub fn in_region(&self, region: &Region) -> Support {
        Support {
            amounts: region.amounts.clone(),
            currency: region.currency.clone().or_else(|| self.currency.clone()),
            ..self.clone()
        }
    }

    /// The support block as `variant` (one of its `variants`) shows it:
    /// what the variant gives in the place of the block's own, and no
    /// variants of its own.
    pub fn as_variant(&self, variant: &Variant) -> Support {
        Support {
            heading: variant
                .heading
                .clone()
                .unwrap_or_else(|| self.heading.clone()),
            body: variant.body.clone().or_else(|| self.body.clone()),
            amounts: variant
                .amounts
                .clone()
                .unwrap_or_else(|| self.amounts.clone()),
            cta: variant.cta.clone().unwrap_or_else(|| self.cta.clone()),
            variants: Vec::new(),
            ..self.clone()
        }
    }
}

/// What a reader who has supported the campaign sees where the prompt and
/// the banner would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Supporters {
    /// A short thank-you line in the reader's language.
    #[default]
    Thank,
    /// Nothing at all.
    Hide,
}

/// The frequencies of `amounts`, in the order they first appear.
pub fn frequencies(amounts: &[Amount]) -> Vec<Frequency> {
    let mut found = Vec::new();
    for amount in amounts {
        if !found.contains(&amount.frequency) {
            found.push(amount.frequency);
        }
    }
    found
}

/// The amount of `amounts` chosen first: of all of them (`frequency`
/// `None`), the one marked `default`, else the first `recommended` one,
/// else the first; of those of a `frequency` (its tab shown), its
/// `recommended` one, else its first. By index.
pub fn preferred(amounts: &[Amount], frequency: Option<Frequency>) -> usize {
    let of = |a: &Amount| frequency.is_none_or(|f| a.frequency == f);
    let position = |pick: fn(&Amount) -> bool| amounts.iter().position(|a| of(a) && pick(a));
    let default = frequency
        .is_none()
        .then(|| position(|a| a.default))
        .flatten();
    default
        .or_else(|| position(|a| a.recommended))
        .or_else(|| position(|_| true))
        .unwrap_or(0)
}

/// The support banner.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Banner {
    /// The banner's text.
    pub text: String,
    /// Where it links to.
    pub href: String,
}

/// One amount a reader can choose.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Amount {
    /// The visible text ("$2 / month"); absent, the amount is formatted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The amount, in units of `currency`.
    pub value: f64,
    /// How often it is paid.
    #[serde(default)]
    pub frequency: Frequency,
    /// Preselected; at most one amount may be.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    /// Marked "Recommended"; at most one amount of each frequency may be.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recommended: bool,
}

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// A single payment.
    #[default]
    Once,
    /// Every month.
    Monthly,
    /// Every year.
    Annual,
}

impl Frequency {
    /// The word used in JSON and in call-to-action URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Once => "once",
            Self::Monthly => "monthly",
            Self::Annual => "annual",
        }
    }
}

/// The decline line of the prompt.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Decline {
    /// "Not ready to support today?"
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The button's label ("Remind me later").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Days the prompt stays hidden after "Remind me later" (default 7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

/// The reminder of the prompt (see [`crate::reminder`]).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Reminder {
    /// The publisher's reminder service, instead of a calendar file: the
    /// button is a link there, with the call to action's parameters and
    /// the day (`date`, as `2027-01-01`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// The reader's article count of the prompt.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct ArticleCount {
    /// The count shown from (default 5, at most 1000): a reader who opened
    /// fewer articles in the last 52 weeks sees no count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u32>,
}

/// The frequency cap of the prompt.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct MaxViews {
    /// Views allowed within the window (default 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Length of the window in days (default 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

/// Writes a support block that passed its checks (a bad one is left out
/// with [`no_checked_support`]): what a server publishes is what the
/// widget shows.
fn checked_support<S: serde::Serializer>(
    support: &Option<Result<Support, ContentError>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match support {
        Some(Ok(support)) => support.serialize(serializer),
        _ => serializer.serialize_none(),
    }
}

/// Whether there is no support block that passed its checks.
fn no_checked_support(support: &Option<Result<Support, ContentError>>) -> bool {
    !matches!(support, Some(Ok(_)))
}

/// Joins a parent path and a child (`support` + `amounts[1]`).
pub fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_string(),
        (_, true) => parent.to_string(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}
