// Folio in a frame: the script of a document `folio render --iframe`
// wrote, to be the `src` of an <iframe> on another site. A classic script
// in the document's head, so that it chooses before the first paint:
//
// - what shows: the article's card (`data-view="card"` on the root) when
//   the address says `view=card`, or carries the `secret` WordPress adds to
//   the frames it keeps (WordPress caps a frame at 1,000 px), unless it
//   says `view=full`; else the whole article. `theme=light|dark` in the
//   address sets the theme (else the reader's own). The copy not shown
//   leaves the document before `folio.js` runs. `country=GB` is the
//   reader's country: the support prompt shows its region's amounts.
// - under WordPress's cap, the card fits: while it is taller, it sheds its
//   paragraphs from the last, then its photo.
// - the document's height, to the host, once the support prompt is in
//   place (or has had time to be), then at every change (the prompt
//   going, a photo loading, the frame resized): as WordPress's
//   `{ message: "height", value, secret }` when there is a secret, and as
//   `{ type: "folio:height", height }` for any other host.
// - its links: a click hands the link to WordPress (`{ message: "link",
//   value, secret }`; WordPress follows one on the frame's own host), and
//   elsewhere opens it in a new tab (a frame may not navigate its host).
//
// Nothing here reads or writes the host page: messages are all it sends.
(() => {
  const CAP = 1000;
  const PROMPT_WAIT_MS = 2500;
  const address = `${location.search}${location.hash}`;
  const word = (name, pattern) => address.match(new RegExp(`[?#&]${name}=(${pattern})(?![A-Za-z0-9])`))?.[1];
  const secret = word("secret", "[A-Za-z0-9]+");
  const view = word("view", "card|full");
  const theme = word("theme", "light|dark");
  const country = word("country", "[A-Za-z]{2}");
  const root = document.documentElement;
  const card = view === "card" || (view !== "full" && !!secret);
  root.dataset.view = card ? "card" : "full";
  if (theme) root.dataset.theme = theme;
  // The prompt's host (the article's root) says the country, as a
  // `<folio-article country>` does; the island reads it when it wakes.
  if (country) {
    const give = () => {
      for (const host of document.querySelectorAll(".folio-root[data-prerendered]")) host.setAttribute("country", country.toUpperCase());
    };
    document.addEventListener("DOMContentLoaded", give, { once: true });
  }

  const framed = window.parent !== window;
  const tell = (message) => framed && window.parent.postMessage(message, "*");
  const height = () => Math.ceil(root.getBoundingClientRect().height);

  // Sheds what the card can lose, last first, until it fits under the cap.
  const fit = () => {
    if (!card || !secret) return;
    const shown = document.querySelector(".folio-frame__card");
    if (!shown) return;
    const losable = [
      shown.querySelector(".folio-figure"),
      ...shown.querySelectorAll(".folio-body > *"),
    ].filter(Boolean);
    for (const element of losable) element.hidden = false;
    while (height() > CAP && losable.length > 0) losable.pop().hidden = true;
  };

  let last = 0;
  let reporting = false;
  const report = () => {
    if (!reporting) return;
    fit();
    const now = height();
    if (now === last) return;
    last = now;
    tell({ type: "folio:height", height: now });
    if (secret) tell({ message: "height", value: now, secret });
  };
  const start = () => {
    reporting = true;
    report();
  };

  // The copy not shown goes before folio.js wakes its prompt ("interactive"
  // comes before module scripts run); then the height is reported once the
  // prompt is in place, so that the host shows the frame whole.
  document.addEventListener("readystatechange", () => {
    if (document.readyState !== "interactive") return;
    document.querySelector(card ? ".folio-frame__full" : ".folio-frame__card")?.remove();
    new ResizeObserver(report).observe(root);
    const place = document.querySelector('[data-island="support"]');
    if (!place) return start();
    const timer = setTimeout(start, PROMPT_WAIT_MS);
    const woken = new MutationObserver(() => {
      if (!place.querySelector("aside")) return;
      woken.disconnect();
      clearTimeout(timer);
      start();
    });
    woken.observe(place, { childList: true, subtree: true });
  });
  addEventListener("load", report);
  // WordPress says it is ready to listen: say the height again.
  addEventListener("message", (event) => {
    if (event.source === window.parent && event.data?.message === "ready" && event.data.secret === secret) {
      last = 0;
      report();
    }
  });

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || !framed) return;
    if (secret) {
      event.preventDefault();
      tell({ message: "link", value: link.href, secret });
    } else {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
  });
})();
