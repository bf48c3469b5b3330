// Runs the XSS corpus in the page, through the public paths: `Folio.mount()`
// with an object, and `<folio-article>` with inline JSON. Every vector is
// placed in every field it can reach; each rendered widget is then audited.
// Arguments: the vectors, the sample article, the batch size, the sample
// in the other formats Folio reads (`{ ans, jsonld }`), and `"cases"` to
// only return the placements (for `folio render`, see render.js).
const [vectors, sample, batchSize, formats, only] = arguments;

const ELEMENTS = new Set([
  "div", "article", "header", "aside", "figure", "figcaption", "img", "time", "span", "p",
  "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "a", "ul", "ol", "li",
  "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "button",
  "bdi", "label", "input",
]);
const ATTRIBUTES = new Set([
  "class", "href", "rel", "src", "srcset", "sizes", "alt", "title", "loading", "decoding",
  "fetchpriority", "width", "height", "start", "datetime", "lang", "role", "aria-label",
  "aria-labelledby", "aria-checked", "aria-hidden", "tabindex", "type", "disabled", "id",
  "data-campaign", "dir", "data-words", "aria-selected", "aria-controls", "hidden", "data-frequency",
  // A gallery's and an embed's, and what folio-media.js sets on them.
  "aria-live", "data-provider", "data-player", "data-position", "data-width", "data-height",
  "data-woken", "data-loaded", "data-current", "inert", "aria-disabled",
]);
// Attributes whose value is one of a few words, whatever the content.
const WORDS = { dir: new Set(["ltr", "rtl", "auto"]) };
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);
const IMAGE_SCHEMES = new Set(["http:", "https:"]);

const TEXT_FIELDS = [
  ["id"], ["kicker"], ["headline"], ["standfirst"], ["authors", 0], ["publisher", "name"],
  ["image", "alt"], ["image", "caption"], ["image", "credit"], ["readMore", "label"],
  ["support", "campaign"], ["support", "banner", "text"], ["support", "heading"],
  ["support", "amounts", 0, "label"], ["support", "cta", "label"], ["support", "paymentMethods", 0],
  ["support", "decline", "text"], ["support", "decline", "label"],
];
const MARKDOWN_FIELDS = [["body"], ["support", "body"]];
// Fields with a format of their own: a payload there is refused, and the
// error message that quotes it must be safe too.
const FORMAT_FIELDS = [["published"], ["updated"], ["lang"], ["support", "currency"]];
const URL_FIELDS = [
  ["url"], ["publisher", "url"], ["image", "src"], ["image", "srcset"], ["readMore", "href"],
  ["support", "cta", "href"], ["support", "banner", "href"], ["support", "reminder", "href"],
];

function set(article, path, value) {
  let at = article;
  path.slice(0, -1).forEach((key, i) => {
    at = at[key] ??= typeof path[i + 1] === "number" ? [] : {};
  });
  at[path.at(-1)] = value;
  return article;
}

