// The benchmark runner behind `cargo xtask bench` (which builds dist/ and
// installs the npm packages first). Node and puppeteer-core (npm):
//
// - serves dist/, bench/, the generated data and the two peer libraries
//   from node_modules on one loopback origin;
// - starts headless Chromium with puppeteer-core, on a pipe, and runs each
//   page in a fresh browser context (cold caches, its own storage), in a
//   tab driven over a DevTools session of its own;
// - runs the variants of each scenario interleaved and rotated (A B C,
//   B C A, …), with one discarded warm-up round, and reports medians;
// - runs the pre-rendering scenarios of bench/prerender.mjs;
// - runs Lighthouse (npm) on the demo page and on the pre-rendered one;
// - writes the results to BENCHMARKS.md (or --out) and the raw numbers to
//   target/bench/results.json.
//
// Usage: node bench/run.mjs [--runs N] [--no-lighthouse] [--out FILE] [--baseline DIR]
//
// With --baseline, DIR (another build's dist/) is served under /before/ and
// runs as a fourth Folio variant, interleaved with the others in (a)–(d), so
// a change is measured against the build before it in the same run.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

import puppeteer from "puppeteer-core";

import * as prerender from "./prerender.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const DIST = path.join(ROOT, "dist");
const OUT_DIR = path.join(ROOT, "target", "bench");
const GEN = path.join(OUT_DIR, "gen");
const NODE_MODULES = path.join(ROOT, "node_modules");
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";

/** The flags every browser here starts with (Lighthouse's too). */
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** V8's flag that compiles all of a WebAssembly module up front (a diagnostic). */
const EAGER_WASM = "--js-flags=--no-wasm-lazy-compilation";

/** The policy `cargo xtask serve` serves the demo under (Trunk.toml). */
const DEMO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const WIDGETS = 50;
const LONG_PARAGRAPHS = 5000;
const LIGHTHOUSE_RUNS = 3;
const REPORT_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------- options

