// Trunk's pre-build hook, run in the project folder: writes into Trunk's
// staging folder what `folio render` makes, with the widget's own
// components, so that `trunk serve` and every build have them:
//
// - folio.css: the stylesheet pre-rendered articles link to (the sheet
//   the widget adopts, printed by `folio stylesheet`);
// - prerendered.html: a host page holding the seed article as
//   `folio render --embed` writes it (the page the JSON demo is at
//   index.html, pre-rendered);
// - prerendered-page.html: the seed as a whole page (`--page`), as a
//   publisher's own site would serve it.

import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run me as Trunk's hook");

const folio = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "-p", "folio-render", "--bin", "folio", "--", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });

await writeFile(join(staging, "folio.css"), folio("stylesheet"));

const seed = "www/sample/article.json";
// The demo's pages are served under a CSP of 'self' alone: the linked sheet.
const base = ["--base", "sample/article.json", "--assets", "./", "--style", "link"];
const fragment = folio("render", "--embed", ...base, seed);
const host = await readFile("www/prerendered.html", "utf8");
const marker = "<!-- folio render --embed -->";
if (!host.includes(marker)) throw new Error(`www/prerendered.html has no ${marker}`);
await writeFile(join(staging, "prerendered.html"), host.replace(marker, fragment));
await writeFile(join(staging, "prerendered-page.html"), folio("render", "--page", ...base, seed));
