// Audits what `folio render` wrote for each placement of the XSS corpus,
// read by the browser's own HTML parser (DOMParser runs no script, and
// keeps a declarative shadow root as its <template>, whose content is
// audited too). Arguments: a list of `{ id, kind, html }` (kind `embed`,
// `page`, `plain`, `iframe`, or `oembed` for an oEmbed response's `html`)
// and the origin folio.js is served from. Returns the problems found, as
// `id: problem`.
const [outputs, folioOrigin] = arguments;

// What the article's own markup may hold (as in runner.js) …
const ELEMENTS = new Set([
  "div", "article", "header", "aside", "figure", "figcaption", "img", "time", "span", "p",
  "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "a", "ul", "ol", "li",
  "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "bdi",
]);
const ATTRIBUTES = new Set([
  "class", "href", "rel", "src", "srcset", "sizes", "alt", "title", "loading", "decoding",
  "fetchpriority", "width", "height", "start", "datetime", "lang", "role", "aria-label", "dir",
  // A gallery's and an embed's data.
  "hidden", "aria-live", "data-provider", "data-player", "data-position", "data-width", "data-height",
]);
// A gallery's and an embed's controls, only inside one.
const MEDIA = {
  button: { class: /^folio-(gallery__(previous|next)|embed__load)$/, type: /^button$/, "aria-label": /[^]*/, hidden: /^$/ },
  label: { class: /^folio-embed__always$/, hidden: /^$/ },
  input: { type: /^checkbox$/ },
};
// … and what a pre-rendered page adds around it, with the only values allowed.
const FRAME = {
  "folio-article": { support: /^off$/, lang: /^[A-Za-z0-9-]+$/, dir: /^(ltr|rtl)$/, "heading-level": /^[1-6]$/ },
  // A declarative shadow root; in a prompt's place, a supporter's thanks
  // and each variant's prompt (named as the article names it).
  template: {
    shadowrootmode: /^open$/, "data-thanks": /^$/, "data-variant": /[^]*/, "data-weight": /^[0-9.]+$/,
    // The reader's article count: the article's id, the threshold, and
    // the locale's words around the number for each plural category.
    "data-count": /^$/, "data-article": /[^]*/, "data-threshold": /^[0-9]+$/,
    // A region's amounts: its countries' codes.
    "data-region": /^[A-Z]{2}( [A-Z]{2})*$/,
    ...Object.fromEntries(["zero", "one", "two", "few", "many", "other"].map((c) => [`data-${c}`, /^[^<>]*\{count\}[^<>]*$/])),
  },
  link: { rel: /^(stylesheet|canonical|icon|alternate)$/, href: /./, type: /^(image\/svg\+xml|application\/json\+oembed)$/ },
  script: { type: /^(application\/json|application\/ld\+json|module)$/, src: /./ },
  noscript: {}, main: {}, html: { lang: /./ }, head: {}, body: { class: /^folio-page( folio-frame)?$/ }, title: {},
  meta: {
    charset: /^utf-8$/,
    name: /^(viewport|description|robots|twitter:[a-z:]+)$/,
    property: /^(og|article):[a-z_:]+$/,
    "http-equiv": /^Content-Security-Policy$/,
    content: /[^]*/,
  },
};
// The tags whose content is a URL a card fetches or links to.
const URL_TAGS = new Set(["og:url", "og:image", "twitter:image"]);
// What an oEmbed response's `html` may hold: WordPress's allow-list.
const OEMBED_FRAME = "https://news.example/sample/article.frame.html";
const OEMBED = {
  blockquote: {},
  a: { href: /./ },
  iframe: {
    src: new RegExp(`^${OEMBED_FRAME.replaceAll(".", "\\.")}$`),
    width: /^\d+$/, height: /^\d+$/, title: /[^]/, frameborder: /^0$/,
  },
};
// … and what the support prompt's template adds, for the island: its
// controls and their state, the heading's id, the campaign's name.
const PROMPT = {
  aside: { "aria-labelledby": /^folio-support-heading$/, "data-campaign": /[^]/ },
  // The reminder keeps the locale's words around its date.
  button: {
    type: /^button$/, role: /^(radio|tab)$/, "aria-checked": /^(true|false)$/, tabindex: /^(0|-1)$/,
    "data-words": /^[^<>]*\{date\}[^<>]*$/,
    // The frequencies' tabs and the amounts of a tab not shown.
    id: /^folio-support-tab-(once|monthly|annual)$/, "data-frequency": /^(once|monthly|annual)$/,
    "aria-controls": /^folio-support-amounts$/, "aria-selected": /^(true|false)$/, hidden: /^$/,
  },
  div: { role: /^(tablist|tabpanel|radiogroup)$/, id: /^folio-support-amounts$/, "aria-labelledby": /^folio-support-tab-(once|monthly|annual)$/ },
  ul: { "data-frequency": /^(once|monthly|annual)$/, hidden: /^$/ },
  a: { "data-words": /^[^<>]*\{date\}[^<>]*$/ },
  ...Object.fromEntries(["h2", "h3", "h4", "h5", "h6"].map((h) => [h, { id: /^folio-support-heading$/ }])),
};
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);
const IMAGE_SCHEMES = new Set(["http:", "https:"]);
const BASE = "https://news.example/sample/article.json";

function scheme(url) {
  try {
    return new URL(url, BASE).protocol;
  } catch {
    return "unparseable";
  }
}

