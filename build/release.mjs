// The release build's last step, run by Trunk as its post-build hook in
// Trunk's staging folder (before Trunk moves it into dist/). In every
// profile it first splits the core's WebAssembly (build/split.mjs); debug
// builds (`trunk serve`) keep every file as written otherwise.
//
// 1. Drops from each wasm-bindgen module the classes a dependency exports
//    that Folio never uses, and optimizes it again without them; gives its
//    imports short names, in its WebAssembly and its JavaScript alike;
//    drops its WebAssembly's custom sections (build/wasm.mjs); then
//    minifies the JavaScript a host page downloads (folio.js and the
//    modules it loads) with terser. Only whitespace, comments and local
//    names change: exported names, other property names and string
//    literals (the relative URLs folio.js loads the core by) stay.
// 2. Writes Subresource Integrity: folio.js fetches the WebAssembly with
//    the SHA-384 of the build's own wasm (the browser refuses any other
//    bytes, the converter's and the support island's too), and
//    integrity.json lists the SHA-384 of every file a page may load
//    (folio.css among them), for the host's `integrity` attributes. The
//    demo page's tags get theirs.
//
// `node build/release.mjs --optimize IN OUT` runs Trunk's wasm-opt pass on
// one module, and `--module JS WASM` does step 1 to it (`cargo xtask size
// --floor` builds the floor's module that way).

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

import { LOADER, splitCore } from "./split.mjs";
import { shorten, withoutClasses, withoutCustomSections } from "./wasm.mjs";

/**
 * The classes wasm-streams exports, which Leptos links for its server
 * functions (`server_fn`'s `browser` feature, always on): Folio has none,
 * so nothing creates them.
 */
const UNUSED_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/**
 * wasm-opt, and the flags of Trunk's pass (`data-wasm-opt` and its params in
 * `index.html`) with the features Rust's wasm target enables, which wasm-opt
 * must be told of.
 */
