//! What a pre-rendered article tells its support island: the props beside
//! the prompt's place. The prompt's markup itself is in the page, rendered
//! by the server with the widget's own component into an inert
//! `<template>`; the props say what the markup does not: the campaign and
//! its schedule, and each amount's value and frequency (for the call to
//! action's parameters and for formatting the sums in the reader's
//! language). The server writes them (`folio render`); the island reads
//! them back and checks them again, since a page may have changed them.

use serde::Serialize;

use crate::json::{self, Value};
use crate::limits::MAX_TEXT_BYTES;
use crate::model::{Amount, Frequency, Support};
use crate::schedule::{MAX_DAYS, MAX_VIEWS_KEPT, Policy};

/// The props of one prompt, as the server writes them:
/// `{"campaign", "policy": {"maxViews", "windowDays", "snoozeDays"},
/// "currency", "lang", "amounts": [{"label"?, "value", "frequency"}]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Props {
    /// The campaign (the key of its stored record, and its events' detail).
    pub campaign: String,
    /// How often the prompt may show.
    pub policy: Policy,
    /// The amounts' currency (ISO 4217), when the article gives one.
    pub currency: Option<String>,
    /// The language the sums are formatted in.
    pub lang: String,
    /// The amounts, in the order of the prompt's buttons: label, value and
    /// frequency (the button chosen first says which is the default).
    pub amounts: Vec<Amount>,
}

impl Props {
    /// The props of the prompt of `support`, its sums in `lang`.
    pub fn of(support: &Support, lang: &str) -> Self {
        let amounts = support.amounts.iter().map(|a| Amount {
            default: false,
            ..a.clone()
        });
        Self {
            campaign: support.campaign.clone(),
            policy: Policy::of(support),
            currency: support.currency.clone(),
            lang: lang.to_string(),
            amounts: amounts.collect(),
        }
    }

    /// The props as JSON safe inside a `<script type="application/json">`
    /// (a `<` in a string is written `\u003c`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }

    /// The props [`Props::to_json`] wrote, checked again (a page may have
    /// changed them): an error names the field that does not read or
    /// cannot be; counts and days are held to the schedule's limits, and a
    /// language that is no tag is English. (Read from the JSON tree by
    /// hand: a `serde` derive would cost the support island the decoder's
    /// code.)
    pub fn parse(text: &str) -> Result<Self, String> {
        let value = json::parse(text).map_err(|error| format!("props: {}", error.message))?;
        if !matches!(value, Value::Object(_)) {
            return Err(format!(
                "props: must be an object, not {}",
                json::describe(&value)
            ));
        }
        let campaign = (value.get("campaign").and_then(Value::as_str))
            .filter(|c| !c.trim().is_empty() && c.len() <= MAX_TEXT_BYTES)
            .ok_or("props: `campaign` must be a name")?;
        let policy = value.get("policy");
        let days = |name: &str, most: usize| -> Result<u32, String> {
            let n = (policy.and_then(|p| p.get(name)).and_then(Value::as_whole))
                .filter(|&n| n >= 1)
                .ok_or_else(|| format!("props: `policy.{name}` must be a whole number ≥ 1"))?;
            Ok(n.min(most as i64) as u32)
        };
        let policy = Policy {
            max_views: days("maxViews", MAX_VIEWS_KEPT)?,
            window_days: days("windowDays", MAX_DAYS as usize)?,
            snooze_days: days("snoozeDays", MAX_DAYS as usize)?,
        };
        let currency = match value.get("currency") {
            None | Some(Value::Null) => None,
            Some(code) => Some(
                (code.as_str())
                    .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()))
                    .ok_or("props: `currency` must be a code of three letters")?,
            ),
        };
        let lang = value.get("lang").and_then(Value::as_str);
        let lang = lang
            .filter(|l| crate::model::is_language(l))
            .unwrap_or("en");
        let Some(Value::Array(list)) = value.get("amounts") else {
            return Err("props: `amounts` must be a list".into());
        };
        let mut amounts = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            amounts.push(
                amount(item)
                    .map_err(|(field, what)| format!("props: `amounts[{i}].{field}` {what}"))?,
            );
        }
        Ok(Props {
            campaign: campaign.to_string(),
            policy,
            currency: currency.map(str::to_string),
            lang: lang.to_string(),
            amounts,
        })
    }
}

