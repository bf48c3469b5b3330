//! End to end, in one test binary: the release `dist/` served over HTTP on
//! loopback and read by headless Chromium the way a reader's browser reads
//! it, on the demo, on host pages Folio does not own, under faults, with
//! hostile and malformed content, and in a Leptos app.
#![cfg(not(target_arch = "wasm32"))]

mod browser;
mod pair;
mod publisher;
mod server;
mod site;

mod a11y;
mod api;
mod article_count;
mod choices;
mod consent;
mod demo;
mod embed;
mod faults;
mod formats;
mod frame;
mod integrity;
mod leptos_app;
mod live;
mod locales;
mod malformed;
mod media;
mod memory;
mod package;
mod parallel;
mod prerender;
mod reminder;
mod rtl;
mod stack;
mod stories;
mod support;
mod supporters;
mod variants;
mod wordpress;
mod xss;
