//! One prompt in its place: whether it asks, thanks a supporter or stays
//! away, and what its controls do.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use folio_browser::controls::{arrow_key, page_url};
use folio_browser::events::Reporter;
use folio_browser::intl;
use folio_browser::prompt::{Prompt, Stage};
use folio_browser::reading;
use folio_browser::reminder::{self, Asked};
use folio_browser::tracking::ViewTracker;
use folio_core::island::Props;
use folio_core::model::{Frequency, Supporters, frequencies, preferred};
use folio_core::reading::CATEGORIES;
use folio_core::safe_url::ALLOWED_SCHEMES;
use folio_core::variant::read_weight;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::prelude::*;
use web_sys::{
    DocumentFragment, Element, Event, HtmlElement, HtmlTemplateElement, KeyboardEvent, Node,
};

/// A prompt's place brought to life: the prompt shown there, a
/// supporter's thank-you line, or nothing, as the reader's record says.
/// Freeing it (`free()` from JavaScript) takes what it showed away, when
/// the core renders the article anew, the element leaves the page, or a
/// mark of a supporter has the place shown again.
#[wasm_bindgen]
pub struct Island {
    shown: Option<Rc<Shown>>,
    thanks: Option<Element>,
    _listeners: Vec<EventListener>,
}

impl Drop for Island {
    fn drop(&mut self) {
        if let Some(shown) = &self.shown {
            shown.take_away();
        }
        if let Some(line) = &self.thanks {
            line.remove();
        }
    }
}

/// Shows the prompt of `place` (a pre-rendered article's
/// `[data-island="support"]`) at its end, unless the reader snoozed it
/// or it reached its view cap; a supporter of its campaign (the record,
/// the page's address, or `host`'s `supporter` attribute says so) sees
/// the place's thank-you line instead, in the banner's place too, or
/// nothing (no banner either) when the place has none (the publisher
/// chose to leave supporters alone). The reader's record goes to
/// `localStorage` only when `host`'s `consent` attribute is absent or
/// `granted`. Its events are sent on `host`.
/// Props that do not read, or a place without its prompt, are an error
/// naming what is wrong, and nothing is shown.
#[wasm_bindgen]
pub fn prompt(place: HtmlElement, host: HtmlElement) -> Result<Island, JsValue> {
    let props = place
        .query_selector(PROPS)?
        .and_then(|script| script.text_content())
        .unwrap_or_default();
    let props = Props::parse(&props).map_err(|e| JsValue::from_str(&e))?;
    let supporters = match place.query_selector(THANKS)? {
        Some(_) => Supporters::Thank,
        None => Supporters::Hide,
    };
    let reporter = Reporter::on(host.clone());
    let mut behaviour = Prompt::new(&props.campaign, props.policy, supporters, reporter);
    // Only `granted` (or no word) grants: a mistyped value does not.
    let consent = host.get_attribute("consent");
    behaviour.consent(consent.is_none_or(|c| c == "granted"));
    let template = variant(&place, &host, &mut behaviour)?;
    // The article is counted as opened whatever the prompt shows.
    let count = count_line(&place, &behaviour, &props.lang)?;
    let mut island = Island {
        shown: None,
        thanks: None,
        _listeners: Vec::new(),
    };
    match behaviour.start(host.has_attribute("supporter")) {
        Stage::Ask => {
            let prompt = copy(&place, &template)?;
            let mut props = match prompt.query_selector(PROPS)? {
                // A variant's own props come with its prompt.
                Some(script) => {
                    script.remove();
                    read_props(&script)?
                }
                None => props,
            };
            region(&place, &host, &prompt, &mut props)?;
            if place.query_selector("template[data-region]")?.is_some() {
                behaviour.priced_in(props.currency.as_deref());
            }
            let shown = Rc::new(Shown::new(&prompt, props, behaviour)?);
            if let Some(line) = count {
                shown.aside.prepend_with_node_1(&line)?;
            }
            island._listeners = shown.listen()?;
            place.append_child(&prompt)?;
            let watch = shown.behaviour.watch(shown.aside.clone());
            *shown.views.borrow_mut() = watch;
            island.shown = Some(shown);
        }
        Stage::Rest => {}
        Stage::Thank => island.thanks = thank(&place)?,
        Stage::Spare => banner(&place)?.iter().for_each(Element::remove),
    }
    Ok(island)
}

/// The props in `script`, checked.
fn read_props(script: &Element) -> Result<Props, JsValue> {
    Props::parse(&script.text_content().unwrap_or_default()).map_err(|e| JsValue::from_str(&e))
}

