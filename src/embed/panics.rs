//! Panics are bugs (input never causes one): each is reported to the
//! console with its message, and from then on the core refuses new work,
//! since its state may be half-updated. `folio.js` turns the refusal (and
//! the trap a panic ends in) into an error state in the widget concerned.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

static HOOK: Once = Once::new();
static PANICKED: AtomicBool = AtomicBool::new(false);
/// Set by a test build's `__folioPanicOnNextRender` (see `hooks`): the next
/// render panics.
pub(super) static ARMED: AtomicBool = AtomicBool::new(false);

/// Installs the panic reporter (once), then fails if a panic has happened.
pub fn watch() -> Result<(), JsValue> {
    HOOK.call_once(|| {
        // The hook it replaces is not called: Rust's default one writes to
        // a standard error this target does not have, and keeping it would
        // link the I/O error texts it formats.
        std::panic::set_hook(Box::new(|info| {
            PANICKED.store(true, Ordering::SeqCst);
            web_sys::console::error_1(&format!("Folio: {info}").into());
        }));
    });
    if PANICKED.load(Ordering::SeqCst) {
        return Err(
            js_sys::Error::new("Folio stopped after an internal error (see the console)").into(),
        );
    }
    Ok(())
}

/// Panics if a test asked for it (only a `test-hooks` build can ask).
pub fn maybe_panic_for_tests() {
    if ARMED.swap(false, Ordering::SeqCst) {
        panic!("a deliberate panic, asked for by a test");
    }
}