function cases() {
  const all = [];
  const add = (vector, where, article) => all.push({ vector: vector.id, where, article });
  for (const vector of vectors) {
    const p = vector.payload;
    if (vector.kind === "markup") {
      const article = structuredClone(sample);
      for (const path of [...TEXT_FIELDS, ...MARKDOWN_FIELDS]) set(article, path, p);
      // The article count on: the id goes into the count's template.
      set(article, ["support", "articleCount"], {});
      // Tabs of the frequencies, each line of benefits, a region's amount.
      set(article, ["support", "frequencyTabs"], true);
      set(article, ["support", "benefits"], { once: [p], monthly: [p, p] });
      set(article, ["support", "regions"], [{ countries: ["GB"], amounts: [{ value: 3, label: p, recommended: true }] }]);
      // A figure detailed by `images`, a pull quote, a related article.
      // A gallery, an embed of a known provider and one of any other.
      const media = `![${p}](inline.jpg "${p}")\n![${p}](inline.jpg)\n\n<https://www.youtube.com/watch?v=abc>\n\n[${p}](https://video.example/1)`;
      set(article, ["body"], `${p}\n\n![${p}](inline.jpg "${p}")\n\n<!-- pullquote -->\n> ${p}\n>\n> — ${p}\n\n${media}`);
      set(article, ["images"], [{ src: "inline.jpg", alt: p, caption: p, credit: p }]);
      set(article, ["embeds"], [
        { url: "https://www.youtube.com/watch?v=abc", provider: p, title: p, text: p, html: p },
        { url: "https://video.example/1", provider: p, title: p, text: p, html: `<iframe src="https://video.example/embed/1" title="${p}"></iframe>${p}` },
      ]);
      set(article, ["related"], [{ headline: p, url: "/r", image: { src: "inline.jpg", alt: p } }]);
      all.push({ vector: vector.id, where: "every text field", article, headline: p });
      for (const path of FORMAT_FIELDS) add(vector, path.join("."), set(structuredClone(sample), path, p));
      // A variant's every field (the one variant, so the one shown).
      const variant = { name: p, weight: 1, heading: p, body: p, amounts: [{ value: 1, label: p }], cta: { label: p, href: "/give" } };
      add(vector, "support.variants[0]", set(structuredClone(sample), ["support", "variants"], [variant]));
    } else {
      for (const path of URL_FIELDS) add(vector, path.join("."), set(structuredClone(sample), path, p));
      add(vector, "image.srcset (second)", set(structuredClone(sample), ["image", "srcset"], `hero.svg 1x, ${p} 2x`));
      const figure = (image, src) => {
        const article = set(structuredClone(sample), ["images"], [{ alt: "A", ...image }]);
        return set(article, ["body"], `${sample.body}\n\n![A](${src})`);
      };
      add(vector, "images[0].src", figure({ src: p }, p));
      add(vector, "images[0].srcset", figure({ src: "inline.jpg", srcset: `inline.jpg 1x, ${p} 2x` }, "inline.jpg"));
      add(vector, "related[0].url", set(structuredClone(sample), ["related"], [{ headline: "R", url: p }]));
      const embed = (entry, link) => {
        const article = set(structuredClone(sample), ["embeds"], [{ provider: "P", ...entry }]);
        return set(article, ["body"], `${sample.body}\n\n${link}`);
      };
      add(vector, "embeds[0].url", embed({ url: p }, `[E](${p})`));
      add(vector, "embeds[0].html", embed({ url: "https://video.example/1", html: `<iframe src="${p}"></iframe>` }, "<https://video.example/1>"));
      const photo = { headline: "R", url: "/r", image: { src: p, alt: "R" } };
      add(vector, "related[0].image.src", set(structuredClone(sample), ["related"], [photo]));
      const markdown = `[link](${p}) and ![image](${p}) and <${p}> and [ref][r]\n\n[r]: ${p}\n\n<a href="${p}">raw</a>`;
      add(vector, "body links", set(structuredClone(sample), ["body"], markdown));
      add(vector, "support.body links", set(structuredClone(sample), ["support", "body"], markdown));
      const variant = { name: "v", weight: 1, body: markdown, cta: { label: "Give", href: p } };
      add(vector, "support.variants[0] links", set(structuredClone(sample), ["support", "variants"], [variant]));
    }
  }
  return all;
}

// The ANS sample with one of every element that holds text or a URL.
function fullAns() {
  const ans = structuredClone(formats.ans);
  const text = (content) => ({ type: "text", content });
  ans.label = { basic: { text: "X", display: true } };
  ans.credits = { by: [{ type: "author", name: "X" }] };
  ans.location = "X";
  ans.related_content = {
    basic: [{ type: "story", headlines: { basic: "X" }, canonical_url: "/r", promo_items: { basic: { type: "image", url: "r.jpg", alt_text: "X" } } }],
  };
  ans.content_elements.push(
    { type: "header", level: 2, content: "X" },
    { type: "list", list_type: "ordered", items: [text("X"), { type: "list", items: [text("X")] }] },
    { type: "table", header: [text("X")], rows: [[text("X")]] },
    { type: "quote", content_elements: [text("X")], citation: text("X") },
    { type: "blockquote", content: "X" },
    { type: "image", url: "inline.jpg", caption: "X", alt_text: "X", credits: { by: [{ type: "author", name: "X" }] } },
    { type: "interstitial_link", url: "/x", content: "X" },
    { type: "link_list", title: "X", items: [{ type: "interstitial_link", url: "/y", content: "X" }] },
    { type: "correction", text: "X" },
    { type: "code", language: "X", content: "X" },
    { type: "oembed_response", raw_oembed: { url: "https://video.example/1", title: "X", html: "X" } },
    { type: "raw_html", content: "X" },
    { type: "custom_embed", embed: { url: "https://embed.example/1" } },
    { type: "gallery", content_elements: [{ type: "image", url: "g1.jpg", alt_text: "X", caption: "X" }, { type: "image", url: "g2.jpg", alt_text: "X" }] },
    { type: "video", canonical_url: "https://video.example/2", headlines: { basic: "X" }, description: { basic: "X" }, embed_html: "X" },
  );
  return ans;
}

