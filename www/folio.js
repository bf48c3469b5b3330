// Folio: the <folio-article> element. The only file a host page includes;
// it finds the WebAssembly beside it, relative to its own URL.
import init, { Widget } from "./core/folio.js";

const ready = init({ module_or_path: new URL("core/folio_bg.wasm", import.meta.url) });
const FETCH_TIMEOUT_MS = 15000;

/** Article JSON from `src`, with the URL it finally came from. */
async function fetchArticle(src) {
  const url = new URL(src, document.baseURI);
  let response;
  try {
    response = await fetch(url, {
      mode: "cors",
      credentials: "omit",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error?.name === "TimeoutError" ? "it did not answer in time" : "the network request failed";
    throw new Error(`Could not load ${url}: ${reason}.`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}.`);
  return { text: await response.text(), base: response.url || url.href };
}

class FolioArticle extends HTMLElement {
  static observedAttributes = ["src", "support"];
  #widget = null;
  #generation = 0;

  connectedCallback() {
    this.#load();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && this.#generation > 0) this.#load();
  }

  async #load() {
    const generation = ++this.#generation;
    const src = this.getAttribute("src");
    let content = null;
    let failure = null;
    try {
      content = src
        ? await fetchArticle(src)
        : { text: this.querySelector('script[type="application/json"]')?.textContent ?? "", base: null };
    } catch (error) {
      failure = error.message;
    }
    await ready;
    if (generation !== this.#generation || !this.isConnected) return;
    this.#widget ??= new Widget(this);
    if (failure) this.#widget.fail(failure);
    else this.#widget.render(content.text, content.base, this.getAttribute("support") !== "off");
  }
}

if (!customElements.get("folio-article")) customElements.define("folio-article", FolioArticle);
