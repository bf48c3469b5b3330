// The pre-rendering scenarios of `cargo xtask bench` (run.mjs runs them):
//
// - (f) the seed article pre-rendered by `folio render --embed` (its
//   stylesheet inline, the default, and linked with `--style link`) against
//   the static floor (the same markup with its stylesheet inline, no
//   script), against the control (the floor and a module script that
//   runs nothing) and against today's JSON path (`<folio-article src>`):
//   navigation start to first contentful paint, and to the frame the last
//   body paragraph is laid out in; and the JSON path, with and without the
//   README's preload hints, against marked + DOMPurify reading the same
//   JSON;
// - (g) the support island: from the prompt's place entering the margin
//   to the prompt in the page, with the island loaded then (cold) or by
//   the idle callback before (warm);
// - layout shift of a short article, the seed and a 1 MB article,
//   pre-rendered, with the prompt brought in;
// - `folio render`'s rate on one core, seed-sized and 1 MB articles.

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Copies of each article `folio render` renders in one timed run. */
const RATE_COPIES = { seed: 200, long: 10 };
const RATE_RUNS = 5;

/** (f)'s pages, by variant (served cross-origin isolated). */
export const PAINT_PAGES = {
  prerendered: "bench/gen/f-prerendered.html",
  inline: "bench/gen/f-inline.html",
  static: "bench/gen/f-static.html",
  control: "bench/gen/f-control.html",
  json: "bench/gen/f-json.html",
  "json-hints": "bench/gen/f-json-hints.html",
  js: "bench/gen/f-js.html",
  "js-hints": "bench/gen/f-js-hints.html",
};

/**
 * The page side of the measurements, inline: as scripts of their own they
 * would be two more requests that block every variant's first paint.
 */
const measuring = ["bench.js", "prerendered.js"]
  .map((file) => `<script>\n${fs.readFileSync(new URL(file, import.meta.url), "utf8")}</script>`)
  .join("\n    ");

const page = (title, head, body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${measuring}
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;

/** Runs the release `folio` binary with `args`; returns its output. */
function folio(root, args, options = {}) {
  return execFileSync(path.join(root, "target/release/folio"), args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    cwd: root,
    ...options,
  });
}

