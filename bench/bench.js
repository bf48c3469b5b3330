// Page side of the benchmarks: every bench page loads this first (a classic
// script, so it runs before any module). Pages report one JSON result
// through the binding the runner installs (`__benchReport`); errors are
// reported the same way, so a broken page fails the run instead of hanging.
"use strict";

window.bench = {
  /** Sends `result` (an object) to the runner. */
  report(result) {
    window.__benchReport(JSON.stringify(result));
  },

  /** Sends a failure to the runner. */
  fail(error) {
    this.report({ error: String(error?.stack ?? error?.message ?? error) });
  },

  /** Forces style and layout of `element` (and so of its shadow tree); returns its height. */
  layout(element) {
    return element.offsetHeight;
  },

  /** Resolves on the next `type` event on `target` (or a failure on `folio:error`). */
  once(target, type) {
    return new Promise((resolve, reject) => {
      const done = (event) => {
        target.removeEventListener(type, done);
        target.removeEventListener("folio:error", failed);
        resolve(event);
      };
      const failed = (event) => {
        target.removeEventListener(type, done);
        target.removeEventListener("folio:error", failed);
        reject(new Error(`folio:error ${event.detail?.message}`));
      };
      target.addEventListener(type, done);
      target.addEventListener("folio:error", failed);
    });
  },

  /** Resolves after the next animation frame (lets the page settle). */
  frame() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  },

  /** The `impl` query parameter: which implementation this run measures. */
  impl: new URLSearchParams(location.search).get("impl"),
};

addEventListener("error", (event) => window.bench.fail(event.error ?? event.message));
addEventListener("unhandledrejection", (event) => window.bench.fail(event.reason));