function options() {
  const args = process.argv.slice(2);
  const result = { runs: 15, lighthouse: true, out: path.join(ROOT, "BENCHMARKS.md"), baseline: null };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--runs") result.runs = Number(args[++i]);
    else if (args[i] === "--no-lighthouse") result.lighthouse = false;
    else if (args[i] === "--out") result.out = path.resolve(ROOT, args[++i]);
    else if (args[i] === "--baseline") result.baseline = path.resolve(ROOT, args[++i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  if (!Number.isInteger(result.runs) || result.runs < 1) throw new Error("--runs takes a positive whole number");
  return result;
}

const log = (line) => console.log(`    ${line}`);
const minutesSince = (start) => ((Date.now() - start) / 60000).toFixed(1);

// ---------------------------------------------------------------- data

/** A repeatable sequence of numbers in [0, 1) (xorshift32). */
function sequence(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/**
 * The long article: 5,000 paragraphs of news-like prose with links, emphasis
 * and strong text, and a list after every 25th paragraph; about 1 MB of
 * Markdown. The same bytes on every run.
 */
function longArticle() {
  const next = sequence(0x5eed);
  const words = (
    "the council said on tuesday that its budget for next year would cover new schools roads and " +
    "bridges while opposition members asked how the plan could be paid for without raising local taxes " +
    "residents who spoke at the meeting described long waits for buses and a shortage of doctors in " +
    "the northern districts officials promised a report before the end of the month"
  ).split(" ");
  const word = () => words[Math.floor(next() * words.length)];
  const phrase = (n) => Array.from({ length: n }, word).join(" ");
  const sentence = () => {
    const text = phrase(6 + Math.floor(next() * 7));
    return text[0].toUpperCase() + text.slice(1) + ".";
  };
  const blocks = [];
  for (let i = 0; i < LONG_PARAGRAPHS; i++) {
    const link = `[${phrase(3)}](https://publisher.example/2024/${i}/${word()})`;
    const parts = [sentence(), `${phrase(3)} *${phrase(2)}* ${phrase(3)} ${link}.`];
    if (next() < 0.5) parts.push(`It was **${phrase(2)}** ${phrase(4)}.`);
    blocks.push(parts.join(" "));
    if (i % 25 === 24) {
      const marker = (n) => (i % 50 === 49 ? `${n + 1}.` : "-");
      const items = Array.from({ length: 4 }, (_, n) => `${marker(n)} ${phrase(3)} *${word()}* ${phrase(3)}`);
      blocks.push(items.join("\n"));
    }
  }
  return {
    id: "bench-long-article",
    lang: "en",
    kicker: "Benchmark",
    headline: "A very long article: five thousand paragraphs",
    standfirst: "Generated text with links, emphasis and lists, the same on every run.",
    authors: ["Bench Writer"],
    published: "2024-01-02T03:04:05Z",
    body: blocks.join("\n\n"),
  };
}

// ---------------------------------------------------------------- server

const MOUNTS = [
  ["/bench/gen/", GEN],
  ["/bench/", HERE],
  ["/node_modules/marked/", path.join(NODE_MODULES, "marked")],
  ["/node_modules/dompurify/", path.join(NODE_MODULES, "dompurify")],
  ["/", DIST],
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Compressed bodies, by encoding and file, made once per run. */
const compressed = new Map();

/**
 * What a production server or CDN sends: the body brotli-compressed
 * (quality 11, as `cargo xtask size` counts it) or gzip-compressed when the
 * browser accepts it, with the encoding named; raster images as they are.
 */
function encode(file, body, accepted) {
  if (/\.(png|jpe?g|webp)$/.test(file)) return { body };
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
  if (!encoding) return { body };
  const key = `${encoding} ${file}`;
  if (!compressed.has(key)) {
    const packed =
      encoding === "br"
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
        : zlib.gzipSync(body, { level: 9 });
    compressed.set(key, packed);
  }
  return { body: compressed.get(key), encoding };
}

/**
 * Serves another build under /before/, with the bench pages beside it, so
 * the same pages load that build's `folio.js` (their `../folio.js`).
 */
let BASELINE_DIR = null;
function mountBaseline(dir) {
  if (!fs.existsSync(path.join(dir, "folio.js"))) throw new Error(`${dir} has no folio.js (--baseline takes a dist/ folder)`);
  BASELINE_DIR = dir;
  MOUNTS.unshift(["/before/bench/gen/", GEN], ["/before/bench/", HERE], ["/before/", dir]);
}

/** Serves the mounts above on a free loopback port; resolves to its origin. */
function startServer() {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const [prefix, dir] = MOUNTS.find(([p]) => pathname.startsWith(p));
    let file = path.join(dir, pathname.slice(prefix.length));
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    const inside = file === dir || file.startsWith(dir + path.sep);
    fs.readFile(file, (error, body) => {
      if (!inside || error) {
        response.writeHead(404, { "Content-Type": "text/plain" });
        response.end("not found");
        return;
      }
      const headers = {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      };
      if ((dir === DIST || dir === BASELINE_DIR) && file.endsWith(".html")) headers["Content-Security-Policy"] = DEMO_CSP;
      if (prerender.isolated(file)) Object.assign(headers, { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" });
      const sent = encode(file, body, request.headers["accept-encoding"] ?? "");
      if (sent.encoding) headers["Content-Encoding"] = sent.encoding;
      headers["Vary"] = "Accept-Encoding";
      response.writeHead(200, headers);
      response.end(sent.body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

// ---------------------------------------------------------------- browser

/**
 * Starts headless Chromium, with `extra` flags; resolves to `{ chromium,
 * stop, product }`, where `chromium` is the browser and a DevTools session
 * on it (which opens the tabs, see `openPage`).
 */
async function startChromium(extra = []) {
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    // These flags and no others (puppeteer's own defaults left out); puppeteer
    // adds `--remote-debugging-pipe` and a temporary profile, removed on close.
    ignoreDefaultArgs: true,
    pipe: true,
    args: [
      ...CHROME_FLAGS,
      ...extra,
      "--enable-precise-memory-info",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      "--hide-scrollbars",
      "--mute-audio",
      "--window-size=1280,1000",
      "about:blank",
    ],
  });
  const devtools = await browser.target().createCDPSession();
  return { chromium: { browser, devtools }, stop: () => browser.close(), product: await browser.version() };
}

/**
 * Opens `url` in a fresh browser context, `settle` ms after its blank tab
 * has started (so that starting it, and closing the page before, are not
 * in the measurement); the page talks back through `__benchReport`.
 *
 * The tab is driven over a DevTools session of its own rather than as a
 * puppeteer `Page`, which would add puppeteer's own JavaScript world to
 * every document (0.17 MB more JS heap, made at the start of each page)
 * and its Page, Network, Performance and Log domains: the pages run as
 * they would with no tool attached but this one session.
 */
async function openPage({ browser, devtools }, url, setup = [], settle = 0) {
  const context = await browser.createBrowserContext();
  const { targetId } = await devtools.send("Target.createTarget", {
    url: "about:blank",
    browserContextId: context.id,
    width: 1280,
    height: 1000,
  });
  const target = await context.waitForTarget((t) => t.type() === "page");
  const session = await target.createCDPSession();
  const reports = [];
  const exceptions = [];
  let waiting = null;
  session.on("Runtime.bindingCalled", (params) => {
    if (params.name !== "__benchReport") return;
    reports.push(JSON.parse(params.payload));
    waiting?.();
  });
  session.on("Runtime.exceptionThrown", ({ exceptionDetails: details }) => {
    exceptions.push(details.exception?.description ?? details.text);
  });
  const send = (method, params) => session.send(method, params);
  await send("Runtime.enable");
  await send("Runtime.addBinding", { name: "__benchReport" });
  for (const [method, params] of setup) await send(method, params);
  if (settle > 0) {
    // Answered once the blank tab's renderer runs: the wait starts there.
    await send("Runtime.evaluate", { expression: "0" });
    await new Promise((resolve) => setTimeout(resolve, settle));
  }
  await send("Page.navigate", { url });
  return {
    send,
    /** The page's next report; fails on an error report or after the timeout. */
    async report() {
      const deadline = Date.now() + REPORT_TIMEOUT_MS;
      while (!reports.length) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${url}: no report in time; exceptions: ${exceptions.join(" | ") || "none"}`);
        await new Promise((resolve) => {
          waiting = resolve;
          setTimeout(resolve, Math.min(left, 1000));
        });
        waiting = null;
      }
      const report = reports.shift();
      if (report.error) throw new Error(`${url}: ${report.error}`);
      return report;
    },
    /** Evaluates `expression` in the page, awaiting a promise; returns its value. */
    async eval(expression) {
      const { result, exceptionDetails } = await send("Runtime.evaluate", {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
    async close() {
      await devtools.send("Target.closeTarget", { targetId }).catch(() => {});
      await context.close().catch(() => {});
    },
  };
}

/**
 * Opens `url` (after the DevTools calls of `setup`: emulated network and
 * CPU; `settle` as `openPage` takes it), waits for its report, closes it.
 */
async function reportOf(chromium, url, setup = [], settle = 0) {
  const page = await openPage(chromium, url, setup, settle);
  try {
    return await page.report();
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- preparation

const escapeHtml = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

/** What Folio rendered in the first widget of the page, and its stylesheet. */
const RENDERED = `(() => {
  const root = document.querySelector("folio-article, div").shadowRoot;
  const css = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\\n");
  return { html: root.innerHTML, css };
})()`;

/**
 * Writes the generated files: the long article, and, from Folio's own
 * rendering, the seed article as a static page (declarative shadow DOM, the
 * same markup and CSS) and the long article's final HTML.
 */
async function prepare(chromium, origin) {
  fs.mkdirSync(GEN, { recursive: true });
  const long = longArticle();
  fs.writeFileSync(path.join(GEN, "long.json"), JSON.stringify(long));
  const paragraphs = long.body.split("\n\n").length;
  log(`long article: ${LONG_PARAGRAPHS} paragraphs + lists (${paragraphs} blocks), ${(long.body.length / 1e6).toFixed(2)} MB of Markdown`);

  let page = await openPage(chromium, `${origin}/bench/seed-folio.html`);
  await page.report();
  const seed = await page.eval(RENDERED);
  await page.close();
  fs.writeFileSync(path.join(GEN, "folio.css"), seed.css);
  const staticPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bench (a): the seed article as static HTML (generated from Folio's rendering)</title>
    <script src="../bench.js"></script>
  </head>
  <body>
    <static-article><template shadowrootmode="open"><style>${seed.css}</style>${seed.html}</template></static-article>
    <script>
      const root = document.querySelector("static-article").shadowRoot;
      bench.report({ t: performance.now(), h1: !!root?.querySelector("h1") });
    </script>
  </body>
</html>
`;
  fs.writeFileSync(path.join(GEN, "seed-static.html"), staticPage);
  log(`static seed page: ${(staticPage.length / 1e3).toFixed(1)} KB (Folio's markup and CSS)`);

  page = await openPage(chromium, `${origin}/bench/long.html?impl=folio&only=render`);
  await page.report();
  const final = await page.eval(RENDERED);
  await page.close();
  fs.writeFileSync(path.join(GEN, "long-final.html"), final.html);
  log(`long article's final HTML from Folio: ${(final.html.length / 1e6).toFixed(2)} MB`);
  return { longBytes: long.body.length, blocks: paragraphs, staticBytes: staticPage.length, finalBytes: final.html.length };
}

// ---------------------------------------------------------------- scenarios

/**
 * Runs `once(variant)` for every variant, `runs` rounds after one warm-up
 * round, interleaved and rotated; returns the values of each variant. `show` writes a
 * value in the progress lines.
 */
async function interleave(title, variants, runs, once, show = (value) => value.toFixed(1)) {
  const started = Date.now();
  log(`${title}: ${variants.join(", ")}, ${runs} rounds + 1 warm-up`);
  const values = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round <= runs; round++) {
    const line = [];
    // Each round starts with the next variant (A B C, B C A, …): the first
    // page of a round can load faster than the others.
    for (let slot = 0; slot < variants.length; slot++) {
      const variant = variants[(round + slot) % variants.length];
      const value = await once(variant);
      if (round > 0) values[variant].push(value);
      line.push(`${variant} ${show(value)}`);
    }
    log(`  ${round === 0 ? "warm-up" : `round ${round}`.padEnd(7)}  ${line.join("  ")}`);
  }
  log(`  (${minutesSince(started)} min)`);
  return values;
}

/** The Folio variant of the build before, when there is one. */
let BEFORE = false;

async function seedArticle(chromium, origin, runs) {
  const pages = {
    folio: "bench/seed-folio.html",
    static: "bench/gen/seed-static.html",
    js: "bench/seed-js.html",
    ...(BEFORE ? { before: "before/bench/seed-folio.html" } : {}),
  };
  return interleave("(a) seed article, navigation start to article in the DOM (ms)", Object.keys(pages), runs, async (v) => {
    const report = await reportOf(chromium, `${origin}/${pages[v]}`);
    if (!report.h1) throw new Error(`${v}: no h1 in the rendered article`);
    return report.t;
  });
}

/**
 * Where Folio's first render goes: the seed page of (a), and the seed
 * article mounted twice in one page, in this browser (V8 compiles each
 * WebAssembly function at its first call) and in one with that lazy
 * compilation off, which only a browser flag does.
 */
async function firstRender(browsers, origin, runs) {
  return interleave("(a) where the first render goes: lazy and eager WebAssembly compilation (ms)", Object.keys(browsers), runs, async (v) => {
    const { chromium } = browsers[v];
    const seed = await reportOf(chromium, `${origin}/bench/seed-folio.html`);
    if (!seed.h1) throw new Error(`${v}: no h1 in the rendered article`);
    const { first, second } = await reportOf(chromium, `${origin}/bench/first-run.html`);
    return { seed: seed.t, first, second };
  }, (r) => `${r.seed.toFixed(0)} (first ${r.first.toFixed(0)}, second ${r.second.toFixed(0)})`);
}

async function longRender(chromium, origin, runs) {
  const results = await interleave(
    "(b, c) long article, call to rendered and laid out (ms)",
    ["folio", "js", "floor", ...(BEFORE ? ["before"] : [])],
    runs,
    async (v) => {
      const page = v === "before" ? "before/bench/long.html?impl=folio" : `bench/long.html?impl=${v}`;
      const report = await reportOf(chromium, `${origin}/${page}`);
      if ((v === "folio" || v === "before") && !(report.changed && report.keptNodes)) throw new Error(`update() misbehaved: ${JSON.stringify(report)}`);
      return report;
    },
    (r) => (r.update === undefined ? r.render.toFixed(0) : `${r.render.toFixed(0)} (update ${r.update.toFixed(0)})`),
  );
  return results;
}

async function manyWidgets(chromium, origin, runs) {
  const variants = ["folio", "js", ...(BEFORE ? ["before"] : [])];
  return interleave(`(d) ${WIDGETS} widgets, mounts to all rendered and laid out (ms)`, variants, runs, async (v) => {
    const url = v === "before" ? "before/bench/many.html?impl=folio" : `bench/many.html?impl=${v}`;
    const page = await openPage(chromium, `${origin}/${url}`);
    try {
      await page.report();
      const measure = async () => {
        await page.send("HeapProfiler.collectGarbage");
        const memory = await page.eval("benchMemory()");
        const counters = await page.send("Memory.getDOMCounters");
        return { ...memory, nodes: counters.nodes, listeners: counters.jsEventListeners };
      };
      const before = await measure();
      const run = await page.eval("benchRun()");
      if (run.rendered !== WIDGETS) throw new Error(`${v}: ${run.rendered} of ${WIDGETS} rendered`);
      const after = await measure();
      return { total: run.total, before, after };
    } finally {
      await page.close();
    }
  }, (r) => `${r.total.toFixed(0)}`);
}

// ---------------------------------------------------------------- Lighthouse

/** Runs a program to its end without blocking this process (which serves the pages). */
function runProgram(program, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} exited with ${code}`))));
  });
}

/** Lighthouse from npm on the demo page `page`, `LIGHTHOUSE_RUNS` times. */
async function lighthouse(origin, page = "") {
  const cli = path.join(NODE_MODULES, "lighthouse", "cli", "index.js");
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const output = path.join(OUT_DIR, `lighthouse-${page ? `${page.replace(/\W+/g, "-")}-` : ""}${i + 1}.json`);
    await runProgram(
      process.execPath,
      [
        cli,
        `${origin}/${page}`,
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
        "--only-categories=performance,accessibility,best-practices",
        "--output=json",
        `--output-path=${output}`,
        "--quiet",
      ],
      { ...process.env, CHROME_PATH: CHROME },
    );
    const report = JSON.parse(fs.readFileSync(output, "utf8"));
    if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
    const failing = Object.values(report.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
        .map((ref) => `${category.id}: ${ref.id} (${report.audits[ref.id].displayValue || report.audits[ref.id].score})`),
    );
    const run = {
      version: report.lighthouseVersion,
      formFactor: report.configSettings.formFactor,
      throttling: report.configSettings.throttlingMethod,
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      bestPractices: Math.round(report.categories["best-practices"].score * 100),
      fcp: report.audits["first-contentful-paint"].numericValue,
      lcp: report.audits["largest-contentful-paint"].numericValue,
      tbt: report.audits["total-blocking-time"].numericValue,
      cls: report.audits["cumulative-layout-shift"].numericValue,
      failing,
      consoleErrors: (report.audits["errors-in-console"].details?.items ?? []).map(
        (item) => `${item.description} (${new URL(item.sourceLocation?.url ?? origin).pathname})`,
      ),
    };
    log(
      `Lighthouse ${i + 1}/${LIGHTHOUSE_RUNS}: performance ${run.performance}, accessibility ${run.accessibility}, ` +
        `best practices ${run.bestPractices}, LCP ${(run.lcp / 1000).toFixed(2)} s, CLS ${run.cls.toFixed(3)}`,
    );
    runs.push(run);
  }
  return runs;
}

// ---------------------------------------------------------------- numbers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
};
/** "median (p25–p75)" in `unit`s. */
const spread = (values, digits = 1, scale = 1) =>
  `${(median(values) / scale).toFixed(digits)} (${(quantile(values, 0.25) / scale).toFixed(digits)}–${(quantile(values, 0.75) / scale).toFixed(digits)})`;
const ratio = (a, b) => `${(median(a) / median(b)).toFixed(2)}×`;
const MB = 1024 * 1024;

/** The length of `data` compressed with brotli at quality 11. */
const brotliLength = (data) =>
  zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;

/** Raw, gzip -9 and brotli 11 sizes of files, as a Markdown table's rows. */
function sizes(files) {
  let total = [0, 0, 0];
  const rows = files.map(([name, file]) => {
    const data = fs.readFileSync(file);
    const row = [
      data.length,
      zlib.gzipSync(data, { level: 9 }).length,
      brotliLength(data),
    ];
    total = total.map((t, i) => t + row[i]);
    return `| \`${name}\` | ${row.map((n) => (n / 1000).toFixed(1)).join(" | ")} |`;
  });
  rows.push(`| **total** | ${total.map((n) => `**${(n / 1000).toFixed(1)}**`).join(" | ")} |`);
  return rows.join("\n");
}

// ---------------------------------------------------------------- report

function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  const cores = execFileSync("nproc", { encoding: "utf8" }).trim();
  let chromium = "";
  try {
    chromium = execFileSync(CHROME, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    chromium = "unknown";
  }
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(", ");
  return { cpu, cores, chromium, load, memory: `${Math.round(os.totalmem() / 1e9)} GB`, node: process.version };
}

function report({ opts, host, product, prepared, seed, long, many, first, pre, lh, lhPre, started }) {
  const longOf = (v, key) => long[v].map((r) => r[key]);
  const manyOf = (v, pick) => many[v].map(pick);
  const folioRender = longOf("folio", "render");
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(" | ")} |`);
  const date = new Date().toISOString().slice(0, 10);
  const minutes = minutesSince(started);

  lines.push(
    "# Benchmarks",
    "",
    `Measured on ${date} by \`cargo xtask bench\`${opts.runs === 15 && opts.lighthouse ? "" : ` (\`--runs ${opts.runs}\`${opts.lighthouse ? "" : " \`--no-lighthouse\`"})`}`,
    `(the runner: \`node bench/run.mjs --runs ${opts.runs}\`), which took ${minutes} min.`,
    "",
    `- Machine: ${host.cores} cores (\`nproc\`), ${host.cpu}, ${host.memory} RAM, shared with other builds`,
    `  (load average ${host.load} at the start, ${os.loadavg().map((n) => n.toFixed(1)).join(", ")} at the end: 1, 5, 15 min)`,
    `- Browser: ${host.chromium} (${product}), headless`,
    `- Node.js ${host.node}; marked 18.2.1, DOMPurify 3.4.18, Lighthouse ${lh?.[0]?.version ?? "13.5.0 (not run)"}`,
    "",
    `Each cell is the median of ${opts.runs} runs with the interquartile range (p25–p75) in`,
    "brackets. The variants of a scenario ran interleaved, each round starting",
    "with the next (A B C, B C A, C A B, …), after one discarded warm-up round,",
    "each run in a fresh browser context (cold HTTP cache, fresh storage), all",
    "served from one loopback origin. Ratios",
    "are of medians; below 1× Folio is faster. The runner and Chromium run",
    "under `nice` on a machine shared with other builds, so absolute times",
    "are inflated and noisy: read the medians, the ranges and the ratios.",
    "",
    "## Results",
    "",
    "| | measurement | Folio | static HTML (floor) | marked + DOMPurify | Folio / floor | Folio / marked + DOMPurify |",
    "|---|---|---|---|---|---|---|",
  );
  row(
    "a",
    "seed article: navigation start → article in the DOM (ms)",
    spread(seed.folio),
    spread(seed.static),
    spread(seed.js),
    ratio(seed.folio, seed.static),
    ratio(seed.folio, seed.js),
  );
  row(
    "b",
    `long article (${LONG_PARAGRAPHS.toLocaleString("en")} paragraphs, ${(prepared.longBytes / 1e6).toFixed(2)} MB Markdown): call → rendered and laid out (ms)`,
    spread(folioRender),
    spread(longOf("floor", "render")),
    spread(longOf("js", "render")),
    ratio(folioRender, longOf("floor", "render")),
    ratio(folioRender, longOf("js", "render")),
  );
  row(
    "c",
    "long article: `update()` with one paragraph changed → laid out (ms)",
    spread(longOf("folio", "update")),
    "—",
    "—",
    "—",
    "—",
  );
  row(
    "d",
    `${WIDGETS} widgets of the seed article: first mount → all rendered and laid out (ms)`,
    spread(manyOf("folio", (r) => r.total)),
    "—",
    spread(manyOf("js", (r) => r.total)),
    "—",
    ratio(manyOf("folio", (r) => r.total), manyOf("js", (r) => r.total)),
  );
  const heap = (v) => manyOf(v, (r) => r.after.js);
  const heapGrowth = (v) => manyOf(v, (r) => r.after.js - r.before.js);
  const wasm = (v) => manyOf(v, (r) => r.after.wasm);
  row("d", `JS heap after ${WIDGETS} widgets, after GC (MB)`, spread(heap("folio"), 2, MB), "—", spread(heap("js"), 2, MB), "—", ratio(heap("folio"), heap("js")));
  row("d", `JS heap growth for ${WIDGETS} widgets, after GC (MB)`, spread(heapGrowth("folio"), 2, MB), "—", spread(heapGrowth("js"), 2, MB), "—", ratio(heapGrowth("folio"), heapGrowth("js")));
  row(
    "d",
    `wasm memory after ${WIDGETS} widgets (MB; before: ${spread(manyOf("folio", (r) => r.before.wasm), 2, MB)})`,
    spread(wasm("folio"), 2, MB),
    "—",
    "0 (no wasm)",
    "—",
    "—",
  );
  const nodes = (v) => manyOf(v, (r) => r.after.nodes - r.before.nodes);
  row("d", `DOM nodes added by ${WIDGETS} widgets`, spread(nodes("folio"), 0), "—", spread(nodes("js"), 0), "—", ratio(nodes("folio"), nodes("js")));

  const update = longOf("folio", "update");
  lines.push(
    "",
    `(c) \`update()\` against (b)'s full Folio render: ${(median(update) / median(folioRender)).toFixed(3)}× ` +
      `(${median(update).toFixed(1)} ms against ${median(folioRender).toFixed(1)} ms). Every run checked that the new ` +
      "text is shown and that an untouched paragraph kept its DOM node.",
  );

  if (BEFORE) {
    const compare = (label, now, before, show = spread) => row(label, show(before), show(now), ratio(now, before));
    const megabytes = (values) => spread(values, 2, MB);
    const wasmBefore = (v) => manyOf(v, (r) => r.before.wasm);
    lines.push(
      "",
      "### This build against the one before it",
      "",
      `The build before (\`--baseline\`) ran as one more variant of (a)–(d), interleaved in the same rounds.`,
      "",
      "| measurement | before | now | now / before |",
      "|---|---|---|---|",
    );
    compare("(a) seed article → in the DOM (ms)", seed.folio, seed.before);
    compare("(b) long article → laid out (ms)", folioRender, longOf("before", "render"));
    compare("(c) `update()` → laid out (ms)", longOf("folio", "update"), longOf("before", "update"));
    compare(`(d) ${WIDGETS} widgets → laid out (ms)`, manyOf("folio", (r) => r.total), manyOf("before", (r) => r.total));
    compare("(d) wasm memory before the first widget (MB)", wasmBefore("folio"), wasmBefore("before"), megabytes);
    compare(`(d) wasm memory after ${WIDGETS} widgets (MB)`, wasm("folio"), wasm("before"), megabytes);
  }

  const firstOf = (v, key) => first[v].map((r) => r[key]);
  lines.push(
    "",
    "### Where (a)'s time goes: Folio's first render",
    "",
    "The same build in two browsers, interleaved: this Chromium as it ships,",
    "where V8 compiles each WebAssembly function the first time it is called,",
    `and the same Chromium with \`${EAGER_WASM}\`, where the whole module is`,
    "compiled before it is instantiated. No page can choose the second. It",
    "separates compiling from running: the first widget's time less the",
    "second's is what runs for the first time, and the part of it that eager",
    "compilation removes is compiling Folio's WebAssembly.",
    "",
    "| measurement | as shipped (lazy compilation) | eager compilation (flag) | lazy / eager |",
    "|---|---|---|---|",
  );
  const firstRow = (label, key) =>
    row(label, spread(firstOf("lazy", key)), spread(firstOf("eager", key)), ratio(firstOf("lazy", key), firstOf("eager", key)));
  firstRow("(a)'s Folio page: navigation start → article in the DOM (ms)", "seed");
  firstRow("seed article, first widget of a page with the core ready: `mount()` → `folio:render` (ms)", "first");
  firstRow("the same, second widget (ms)", "second");

  const island = ["core/folio-island.js", "core/folio-island_bg.wasm"]
    .map((file) => brotliLength(fs.readFileSync(path.join(DIST, file))))
    .reduce((a, b) => a + b);
  lines.push(...prerender.section({ ...pre, median, spread, ratio, islandSize: `${(island / 1000).toFixed(1)} KB` }));

  for (const [runs, title] of [
    [lh, "(e) Lighthouse on the demo page (`/`, served with the demo's CSP)"],
    [lhPre, "(e) Lighthouse on the pre-rendered demo page (`/prerendered.html`, served with the demo's CSP)"],
  ]) {
    if (!runs) continue;
    const lh = runs;
    const m = (key) => median(lh.map((r) => r[key]));
    lines.push(
      "",
      `### ${title}`,
      "",
      `Lighthouse ${lh[0].version}, ${lh[0].formFactor} defaults (throttling: ${lh[0].throttling}), Debian's Chromium,`,
      `median of ${lh.length} runs (performance scores of the runs: ${lh.map((r) => r.performance).join(", ")}; the`,
      "simulated throttling scales the main-thread time observed in the run, so",
      "the score moves with the machine's load).",
      "",
      "| performance | accessibility | best practices | FCP | LCP | TBT | CLS |",
      "|---|---|---|---|---|---|---|",
      `| ${m("performance")} | ${m("accessibility")} | ${m("bestPractices")} | ${(m("fcp") / 1000).toFixed(2)} s | ${(m("lcp") / 1000).toFixed(2)} s | ${Math.round(m("tbt"))} ms | ${m("cls").toFixed(3)} |`,
      "",
      `Audits below full marks (first run): ${lh[0].failing.join("; ") || "none"}.`,
    );
    if (lh[0].consoleErrors.length) lines.push(`Console errors: ${lh[0].consoleErrors.join("; ")}.`);
  }

  const nm = (p) => path.join(NODE_MODULES, p);
  lines.push(
    "",
    "## What each page downloads (KB of 1000 bytes)",
    "",
    "Folio (as `cargo xtask size` counts it):",
    "",
    "| file | raw | gzip -9 | brotli 11 |",
    "|---|---|---|---|",
    sizes([
      ["folio.js", path.join(DIST, "folio.js")],
      ["core/folio.js", path.join(DIST, "core/folio.js")],
      ["core/folio_bg.wasm", path.join(DIST, "core/folio_bg.wasm")],
    ]),
    "",
    "The JavaScript peer:",
    "",
    "| file | raw | gzip -9 | brotli 11 |",
    "|---|---|---|---|",
    sizes([
      ["marked/lib/marked.esm.js", nm("marked/lib/marked.esm.js")],
      ["dompurify/dist/purify.min.js", nm("dompurify/dist/purify.min.js")],
      ["bench/js-article.js", path.join(HERE, "js-article.js")],
    ]),
    "",
    "## What is measured",
    "",
    "- **(a)** A plain page per variant, loaded cold. Folio: `<folio-article",
    "  src=\"../sample/article.json\">` and `folio.js`; the time is `performance.now()`",
    "  (from `performance.timeOrigin`, the navigation start) at `folio:render`,",
    "  and the run checks the shadow root has an `h1`. Static HTML: Folio's own",
    "  rendering of the seed article (its shadow root's markup and stylesheet,",
    "  captured at the start of the run) written into the page as declarative",
    "  shadow DOM; the time is taken by a script right after it. marked +",
    "  DOMPurify: `bench/js-article.js`, a custom element that fetches the same",
    "  JSON and renders kicker, headline, standfirst, byline, figure, body",
    "  (`marked.parse` → `DOMPurify.sanitize` → `innerHTML`) and \"Read more\"",
    "  into a shadow root, with DOMPurify's minified script and marked's ES",
    "  module served from `node_modules`; the time is at its render event. Folio",
    "  also renders the support banner and prompt, which the peer does not.",
    "- **(b)** `bench/long.html`: the code and the article JSON",
    `  (${prepared.blocks.toLocaleString("en")} blocks) are loaded and parsed first, then the clock runs from the`,
    "  call (`Folio.mount(div, article)`; the peer's `render`; the floor's one",
    `  \`innerHTML\` of Folio's final HTML, ${(prepared.finalBytes / 1e6).toFixed(2)} MB, into a shadow root with Folio's`,
    "  stylesheet) to after `offsetHeight` of the host is read, which forces",
    "  style and layout. For Folio the end is `folio:render` then that read.",
    "- **(c)** In the same page after (b): the article with one paragraph in",
    "  the second half replaced, passed to the handle's `update()`, to",
    "  `folio:render` and a forced layout.",
    `- **(d)** \`bench/many.html\`: with the code loaded (and the Folio core`,
    `  started), ${WIDGETS} \`<section>\`s are appended and mounted with the seed article`,
    "  object; the clock runs to the last render event and a forced layout.",
    "  Memory is read after a garbage collection (DevTools",
    "  `HeapProfiler.collectGarbage`) before and after: the JS heap is",
    "  `performance.memory.usedJSHeapSize` (Chromium runs with",
    "  `--enable-precise-memory-info`); wasm memory is",
    "  `memory.buffer.byteLength` of the running core (the page imports",
    "  `core/folio.js`, the module `folio.js` already loaded, whose `init()`",
    "  returns the live instance's exports); DOM nodes are DevTools",
    "  `Memory.getDOMCounters`. Wasm memory only grows, so it is the high-water",
    "  mark, not what is in use; DOM nodes live outside the JS heap.",
    "- **Where (a)'s time goes:** `bench/seed-folio.html` as in (a), then",
    "  `bench/first-run.html`: the core started, the seed article's JSON",
    "  fetched and 300 ms idle, then the article is mounted into one `<section>`",
    "  and, after a frame, into another; each from the call to `folio:render`.",
    "- **(e)** Lighthouse from npm against Debian's Chromium",
    `  (\`CHROME_PATH\`, flags \`${CHROME_FLAGS.join(" ")}\`)`,
    "  on the demo page served by the runner on loopback.",
    "",
    "Raw numbers of the last run: `target/bench/results.json`.",
    "",
  );
  return lines.join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = options();
  const started = Date.now();
  for (const file of ["folio.js", "core/folio.js", "core/folio_bg.wasm", "sample/article.json"]) {
    if (!fs.existsSync(path.join(DIST, file))) throw new Error(`dist/${file} is missing: run \`cargo xtask build\``);
  }
  for (const file of ["marked/lib/marked.esm.js", "dompurify/dist/purify.min.js", "lighthouse/cli/index.js"]) {
    if (!fs.existsSync(path.join(NODE_MODULES, file))) throw new Error(`node_modules/${file} is missing: run \`npm ci\``);
  }
  if (opts.baseline) {
    mountBaseline(opts.baseline);
    BEFORE = true;
  }
  const host = machine();
  log(`${host.cores} cores, ${host.cpu}; ${host.chromium}; load average ${host.load}`);
  const { server, origin } = await startServer();
  const { chromium, stop, product } = await startChromium();
  let results;
  try {
    const prepared = await prepare(chromium, origin);
    const seed = await seedArticle(chromium, origin, opts.runs);
    const long = await longRender(chromium, origin, opts.runs);
    const many = await manyWidgets(chromium, origin, opts.runs);
    const eager = await startChromium([EAGER_WASM]);
    let first;
    try {
      first = await firstRender({ lazy: { chromium }, eager }, origin, opts.runs);
    } finally {
      await eager.stop();
    }
    prerender.preparePrerendered(ROOT, GEN, path.join(GEN, "long.json"), log);
    const pre = {
      paintRuns: await prerender.paint(interleave, reportOf, chromium, origin, opts.runs),
      phoneRuns: await prerender.paint(interleave, reportOf, chromium, origin, opts.runs, true),
      islandRuns: await prerender.island(interleave, reportOf, chromium, origin, opts.runs),
      shifts: await prerender.layoutShift(reportOf, chromium, origin, log),
      rate: prerender.renderRate(ROOT, GEN, path.join(GEN, "long.json"), log),
    };
    results = { prepared, seed, long, many, first, pre };
  } finally {
    await stop();
  }
  log(`browser scenarios done at ${minutesSince(started)} min`);
  const lh = opts.lighthouse ? await lighthouse(origin) : null;
  const lhPre = opts.lighthouse ? await lighthouse(origin, "prerendered.html") : null;
  server.close();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, "results.json"), JSON.stringify({ host, product, ...results, lighthouse: lh, lighthousePrerendered: lhPre }, null, 2));
  // The hand-kept "Changes and their effect" section survives a new run.
  const previous = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, "utf8") : "";
  const history = previous.indexOf(HISTORY);
  const text =
    report({ opts, host, product, ...results, lh, lhPre, started }).trimEnd() +
    (history >= 0 ? `\n\n${previous.slice(history).trimEnd()}\n` : "\n");
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, text);
  console.log(`\n${text}`);
  log(`wrote ${path.relative(ROOT, opts.out)} in ${minutesSince(started)} min`);
}

/** The heading of the section of BENCHMARKS.md kept by hand. */
const HISTORY = "## Changes and their effect";

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