/// The amounts of the region of the country `host` names (its `country`
/// attribute), when the place has one (a `<template data-region>` of its
/// countries): its choices in the place of the `prompt`'s, its amounts
/// and currency in the place of `props`'.
fn region(
    place: &HtmlElement,
    host: &HtmlElement,
    prompt: &DocumentFragment,
    props: &mut Props,
) -> Result<(), JsValue> {
    let Some(country) = host.get_attribute("country") else {
        return Ok(());
    };
    let found = place.query_selector_all("template[data-region]")?;
    let regions = (0..found.length()).filter_map(|i| found.item(i)?.dyn_into().ok());
    let mut regions = regions.filter(|template: &HtmlTemplateElement| {
        let countries = template.get_attribute("data-region").unwrap_or_default();
        countries
            .split(' ')
            .any(|c| c.eq_ignore_ascii_case(&country))
    });
    let Some(template) = regions.next() else {
        return Ok(());
    };
    let copied = copy(place, &template)?;
    let script = copied
        .query_selector(PROPS)?
        .ok_or_else(|| missing("region's props"))?;
    let regional = read_props(&script)?;
    // The region's choices in the place of the block's, or, when the
    // block has none, before the call to action.
    let choices = ".folio-support__choices";
    if let Some(new) = copied.query_selector(choices)? {
        match prompt.query_selector(choices)? {
            Some(old) => old.replace_with_with_node_1(&new)?,
            None => {
                let cta = prompt.query_selector(".folio-support__cta")?;
                cta.ok_or_else(|| missing("call to action"))?
                    .before_with_node_1(&new)?;
            }
        }
    }
    props.amounts = regional.amounts;
    props.currency = regional.currency;
    Ok(())
}

/// Where a place holds a supporter's thank-you line (written by the
/// server when the publisher chose to thank supporters).
const THANKS: &str = "template[data-thanks]";

/// Where a place, or a variant's template, holds its props.
const PROPS: &str = r#"script[type="application/json"]"#;

/// The template of the prompt the reader sees: the place's only one, or,
/// when the campaign has variants (a `<template data-variant
/// data-weight>` each, holding its prompt and that prompt's props), the
/// one the reader is drawn into (by the `bucket` attribute of `host` when
/// it names them).
fn variant(
    place: &HtmlElement,
    host: &HtmlElement,
    behaviour: &mut Prompt,
) -> Result<HtmlTemplateElement, JsValue> {
    let found =
        place.query_selector_all("template:not([data-thanks], [data-count], [data-region])")?;
    let templates: Vec<HtmlTemplateElement> = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect();
    let drawn: Vec<&HtmlTemplateElement> = (templates.iter())
        .filter(|t| t.has_attribute("data-variant"))
        .collect();
    if drawn.is_empty() {
        return templates
            .first()
            .cloned()
            .ok_or_else(|| missing("template"));
    }
    let mut variants = Vec::new();
    for template in &drawn {
        let name = template.get_attribute("data-variant").unwrap_or_default();
        let weight = template.get_attribute("data-weight").unwrap_or_default();
        let weight = read_weight(&weight).ok_or_else(|| missing("weight of its variant"))?;
        variants.push((name, weight));
    }
    let named: Vec<(&str, f64)> = variants.iter().map(|(n, w)| (n.as_str(), *w)).collect();
    let chosen = behaviour.choose(&named, host.get_attribute("bucket").as_deref());
    let template = chosen.and_then(|i| drawn.get(i).copied().cloned());
    template.ok_or_else(|| missing("template"))
}

/// A supporter's place: the thank-you line put in it and in the banner's
/// place. Returns the line.
fn thank(place: &HtmlElement) -> Result<Option<Element>, JsValue> {
    let template = place
        .query_selector(THANKS)?
        .and_then(|t| t.dyn_into().ok());
    let Some(thanks) = template.map(|t| copy(place, &t)).transpose()? else {
        return Ok(None);
    };
    let line = thanks.query_selector(".folio-thanks")?;
    if let Some(thanked) = thanks.query_selector(".folio-banner")? {
        match banner(place)? {
            Some(banner) => banner.replace_with_with_node_1(&thanked)?,
            None => thanked.remove(),
        }
    }
    place.append_child(&thanks)?;
    Ok(line)
}

/// The banner of the article `place` is in.
fn banner(place: &HtmlElement) -> Result<Option<Element>, JsValue> {
    match place.closest("article")? {
        Some(article) => article.query_selector(":scope > .folio-banner"),
        None => Ok(None),
    }
}

