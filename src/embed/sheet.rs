//! The one constructable stylesheet every widget on the page adopts.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

use crate::STYLESHEET;

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The page's sheet of [`STYLESHEET`], made the first time a widget asks.
pub(super) fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLESHEET)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}
