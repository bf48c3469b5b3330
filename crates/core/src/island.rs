//! What a pre-rendered article tells its support island: the props beside
//! the prompt's place. The prompt's markup itself is in the page, rendered
//! by the server with the widget's own component into an inert
//! `<template>`; the props say what the markup does not: the campaign and
//! its schedule, and each amount's value and frequency (for the call to
//! action's parameters and for formatting the sums in the reader's
//! language). The server writes them (`folio render`); the island reads
//! them back and checks them again, since a page may have changed them.

use crate::json::{self, Value};
use crate::limits::MAX_TEXT_BYTES;
use crate::model::{Amount, Frequency, Support};
use crate::schedule::{MAX_DAYS, MAX_VIEWS_KEPT, Policy};

/// The props of one prompt.
#[derive(Debug, Clone, PartialEq)]
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

    /// The props as JSON safe inside a `<script type="application/json">`.
    pub fn to_json(&self) -> String {
        let whole = |n: u32| Value::number(f64::from(n));
        let amounts = self.amounts.iter().map(|a| {
            Value::object(vec![
                ("label", a.label.as_deref().map_or(Value::Null, Value::text)),
                ("value", Value::number(a.value)),
                ("frequency", Value::text(a.frequency.as_str())),
            ])
        });
        let members = vec![
            ("campaign", Value::text(&self.campaign)),
            ("maxViews", whole(self.policy.max_views)),
            ("windowDays", whole(self.policy.window_days)),
            ("snoozeDays", whole(self.policy.snooze_days)),
            (
                "currency",
                self.currency.as_deref().map_or(Value::Null, Value::text),
            ),
            ("lang", Value::text(&self.lang)),
            ("amounts", Value::Array(amounts.collect())),
        ];
        json::write_for_script(&Value::object(members))
    }

    /// The props [`Props::to_json`] wrote. An error names the field that
    /// does not read; numbers are held to the schedule's limits.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value = json::parse(text).map_err(|e| format!("props: not JSON: {}", e.message))?;
        let Value::Object(members) = &value else {
            return Err("props: not an object".into());
        };
        let field = |name: &str| members.iter().find(|(k, _)| k == name).map(|(_, v)| v);
        // A count or a number of days, as the model allows them: positive.
        let positive = |name: &str, limit: u32| -> Result<u32, String> {
            match field(name) {
                Some(Value::Number(n)) => match json::whole(n) {
                    Some(n) if n >= 1 => Ok(n.min(i64::from(limit)) as u32),
                    _ => Err(format!("props: `{name}` must be a whole number ≥ 1")),
                },
                _ => Err(format!("props: `{name}` is missing")),
            }
        };
        let campaign = match field("campaign") {
            Some(Value::String(c)) if !c.trim().is_empty() && c.len() <= MAX_TEXT_BYTES => {
                c.to_string()
            }
            _ => return Err("props: `campaign` must be a name".into()),
        };
        let policy = Policy {
            max_views: positive("maxViews", MAX_VIEWS_KEPT as u32)?,
            window_days: positive("windowDays", MAX_DAYS)?,
            snooze_days: positive("snoozeDays", MAX_DAYS)?,
        };
        let currency = match field("currency") {
            None | Some(Value::Null) => None,
            Some(Value::String(c))
                if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) =>
            {
                Some(c.to_string())
            }
            Some(_) => return Err("props: `currency` must be a code of three letters".into()),
        };
        let lang = match field("lang") {
            Some(Value::String(tag)) if crate::model::is_language(tag) => tag.to_string(),
            _ => "en".into(),
        };
        let Some(Value::Array(items)) = field("amounts") else {
            return Err("props: `amounts` must be a list".into());
        };
        let amounts = items.iter().enumerate().map(|(i, item)| {
            amount(item).ok_or_else(|| format!("props: `amounts[{i}]` is not an amount"))
        });
        Ok(Self {
            campaign,
            policy,
            currency,
            lang,
            amounts: amounts.collect::<Result<_, _>>()?,
        })
    }
}

/// One amount of the props: its label if it has one, a positive, finite
/// value and its frequency.
fn amount(item: &Value) -> Option<Amount> {
    let Value::Object(members) = item else {
        return None;
    };
    let field = |name: &str| members.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let value = match field("value") {
        Some(Value::Number(n)) => json::float(n).filter(|v| *v > 0.0)?,
        _ => return None,
    };
    let frequency = match field("frequency") {
        Some(Value::String(word)) => [Frequency::Once, Frequency::Monthly, Frequency::Annual]
            .into_iter()
            .find(|f| f.as_str() == word)?,
        _ => return None,
    };
    let label = match field("label") {
        None | Some(Value::Null) => None,
        Some(Value::String(label)) => Some(label.to_string()),
        Some(_) => return None,
    };
    Some(Amount {
        label,
        value,
        frequency,
        default: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            refused("\"value\":2,", "\"value\":-2,"),
            "props: `amounts[0]` is not an amount"
        );
        assert_eq!(
            refused("\"monthly\"", "\"weekly\""),
            "props: `amounts[0]` is not an amount"
        );
        assert!(refused("\"snoozeDays\":3", "\"snoozeDays\":1.5").contains("`snoozeDays`"));
        // Zero would turn the cap or the snooze off.
        assert!(refused("\"windowDays\":14", "\"windowDays\":0").contains("`windowDays`"));
        assert!(refused("\"EUR\"", "\"<b>\"").contains("`currency`"));
        assert!(
            refused("\"campaign\":\"fall-2026", "\"campaign\":7,\"x\":\"").contains("`campaign`")
        );
        assert!(Props::parse("[]").unwrap_err().contains("not an object"));
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