/** Writes the generated pages of (f), (g) and the layout-shift runs. */
export function preparePrerendered(root, gen, longJson, log) {
  const seed = path.join(root, "www/sample/article.json");
  const render = (file, extra = []) =>
    folio(root, ["render", "--embed", "--assets", "../../", "--base", "../../sample/article.json", ...extra, file]);
  const fragment = render(seed, ["--style", "link"]);
  const inline = render(seed);
  const script = `<script type="module" src="../../folio.js"></script>`;
  // The README's preload hints for an English page of Article JSON, with
  // the hashes `folio.js` fetches the core with.
  const integrity = JSON.parse(fs.readFileSync(path.join(root, "dist/integrity.json"), "utf8"));
  const hints = [
    `<link rel="modulepreload" href="../../core/folio.js" integrity="${integrity["core/folio.js"]}" />`,
    `<link rel="preload" href="../../core/folio_bg.wasm" as="fetch" type="application/wasm" crossorigin integrity="${integrity["core/folio_bg.wasm"]}" />`,
  ].join("\n    ");
  const peer = `<script defer src="../../node_modules/dompurify/dist/purify.min.js"></script>\n    <script type="module" src="../js-article.js"></script>`;
  const floor = inline
    .replace(/<\/template><script type="application\/json">[\s\S]*<\/script><\/folio-article>$/, "</template></folio-article>")
    .replaceAll("folio-article", "static-article");
  fs.writeFileSync(path.join(gen, "control.js"), "// (f)'s control: a module that does nothing.\n");
  const pages = {
    "f-prerendered.html": page("Bench (f): the seed, pre-rendered", script, fragment),
    "f-inline.html": page("Bench (f): the seed, pre-rendered with its stylesheet inline", script, inline),
    // The floor: the same markup and stylesheet, inline, and no script.
    "f-static.html": page("Bench (f): the seed as static HTML", "", floor),
    // The control: the floor and one module script more, which runs nothing.
    "f-control.html": page(
      "Bench (f): the seed as static HTML and a module that runs nothing",
      `<script type="module" src="control.js"></script>`,
      floor,
    ),
    "f-json.html": page("Bench (f): the seed from its JSON", script, `<folio-article src="../../sample/article.json"></folio-article>`),
    "f-json-hints.html": page(
      "Bench (f): the seed from its JSON, with the README's preload hints",
      `${hints}\n    ${script}`,
      `<folio-article src="../../sample/article.json"></folio-article>`,
    ),
    // The peer: marked + DOMPurify in a custom element, reading the same
    // JSON; and with a hint of its own for the module its module imports
    // (as Folio's hints name its code, not the article).
    "f-js.html": page("Bench (f): the seed from its JSON, with marked + DOMPurify", peer, `<js-article src="../../sample/article.json"></js-article>`),
    "f-js-hints.html": page(
      "Bench (f): the seed from its JSON, with marked + DOMPurify and a preload hint",
      `<link rel="modulepreload" href="/node_modules/marked/lib/marked.esm.js" />\n    ${peer}`,
      `<js-article src="../../sample/article.json"></js-article>`,
    ),
    // (g): the article lower on a page, so that its prompt is far below
    // the window when the page loads.
    "g-island.html": page("Bench (g): the island", script, `<div style="height: 3000px"></div>${fragment}`),
    "cls-short.html": page("Layout shift: a short article, pre-rendered", script, render(path.join(root, "www/sample/brief.json"))),
    "cls-seed.html": page("Layout shift: the seed, pre-rendered", script, fragment),
    "cls-long.html": page("Layout shift: a 1 MB article, pre-rendered", script, render(longJson)),
  };
  for (const [name, html] of Object.entries(pages)) fs.writeFileSync(path.join(gen, name), html);
  log(`pre-rendered pages: seed ${(pages["f-prerendered.html"].length / 1e3).toFixed(1)} KB, 1 MB article ${(pages["cls-long.html"].length / 1e6).toFixed(2)} MB of HTML`);
}

/**
 * How many times the runs of the other scenarios (f) takes: its target is
 * a few per cent from the floor, and one page load varies by more.
 */
const PAINT_ROUNDS = 6;

/**
 * Whether the server sends `file` cross-origin isolated (COOP and COEP):
 * the pages of (f), so that the browser reports their first paint to the
 * few microseconds rather than coarsened to 4 ms.
 */
export const isolated = (file) => Object.values(PAINT_PAGES).some((page) => file.endsWith(page.slice("bench".length)));

/** `rounds` rounded up so that every variant of (f) starts as many rounds. */
const balanced = (rounds) => Math.ceil(rounds / Object.keys(PAINT_PAGES).length) * Object.keys(PAINT_PAGES).length;

/**
 * How long (f) lets a new tab settle before it navigates, so that the
 * tab's start and the previous page's teardown are not in the
 * measurement.
 */
const SETTLE_MS = 200;

/** One load of (f)'s variant `v`, checked. */
async function paintOnce(reportOf, chromium, origin, v, setup = []) {
  const report = await reportOf(chromium, `${origin}/${PAINT_PAGES[v]}`, setup, SETTLE_MS);
  if (!report.isolated) throw new Error(`${v}: not cross-origin isolated, so its paint times are coarse`);
  if ((v === "prerendered" || v === "inline") && report.before.some((file) => file.endsWith(".wasm") || file.includes("/core/"))) {
    throw new Error(`the pre-rendered page fetched ${report.before.join(", ")} before its first paint`);
  }
  const scripts = report.before.filter((file) => file.endsWith(".js"));
  if (v === "static" && scripts.length > 0) throw new Error(`the floor fetched ${scripts.join(", ")}`);
  if (v === "control" && !scripts.some((file) => file.endsWith("/control.js"))) {
    throw new Error(`the control did not request its module before its first paint (${report.before.join(", ")})`);
  }
  return report;
}