/// A copy of the content of `template`, ready to be put in the page of
/// `place`.
fn copy(place: &HtmlElement, template: &HtmlTemplateElement) -> Result<DocumentFragment, JsValue> {
    let document = place.owner_document().ok_or_else(|| missing("document"))?;
    let copy = document.import_node_with_deep(&template.content(), true)?;
    Ok(copy.unchecked_into())
}

/// Whether `href` keeps to the URL policy's schemes as the browser reads
/// it: the page may have changed the template the server wrote. (The
/// browser's own parser judges it: the policy's own checker would add
/// 8.9 KB brotli to the island.)
fn allowed(href: &str) -> bool {
    page_url(href)
        .is_some_and(|url| ALLOWED_SCHEMES.contains(&url.protocol().trim_end_matches(':')))
}

fn missing(what: &str) -> JsValue {
    JsValue::from_str(&format!("the prompt's place has no {what}"))
}

/// The reminder's `control` made ready for a reader asking today: its
/// label written again by the reader's clock in `lang` (from the words
/// the server kept on it), and a link's address given the call to
/// action's parameters and the day.
fn remind(control: &Element, lang: &str, behaviour: &Prompt) -> Result<(Element, Asked), JsValue> {
    let asked = reminder::asked();
    if let Some(words) = control.get_attribute("data-words") {
        control.set_text_content(Some(&reminder::label(&words, asked.day, Some(lang))));
    }
    if control.local_name() == "a" {
        let href = control.get_attribute("href").filter(|h| allowed(h));
        let href =
            href.ok_or_else(|| JsValue::from_str("the reminder's address is not one Folio shows"))?;
        control.set_attribute("href", &behaviour.reminder_url(&href, asked))?;
    }
    Ok((control.clone(), asked))
}

/// The reader's article count's line, filled, when the place has one
/// (a `<template data-count>`), its article is counted as opened (which
/// the reader's consent must allow) and the count reaches its threshold.
fn count_line(
    place: &HtmlElement,
    behaviour: &Prompt,
    lang: &str,
) -> Result<Option<DocumentFragment>, JsValue> {
    let Some((template, article, threshold)) = counted(place)? else {
        return Ok(None);
    };
    let Some(count) = behaviour.count(&article, threshold) else {
        return Ok(None);
    };
    let category = CATEGORIES[reading::category(count, Some(lang))];
    let words = template.get_attribute(&format!("data-{category}"));
    let line = reading::line(&words.unwrap_or_default(), count, Some(lang));
    let copy = copy(place, &template)?;
    if let Some(span) = copy.query_selector(".folio-support__count span")? {
        span.set_text_content(Some(&line));
    }
    Ok(Some(copy))
}

/// The count's template of `place`, with the article it names and the
/// threshold, when the place shows the reader's article count.
fn counted(
    place: &HtmlElement,
) -> Result<Option<(HtmlTemplateElement, String, Option<u32>)>, JsValue> {
    let found = place.query_selector("template[data-count]")?;
    let Some(template) = found.and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok()) else {
        return Ok(None);
    };
    let article = template.get_attribute("data-article").unwrap_or_default();
    let threshold = template.get_attribute("data-threshold");
    let threshold = threshold.and_then(|t| t.parse().ok());
    Ok(Some((template, article, threshold)))
}

/// Counts the article of `place` (a pre-rendered article's
/// `[data-island="support"]`) as opened by its reader, when the place
/// shows the reader's article count and `host`'s `consent` attribute
/// (absent or `granted`) allows it: as the page opens, whether or not its
/// prompt is ever shown (`folio.js` calls it when the island loads).
#[wasm_bindgen]
pub fn count(place: &HtmlElement, host: &HtmlElement) -> Result<(), JsValue> {
    if let Some((_, article, threshold)) = counted(place)? {
        let consent = host.get_attribute("consent");
        reading::open(&article, threshold, consent.is_none_or(|c| c == "granted"));
    }
    Ok(())
}

/// A prompt on the page, and what it needs to answer its controls.
struct Shown {
    props: Props,
    aside: Element,
    /// The amounts' buttons, in the order of `props.amounts`.
    amounts: Vec<Element>,
    /// The frequencies' tabs, in the order of `frequencies` (none with
    /// one frequency), the panel they control, and each frequency's
    /// benefits.
    tabs: Vec<Element>,
    frequencies: Vec<Frequency>,
    panel: Option<Element>,
    benefits: Vec<Element>,
    cta: Element,
    /// The call to action's address as the server wrote it.
    href: String,
    selected: Cell<usize>,
    behaviour: Prompt,
    views: RefCell<Option<ViewTracker>>,
    /// The reminder's control, if the prompt has one, and the reminder
    /// it asks for.
    reminder: Option<(Element, Asked)>,
}

