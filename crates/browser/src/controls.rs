//! What the support prompt's controls do in a page, for the widget's
//! prompt and the island alike: the amounts' arrow keys, where focus goes
//! after "Remind me later", the call to action's URL, and the payment
//! badges.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use folio_core::locale::{Word, Words};
use folio_core::model::Amount;

/// The keys of a radio group or a tablist (the event's target's group,
/// whose items have `role`), over the items `among` (by index among all
/// of the group's; the ones shown), `current` chosen: arrows move the
/// choice in reading order (wrapping; in right-to-left text the left
/// arrow goes forward), Home and End jump. Returns the new choice, focus
/// already on it; `None` for any other key.
pub fn arrow_key(
    event: &KeyboardEvent,
    among: &[usize],
    current: usize,
    role: &str,
) -> Option<usize> {
    let group = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok());
    let rtl = group
        .as_ref()
        .is_some_and(|g| g.matches(":dir(rtl)").unwrap_or(false));
    let (forward, back) = match rtl {
        true => ("ArrowLeft", "ArrowRight"),
        false => ("ArrowRight", "ArrowLeft"),
    };
    let count = among.len();
    if count == 0 {
        return None;
    }
    let at = among.iter().position(|&i| i == current).unwrap_or(0);
    let next = match event.key().as_str() {
        key if key == forward || key == "ArrowDown" => (at + 1) % count,
        key if key == back || key == "ArrowUp" => (at + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        _ => return None,
    };
    event.prevent_default();
    let next = among[next];
    let items = group.and_then(|g| g.query_selector_all(&format!("[role={role}]")).ok());
    if let Some(item) = items
        .and_then(|b| b.item(next as u32))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = item.focus();
    }
    Some(next)
}

/// Before the prompt goes, moves focus to what follows it: the next part
/// of the article with text, else the "Read more" link.
/// `event` is the click on "Remind me later".
pub fn focus_after(event: &Event) {
    let target = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok());
    let Some(aside) = target.and_then(|t| t.closest("aside").ok().flatten()) else {
        return;
    };
    // The prompt sits in its slot in the article; what follows the slot.
    let slot = aside
        .closest(".folio-prompt")
        .ok()
        .flatten()
        .unwrap_or(aside);
    let mut next = slot.next_element_sibling();
    while let Some(candidate) = next.clone() {
        if candidate
            .text_content()
            .is_some_and(|t| !t.trim().is_empty())
        {
            break;
        }
        next = candidate.next_element_sibling();
    }
    let Some(next) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    let target = match next.query_selector("a").ok().flatten() {
        Some(link) if next.class_name() == "folio-read-more" => link.unchecked_into(),
        _ => {
            next.set_tab_index(-1);
            next
        }
    };
    let _ = target.focus();
}

/// `href` as the browser reads it on this page (against the document's
/// base URL); `None` when it reads as no URL.
pub fn page_url(href: &str) -> Option<web_sys::Url> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    web_sys::Url::new_with_base(href, base.as_deref().unwrap_or("about:blank")).ok()
}

/// The call to action with the chosen amount, its frequency and (when
/// given: the campaign has regions) its currency, the campaign, the
/// reader's variant (when there is one) and the origin of the page the
/// reader is on as query parameters (existing ones kept, values encoded).
pub fn cta_url(
    href: &str,
    amount: Option<&Amount>,
    currency: Option<&str>,
    campaign: &str,
    variant: Option<&str>,
) -> String {
    let Some(url) = page_url(href) else {
        return href.to_string();
    };
    let params = url.search_params();
    if let Some(amount) = amount {
        params.set("amount", &crate::intl::number_text(amount.value));
        params.set("frequency", amount.frequency.as_str());
        if let Some(currency) = currency {
            params.set("currency", currency);
        }
    }
    params.set("campaign", campaign);
    if let Some(variant) = variant {
        params.set("variant", variant);
    }
    if let Some(origin) = host_origin() {
        params.set("origin", &origin);
    }
    url.href()
}

/// The origin of the page the reader is on: this document's, or, in a
/// frame, the embedding page's as its referrer tells it (none when the
/// page sends no referrer).
fn host_origin() -> Option<String> {
    let window = web_sys::window()?;
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| parent != window);
    let origin = match framed {
        false => window.location().origin().ok()?,
        true => {
            let referrer = window.document()?.referrer();
            web_sys::Url::new(&referrer).ok()?.origin()
        }
    };
    // An opaque origin ("null": a file, a sandbox) says nothing.
    (origin != "null").then_some(origin)
}

/// The badge of a payment method: a known brand gets its own look and its
/// own name, `card` and `bank-transfer` the locale's words, any other
/// method is shown by its name.
pub fn badge(method: &str, words: &Words) -> (&'static str, String) {
    match method {
        "visa" => ("visa", "VISA".into()),
        "mastercard" => ("mastercard", "mastercard".into()),
        "amex" => ("amex", "AMEX".into()),
        "paypal" => ("paypal", "PayPal".into()),
        "apple-pay" => ("apple-pay", "Apple Pay".into()),
        "google-pay" => ("google-pay", "G Pay".into()),
        "card" => ("other", words.get(Word::Card).into()),
        "bank-transfer" => ("other", words.get(Word::BankTransfer).into()),
        other => ("other", other.to_string()),
    }
}