/**
 * (f): the variants of the seed, interleaved; with `PHONE`'s network and
 * CPU when `phone` (where a request that blocks the first paint, as a
 * linked stylesheet does, costs a round trip).
 */
export function paint(interleave, reportOf, chromium, origin, runs, phone = false) {
  return interleave(
    `(f) seed article${phone ? ", a phone's network and CPU" : ""}: navigation start to first contentful paint / last paragraph laid out (ms)`,
    Object.keys(PAINT_PAGES),
    balanced(phone ? Math.min(runs, PHONE_ROUNDS) : runs * PAINT_ROUNDS),
    (v) => paintOnce(reportOf, chromium, origin, v, phone ? PHONE : []),
    (r) => `${r.fcp.toFixed(1)}/${r.last.toFixed(1)}`,
  );
}

/**
 * A phone's network and CPU, as Lighthouse's mobile preset throttles them
 * in the browser ("devtools" throttling): 562.5 ms more on every request,
 * 1.47 Mbit/s down, 675 kbit/s up, the CPU four times slower (the window
 * stays as it is).
 */
const PHONE = [
  ["Network.enable", {}],
  ["Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 }],
  ["Emulation.setCPUThrottlingRate", { rate: 4 }],
];

/**
 * Rounds of (f) on the phone, at most (each load takes seconds; it varies
 * less); a multiple of the variants, as every count of (f) is made.
 */
const PHONE_ROUNDS = 15;

/** (g): the island, cold and warm, interleaved. */
export function island(interleave, reportOf, chromium, origin, runs) {
  return interleave(
    "(g) the island: the prompt's place in the margin to the prompt in the page (ms)",
    ["cold", "warm"],
    runs,
    (v) => reportOf(chromium, `${origin}/bench/gen/g-island.html?measure=island-${v}`),
    (r) => r.t.toFixed(0),
  );
}

/** Layout shift of each pre-rendered article, three runs each. */
export async function layoutShift(reportOf, chromium, origin, log) {
  const results = {};
  for (const name of ["short", "seed", "long"]) {
    results[name] = [];
    for (let i = 0; i < 3; i++) results[name].push(await reportOf(chromium, `${origin}/bench/gen/cls-${name}.html?measure=cls`));
    log(`layout shift, ${name}: ${results[name].map((r) => r.cls.toFixed(4)).join(", ")}`);
  }
  return results;
}

/** `folio render --embed --out` on copies of each article, on one core. */
export function renderRate(root, gen, longJson, log) {
  const pinned = spawnSync("taskset", ["--version"]).status === 0;
  const results = {};
  for (const [name, file] of [["seed", path.join(root, "www/sample/article.json")], ["long", longJson]]) {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), `folio-rate-${name}-`));
    const output = `${input}-out`;
    for (let i = 0; i < RATE_COPIES[name]; i++) fs.copyFileSync(file, path.join(input, `${i}.json`));
    const bytes = fs.statSync(file).size;
    const rates = [];
    for (let run = 0; run < RATE_RUNS; run++) {
      const started = process.hrtime.bigint();
      const args = ["render", "--embed", "--out", output, input];
      if (pinned) execFileSync("taskset", ["-c", "0", path.join(root, "target/release/folio"), ...args], { stdio: "ignore" });
      else folio(root, args, { stdio: "ignore" });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      rates.push(RATE_COPIES[name] / seconds);
    }
    fs.rmSync(input, { recursive: true, force: true });
    fs.rmSync(output, { recursive: true, force: true });
    results[name] = { rates, bytes, copies: RATE_COPIES[name], pinned };
    log(`folio render, ${name} (${(bytes / 1e3).toFixed(1)} KB): ${rates.map((r) => r.toFixed(1)).join(", ")} articles/s`);
  }
  return results;
}