impl Shown {
    /// The prompt in `prompt` (the template's copy), its sums formatted in
    /// the props' language and its chosen amount's parameters on the call
    /// to action.
    fn new(prompt: &DocumentFragment, props: Props, behaviour: Prompt) -> Result<Self, JsValue> {
        let find = |selector: &str| -> Result<Element, JsValue> {
            prompt
                .query_selector(selector)?
                .ok_or_else(|| missing(selector))
        };
        let aside = find("aside.folio-support")?;
        let cta = find(".folio-support__cta")?;
        let buttons = aside.query_selector_all(".folio-support__amount")?;
        let amounts: Vec<Element> = (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into().ok())
            .collect();
        if amounts.len() != props.amounts.len() {
            return Err(JsValue::from_str(
                "props: `amounts` does not match the prompt's buttons",
            ));
        }
        // A sum is its button's own text, between the frequency's words.
        let unlabelled = amounts
            .iter()
            .zip(&props.amounts)
            .filter(|(_, a)| a.label.is_none());
        for (button, amount) in unlabelled {
            let children = button.child_nodes();
            let sum = (0..children.length())
                .filter_map(|i| children.item(i))
                .find(|node| node.node_type() == Node::TEXT_NODE);
            if let Some(sum) = sum {
                let text = intl::money(amount.value, props.currency.as_deref(), Some(&props.lang));
                sum.set_node_value(Some(&text));
            }
        }
        let chosen = |b: &Element| b.get_attribute("aria-checked").as_deref() == Some("true");
        let first = amounts.iter().position(chosen).unwrap_or(0);
        let href = cta.get_attribute("href").filter(|h| allowed(h));
        let href = href.ok_or_else(|| {
            JsValue::from_str("the call to action's address is not one Folio shows")
        })?;
        let reminder = aside.query_selector(".folio-support__remind")?;
        let reminder = reminder
            .map(|control| remind(&control, &props.lang, &behaviour))
            .transpose()?;
        let all = |selector: &str| -> Result<Vec<Element>, JsValue> {
            let found = aside.query_selector_all(selector)?;
            Ok((0..found.length())
                .filter_map(|i| found.item(i)?.dyn_into().ok())
                .collect())
        };
        let tabs = all("[role=tab]")?;
        let frequencies = frequencies(&props.amounts);
        if !tabs.is_empty() && tabs.len() != frequencies.len() {
            return Err(JsValue::from_str(
                "props: the amounts' frequencies do not match the prompt's tabs",
            ));
        }
        let shown = Self {
            href,
            panel: aside.query_selector("[role=tabpanel]")?,
            benefits: all(".folio-support__benefits")?,
            tabs,
            frequencies,
            props,
            aside,
            amounts,
            cta,
            selected: Cell::new(first),
            behaviour,
            views: RefCell::new(None),
            reminder,
        };
        shown.select(first);
        Ok(shown)
    }

