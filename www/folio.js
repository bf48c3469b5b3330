// Folio: the <folio-article> element and the JavaScript API.
//
// The only file a host page includes. It loads the WebAssembly core from
// beside itself (relative to its own URL) when the first article needs it,
// draws a skeleton until the article is ready, and fetches article JSON
// while the core compiles. Including it twice, even from two URLs, keeps
// one element definition and one core. The core's glue and its WebAssembly
// are requested together, so a page waits for one round trip after this
// file, not two. An article pre-rendered by `folio render` is adopted as it
// is, with no WebAssembly at all until its support prompt nears the
// viewport (the small island module) or the host changes it (the core).

const VERSION = "0.1.0";
const INSTANCE = Symbol.for("folio.instance");
/** On a page's pre-rendered article: what takes its support prompts away. */
const PROMPTS = Symbol("folio.prompts");
const FETCH_TIMEOUT_MS = 15000;
// The longest `timeout` honoured: the most a browser's timer waits (about
// 24.8 days); a longer one waits that long.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
// The most article JSON read, as the core's own limit (MAX_ARTICLE_BYTES).
const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;
const LAZY_MARGIN = "800px 0px";
// How far below the viewport a pre-rendered support prompt is rendered:
// far enough that it is in place before the reader reaches it.
const ISLAND_MARGIN = "0px 0px 1200px 0px";
// The longest the island waits for the browser to be idle: a page that is
// never idle still gets its prompts.
const IDLE_WAIT_MS = 2000;
// A support island that failed to load is asked for once more, this long
// after (a phone's network drops a request now and then).
const ISLAND_RETRY_MS = 3000;
// A live article (`live`) asks for its `src` again this often while the
// page is visible, at most this often, and after errors waits up to this.
const LIVE_SECONDS = 10;
const LIVE_MIN_SECONDS = 5;
const LIVE_MAX_WAIT_MS = 5 * 60 * 1000;
// The button that tells a reader who has scrolled into a live article
// that it changed, in English (locale files give `liveUpdates`).
const LIVE_WORDS = "Show new updates ({count})";
const LIVE_CSS = `
.folio-live { position: sticky; top: 8px; z-index: 1; display: flex; justify-content: center; align-items: flex-start; height: 0; }
.folio-live button {
  font: 600 14px/1.2 var(--_sans);
  color: var(--_accent-text);
  background: var(--_accent);
  border: 1px solid transparent;
  border-radius: 99px;
  padding: 8px 16px;
  box-shadow: 0 2px 8px #0004;
}
`;
// The locale files beside this one (`locales/<code>.json`): Folio's words
// in every language it speaks but English, which the core holds.
const LOCALE_FILES = ["ar", "de", "es", "fa", "fr", "he", "it", "ja", "pl", "pt", "ru", "tr", "uk", "zh"];
// The SHA-384 of core/folio_bg.wasm, written in by the release build: the
// browser then refuses any other bytes. Empty in a debug build.
const WASM_INTEGRITY = "";
// The same for core/folio-converter_bg.wasm, the converter module.
const CONVERTER_INTEGRITY = "";
// The same for core/folio-island_bg.wasm, the support island.
const ISLAND_INTEGRITY = "";

const SKELETON_CSS = `
:host { display: block; }
.folio-skeleton, .folio-fallback {
  all: initial; display: block; box-sizing: border-box;
  max-width: var(--folio-wide, 832px); margin: 0 auto; padding: 32px var(--folio-padding, 24px);
  font: 400 15px/1.5 var(--folio-sans, system-ui, sans-serif); color: var(--folio-muted, #5a5a5a);
}
.folio-skeleton { min-height: 960px; }
.folio-skeleton__bar, .folio-skeleton__photo {
  display: block; max-width: var(--folio-measure, 640px); margin: 0 auto 12px; border-radius: 4px;
  background: linear-gradient(90deg, #e6e4df 25%, #f2f1ed 50%, #e6e4df 75%) 0 0 / 200% 100%;
  animation: folio-shimmer 1.4s ease-in-out infinite;
}
.folio-skeleton__bar { height: 16px; }
.folio-skeleton__bar--headline { height: 40px; width: 90%; }
.folio-skeleton__bar--short { width: 60%; }
.folio-skeleton__photo { max-width: none; aspect-ratio: 3 / 2; margin: 24px 0 32px; border-radius: 0; }
@keyframes folio-shimmer { to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { .folio-skeleton__bar, .folio-skeleton__photo { animation: none; } }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) .folio-skeleton__bar, :host(:not([theme="light"])) .folio-skeleton__photo {
    background-color: #2a2a2a; background-image: linear-gradient(90deg, #2a2a2a 25%, #333 50%, #2a2a2a 75%);
  }
}
.folio-fallback strong { display: block; margin-bottom: 8px; color: var(--folio-text, #121212); font-size: 16px; }
`;

/**
 * The first `Intl` formatter of a page loads the browser's locale data,
 * which takes tens of milliseconds; made while the core and the article are
 * still on the network, the first render does not wait for it. A timer,
 * not an idle callback: before the page's first frame Chromium may run no
 * idle callback at all, and the render then paid for the locale data.
 */
function warmIntl() {
  setTimeout(() => {
    try {
      new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" }).format(0);
      new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(1);
    } catch {
      // only a head start: the core formats (or falls back) on its own
    }
  }, 0);
}

const event = (name, detail) => new CustomEvent(name, { bubbles: true, composed: true, detail });

/** `url` (as a pre-rendered article's `data-base` gives it) made absolute against the page; null for none. */
function absolute(url) {
  if (url == null) return null;
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return null;
  }
}