/**
 * The 95% bootstrap interval of `median(a) / median(b)`, where `a[i]`
 * and `b[i]` were measured in round `i`: the rounds resampled 2,000
 * times (a fixed seed, so a report reads the same from the same runs).
 */
function interval(a, b, median) {
  let state = 2463534242;
  const random = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const ratios = [];
  for (let i = 0; i < 2000; i++) {
    const picks = a.map(() => Math.floor(random() * a.length));
    ratios.push(median(picks.map((k) => a[k])) / median(picks.map((k) => b[k])));
  }
  ratios.sort((x, y) => x - y);
  return `${ratios[50].toFixed(2)}–${ratios[1949].toFixed(2)}`;
}

/** The report's section on pre-rendering. */
export function section({ paintRuns, phoneRuns, islandRuns, shifts, rate, median, spread, ratio, islandSize }) {
  /** (f)'s table of `runs`, its rows named after `where`, and what the control cost. */
  const paintTable = (runs, where, phone) => {
    const of = (v, key) => runs[v].map((r) => r[key]);
    const against = (v, to, key) => `${ratio(of(v, key), of(to, key))} (${interval(of(v, key), of(to, key), median)})`;
    const row = (v, style, key, to) =>
      `| (f) ${where}, ${style}: navigation start → ${to} (ms) | ${spread(of(v, key))} | ${spread(of("static", key))} | ${spread(of("control", key))} | ${spread(of("json", key))} | ` +
      `${against(v, "static", key)} | ${against(v, "control", key)} | ${ratio(of(v, key), of("json", key))} |`;
    return [
      "| measurement | pre-rendered | static HTML (floor) | control (floor + a module that runs nothing) | JSON path today | pre-rendered / floor (95% interval) | pre-rendered / control (95% interval) | pre-rendered / JSON path |",
      "|---|---|---|---|---|---|---|---|",
      ...[["inline", "the sheet inline (default)"], ["prerendered", "`folio.css` linked (`--style link`)"]].flatMap(([v, style]) => [
        row(v, style, "fcp", "first contentful paint"),
        row(v, style, "last", "last paragraph laid out"),
      ]),
      "",
      `The control against the floor: ${against("control", "static", "fcp")} to the first contentful paint, ` +
        `${against("control", "static", "last")} to the last paragraph: what one deferred module script more, which runs nothing, ` +
        `costs the first paint ${phone ? "with a phone's network and CPU" : "on loopback here"} (\`folio.js\` is one such script).`,
    ];
  };
  /** The JSON path in `runs`, bare and with the README's hints, against marked + DOMPurify. */
  const jsonTable = (runs, where) => {
    const of = (v, key) => runs[v].map((r) => r[key]);
    const against = (v, to, key) => `${ratio(of(v, key), of(to, key))} (${interval(of(v, key), of(to, key), median)})`;
    return [
      "| measurement | JSON path | with the preload hints | marked + DOMPurify | with its hint | JSON path / peer (95% interval) | both with hints (95% interval) | Folio with hints / peer without |",
      "|---|---|---|---|---|---|---|---|",
      ...[
        ["fcp", "first contentful paint (Folio's: its skeleton)"],
        ["last", "last paragraph laid out"],
      ].map(
        ([key, to]) =>
          `| (f) ${where}, the seed from its JSON: navigation start → ${to} (ms) | ${spread(of("json", key))} | ${spread(of("json-hints", key))} | ` +
          `${spread(of("js", key))} | ${spread(of("js-hints", key))} | ${against("json", "js", key)} | ${against("json-hints", "js-hints", key)} | ` +
          `${ratio(of("json-hints", key), of("js", key))} |`,
      ),
    ];
  };
  const before = (v) => [...new Set(paintRuns[v].flatMap((r) => r.before))].sort().map((f) => `\`${f}\``).join(", ");
  const lines = [
    "",
    "### (f), (g) Pre-rendered articles (`folio render`)",
    "",
    ...paintTable(paintRuns, "seed", false),
    "",
    "The JSON path (`<folio-article src>`), bare and with the README's preload hints (the core's module and WebAssembly), " +
      "against marked + DOMPurify in a custom element reading the same JSON (`bench/js-article.js`, a module that imports marked's, " +
      "with DOMPurify's classic script beside it), bare and with a `modulepreload` of marked; every file served brotli as a CDN does, " +
      "in the same rounds:",
    "",
    ...jsonTable(paintRuns, "loopback"),
    "",
    `${paintRuns.static.length} rounds, the pages cross-origin isolated (first paint timed to a few microseconds, not 4 ms), each new tab ` +
      `left ${SETTLE_MS} ms before it navigates; the interval: 2,000 resamplings of the rounds (the two pages of a ratio from one round together). ` +
      `Requested before the first paint (every run together): with the stylesheet inline ${before("inline")}; linked ${before("prerendered")}; ` +
      `the floor ${before("static")}; the control ${before("control")}.`,
    "",
    `With a phone's network and CPU (Lighthouse's mobile throttling, applied in the browser: 562.5 ms added to each request, 1.47 Mbit/s, the CPU 4× slower), ${phoneRuns.static.length} rounds:`,
    "",
    ...paintTable(phoneRuns, "phone", true),
    "",
    ...jsonTable(phoneRuns, "phone"),
  ];
  lines.push(
    "",
    "| measurement | cold (loaded at the margin) | warm (loaded when idle) |",
    "|---|---|---|",
    `| (g) the prompt's place 1,100 px below the window → the prompt in the page (ms) | ${spread(islandRuns.cold.map((r) => r.t))} | ${spread(islandRuns.warm.map((r) => r.t))} |`,
    `| (g) layout shift meanwhile | ${Math.max(...islandRuns.cold.map((r) => r.cls)).toFixed(4)} | ${Math.max(...islandRuns.warm.map((r) => r.cls)).toFixed(4)} |`,
    "",
    `The island (\`core/folio-island.js\` and its wasm) is ${islandSize} brotli.`,
    "",
    "| pre-rendered article | layout shift (the worst of 3 runs: load, then the prompt brought in) |",
    "|---|---|",
    `| short (\`brief.json\`, no prompt) | ${Math.max(...shifts.short.map((r) => r.cls)).toFixed(4)} |`,
    `| the seed | ${Math.max(...shifts.seed.map((r) => r.cls)).toFixed(4)} |`,
    `| 1 MB (the long article of (b)) | ${Math.max(...shifts.long.map((r) => r.cls)).toFixed(4)} |`,
    "",
    `\`folio render --embed --out DIR\` over ${rate.seed.copies} copies of the seed and ${rate.long.copies} of the 1 MB article,`,
    `${rate.seed.pinned ? "pinned to one core with `taskset -c 0`" : "on one thread"}, ${rate.seed.rates.length} runs each (the whole process, reading and writing the files):`,
    "",
    "| article | articles per second (median, range) |",
    "|---|---|",
    `| seed (${(rate.seed.bytes / 1e3).toFixed(1)} KB) | ${median(rate.seed.rates).toFixed(0)} (${Math.min(...rate.seed.rates).toFixed(0)}–${Math.max(...rate.seed.rates).toFixed(0)}) |`,
    `| 1 MB (${(rate.long.bytes / 1e6).toFixed(2)} MB) | ${median(rate.long.rates).toFixed(1)} (${Math.min(...rate.long.rates).toFixed(1)}–${Math.max(...rate.long.rates).toFixed(1)}) |`,
  );
  return lines;
}
