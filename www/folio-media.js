// Folio's galleries and embeds, woken: what the core and `folio render`
// wrote (every photo, every placeholder, their controls hidden and their
// words in the reader's language) gets its behaviour here. `folio.js`
// loads this module only for an article that has a gallery or an embed,
// the same for a widget and a pre-rendered article.

/** Where the players a reader chose to always load are kept, by origin (consent given). */
const STORE = "folio:embeds";
/** How far a pointer moves across a gallery before it is a swipe. */
const SWIPE_PX = 40;
/** What a player may do in its frame: run, be itself, open its own pages, go full screen. */
const SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";
/** The same for a player on the page's own origin, which must not be itself (it could lift its sandbox). */
const SANDBOX_HERE = SANDBOX.replace(" allow-same-origin", "");
/** The directives that govern frames, one of which a refused player broke. */
const FRAME_DIRECTIVES = ["frame-src", "child-src", "default-src"];
/** How long a refusal of a player by the page's policy is listened for. */
const REFUSAL_WAIT_MS = 10_000;
/** What a player is allowed of the page's features. */
const ALLOW = "autoplay; encrypted-media; fullscreen; picture-in-picture";

/** The players' origins the reader chose to always load, on this page (storage aside). */
const allowed = new Set();
/** The placeholders not loaded yet, by their player's origin: each one's load. */
const waiting = new Map();

/** The origins kept in storage, read only when storage is consented to. */
function stored(consent) {
  if (consent() !== "granted") return [];
  try {
    const list = JSON.parse(localStorage.getItem(STORE) ?? "[]");
    return Array.isArray(list) ? list.filter((p) => typeof p === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Wakes every gallery and placeholder under `root` not woken yet.
 * `consent()` is the host's word on storage ("granted", "denied",
 * "pending"): a reader's "always load" is kept in storage only when it is
 * "granted", else for this page.
 */
export function wake(root, consent) {
  for (const gallery of root.querySelectorAll(".folio-gallery:not([data-woken])")) wakeGallery(gallery);
  for (const embed of root.querySelectorAll(".folio-embed[data-player]:not([data-woken])")) wakeEmbed(embed, consent);
}

/** One photo at a time: previous, next, the position, keys and swipes. */
function wakeGallery(gallery) {
  const slides = [...gallery.querySelectorAll(".folio-gallery__slide")];
  const controls = gallery.querySelector(".folio-gallery__controls");
  const previous = gallery.querySelector(".folio-gallery__previous");
  const next = gallery.querySelector(".folio-gallery__next");
  const position = gallery.querySelector(".folio-gallery__position");
  if (!controls || !previous || !next || !position || slides.length < 2) return;
  gallery.dataset.woken = "";
  const pattern = gallery.dataset.position || "{current} / {total}";
  let current = 0;
  const show = (index, moved) => {
    current = Math.max(0, Math.min(slides.length - 1, index));
    // The photo shown comes first in the row; the others are out of view
    // (and out of reach: inert).
    slides.forEach((slide, i) => {
      slide.toggleAttribute("data-current", i === current);
      slide.inert = i !== current;
    });
    previous.setAttribute("aria-disabled", String(current === 0));
    next.setAttribute("aria-disabled", String(current === slides.length - 1));
    const text = pattern.replace("{current}", String(current + 1)).replace("{total}", String(slides.length));
    if (position.textContent !== text) position.textContent = text; // said only when it changes
    // A reader who moves on is likely to again: the photo after is fetched ahead.
    const ahead = moved ? slides[current + 1]?.querySelector("img") : null;
    if (ahead) ahead.loading = "eager";
  };
  const rtl = () => getComputedStyle(gallery).direction === "rtl";
  previous.addEventListener("click", () => show(current - 1, true));
  next.addEventListener("click", () => show(current + 1, true));
  gallery.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return; // the browser's own
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (step) show(current + (rtl() ? -step : step), true);
    else if (event.key === "Home") show(0, true);
    else if (event.key === "End") show(slides.length - 1, true);
    else return;
    event.preventDefault();
  });
  const photos = gallery.querySelector(".folio-gallery__photos");
  let start = null;
  photos.addEventListener("pointerdown", (event) => {
    start = event;
    photos.setPointerCapture?.(event.pointerId); // its end comes here, wherever it is
  });
  photos.addEventListener("pointercancel", () => (start = null));
  photos.addEventListener("pointerup", (event) => {
    if (!start || start.pointerId !== event.pointerId) return;
    const dx = event.clientX - start.clientX;
    const dy = event.clientY - start.clientY;
    start = null;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy)) return;
    // A swipe to the left shows what comes after in a left-to-right article.
    show(current + ((dx < 0) !== rtl() ? 1 : -1), true);
  });
  photos.addEventListener("dragstart", (event) => event.preventDefault());
  controls.hidden = false;
  show(0, false);
}