const WASM_OPT = fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url));
const WASM_OPT_FLAGS = [
  "-Oz",
  "--converge",
  "--low-memory-unused",
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

/** The placeholders in folio.js that the two wasm files' integrity replaces. */
const WASM_INTEGRITY = 'const WASM_INTEGRITY = "";';
const CONVERTER_INTEGRITY = 'const CONVERTER_INTEGRITY = "";';
const ISLAND_INTEGRITY = 'const ISLAND_INTEGRITY = "";';

/** The files of a release, in the order integrity.json lists them. */
const FILES = [
  "folio.js",
  "folio.css",
  "folio-frame.js",
  "folio-media.js",
  "core/folio.js",
  "core/folio_bg.wasm",
  "core/folio-converter.js",
  "core/folio-converter_bg.wasm",
  "core/folio-island.js",
  "core/folio-island_bg.wasm",
];
/** The wasm-bindgen modules folio.js imports: each one's JavaScript and WebAssembly. */
const MODULES = [
  ["core/folio.js", "core/folio_bg.wasm"],
  ["core/folio-converter.js", "core/folio-converter_bg.wasm"],
  ["core/folio-island.js", "core/folio-island_bg.wasm"],
];
/** The frame document's script and the galleries' and embeds' module, minified too. */
const SCRIPTS = ["folio-frame.js", "folio-media.js"];

async function minified(source) {
  const { code } = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  return code;
}

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/**
 * A wasm-bindgen module without the unused classes (optimized again when
 * it had any), its imports shortened, its notes dropped and its
 * JavaScript minified.
 */
async function prepareModule(js, wasm, name = wasm) {
  const bare = withoutClasses(await readFile(wasm), await readFile(js, "utf8"), UNUSED_CLASSES);
  await writeFile(wasm, bare.wasm);
  if (bare.dropped.length > 0) execFileSync(WASM_OPT, [...WASM_OPT_FLAGS, wasm, "-o", wasm], { stdio: "inherit" });
  const short = shorten(await readFile(wasm), bare.js);
  await writeFile(wasm, withoutCustomSections(short.wasm));
  await writeFile(js, await minified(short.js));
  console.log(
    `release: ${name}: ${bare.dropped.length} unused exports dropped, ${short.renamed} imports renamed (${short.saved} bytes of names fewer)`,
  );
}

/** Trunk's wasm-opt pass on the module at `input`, written to `output`. */
function optimize(input, output) {
  execFileSync(WASM_OPT, [...WASM_OPT_FLAGS, input, "-o", output], { stdio: "inherit" });
}

/**
 * The core's chunks (`chunks`, file names under core/) without their
 * notes, and their loader minified, fetching each under its integrity;
 * returns the files they add to the release.
 */
async function prepareChunks(at, chunks) {
  if (chunks.length === 0) return [];
  let loader = await readFile(at(LOADER), "utf8");
  for (const chunk of chunks) {
    const wasm = withoutCustomSections(await readFile(at(`core/${chunk}`)));
    await writeFile(at(`core/${chunk}`), wasm);
    const fetched = `fetch(new URL("./${chunk}", import.meta.url))`;
    if (!loader.includes(fetched)) throw new Error(`${LOADER} no longer has ${fetched}`);
    loader = loader.replace(fetched, `fetch(new URL("./${chunk}", import.meta.url), { integrity: "${integrity(wasm)}" })`);
  }
  await writeFile(at(LOADER), await minified(loader));
  return [LOADER, ...chunks.map((chunk) => `core/${chunk}`)];
}

async function release(staging) {
  const at = (file) => join(staging, file);
  const hashes = {};
  const chunks = await splitCore(staging, "release", optimize);
  // Trunk does not optimize the core (`data-wasm-opt="0"`): the split does.
  if (chunks.length === 0) throw new Error("the core was not split: is the `split` feature on in index.html?");
  for (const [js, wasm] of MODULES) await prepareModule(at(js), at(wasm), wasm);
  const files = [...FILES, ...(await prepareChunks(at, chunks))];
  for (const script of SCRIPTS) await writeFile(at(script), await minified(await readFile(at(script), "utf8")));
  for (const file of files.slice(1)) hashes[file] = integrity(await readFile(at(file)));
  let loader = await readFile(at("folio.js"), "utf8");
  const placeholders = [
    [WASM_INTEGRITY, "core/folio_bg.wasm"],
    [CONVERTER_INTEGRITY, "core/folio-converter_bg.wasm"],
    [ISLAND_INTEGRITY, "core/folio-island_bg.wasm"],
  ];
  for (const [placeholder, file] of placeholders) {
    if (!loader.includes(placeholder)) throw new Error(`folio.js no longer has ${placeholder}`);
    loader = loader.replace(placeholder, placeholder.replace('""', `"${hashes[file]}"`));
  }
  await writeFile(at("folio.js"), await minified(loader));
  hashes["folio.js"] = integrity(await readFile(at("folio.js")));
  const ordered = Object.fromEntries(files.map((f) => [f, hashes[f]]));
  await writeFile(at("integrity.json"), `${JSON.stringify(ordered, null, 2)}\n`);
  // The demo page: its script tag and preload hints carry the same hashes.
  const page = await readFile(at("index.html"), "utf8");
  const tagged = Object.entries(ordered).reduce(
    (html, [file, hash]) => html.replace(`href="${file}"`, `href="${file}" integrity="${hash}"`).replace(`src="${file}"`, `src="${file}" integrity="${hash}"`),
    page,
  );
  await writeFile(at("index.html"), tagged);
  for (const [file, hash] of Object.entries(ordered)) console.log(`release: ${file} ${hash}`);
}

const args = process.argv.slice(2);
if (args[0] === "--optimize") {
  if (args.length !== 3) throw new Error("usage: node build/release.mjs --optimize IN OUT");
  optimize(args[1], args[2]);
} else if (args[0] === "--module") {
  if (args.length !== 3) throw new Error("usage: node build/release.mjs --module JS WASM");
  await prepareModule(args[1], args[2]);
} else {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run me as Trunk's hook");
  if (process.env.TRUNK_PROFILE === "release") await release(staging);
  else await splitCore(staging, "debug");
}
