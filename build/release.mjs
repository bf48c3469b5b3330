// The release build's last step, run by Trunk as its post-build hook in
// Trunk's staging folder (before Trunk moves it into dist/). Debug builds
// (`trunk serve`) keep every file as written.
//
// 1. Minifies the JavaScript a host page downloads (folio.js and the
//    wasm-bindgen modules it loads) with terser. Only whitespace, comments
//    and local names change: exported names, property names and string
//    literals (the relative URLs folio.js loads the core by) stay.
// 2. Writes Subresource Integrity: folio.js fetches the WebAssembly with
//    the SHA-384 of the build's own wasm (the browser refuses any other
//    bytes, the converter's and the support island's too), and
//    integrity.json lists the SHA-384 of every file a page may load
//    (folio.css among them), for the host's `integrity` attributes. The
//    demo page's tags get theirs.
//
// `node build/release.mjs --minify FILE…` only minifies those files
// (`cargo xtask size --floor` measures the floor's module that way).

import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

/** The placeholders in folio.js that the two wasm files' integrity replaces. */
const WASM_INTEGRITY = 'const WASM_INTEGRITY = "";';
const CONVERTER_INTEGRITY = 'const CONVERTER_INTEGRITY = "";';
const ISLAND_INTEGRITY = 'const ISLAND_INTEGRITY = "";';

/** The files of a release, in the order integrity.json lists them. */
const FILES = [
  "folio.js",
  "folio.css",
  "folio-frame.js",
  "core/folio.js",
  "core/folio_bg.wasm",
  "core/folio-converter.js",
  "core/folio-converter_bg.wasm",
  "core/folio-island.js",
  "core/folio-island_bg.wasm",
];
/** The wasm-bindgen modules folio.js imports, and the frame document's script. */
const MODULES = ["core/folio.js", "core/folio-converter.js", "core/folio-island.js", "folio-frame.js"];

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

async function minifyOnly(files) {
  for (const path of files) {
    await writeFile(path, await minified(await readFile(path, "utf8")));
  }
}

async function release(staging) {
  const at = (file) => join(staging, file);
  const hashes = {};
  for (const module of MODULES) {
    await writeFile(at(module), await minified(await readFile(at(module), "utf8")));
  }
  for (const file of FILES.slice(1)) hashes[file] = integrity(await readFile(at(file)));
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
  const ordered = Object.fromEntries(FILES.map((f) => [f, hashes[f]]));
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
if (args[0] === "--minify") {
  await minifyOnly(args.slice(1));
} else if (process.env.TRUNK_PROFILE === "release") {
  if (!process.env.TRUNK_STAGING_DIR) throw new Error("TRUNK_STAGING_DIR is not set: run me as Trunk's hook");
  await release(process.env.TRUNK_STAGING_DIR);
}