// `added`: what the part audited may hold besides (PROMPT, in the
// prompt's template); `place`: it is a template of a prompt's place (a
// variant's holds its props).
function audit(root, kind, problems, added = {}, place = false) {
  for (const el of root.querySelectorAll("*")) {
    const name = el.localName;
    if (kind === "oembed") {
      auditOembed(el, problems);
      continue;
    }
    const frame = FRAME[name];
    // The prompt's text is the article's: it gets nothing of PROMPT.
    const media = el.closest(".folio-gallery, .folio-embed") ? MEDIA : {};
    const extra = el.closest(".folio-support__body") ? {} : { ...added, ...media };
    if (!ELEMENTS.has(name) && !frame && !extra[name]) problems.push(`element <${name}>`);
    for (const { name: attr, value } of el.attributes) {
      if (attr.startsWith("on")) problems.push(`handler ${attr} on <${name}>`);
      const framed = frame?.[attr] ?? extra[name]?.[attr];
      const own =
        ATTRIBUTES.has(attr) ||
        attr === "data-prerendered" ||
        (attr === "data-island" && value === "support") ||
        (attr === "data-base" && value === BASE);
      if (framed ? !framed.test(value) : !own) problems.push(`attribute ${attr}="${value}" on <${name}>`);
    }
    if (name === "script") {
      const type = el.getAttribute("type");
      if (type === "module" && el.getAttribute("src") !== `${folioOrigin}/folio.js`) problems.push(`script ${el.getAttribute("src")}`);
      if (type === null && (kind !== "iframe" || el.getAttribute("src") !== `${folioOrigin}/folio-frame.js`)) {
        problems.push(`classic script ${el.getAttribute("src")}`);
      }
      if (type !== "module" && type !== null && el.hasAttribute("src")) problems.push("a data block with a src");
      if (type !== "application/json" && type !== "application/ld+json" && el.textContent) problems.push("an inline script");
      if (type === "application/json" || type === "application/ld+json") {
        try {
          JSON.parse(el.textContent);
        } catch {
          problems.push(`a ${type} data block that is not JSON`);
        }
      }
      const props = place && el.parentNode === root;
      if (type === "application/json" && !props && !el.closest("folio-article, [data-island]")) problems.push("a data block outside the widget");
    }
    if (kind === "plain" && frame && !["html", "head", "body"].includes(name)) problems.push(`<${name}> in plain HTML`);
    if (name === "link" && el.rel === "stylesheet" && el.getAttribute("href") !== `${folioOrigin}/folio.css`) {
      problems.push(`stylesheet ${el.getAttribute("href")}`);
    }
    const tag = el.getAttribute("property") ?? el.getAttribute("name");
    if (name === "meta" && URL_TAGS.has(tag) && !IMAGE_SCHEMES.has(scheme(el.content))) problems.push(`${tag} ${el.content}`);
    if (name === "meta" && el.httpEquiv && kind !== "iframe") problems.push("a policy outside a frame document");
    if (name === "meta" && el.httpEquiv && !el.content.startsWith(`default-src 'none'; script-src ${folioOrigin} 'wasm-unsafe-eval';`)) {
      problems.push(`policy ${el.content}`);
    }
    if (el.hasAttribute("href") && name !== "link" && !LINK_SCHEMES.has(scheme(el.getAttribute("href")))) {
      problems.push(`href ${el.getAttribute("href")}`);
    }
    if (el.hasAttribute("src") && name !== "script" && !IMAGE_SCHEMES.has(scheme(el.getAttribute("src")))) {
      problems.push(`src ${el.getAttribute("src")}`);
    }
    const player = el.getAttribute("data-player");
    if (player !== null && (!IMAGE_SCHEMES.has(scheme(player)) || /[\s"'<>\\]/.test(player))) problems.push(`player ${player}`);
    for (const candidate of (el.getAttribute("srcset") ?? "").split(",").filter((c) => c.trim())) {
      if (!IMAGE_SCHEMES.has(scheme(candidate.trim().split(/\s+/)[0]))) problems.push(`srcset candidate ${candidate}`);
    }
    // (DOMParser's documents run no script, so <noscript> holds markup,
    // as a reader without JavaScript gets it, and is audited as such.)
    if (name === "template") {
      const place = el.parentElement?.dataset.island === "support";
      audit(el.content, kind, problems, place ? PROMPT : {}, place);
    }
  }
}

// An oEmbed `html` element: only what WordPress keeps, its link's scheme
// one of ours, its frame the article's.
function auditOembed(el, problems) {
  const name = el.localName;
  if (["html", "head", "body"].includes(name)) return;
  const allowed = OEMBED[name];
  if (!allowed) return problems.push(`element <${name}> in oEmbed html`);
  for (const { name: attr, value } of el.attributes) {
    if (!allowed[attr]?.test(value)) problems.push(`attribute ${attr}="${value}" on <${name}> in oEmbed html`);
  }
  if (name === "a" && !LINK_SCHEMES.has(scheme(el.getAttribute("href")))) problems.push(`href ${el.getAttribute("href")}`);
}

const failures = [];
for (const { id, kind, html } of outputs) {
  const document = new DOMParser().parseFromString(html, "text/html");
  const problems = [];
  audit(document, kind, problems);
  const headline =
    kind === "oembed"
      ? document.querySelector("blockquote > a") && document.querySelector("iframe")
      : document.querySelector("h1") ?? document.querySelector("template")?.content.querySelector("h1");
  if (!headline) problems.push("no headline");
  for (const problem of problems) failures.push(`${id} (${kind}): ${problem}`);
}
return failures;