function createFolio() {
  let core = null;
  let loaded = null;
  /** The core's module, once its WebAssembly runs: loaded on first call. */
  function loadCore() {
    if (core) return core;
    warmIntl();
    const wasm = fetch(new URL("core/folio_bg.wasm", import.meta.url), { integrity: WASM_INTEGRITY });
    wasm.catch(() => {}); // a failure surfaces through the promise
    core = import("./core/folio.js").then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    core.then((module) => (loaded = module), () => {});
    return core;
  }
  /**
   * `Folio.ready`: a promise of whether the core runs, which loads the
   * core the first time anything waits on it (`then`, `catch`, `finally`
   * and `await` all go through `then`).
   */
  let settle;
  const ready = new (class extends Promise {
    static get [Symbol.species]() {
      return Promise;
    }
    then(ok, no) {
      const resolve = settle;
      settle = null;
      resolve && loadCore().then(() => resolve(true), () => resolve(false));
      return super.then(ok, no);
    }
  })((resolve) => (settle = resolve));
  let sheet = null;
  /** Locale files asked for, by code: each is fetched once per page. */
  const locales = new Map();
  /** Locales given to the core, by code: each is added once. */
  const added = new Map();
  /** The converter module, loaded by the first article of another format. */
  let converter = null;
  /** The support island, loaded by the first pre-rendered prompt. */
  let island = null;
  /** The galleries' and embeds' behaviour, loaded by the first article with one. */
  let media = null;
  /** Settles once the page has painted its first content (`afterFirstPaint`). */
  let firstPaint = null;
  /**
   * The controller of each element `mount` rendered into: the element
   * keeps its widget alive (a widget only its handle held would be
   * collected with the handle, and vanish).
   */
  const mounted = new WeakMap();

  /**
   * A wasm-bindgen module (`imported`, a promise of it) started with its
   * WebAssembly at `wasm`, under its `integrity`. The names stay literal
   * at the call, where bundlers and `cargo xtask size` find them.
   */
  async function startModule(imported, wasm, integrity) {
    // The WebAssembly is asked for with the module, not after it.
    const bytes = fetch(wasm, { integrity });
    bytes.catch(() => {}); // a failure surfaces through the module's start
    const module = await imported;
    await module.default({ module_or_path: bytes });
    return module;
  }

  /**
   * The support island's module (the prompt of a pre-rendered article),
   * fetched and started once per page.
   */
  function loadIsland() {
    island ??= startModule(
      import("./core/folio-island.js"),
      new URL("core/folio-island_bg.wasm", import.meta.url),
      ISLAND_INTEGRITY,
    );
    island.catch(() => (island = null)); // a later prompt tries again
    return island;
  }

  /**
   * Wakes the galleries and embeds under `root` (a widget's shadow root,
   * a pre-rendered article), loading their module the first time one is
   * there. `consent()` is the host's word on storage.
   */
  function wakeMedia(root, consent) {
    if (!root?.querySelector(".folio-gallery:not([data-woken]), .folio-embed[data-player]:not([data-woken])")) return;
    media ??= import("./folio-media.js");
    media.then((module) => module.wake(root, consent), () => (media = null));
  }

  /** Whether the page has painted its first content. */
  function painted() {
    return performance.getEntriesByName("first-contentful-paint").length > 0;
  }

  /**
   * Calls `work` once the page has painted its first content: a frame
   * later when it has, else when the browser reports that paint, or a
   * second after the page has loaded, whichever comes first (a browser
   * may report no paint: an older one, a tab never shown). The page
   * waits for that once; later calls run as soon as it has.
   */
  function afterFirstPaint(work) {
    firstPaint ??= new Promise((resolve) => {
      let observer = null;
      const once = () => {
        observer?.disconnect();
        resolve();
      };
      if (painted()) return requestAnimationFrame(once);
      if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
        observer = new PerformanceObserver(() => painted() && once());
        observer.observe({ type: "paint", buffered: true });
      }
      const fallback = () => setTimeout(once, 1000);
      if (document.readyState === "complete") fallback();
      else addEventListener("load", fallback, { once: true });
    });
    firstPaint.then(() => setTimeout(work, 0));
  }

  /**
   * Brings the support prompts of a pre-rendered article under `root` to
   * life, their events sent on `host`: after the first paint, the island
   * is loaded when the browser is idle, and each prompt (which the server
   * wrote into its place) shown when the place comes within ISLAND_MARGIN
   * below the viewport (in a frame, once the browser is idle), so that it
   * is in place, and shifts nothing the reader sees, before the reader
   * gets there. Returns the function that
   * takes them away again.
   */
  function wakeIslands(root, host) {
    const places = [...root.querySelectorAll('[data-island="support"]')];
    if (places.length === 0) return () => {};
    /** What the island shows in each place woken, by place. */
    const shown = new Map();
    let asleep = false;
    const render = async (place, retried = false) => {
      let module;
      try {
        module = await loadIsland();
      } catch (error) {
        if (!retried) return void setTimeout(() => asleep || render(place, true), ISLAND_RETRY_MS);
        const message = `Folio's support prompt could not start (${error?.message ?? error}).`;
        return host.dispatchEvent(event("folio:error", { message }));
      }
      if (asleep || !place.isConnected) return;
      shown.get(place)?.free();
      shown.delete(place);
      try {
        shown.set(place, module.prompt(place, host));
      } catch (error) {
        host.dispatchEvent(event("folio:error", { message: `Folio's support prompt: ${error?.message ?? error}`, path: "support" }));
      }
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries.filter((e) => e.isIntersecting)) {
          observer.unobserve(entry.target);
          void render(entry.target);
        }
      },
      { rootMargin: ISLAND_MARGIN },
    );
    // Nothing of the island competes with the page's first paint.
    afterFirstPaint(() => {
      if (asleep) return;
      const later = (work) =>
        globalThis.requestIdleCallback ? requestIdleCallback(work, { timeout: IDLE_WAIT_MS }) : setTimeout(work, 200);
      // Once loaded, the island counts each article as opened (the
      // reader's article count), whether or not its prompt is reached.
      later(() => void loadIsland().then((module) => asleep || places.forEach((place) => module.count(place, host))).catch(() => {}));
      // In a frame the margin may not apply (a frame on another site has
      // none), and a prompt woken on sight shifts what the reader sees:
      // there, every prompt wakes once the browser is idle.
      if (window.parent !== window) later(() => places.forEach((place) => void render(place)));
      else for (const place of places) observer.observe(place);
    });
    // A reader marked as a supporter of a campaign (by any widget or
    // island, or `markSupported`): each place of that campaign woken is
    // shown again, as the record now says.
    const again = (marked) => {
      const ofCampaign = (place) => place.querySelector("template")?.content.querySelector("[data-campaign]")?.dataset.campaign;
      for (const place of shown.keys()) if (ofCampaign(place) === marked.detail) void render(place);
    };
    addEventListener("folio:supported", again);
    return () => {
      asleep = true;
      observer.disconnect();
      removeEventListener("folio:supported", again);
      for (const prompt of shown.values()) prompt.free();
      shown.clear();
    };
  }

  /**
   * The converter module (ANS and JSON-LD to Article JSON v1), fetched and
   * started once per page, only when an article needs it.
   */
  function loadConverter() {
    converter ??= startModule(
      import("./core/folio-converter.js"),
      new URL("core/folio-converter_bg.wasm", import.meta.url),
      CONVERTER_INTEGRITY,
    );
    converter.catch(() => (converter = null)); // a later article tries again
    return converter;
  }

  /**
   * `content` (in the format `kind` the core found) as the Article JSON v1
   * it maps to, through the converter, with where each field came from:
   * resolves to `{ text, body, base, origins, notices }` or `{ error }`;
   * rejects when the converter cannot be loaded or fails. The core checks
   * the mapping, once, and names a bad field by its source path.
   */
  async function convert(content, kind) {
    const reason = (error) => error?.message ?? error;
    let module;
    try {
      module = await loadConverter();
    } catch (error) {
      throw new Error(`The converter module could not be loaded (${reason(error)}).`);
    }
    let result;
    try {
      result = module.convert(content.text, content.base ?? undefined, kind);
      if (result.errorMessage !== undefined) return { error: { message: result.errorMessage, path: result.errorPath } };
      const origins = result.origins === undefined ? undefined : JSON.parse(result.origins);
      return { text: result.article, body: null, base: content.base, origins, notices: JSON.parse(result.notices) };
    } catch (error) {
      throw new Error(`The converter module failed on this article (${reason(error)}).`);
    } finally {
      result?.free();
    }
  }

  /**
   * Loads the words of locale `code` (`locales/<code>.json` beside this
   * file) into the core. Never rejects: a locale that cannot be loaded is
   * reported on the console, and Folio writes English instead.
   */
  function loadLocale(core, code) {
    if (!added.has(code)) {
      const loaded = localeText(code).then((text) => {
        try {
          core.addLocale(code, text);
        } catch (error) {
          if (text) console.warn(`Folio: ${error?.message ?? error}; writing English.`);
        }
      });
      added.set(code, loaded);
    }
    return added.get(code);
  }

  /**
   * The text of `locales/<code>.json`, fetched once per page ("" when it
   * cannot be loaded, said on the console).
   */
  function localeText(code) {
    if (!locales.has(code)) {
      const url = new URL(`locales/${code}.json`, import.meta.url);
      // The default credentials, so that a page's preload hint is used.
      const text = fetch(url)
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
        .catch((error) => {
          console.warn(`Folio: could not load ${url} (${error.message}); writing English.`);
          return "";
        });
      locales.set(code, text);
    }
    return locales.get(code);
  }

  /**
   * Starts fetching the locale file the language tag `lang` names (as the
   * core resolves it: `pt-BR` → `pt`, `iw` → `he`), so that it arrives
   * with the core rather than after it. The core still decides what it
   * needs; a file fetched here that it does not need is never read.
   */
  function prefetchLocale(lang) {
    const code = localeCode(lang);
    if (code) void localeText(code);
  }

  /** The locale file the language tag `lang` names, as the core resolves it (`pt-BR` → `pt`, `iw` → `he`), or null. */
  function localeCode(lang) {
    const tag = String(lang ?? "").trim().replace(/_/g, "-").toLowerCase().replace(/^iw(?=-|$)/, "he");
    const parts = tag.split("-");
    for (let n = parts.length; n > 0; n--) {
      const code = parts.slice(0, n).join("-");
      if (LOCALE_FILES.includes(code)) return code;
    }
    return null;
  }

  /**
   * Whether `text` looks like a document the converter reads (ANS, JSON-LD,
   * a web page), so that its module is fetched while the core starts. The
   * core decides; a wrong guess costs the fetch alone.
   */
  function looksConverted(text, format) {
    if (format === "ans" || format === "json-ld") return true;
    if (format === "folio" || typeof text !== "string") return false;
    const head = text.slice(0, 4096);
    return /^\s*</.test(head) || head.includes('"@context"') || head.includes('"content_elements"') || head.includes('"type":"story"');
  }

  /** The open shadow root of `host`, showing the loading skeleton. */
  function skeleton(host) {
    const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(SKELETON_CSS);
    }
    root.adoptedStyleSheets = [sheet];
    const box = document.createElement("div");
    box.className = "folio-skeleton";
    box.setAttribute("aria-busy", "true");
    box.setAttribute("aria-label", "Loading article");
    for (const kind of ["headline", "headline short", "photo", "", "", "short"]) {
      const bar = document.createElement("span");
      bar.className = kind === "photo" ? "folio-skeleton__photo" : "folio-skeleton__bar";
      for (const modifier of kind.split(" ").filter((k) => k && k !== "photo")) {
        bar.classList.add(`folio-skeleton__bar--${modifier}`);
      }
      box.append(bar);
    }
    root.replaceChildren(box);
    return root;
  }

  /** Drives one widget: loads content, waits for the core, renders. */
  class Controller {
    #host;
    #options;
    #widget = null;
    #generation = 0;
    #dead = false;
    /** Stops the load in flight when a newer one starts or the widget goes. */
    #aborter = null;
    /** The content shown last, rendered again when only the options change. */
    #shown = null;
    /** Whether a pre-rendered article is in view, kept until the core renders. */
    #keep = false;
    /** Wakes the galleries and embeds of each render. */
    #rendered = null;

    /**
     * `options()` says how to show the article now: `{ support, lang, dir,
     * headingLevel }` as the host gives them (the core checks them:
     * `lang`, `dir` are the host's UI language and direction).
     */
    constructor(host, options, keep = false) {
      this.#host = host;
      this.#options = options;
      this.#keep = keep;
      // A pre-rendered article stays in view until the core renders anew.
      if (!keep) skeleton(host);
      this.#rendered = () => wakeMedia(host.shadowRoot, () => this.#options().consent ?? "granted");
      host.addEventListener("folio:render", this.#rendered);
    }

    /**
     * Shows what `load(signal)` resolves to (`{ text, base }`); a later call
     * wins, and aborts `signal`. When `load` fails and `retryable` is set,
     * the error offers "Try again".
     */
    async show(load, retryable = false) {
      if (this.#dead) return;
      const generation = ++this.#generation;
      this.#aborter?.abort();
      const aborter = (this.#aborter = new AbortController());
      const stale = () => generation !== this.#generation || this.#dead;
      // Folio's words in the host's language, loaded while the content
      // is (the article's own language may need another once it is read).
      const { lang, format } = this.#options();
      // Everything the article needs is asked for at once: its content,
      // the core, the host language's words, and the converter when the
      // format says so (or, below, the content looks like one it reads).
      prefetchLocale(lang);
      if (looksConverted(null, format)) void loadConverter().catch(() => {});
      const words = loadCore().then(async (core) => {
        const code = core.missingLocale(lang, null);
        if (code) await loadLocale(core, code);
        if (!stale()) this.#labelSkeleton(core, lang);
      }).catch(() => {}); // a core that cannot start is reported below
      let content = null;
      let failure = null;
      try {
        content = await load(aborter.signal);
        if (content.body == null && looksConverted(content.text, format)) void loadConverter().catch(() => {});
      } catch (error) {
        failure = error?.message ?? String(error);
      }
      let core;
      try {
        core = await loadCore();
      } catch (error) {
        if (!stale()) this.#fallback("could not start", error);
        return;
      }
      await words;
      if (stale()) return;
      try {
        const options = this.#options();
        this.#widget ??= new core.Widget(this.#host);
        this.#shown = content;
        if (failure !== null) {
          this.#widget.fail(failure, retryable ? () => void this.show(load, true) : undefined, options);
          return;
        }
        if (content.error) {
          this.#widget.refuse(content.error.message, content.error.path, options);
          return;
        }
        // Article JSON v1 goes to the core at once; another format first
        // through the converter module.
        const kind = content.body == null ? core.converterFor(content.text, options.format ?? undefined) : undefined;
        let article = content;
        if (kind) {
          try {
            article = await convert(content, kind);
          } catch (error) {
            if (!stale()) this.#widget.fail(error.message, undefined, options);
            return;
          }
          if (stale()) return;
        }
        if (article.error) {
          this.#widget.refuse(article.error.message, article.error.path, options);
          return;
        }
        for (const detail of article.notices ?? []) {
          this.#host.dispatchEvent(event("folio:notice", detail));
        }
        const forced = article.origins ? { ...options, format: "folio", origins: article.origins } : options;
        const needed = this.#widget.render(article.text, article.body, article.base, forced);
        if (!needed) return;
        await loadLocale(core, needed);
        if (!stale()) this.#widget?.resume();
      } catch (error) {
        // A bug in the core (it reported the panic to the console): this
        // widget says so, and no longer calls into it but to free it.
        try {
          this.#widget?.free();
        } catch {
          // a core that trapped may not free; it takes no work either way
        }
        this.#widget = null;
        this.#fallback("hit an internal error", error);
      }
    }

    /** The text of the content shown last (a live article compares it). */
    get shownText() {
      return this.#shown?.text;
    }

    /** Renders the content shown last again (the options changed). */
    refresh() {
      const shown = this.#shown;
      if (shown) void this.show(async () => shown);
    }

    /** Removes the widget and frees its memory (once: a second call does nothing). */
    destroy() {
      if (this.#dead) return;
      this.#dead = true;
      this.#host.removeEventListener("folio:render", this.#rendered);
      this.#generation++;
      this.#aborter?.abort();
      this.#widget?.unmount();
      this.#widget?.free();
      this.#widget = null;
      this.#host.shadowRoot?.replaceChildren();
    }

    /** The skeleton, while it shows, labelled in the host's language. */
    #labelSkeleton(core, lang) {
      const box = this.#host.shadowRoot?.querySelector(".folio-skeleton");
      if (!box || !lang) return;
      box.setAttribute("aria-label", core.word(lang, "loading"));
      box.lang = lang;
    }

    /** The core could not start, or failed: say so without it. */
    #fallback(what, error) {
      const message = { message: `Folio ${what}: ${error?.message ?? error}` };
      // A pre-rendered article the core never reached stays readable.
      if (this.#keep && !this.#widget && what === "could not start") {
        this.#host.dispatchEvent(event("folio:error", message));
        return;
      }
      const box = document.createElement("div");
      box.className = "folio-fallback";
      box.setAttribute("role", "alert");
      const [title, line, detail] = ["strong", "span", "span"].map((tag) => document.createElement(tag));
      title.textContent = "This article could not be shown";
      line.textContent = `The reader ${what}`;
      detail.textContent = ` (${error?.message ?? error}).`;
      box.append(title, line, detail);
      this.#host.shadowRoot?.replaceChildren(box);
      this.#host.dispatchEvent(event("folio:error", message));
      void this.#localizeFallback(title, what === "could not start" ? line : null, detail);
    }

    /**
     * The fallback's words in the host's language, from its locale file
     * when there is one (without the core, read here as plain JSON); the
     * diagnostic stays English.
     */
    async #localizeFallback(title, line, detail) {
      const code = String(this.#options().lang ?? "").toLowerCase().split(/[-_]/)[0];
      if (!LOCALE_FILES.includes(code)) return;
      try {
        const text = await localeText(code);
        const words = text ? JSON.parse(text) : {};
        if (typeof words.errorTitle === "string") title.textContent = words.errorTitle;
        if (line && typeof words.errorStart === "string") line.textContent = words.errorStart;
        detail.lang = "en";
      } catch {
        // the English words stay
      }
    }
  }

  /**
   * What the host gave as an article, read once, here, into text: JSON
   * text as it is; any other value through one read of each of its
   * properties (a getter runs once, so a value that changes between
   * reads never reaches the core in two shapes). A plain object's string
   * `body` goes beside the rest as it is, not escaped into JSON for the
   * core to read back. Lone surrogates reach the core as U+FFFD either
   * way. A value that cannot be read gives `{ error }`.
   */
  function toText(article) {
    if (typeof article === "string") return { text: article, base: null };
    try {
      const proto = article !== null && typeof article === "object" ? Object.getPrototypeOf(article) : undefined;
      if (proto !== Object.prototype && proto !== null) return { text: JSON.stringify(article) ?? "", base: null };
      const copy = {};
      for (const key of Object.keys(article)) copy[key] = article[key];
      // A `toJSON` of its own decides what the object is, as JSON.
      if (typeof copy.body !== "string" || typeof copy.toJSON === "function") {
        return { text: JSON.stringify(copy) ?? "", base: null };
      }
      const { body, ...rest } = copy;
      return { text: JSON.stringify(rest), body, base: null };
    } catch (error) {
      return { error: { message: `The article could not be read as JSON (${error?.message ?? error}).` } };
    }
  }

  /** A value as an error message shows it: `"dark"`, `7`, `a symbol`. */
  function shown(value) {
    const type = typeof value;
    if (type === "string") return JSON.stringify(value.slice(0, 40));
    if (type === "symbol" || type === "function") return `a ${type}`;
    return type === "object" && value ? "an object" : String(value);
  }

  /** Each option of `mount`: its name, the text it takes, and those words. */
  const OPTIONS = [
    ["theme", /^(light|dark|auto)$/i, '"light", "dark" or "auto"'],
    ["support", /^(on|off)$/, '"on" or "off"'],
    ["supporter", /^(true|false)$/, "true or false"],
    ["consent", /^(granted|denied|pending)$/, '"granted", "denied" or "pending"'],
    ["bucket", /^.{1,200}$/s, "a name of 1 to 200 characters"],
    ["country", /^[A-Za-z]{2}$/, 'a country\'s two-letter code such as "GB"'],
    ["lang", /./, 'a language tag such as "de"'],
    ["dir", /^(ltr|rtl)$/i, '"ltr" or "rtl"'],
    ["headingLevel", /^\s*[1-6]\s*$/, "a whole number from 1 to 6"],
    ["format", /./, '"folio", "ans" or "json-ld"'],
  ];

  /**
   * `mount`'s options, each read once, into the plain values a controller
   * uses: `{ options, theme, problem }`. A value `mount` cannot use, or a
   * getter that throws, is the `problem` (`{ message, path }`), which the
   * widget shows as its error state; `null`, `undefined` and `""` mean the
   * option's default.
   */
  function readOptions(given) {
    const read = {};
    const result = (problem) => ({
      options: {
        support: read.support !== "off",
        supporter: read.supporter === "true",
        consent: read.consent ?? "granted",
        bucket: read.bucket ?? null,
        country: read.country?.toUpperCase() ?? null,
        lang: read.lang ?? null,
        dir: read.dir?.toLowerCase() ?? null,
        headingLevel: Number(read.headingLevel ?? 1),
        format: read.format ?? null,
      },
      theme: read.theme?.toLowerCase() ?? null,
      problem,
    });
    const fail = (path, problem) => result({ message: `\`${path}\` ${problem}.`, path });
    if (given == null) return result(null);
    if (typeof given !== "object" && typeof given !== "function") {
      return fail("options", `must be an object (it is ${shown(given)})`);
    }
    for (const [name, pattern, expected] of OPTIONS) {
      let value;
      try {
        value = given[name];
      } catch (error) {
        return fail(`options.${name}`, `could not be read (${error?.message ?? error})`);
      }
      if (value == null || value === "") continue;
      // `support` may be a boolean (`supporter` must be), `headingLevel` and
      // `bucket` a number.
      let text = value;
      if (name === "support" && typeof value === "boolean") text = value ? "on" : "off";
      if (name === "supporter" && typeof value === "boolean") text = String(value);
      if (name === "headingLevel" && typeof value === "number") text = String(value);
      if (name === "bucket" && Number.isSafeInteger(value)) text = String(value);
      if (typeof text !== "string" || !pattern.test(text)) {
        return fail(`options.${name}`, `must be ${expected} (it is ${shown(value)})`);
      }
      read[name] = text;
    }
    return result(null);
  }

  /** A byte count exactly, as the core writes its limits: "16,777,216 bytes". */
  const bytes = (count) => `${count.toLocaleString("en-US")} bytes`;
  const LIMIT = `${bytes(MAX_ARTICLE_BYTES)} (16 MB)`;

  /**
   * The response body as text, refusing more than the core would read; a
   * read that fails becomes `failed(error)`.
   */
  async function readLimited(response, where, failed) {
    const declared = Number(response.headers.get("content-length"));
    if (declared > MAX_ARTICLE_BYTES) {
      throw new Error(`${where}: it is ${bytes(declared)}; the most Folio reads is ${LIMIT}.`);
    }
    if (!response.body) return "";
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read().catch((error) => {
        throw failed(error);
      });
      if (done) return text + decoder.decode();
      received += value.byteLength;
      if (received > MAX_ARTICLE_BYTES) {
        reader.cancel().catch(() => {});
        throw new Error(`${where}: it is over ${LIMIT}, the most Folio reads.`);
      }
      text += decoder.decode(value, { stream: true });
    }
  }

  /**
   * Article JSON from `src`, with the URL it finally came from; `signal`
   * stops the request (a newer one replaced it); `cache` is the fetch's
   * cache mode (a live article revalidates with `no-cache`).
   */
  async function fetchArticle(src, timeout, signal, cache = "default") {
    const url = new URL(src, document.baseURI);
    const where = `Could not load ${url}`;
    const failed = (error) =>
      new Error(
        error?.name === "TimeoutError"
          ? `${where}: no answer within ${timeout / 1000} s.`
          : `${where}: the request failed (offline, refused, or not allowed by CORS).`,
      );
    const timer = AbortSignal.timeout(timeout);
    let response;
    try {
      const stop = AbortSignal.any ? AbortSignal.any([signal, timer]) : timer;
      response = await fetch(url, { mode: "cors", credentials: "omit", cache, signal: stop });
    } catch (error) {
      throw failed(error);
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      const status = `${response.status} ${response.statusText}`.trim();
      throw new Error(`${where}: the server answered ${status}.`);
    }
    // A web page goes to the core as it is: it reads the page's JSON-LD.
    const text = await readLimited(response, where, failed);
    return { text, base: response.url || url.href };
  }

  /**
   * Keeps a live article up to date: asks for `src` every `seconds` while
   * the page is visible (none while it is hidden; when it shows again,
   * once the interval since the last ask has passed), letting the browser
   * revalidate what it has (`If-None-Match` and `If-Modified-Since` from
   * the last answer's validators), and hands an answer whose text is not
   * `latest()` to `changed({ text, base })`. A failure doubles the wait,
   * up to LIVE_MAX_WAIT_MS. Returns the function that stops it.
   */
  function livePoll(src, seconds, latest, changed) {
    let timer = null;
    let aborter = null;
    let failures = 0;
    let last = performance.now();
    let stopped = false;
    const schedule = () => {
      clearTimeout(timer);
      if (stopped || aborter || document.hidden) return;
      const base = seconds * 1000;
      const wait = Math.max(base, Math.min(base * 2 ** failures, LIVE_MAX_WAIT_MS));
      timer = setTimeout(poll, last + wait - performance.now());
    };
    async function poll() {
      if (stopped || document.hidden) return;
      last = performance.now();
      aborter = new AbortController();
      try {
        const content = await fetchArticle(src, FETCH_TIMEOUT_MS, aborter.signal, "no-cache");
        failures = 0;
        if (!stopped && content.text !== latest()) changed(content);
      } catch {
        failures++;
      }
      aborter = null;
      schedule();
    }
    document.addEventListener("visibilitychange", schedule);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      aborter?.abort();
      document.removeEventListener("visibilitychange", schedule);
    };
  }

  /** The `live` attribute's interval in seconds: LIVE_SECONDS unless a number, at least LIVE_MIN_SECONDS. */
  function liveSeconds(value) {
    const seconds = Number(value);
    return value && Number.isFinite(seconds) ? Math.max(seconds, LIVE_MIN_SECONDS) : LIVE_SECONDS;
  }

  let liveSheet = null;

  /** The (empty) status region of a live article's changes in `root`, a widget's shadow root; null before its first render. */
  function liveStatus(root) {
    const container = root.querySelector(".folio-root");
    if (!container) return null;
    if (!liveSheet) {
      liveSheet = new CSSStyleSheet();
      liveSheet.replaceSync(LIVE_CSS);
    }
    if (!root.adoptedStyleSheets.includes(liveSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, liveSheet];
    let status = container.querySelector(":scope > .folio-live");
    if (!status) {
      status = document.createElement("div");
      status.className = "folio-live";
      status.setAttribute("role", "status");
      container.prepend(status);
    }
    return status;
  }

  /**
   * Tells the reader of `root` (a widget's shadow root), in `status`, that
   * `count` blocks of its article changed: a button in the article's
   * language that takes the reader to `first`, the first of them.
   */
  async function liveToast(root, status, count, first) {
    const lang = root.host.getAttribute("lang") || root.querySelector("article")?.lang;
    const code = localeCode(lang);
    let words = LIVE_WORDS;
    let number = count;
    try {
      words = (code && JSON.parse(await localeText(code)).liveUpdates) || words;
      number = new Intl.NumberFormat(lang || undefined).format(count);
    } catch {
      // English words or plain digits, as far as it got
    }
    const button = document.createElement("button");
    button.lang = words === LIVE_WORDS ? "en" : lang;
    button.textContent = words.replace("{count}", number);
    button.onclick = () => {
      status.replaceChildren();
      if (!first.isConnected) return;
      first.tabIndex = -1;
      first.scrollIntoView();
      first.focus({ preventScroll: true });
    };
    status.replaceChildren(button);
  }

  class FolioArticle extends HTMLElement {
    static observedAttributes = ["src", "support", "supporter", "consent", "bucket", "country", "lang", "dir", "heading-level", "format", "live"];
    /** What only a pre-rendered article's support prompts read: a change wakes them again. */
    static PROMPT_ATTRIBUTES = ["supporter", "consent", "bucket", "country"];
    #controller = null;
    #observer = null;
    #article = undefined;
    #started = false;
    /** Puts the support prompts of a pre-rendered article to sleep. */
    #sleep = null;
    /** What a pre-rendered article's URLs resolve against (its `data-base`). */
    #base = null;
    /** Puts the prompts to sleep once the core has rendered (after a takeover). */
    #sleepOnRender = null;
    /** An adoption waiting for the first paint (cleared: called off). */
    #adoptLater = null;
    /** Stops asking for a live article's `src` again. */
    #stopLive = null;

    connectedCallback() {
      // `article` set before this script ran is a plain property of the
      // element that hides the setter: take it over.
      if (Object.hasOwn(this, "article")) {
        const value = this.article;
        delete this.article;
        this.#article = value;
      }
      // A declarative shadow root `folio render` wrote: adopted as it is.
      const prerendered = [...(this.shadowRoot?.children ?? [])].find((e) => e.matches(".folio-root[data-prerendered]"));
      if (prerendered) this.#base = absolute(prerendered.dataset.base);
      if (!this.#controller && prerendered && this.#article === undefined) {
        // Adopting changes nothing the reader sees: done before the first
        // paint, it would only delay it.
        return painted() ? this.#adopt(prerendered) : this.#adoptAfterPaint(prerendered);
      }
      this.#start(!this.#controller && !!prerendered);
    }

    /** Adopts the pre-rendered article under `root` once the page has painted. */
    #adoptAfterPaint(root) {
      const adopt = () => {
        if (this.#adoptLater !== adopt) return; // called off meanwhile
        this.#adoptLater = null;
        this.#adopt(root);
      };
      this.#adoptLater = adopt;
      afterFirstPaint(adopt);
    }

    /**
     * Keeps the pre-rendered article under `root` (never rendered again,
     * every node kept), wakes its support prompt and says it is shown.
     */
    #adopt(root) {
      this.#sleep?.();
      this.#sleep = wakeIslands(root, this);
      wakeMedia(root, () => this.getAttribute("consent") ?? "granted");
      this.#live();
      const id = root.dataset.prerendered;
      queueMicrotask(() => this.isConnected && this.dispatchEvent(event("folio:render", { id })));
    }

    /**
     * Hands a pre-rendered article over to the core (the host changed it):
     * it stays in view until the core's render replaces it.
     */
    #takeOver() {
      // Not adopted yet: nothing to keep but the article itself.
      this.#adoptLater = null;
      const sleep = this.#sleep;
      this.#sleep = null;
      if (!sleep) return this.#start(true);
      // The prompt stays until the core's render replaces the article.
      const done = () => {
        sleep();
        this.#sleepOnRender = null;
        this.removeEventListener("folio:render", done);
        this.removeEventListener("folio:error", done);
      };
      this.#sleepOnRender = done;
      this.addEventListener("folio:render", done);
      this.addEventListener("folio:error", done);
      this.#start(true);
    }

    #start(keep = false) {
      this.#controller ??= new Controller(this, () => ({
        support: this.getAttribute("support") !== "off",
        supporter: this.hasAttribute("supporter"),
        consent: this.getAttribute("consent") ?? "granted",
        bucket: this.getAttribute("bucket"),
        country: this.getAttribute("country"),
        lang: this.getAttribute("lang"),
        dir: this.getAttribute("dir"),
        headingLevel: Number(this.getAttribute("heading-level")),
        format: this.getAttribute("format"),
      }), keep);
      if (keep || !this.hasAttribute("lazy")) return this.#load();
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#observer?.disconnect();
          this.#observer = null;
          this.#load();
        },
        { rootMargin: LAZY_MARGIN },
      );
      this.#observer.observe(this);
    }

    /** Asks for `src` again and again while the `live` attribute says so. */
    #live() {
      this.#stopLive?.();
      this.#stopLive = null;
      const src = this.getAttribute("src");
      if (!src || !this.hasAttribute("live") || !this.isConnected || this.#article !== undefined) return;
      // An adopted pre-rendered article's text is not known here: the
      // first answer stands for it, and only a later change is shown. A
      // widget shows any answer that is not what it shows (a first load
      // that failed included).
      let baseline;
      const latest = () => (this.#controller ? this.#controller.shownText : baseline);
      const changed = (content) => {
        if (this.#controller || baseline !== undefined) return this.#changed(content);
        baseline = content.text;
      };
      this.#stopLive = livePoll(src, liveSeconds(this.getAttribute("live")), latest, changed);
    }

    /**
     * Shows a live article's new `content` through the update path (the
     * blocks it left alone keep their nodes), and tells a reader who has
     * scrolled past its top what changed. A pre-rendered article is handed
     * to the core, which renders it whole.
     */
    #changed(content) {
      if (this.#sleep || this.#adoptLater || !this.#controller) return this.#takeOver();
      const root = this.shadowRoot;
      const before = new Set(root.querySelectorAll(".folio-body *"));
      // The status region is on the page (emptied) before the render, so
      // that the words it gets after it are read out.
      const status = this.getBoundingClientRect().top < 0 ? liveStatus(root) : null;
      root.querySelector(".folio-live")?.replaceChildren();
      const rendered = (done) => {
        this.removeEventListener("folio:render", rendered);
        this.removeEventListener("folio:error", rendered);
        const fresh = new Set([...root.querySelectorAll(".folio-body *")].filter((e) => !before.has(e)));
        const changed = [...fresh].filter((e) => !fresh.has(e.parentElement));
        if (status && done.type === "folio:render" && changed.length > 0) void liveToast(root, status, changed.length, changed[0]);
      };
      this.addEventListener("folio:render", rendered);
      this.addEventListener("folio:error", rendered);
      this.#article = undefined;
      void this.#controller.show(async () => content);
    }

    disconnectedCallback() {
      this.#stopLive?.();
      this.#stopLive = null;
      this.#adoptLater = null;
      this.#sleep?.();
      this.#sleep = null;
      this.#sleepOnRender?.();
      this.#observer?.disconnect();
      this.#observer = null;
      this.#controller?.destroy();
      this.#controller = null;
      this.#started = false;
    }

    attributeChangedCallback(name, before, after) {
      if (before === after) return;
      if (name === "live") return this.#started || this.#sleep ? this.#live() : undefined;
      // The pre-rendered article stays; its prompts wake again, as the
      // host now says.
      const forPrompts = FolioArticle.PROMPT_ATTRIBUTES.includes(name);
      // Not adopted yet: adoption reads them.
      if (this.#adoptLater && forPrompts) return;
      if (this.#sleep && forPrompts) {
        const root = this.shadowRoot.querySelector(".folio-root[data-prerendered]");
        this.#sleep();
        this.#sleep = wakeIslands(root, this);
        return;
      }
      if (this.#sleep || this.#adoptLater) {
        if (name === "src") this.#article = undefined;
        return this.#takeOver();
      }
      if (!this.#started) return;
      if (name !== "src") return this.#controller?.refresh();
      // A new `src` wins over an article set before it.
      this.#article = undefined;
      this.#load();
    }

    /** The article object last set, if any. */
    get article() {
      return this.#article;
    }

    /** Renders an article object (or JSON text), the same as `update`. */
    set article(value) {
      this.#article = value;
      if (this.#sleep || this.#adoptLater) return this.#takeOver();
      if (this.#started) this.#load();
    }

    /**
     * The `timeout` attribute in whole milliseconds, at most MAX_TIMEOUT_MS;
     * else the default.
     */
    #timeout() {
      const value = Number(this.getAttribute("timeout"));
      return Number.isFinite(value) && value > 0 ? Math.min(Math.ceil(value), MAX_TIMEOUT_MS) : FETCH_TIMEOUT_MS;
    }

    #load() {
      if (!this.#controller) return;
      this.#started = true;
      const src = this.getAttribute("src");
      if (this.#article !== undefined || !src) {
        this.#stopLive?.();
        this.#stopLive = null;
      }
      if (this.#article !== undefined) return this.#controller.show(async () => toText(this.#article));
      if (src) {
        this.#live();
        return this.#controller.show((signal) => fetchArticle(src, this.#timeout(), signal), true);
      }
      const inline =
        this.querySelector('script[type="application/json"], script[type="application/ld+json"]')?.textContent ?? "";
      return this.#controller.show(async () => ({ text: inline, base: this.#base }));
    }
  }

  if (!customElements.get("folio-article")) customElements.define("folio-article", FolioArticle);
  // A page `folio render --page` wrote holds its article in the light DOM:
  // its support prompt wakes the same way, its events sent on the article.
  // What takes its prompts away is kept on the article: the prompts live
  // as long as it does (a prompt no one holds would be collected, and go).
  for (const root of document.querySelectorAll(".folio-root[data-prerendered]")) {
    root[PROMPTS] = wakeIslands(root, root);
    wakeMedia(root, () => root.getAttribute("consent") ?? "granted");
  }

  /**
   * Renders `article` (an object or JSON text) into `element`'s shadow root.
   * Options: `theme` ("light", "dark", "auto"), `support` ("off"),
   * `supporter` (true: the reader supports the publisher), `consent`
   * ("granted", "denied", "pending": storage only when granted), `bucket`
   * (the host's name for the reader, which puts them in the same variant
   * of the prompt wherever it is given), `country` (the reader's country,
   * "GB": the prompt's amounts of its region), `lang`
   * (the UI language of Folio's own words), `dir` ("ltr", "rtl"),
   * `headingLevel` (1 to 6: the headline's level), `format` ("folio",
   * "ans", "json-ld": read the article as that format only).
   * Options are read once, here. Never throws for bad content or a bad
   * option: it shows the error state and sends `folio:error`; it throws
   * only when `element` cannot have a shadow root. The widget lives until
   * `unmount()`, whether or not the handle is kept.
   */
  function mount(element, article, options) {
    let attachable = false;
    try {
      attachable = element instanceof Element || typeof element?.attachShadow === "function";
    } catch {
      // a hostile stand-in for an element is no element
    }
    if (!attachable) throw new TypeError("Folio.mount needs an element that can have a shadow root.");
    const { options: read, theme, problem } = readOptions(options);
    // One widget per element: a second mount takes the element over.
    mounted.get(element)?.destroy();
    if (theme) element.setAttribute("theme", theme);
    const controller = new Controller(element, () => read);
    // The element keeps its widget, whether or not the host keeps the
    // handle: it lives until `unmount`.
    mounted.set(element, controller);
    const show = (next) => void controller.show(async () => problem ? { error: problem } : toText(next));
    show(article);
    return Object.freeze({
      update: show,
      unmount: () => {
        if (mounted.get(element) === controller) mounted.delete(element);
        controller.destroy();
      },
    });
  }

  /**
   * Records the reader as a supporter of `campaign` on this browser: from
   * then its prompts and banners, on this page and the next, thank them
   * or leave them alone, as the publisher chose. `options.consent` other
   * than "granted" keeps the mark in memory for the page, out of
   * `localStorage`. Resolves to true when they were not one before. Uses
   * the core when the page has it, else the small support island.
   */
  async function markSupported(campaign, options) {
    if (typeof campaign !== "string" || !campaign.trim()) {
      throw new TypeError("Folio.markSupported needs a campaign's name.");
    }
    const consent = options?.consent ?? "granted";
    const module = await (core ?? loadIsland());
    return module.markSupported(campaign, consent === "granted");
  }

  return Object.freeze({
    version: VERSION,
    mount,
    markSupported,
    /**
     * Resolves to true once the core is ready (false if it could not
     * start); awaiting it loads the core if no article has yet.
     */
    ready,
    /** How many widgets hold memory in the core (diagnostics). */
    liveWidgets: () => loaded?.liveWidgets() ?? 0,
  });
}

const Folio = (globalThis[INSTANCE] ??= createFolio());
globalThis.Folio ??= Folio;

export const { version, mount, ready, liveWidgets, markSupported } = Folio;
export default Folio;
