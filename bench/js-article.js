// The JavaScript peer: what a site might write instead of Folio. A small
// custom element, <js-article src=…>, with an open shadow root that renders
// the same article JSON (kicker, headline, standfirst, byline and date, the
// photo with caption and credit, the Markdown body, "Read more") with
// marked → DOMPurify.sanitize → innerHTML. DOMPurify is loaded before this
// module as its minified classic script (window.DOMPurify); marked is its
// ES module build. It renders no support prompt or banner (Folio does).
import { marked } from "/node_modules/marked/lib/marked.esm.js";

const CSS = `
:host { display: block; color: #121212; background: #fff; }
article { max-width: 832px; margin: 0 auto; padding: 32px 24px; font: 400 18px/1.6 Georgia, "Times New Roman", serif; }
.kicker, .byline, figcaption { font-family: system-ui, sans-serif; }
.kicker { color: #0b4f8a; font-size: 14px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0 auto 8px; max-width: 640px; }
h1 { font-size: 36px; line-height: 1.15; margin: 0 auto 12px; max-width: 640px; }
.standfirst { font-size: 20px; color: #5a5a5a; margin: 0 auto 16px; max-width: 640px; }
.byline { font-size: 14px; color: #5a5a5a; margin: 0 auto 24px; max-width: 640px; }
figure { margin: 0 0 32px; }
figure img { display: block; width: 100%; height: auto; background: #e6e4df; }
figcaption { font-size: 14px; color: #5a5a5a; margin-top: 8px; }
.credit { text-transform: uppercase; font-size: 12px; margin-left: 6px; }
.body { max-width: 640px; margin: 0 auto; }
.body a, .read-more a { color: #0b4f8a; }
.body pre, .body code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f3f3f1; }
.body blockquote { border-left: 3px solid #dcdcdc; margin-left: 0; padding-left: 16px; }
.body table { border-collapse: collapse; }
.body td, .body th { border: 1px solid #dcdcdc; padding: 4px 8px; }
.read-more { max-width: 640px; margin: 32px auto 0; font-family: system-ui, sans-serif; }
`;

let sheet = null;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders `article` (an object) into `host`'s shadow root; `base` resolves relative URLs. */
export function render(host, article, base = document.baseURI) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
  const lang = article.lang || "en";
  const page = element("article");
  page.lang = lang;
  if (article.kicker) page.append(element("p", "kicker", article.kicker));
  page.append(element("h1", "", article.headline));
  if (article.standfirst) page.append(element("p", "standfirst", article.standfirst));

  const byline = element("p", "byline");
  const names = [...(article.authors ?? []), article.publisher?.name].filter(Boolean);
  if (names.length) byline.append(`By ${names.join(", ")} · `);
  const time = element("time");
  time.dateTime = article.published;
  time.textContent = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(
    new Date(article.published),
  );
  byline.append(time);
  page.append(byline);

  if (article.image) {
    const image = article.image;
    const figure = element("figure");
    const img = element("img");
    img.src = new URL(image.src, base).href;
    if (image.srcset) img.srcset = image.srcset;
    if (image.width) img.width = image.width;
    if (image.height) img.height = image.height;
    img.alt = image.alt ?? "";
    figure.append(img);
    if (image.caption || image.credit) {
      const caption = element("figcaption");
      if (image.caption) caption.append(element("span", "caption", image.caption));
      if (image.credit) caption.append(element("span", "credit", image.credit));
      figure.append(caption);
    }
    page.append(figure);
  }

  const body = element("div", "body");
  body.innerHTML = window.DOMPurify.sanitize(marked.parse(article.body ?? "", { async: false }));
  page.append(body);

  if (article.readMore?.href) {
    const more = element("p", "read-more");
    const link = element("a", "", article.readMore.label ?? "Read more");
    link.href = new URL(article.readMore.href, base).href;
    more.append(link);
    page.append(more);
  }
  root.replaceChildren(page);
  host.dispatchEvent(
    new CustomEvent("js-article:render", { bubbles: true, composed: true, detail: { id: article.id } }),
  );
}

class JsArticle extends HTMLElement {
  async connectedCallback() {
    const url = new URL(this.getAttribute("src"), document.baseURI);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    render(this, await response.json(), response.url);
  }
}

if (!customElements.get("js-article")) customElements.define("js-article", JsArticle);