const ANS_TEXT = [
  ["headlines", "basic"], ["subheadlines", "basic"], ["label", "basic", "text"], ["credits", "by", 0, "name"],
  ["source", "name"], ["location"], ["promo_items", "basic", "caption"], ["promo_items", "basic", "alt_text"],
  ["promo_items", "basic", "credits", "by", 0, "name"], ["content_elements", 0, "content"],
  ...[9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].flatMap((i) => [
    ["content_elements", i, "content"], ["content_elements", i, "caption"], ["content_elements", i, "title"],
    ["content_elements", i, "text"], ["content_elements", i, "language"], ["content_elements", i, "alt_text"],
  ]),
  ["content_elements", 10, "items", 0, "content"], ["content_elements", 11, "rows", 0, 0, "content"],
  ["content_elements", 12, "citation", "content"], ["content_elements", 19, "raw_oembed", "title"],
  ["content_elements", 19, "raw_oembed", "html"], ["content_elements", 22, "content_elements", 0, "caption"],
  ["content_elements", 22, "content_elements", 1, "alt_text"], ["content_elements", 23, "headlines", "basic"],
  ["content_elements", 23, "description", "basic"], ["content_elements", 23, "embed_html"],
  ["related_content", "basic", 0, "headlines", "basic"], ["related_content", "basic", 0, "promo_items", "basic", "alt_text"],
];
const ANS_URL = [
  ["canonical_url"], ["promo_items", "basic", "url"], ["content_elements", 14, "url"],
  ["content_elements", 15, "url"], ["content_elements", 16, "items", 0, "url"],
  ["content_elements", 19, "raw_oembed", "url"], ["content_elements", 21, "embed", "url"],
  ["content_elements", 22, "content_elements", 0, "url"], ["content_elements", 23, "canonical_url"],
  ["related_content", "basic", 0, "canonical_url"], ["related_content", "basic", 0, "promo_items", "basic", "url"],
];
const LD_TEXT = [
  ["@graph", 0, "name"], ["@graph", 2, "description"], ["@graph", 2, "caption"], ["@graph", 2, "creditText"],
  ["@graph", 3, "headline"], ["@graph", 3, "description"], ["@graph", 3, "articleSection", 0],
  ["@graph", 3, "articleBody"], ["@graph", 3, "author"],
];
const LD_URL = [["@graph", 0, "url"], ["@graph", 2, "url"], ["@graph", 3, "mainEntityOfPage", "@id"], ["@graph", 1, "url"]];

/** The vectors in every text and URL field of the other formats. */
function formatCases() {
  const all = [];
  if (!formats) return all;
  const ans = fullAns();
  for (const vector of vectors) {
    const p = vector.payload;
    const link = `Text with <a href="${p}">a link</a> and <img src="${p}">.`;
    if (vector.kind === "markup") {
      const inAns = structuredClone(ans);
      for (const path of ANS_TEXT) if (path.length) set(inAns, path, p);
      all.push({ vector: vector.id, where: "ANS: every text field", article: inAns });
      const inLd = structuredClone(formats.jsonld);
      for (const path of LD_TEXT) set(inLd, path, p);
      all.push({ vector: vector.id, where: "JSON-LD: every text field", article: inLd });
      const htmlBody = set(structuredClone(formats.jsonld), ["@graph", 3, "articleBody"], `<p>${p}</p><p>after</p>`);
      all.push({ vector: vector.id, where: "JSON-LD: HTML articleBody", article: htmlBody });
    } else {
      for (const path of ANS_URL) {
        all.push({ vector: vector.id, where: `ANS: ${path.join(".")}`, article: set(structuredClone(ans), path, p) });
      }
      const inText = set(structuredClone(ans), ["content_elements", 0, "content"], link);
      all.push({ vector: vector.id, where: "ANS: text links", article: inText });
      for (const path of LD_URL) {
        all.push({ vector: vector.id, where: `JSON-LD: ${path.join(".")}`, article: set(structuredClone(formats.jsonld), path, p) });
      }
      const inBody = set(structuredClone(formats.jsonld), ["@graph", 3, "articleBody"], `<p>${link}</p>`);
      all.push({ vector: vector.id, where: "JSON-LD: articleBody links", article: inBody });
    }
  }
  return all;
}

/** The scheme of `url` as the browser reads it, or a note that it cannot. */
function scheme(url, base) {
  try {
    return new URL(url, base).protocol;
  } catch {
    return `unparseable`;
  }
}