    /// The listeners that give the controls their behaviour; dropping them
    /// takes it away.
    fn listen(self: &Rc<Self>) -> Result<Vec<EventListener>, JsValue> {
        let on = |target: &Element, name: &'static str, act: fn(&Shown, &Event)| {
            let shown = self.clone();
            // Not passive: the arrow keys' default (scrolling) is prevented.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(target, name, options, move |event| act(&shown, event))
        };
        let mut listeners = Vec::new();
        for (i, button) in self.amounts.iter().enumerate() {
            let shown = self.clone();
            listeners.push(EventListener::new(button, "click", move |_| {
                shown.select(i)
            }));
        }
        if let Some(group) = self.aside.query_selector(".folio-support__amounts")? {
            listeners.push(on(&group, "keydown", Shown::key));
        }
        for (i, tab) in self.tabs.iter().enumerate() {
            let shown = self.clone();
            listeners.push(EventListener::new(tab, "click", move |_| shown.show(i)));
        }
        if let Some(list) = self.aside.query_selector("[role=tablist]")? {
            listeners.push(on(&list, "keydown", Shown::tab_key));
        }
        listeners.push(on(&self.cta, "click", Shown::clicked));
        if let Some(later) = self.aside.query_selector(".folio-support__later")? {
            listeners.push(on(&later, "click", Shown::later));
        }
        if let Some((control, _)) = &self.reminder {
            listeners.push(on(control, "click", Shown::remind));
        }
        if let Some(off) = self.aside.query_selector(".folio-support__count-off")? {
            listeners.push(on(&off, "click", Shown::count_off));
        }
        Ok(listeners)
    }

    /// Chooses amount `index`: the radio group, the tab of its frequency
    /// (its amounts and benefits shown, the others hidden) and the call
    /// to action's parameters follow.
    fn select(&self, index: usize) {
        self.selected.set(index);
        let frequency = self.frequency();
        let set = |element: &Element, name: &str, on: bool, yes: &str, no: &str| {
            let _ = element.set_attribute(name, if on { yes } else { no });
        };
        let tabbed = !self.tabs.is_empty();
        for (i, button) in self.amounts.iter().enumerate() {
            let chosen = i == index;
            set(button, "aria-checked", chosen, "true", "false");
            set(button, "tabindex", chosen, "0", "-1");
            let hidden = tabbed && self.props.amounts.get(i).map(|a| a.frequency) != frequency;
            let _ = button.toggle_attribute_with_force("hidden", hidden);
        }
        for (tab, &of) in self.tabs.iter().zip(&self.frequencies) {
            let shown = Some(of) == frequency;
            set(tab, "aria-selected", shown, "true", "false");
            set(tab, "tabindex", shown, "0", "-1");
            if let (true, Some(panel)) = (shown, &self.panel) {
                let _ = panel.set_attribute("aria-labelledby", &tab.id());
            }
        }
        for list in &self.benefits {
            let of = list.get_attribute("data-frequency");
            let shown = of.as_deref() == frequency.map(Frequency::as_str);
            let _ = list.toggle_attribute_with_force("hidden", !shown);
        }
        let _ = self.cta.set_attribute("href", &self.url());
    }

    /// The frequency of the amount chosen.
    fn frequency(&self) -> Option<Frequency> {
        let amount = self.props.amounts.get(self.selected.get());
        amount.map(|a| a.frequency)
    }

    /// Shows the tab of frequency `i`: the amount it prefers chosen.
    fn show(&self, i: usize) {
        let frequency = self.frequencies.get(i).copied();
        self.select(preferred(&self.props.amounts, frequency));
    }

    fn url(&self) -> String {
        let amount = self.props.amounts.get(self.selected.get());
        self.behaviour.url(&self.href, amount)
    }

    /// A key in the radio group: the arrows, Home and End choose among
    /// the amounts of the tab shown.
    fn key(&self, event: &Event) {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let frequency = self.frequency();
        let tabbed = !self.tabs.is_empty();
        let among: Vec<usize> = (0..self.amounts.len())
            .filter(|&i| !tabbed || self.props.amounts.get(i).map(|a| a.frequency) == frequency)
            .collect();
        if let Some(next) = arrow_key(event, &among, self.selected.get(), "radio") {
            self.select(next);
        }
    }

    /// A key in the tablist: the arrows, Home and End show a tab.
    fn tab_key(&self, event: &Event) {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let frequency = self.frequency();
        let current = self.frequencies.iter().position(|&f| Some(f) == frequency);
        let tabs: Vec<usize> = (0..self.tabs.len()).collect();
        if let Some(next) = arrow_key(event, &tabs, current.unwrap_or(0), "tab") {
            self.show(next);
        }
    }

    /// The call to action was followed.
    fn clicked(&self, _: &Event) {
        let amount = self.props.amounts.get(self.selected.get());
        self.behaviour.clicked(&self.url(), amount);
    }

    /// "Remind me later".
    fn later(&self, event: &Event) {
        self.behaviour.later(event, || self.take_away());
    }

    /// The reminder: a calendar file of the call to action (or, a link,
    /// the publisher's service), the prompt resting until its day.
    fn remind(&self, event: &Event) {
        let Some((control, asked)) = &self.reminder else {
            return;
        };
        let heading = self
            .aside
            .query_selector(".folio-support__heading")
            .ok()
            .flatten();
        let heading = heading.and_then(|h| h.text_content()).unwrap_or_default();
        let url = self.url();
        let calendar = (control.local_name() != "a").then_some((heading.as_str(), url.as_str()));
        self.behaviour
            .remind(event, *asked, calendar, || self.take_away());
    }

    /// The control that turns the reader's article count off.
    fn count_off(&self, event: &Event) {
        self.behaviour.count_off(event);
    }

    /// The prompt leaves the page, and its views are no longer watched.
    fn take_away(&self) {
        self.views.borrow_mut().take();
        self.aside.remove();
    }
}