/**
 * A placeholder's button loads its player, in a sandboxed frame; "always"
 * loads this provider's placeholders on the page at once (and on later
 * pages, with consent). A page whose policy refuses the player keeps the
 * placeholder and its link, and says why.
 */
function wakeEmbed(figure, consent) {
  const box = figure.querySelector(".folio-embed__box");
  const button = figure.querySelector(".folio-embed__load");
  const always = figure.querySelector(".folio-embed__always");
  const blocked = figure.querySelector(".folio-embed__blocked");
  let player;
  try {
    player = new URL(figure.dataset.player);
  } catch {
    return;
  }
  if (!box || !button || !always || !blocked || !/^https?:$/.test(player.protocol)) return;
  figure.dataset.woken = "";
  // "Always" is the reader's word for a player's origin, whatever name
  // the article gives it.
  const origin = player.origin;
  const load = () => {
    forget(origin, load);
    if (!figure.isConnected || figure.dataset.loaded !== undefined) return;
    const frame = document.createElement("iframe");
    frame.className = "folio-embed__player";
    frame.title = figure.querySelector(".folio-embed__title")?.textContent || figure.dataset.provider || origin;
    frame.setAttribute("sandbox", origin === location.origin ? SANDBOX_HERE : SANDBOX);
    frame.allow = ALLOW;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    const width = Number(figure.dataset.width);
    const height = Number(figure.dataset.height);
    if (width > 0 && height > 0) box.style.aspectRatio = `${width} / ${height}`;
    const refused = (event) => {
      let from = null;
      try {
        from = new URL(event.blockedURI).origin;
      } catch {
        // not a URL: not this frame's
      }
      const frames = FRAME_DIRECTIVES.includes(event.effectiveDirective);
      if (from !== origin || !frames || event.disposition !== "enforce" || !frame.isConnected) return;
      stop();
      const focused = box.contains(document.activeElement) || box.contains(figure.getRootNode().activeElement);
      frame.remove();
      delete figure.dataset.loaded;
      const kept = ".folio-embed__provider, .folio-embed__title, .folio-embed__text, .folio-embed__blocked";
      for (const part of box.children) part.hidden = !part.matches(kept);
      blocked.tabIndex = -1;
      if (focused) blocked.focus();
    };
    // A refusal comes as the frame starts to load; listened for a while.
    const stop = () => {
      clearTimeout(timer);
      document.removeEventListener("securitypolicyviolation", refused);
    };
    const timer = setTimeout(stop, REFUSAL_WAIT_MS);
    document.addEventListener("securitypolicyviolation", refused);
    const focused = box.contains(document.activeElement) || box.contains(figure.getRootNode().activeElement);
    for (const part of box.children) part.hidden = true;
    figure.dataset.loaded = "";
    frame.src = player.href;
    box.append(frame);
    if (focused) frame.focus();
  };
  button.addEventListener("click", () => {
    if (always.querySelector("input")?.checked) remember(origin, consent);
    load();
  });
  button.hidden = false;
  always.hidden = false;
  if (allowed.has(origin) || stored(consent).includes(origin)) return load();
  if (!waiting.has(origin)) waiting.set(origin, new Set());
  waiting.get(origin).add(load);
}

/** `load` no longer waits for its origin to be allowed. */
function forget(origin, load) {
  waiting.get(origin)?.delete(load);
}

/** Loads every player from `origin` from now on, on this page and, with consent, later. */
function remember(origin, consent) {
  allowed.add(origin);
  if (consent() === "granted") {
    try {
      const kept = stored(consent);
      if (!kept.includes(origin)) localStorage.setItem(STORE, JSON.stringify([...kept, origin]));
    } catch {
      // storage refused: the choice holds for this page
    }
  }
  // Each load forgets itself; one of a placeholder no longer shown does nothing.
  for (const load of [...(waiting.get(origin) ?? [])]) load();
}
