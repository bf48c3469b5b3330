//! What Folio runs in a page without Leptos, shared by the widget (the
//! root crate's components) and the support island: the support prompt's
//! behaviour, written once ([`prompt`]), over the reader's record of a
//! campaign in `localStorage` ([`storage`]), counting the prompt's views
//! ([`tracking`]), what its controls do ([`controls`]) and the `folio:*`
//! events ([`events`]), the prompt's reminder ([`reminder`]), the reader's article count
//! ([`reading`]); and formatting dates, sums and lists
//! through the browser's `Intl` ([`intl`]; on a server, by Folio's own
//! rules, so that the same components render there).
#![deny(missing_docs)]

pub mod controls;
pub mod events;
pub mod intl;
pub mod prompt;
pub mod reading;
pub mod reminder;
pub mod storage;
pub mod tracking;