/** Everything wrong with what a widget put in its shadow root. */
function audit(host, testCase) {
  const problems = [];
  const root = host.shadowRoot;
  if (!root) return ["no shadow root"];
  for (const el of root.querySelectorAll("*")) {
    if (!ELEMENTS.has(el.localName)) problems.push(`element <${el.localName}>`);
    if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") problems.push(`namespace ${el.namespaceURI}`);
    for (const { name, value } of el.attributes) {
      if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name}="${value}" on <${el.localName}>`);
      if (WORDS[name] && !WORDS[name].has(value)) problems.push(`attribute ${name}="${value}" on <${el.localName}>`);
    }
    if (el.hasAttribute("href") && !LINK_SCHEMES.has(scheme(el.getAttribute("href"), el.baseURI))) {
      problems.push(`href ${el.getAttribute("href")}`);
    }
    if (el.hasAttribute("src") && !IMAGE_SCHEMES.has(scheme(el.getAttribute("src"), el.baseURI))) {
      problems.push(`src ${el.getAttribute("src")}`);
    }
    // A player Folio would load: an http(s) URL, nothing in it that
    // could end an attribute or a tag.
    const player = el.getAttribute("data-player");
    if (player !== null && (!IMAGE_SCHEMES.has(scheme(player, el.baseURI)) || /[\s"'<>\\]/.test(player))) {
      problems.push(`player ${player}`);
    }
    for (const candidate of (el.getAttribute("srcset") ?? "").split(",").filter((c) => c.trim())) {
      const url = candidate.trim().split(/\s+/)[0];
      if (!IMAGE_SCHEMES.has(scheme(url, el.baseURI))) problems.push(`srcset candidate ${candidate}`);
    }
  }
  // Folio reads a character no HTML document may hold, escaped in JSON, as
  // U+FFFD: the controls below U+0020 (JSON.stringify escapes those alone).
  const asShown = (text) => text.replace(/[\0-\x08\x0B\x0E-\x1F]/g, "\uFFFD");
  const h1 = root.querySelector("h1");
  if (testCase.headline !== undefined && h1 && h1.textContent !== asShown(testCase.headline)) {
    problems.push(`headline shows ${JSON.stringify(h1.textContent)}, not the text given`);
  }
  if (!h1 && !root.querySelector("[role=alert]")) problems.push("neither the article nor an error shows");
  return problems;
}

if (only === "cases") return [...cases(), ...formatCases()];

return (async () => {
  window.__xssHit = null;
  window.__xss = () => (window.__xssHit ??= "called __xss()");
  for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = () => (window.__xssHit ??= `called ${name}()`);

  const all = [...cases(), ...formatCases()];
  const report = { cases: all.length, renders: 0, failures: [], outcomes: { render: 0, error: 0 } };
  const settled = new Map();
  const onEvent = (event) => settled.get(event.target)?.(event);
  document.addEventListener("folio:render", onEvent);
  document.addEventListener("folio:error", onEvent);

  const jobs = all.flatMap((testCase) => [
    { testCase, path: "mount" },
    { testCase, path: "inline" },
  ]);
  for (let start = 0; start < jobs.length; start += batchSize) {
    const batch = jobs.slice(start, start + batchSize);
    const hosts = batch.map(({ testCase, path }) => {
      let host;
      if (path === "mount") {
        host = document.createElement("div");
      } else {
        host = document.createElement("folio-article");
        const script = document.createElement("script");
        script.type = "application/json";
        script.textContent = JSON.stringify(testCase.article);
        host.append(script);
      }
      const done = new Promise((resolve) => {
        settled.set(host, resolve);
        setTimeout(() => resolve(null), 10000);
      });
      document.body.append(host);
      if (path === "mount") host.handle = Folio.mount(host, testCase.article);
      return { host, done };
    });
    const events = await Promise.all(hosts.map((h) => h.done));
    // Give anything a payload scheduled (image errors, focus) time to run.
    await new Promise((resolve) => setTimeout(resolve, 250));
    batch.forEach(({ testCase, path }, i) => {
      const { host } = hosts[i];
      const event = events[i];
      const problems = event ? audit(host, testCase) : ["no folio:render or folio:error event"];
      if (event) {
        report.renders++;
        report.outcomes[event.type === "folio:render" ? "render" : "error"]++;
        // A rendered article that should show the payload as its headline.
        if (testCase.headline !== undefined && event.type !== "folio:render") {
          problems.push(`refused: ${event.detail.message}`);
        }
      }
      if (window.__xssHit) problems.push(`script ran: ${window.__xssHit}`);
      for (const problem of problems) {
        report.failures.push(`${testCase.vector} in ${testCase.where} via ${path}: ${problem}`);
      }
      window.__xssHit = null;
      if (host.handle) host.handle.unmount();
      host.remove();
    });
  }
  document.removeEventListener("folio:render", onEvent);
  document.removeEventListener("folio:error", onEvent);
  report.flagAtEnd = window.__xssHit;
  return report;
})();