/// An amount of the props: its value above 0, its frequency one of three
/// (`once` when absent), its label text; never the default (the markup
/// says which button is chosen). An error is the field and what it must be.
fn amount(item: &Value) -> Result<Amount, (&'static str, String)> {
    let value = (item.get("value").and_then(Value::as_f64))
        .filter(|&v| v > 0.0)
        .ok_or(("value", "must be more than 0".to_string()))?;
    let frequency = match item.get("frequency") {
        None | Some(Value::Null) => Frequency::Once,
        Some(word) => match word.as_str() {
            Some("once") => Frequency::Once,
            Some("monthly") => Frequency::Monthly,
            Some("annual") => Frequency::Annual,
            other => {
                let it = other.map_or(String::new(), |w| format!(" (it is \"{w}\")"));
                let what = format!("must be one of once, monthly, annual{it}");
                return Err(("frequency", what));
            }
        },
    };
    let label = match item.get("label") {
        None | Some(Value::Null) => None,
        Some(label) => Some(
            label
                .as_str()
                .ok_or(("label", "must be text".to_string()))?,
        ),
    };
    Ok(Amount {
        label: label.map(str::to_string),
        value,
        frequency,
        default: false,
        recommended: matches!(item.get("recommended"), Some(Value::Bool(true))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Frequency;

    fn props() -> Props {
        let article = crate::model::parse(
            r#"{"version":1,"id":"a","headline":"H","body":"B","published":"2026-01-01T00:00:00Z","support":{
                "campaign":"fall-2026</script>","heading":"Help","currency":"EUR",
                "cta":{"label":"Give","href":"https://example.org/give"},
                "amounts":[{"value":2,"frequency":"monthly","label":"Two a month"},
                           {"value":10.5,"frequency":"once","default":true}],
                "maxViews":{"count":9,"days":14},"decline":{"days":3}}}"#,
        )
        .unwrap();
        Props::of(&article.support.unwrap().unwrap(), "tr")
    }

    #[test]
    fn props_read_back_as_written() {
        let props = props();
        let text = props.to_json();
        assert!(!text.contains("</script"), "{text}");
        let read = Props::parse(&text).unwrap();
        assert_eq!(read, props);
        assert_eq!(read.campaign, "fall-2026</script>");
        assert_eq!(read.lang, "tr");
        assert_eq!(read.currency.as_deref(), Some("EUR"));
        let policy = Policy {
            max_views: 9,
            window_days: 14,
            snooze_days: 3,
        };
        assert_eq!(read.policy, policy);
        let amounts: Vec<_> = read
            .amounts
            .iter()
            .map(|a| (a.value, a.frequency))
            .collect();
        assert_eq!(
            amounts,
            [(2.0, Frequency::Monthly), (10.5, Frequency::Once)]
        );
        let labels: Vec<_> = read.amounts.iter().map(|a| a.label.as_deref()).collect();
        assert_eq!(labels, [Some("Two a month"), None]);
        assert!(read.amounts.iter().all(|a| !a.default));
    }

    #[test]
    fn tampered_props_are_refused_by_field_or_held_to_limits() {
        let text = props().to_json();
        let refused = |from: &str, to: &str| {
            let tampered = text.replace(from, to);
            assert_ne!(tampered, text, "{from}");
            Props::parse(&tampered).unwrap_err()
        };
        assert_eq!(
            refused("\"value\":2.0,", "\"value\":-2,"),
            "props: `amounts[0].value` must be more than 0"
        );
        assert_eq!(
            refused("\"monthly\"", "\"weekly\""),
            "props: `amounts[0].frequency` must be one of once, monthly, annual (it is \"weekly\")"
        );
        assert!(refused("\"snoozeDays\":3", "\"snoozeDays\":1.5").contains("`policy.snoozeDays`"));
        // Zero would turn the cap or the snooze off.
        assert!(refused("\"windowDays\":14", "\"windowDays\":0").contains("`policy.windowDays`"));
        assert!(refused("\"EUR\"", "\"<b>\"").contains("`currency`"));
        assert!(
            refused("\"campaign\":\"fall-2026", "\"campaign\":7,\"x\":\"").contains("`campaign`")
        );
        assert_eq!(
            Props::parse("[]").unwrap_err(),
            "props: must be an object, not a list"
        );
        let long = Props::parse(&text.replace("\"maxViews\":9", "\"maxViews\":100000")).unwrap();
        assert_eq!(long.policy.max_views, MAX_VIEWS_KEPT as u32);
        let lang = Props::parse(&text.replace("\"tr\"", "\"not a tag!\"")).unwrap();
        assert_eq!(lang.lang, "en");
    }

    #[test]
    fn mangled_props_are_refused_or_read_within_their_limits() {
        let text = props().to_json();
        let pieces = [
            "0", "-1", "1e999", "\"", "{", "}", "[", "]", ",", "null", "\"x\"", "\\u0000", "é",
        ];
        let mut rng = crate::tests::Lcg(15);
        let mut read = 0;
        for _ in 0..20_000 {
            let mut mangled = text.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(mangled.len());
                let at = (0..=at)
                    .rev()
                    .find(|&i| mangled.is_char_boundary(i))
                    .unwrap_or(0);
                let end = (at + rng.below(6)).min(mangled.len());
                let end = (end..=mangled.len())
                    .find(|&i| mangled.is_char_boundary(i))
                    .unwrap_or(at);
                mangled.replace_range(at..end, pieces[rng.below(pieces.len())]);
            }
            let Ok(props) = Props::parse(&mangled) else {
                continue;
            };
            read += 1;
            let p = props.policy;
            assert!(
                p.max_views >= 1 && p.max_views as usize <= MAX_VIEWS_KEPT,
                "{mangled}"
            );
            assert!((1..=MAX_DAYS).contains(&p.window_days), "{mangled}");
            assert!((1..=MAX_DAYS).contains(&p.snooze_days), "{mangled}");
            assert!(!props.campaign.trim().is_empty(), "{mangled}");
            assert!(
                props
                    .amounts
                    .iter()
                    .all(|a| a.value.is_finite() && a.value > 0.0)
            );
        }
        assert!(read > 100, "some mangled props still read ({read})");
    }
}
