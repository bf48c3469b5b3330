// Page side of (f), (g) and the layout-shift runs: a classic script in the
// head, after bench.js, so it runs before any module. `?measure=` picks:
//
// - `paint` (default): navigation start to first contentful paint, and to
//   the article's last body paragraph laid out, and the requests made
//   before that paint (reported after `load`);
// - `island-cold` / `island-warm`: the prompt's place is scrolled to just
//   inside the island's margin (1,100 px below the window), and the time
//   runs from there to the prompt's amounts laid out in the page;
//   cold: the island was never loaded (no idle callback runs), warm: the
//   idle callback had loaded it;
// - `cls`: load, a second, the prompt's place scrolled into the margin and
//   the prompt rendered (when the article has one), half a second more;
//   the sum of the layout shifts not caused by input.
"use strict";

(() => {
  const mode = new URLSearchParams(location.search).get("measure") ?? "paint";
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
  if (mode === "island-cold") window.requestIdleCallback = () => 0;

  const root = () => document.querySelector("folio-article, static-article, js-article")?.shadowRoot ?? document;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const loaded = new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  const firstPaint = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName("first-contentful-paint")[0];
      if (!entry) return;
      observer.disconnect();
      resolve(entry.startTime);
    }).observe({ type: "paint", buffered: true });
  });

  /**
   * When the last body paragraph is first laid out: checked at each frame,
   * the time taken once the check's forced layout is done (a frame's own
   * timestamp is when it began, before the work in it).
   */
  async function lastParagraph() {
    for (;;) {
      await frame();
      // (The widget builds its body in chunks: not only direct children.)
      // (`.body` is the marked + DOMPurify element's.)
      const paragraphs = root().querySelectorAll(".folio-body p, .body p");
      const last = paragraphs[paragraphs.length - 1];
      if (last && last.getBoundingClientRect().height > 0) return performance.now();
    }
  }

  /** Scrolls the prompt's place to just inside the margin; returns when. */
  function nearPlace() {
    const place = root().querySelector('[data-island="support"], .folio-prompt');
    if (!place) return null;
    const top = place.getBoundingClientRect().top + scrollY;
    scrollTo(0, Math.max(0, top - innerHeight - 1100));
    return performance.now();
  }

  /** When the prompt's amounts are first in the page and laid out. */
  async function promptShown() {
    for (;;) {
      await frame();
      const amount = root().querySelector("aside.folio-support [role=radio]");
      if (amount && amount.getBoundingClientRect().height > 0) return performance.now();
    }
  }

  async function run() {
    if (mode === "paint") {
      const [fcp, last] = await Promise.all([firstPaint, lastParagraph()]);
      // A request is in the timeline once it has finished: by `load`, every
      // one the page made while it was read.
      await loaded;
      const before = performance.getEntriesByType("resource").filter((e) => e.startTime < fcp);
      return { fcp, last, isolated: crossOriginIsolated, before: before.map((e) => new URL(e.name).pathname) };
    }
    await loaded;
    if (mode === "island-warm") {
      while (!performance.getEntriesByType("resource").some((e) => e.name.endsWith("folio-island_bg.wasm"))) await sleep(20);
      await sleep(300);
    }
    if (mode === "island-cold" || mode === "island-warm") {
      await lastParagraph();
      const start = nearPlace();
      const shown = await promptShown();
      return { t: shown - start, cls: shifts.reduce((a, b) => a + b, 0) };
    }
    await sleep(1000);
    if (nearPlace() !== null) await promptShown();
    await sleep(500);
    return { cls: shifts.reduce((a, b) => a + b, 0), shifts: shifts.length };
  }

  run().then((result) => bench.report(result), (error) => bench.fail(error));
})();
