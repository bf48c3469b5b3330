//! What only a build with the `test-hooks` feature exports, for the tests
//! that check what a reader sees when the core fails and that unmounting
//! gives memory back; a release build has none of it (`cargo xtask size`
//! checks its exports).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::panics::ARMED;

use wasm_bindgen::prelude::*;

/// Makes the next render panic, as a bug would.
#[wasm_bindgen(js_name = __folioPanicOnNextRender)]
pub fn panic_on_next_render() {
    ARMED.store(true, Ordering::SeqCst);
}

/// The bytes the core has allocated and not yet freed, counted by its
/// allocator: what the WebAssembly memory's size (which never shrinks)
/// cannot say.
#[wasm_bindgen(js_name = __folioHeapBytes)]
pub fn heap_bytes() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64
}

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting the bytes it holds for the core.
struct Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// SAFETY: every call goes to `System` with the caller's arguments
// unchanged; the count only follows what `System` returned.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc`, passed on.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc_zeroed`, passed on.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc`, passed on.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract for `realloc`, passed on.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            LIVE.fetch_add(new_size, Ordering::Relaxed);
        }
        moved
    }
}
