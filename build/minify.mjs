// Minifies the JavaScript a host page downloads, with terser, in place.
//
// - As Trunk's post-build hook (no arguments): in a release build, folio.js
//   and the wasm-bindgen module it loads, in Trunk's staging folder before
//   Trunk moves it into dist/. Debug builds (`trunk serve`) keep the files
//   as written.
// - `node build/minify.mjs FILE…`: those files (`cargo xtask size --floor`
//   minifies the floor's module this way, so both are measured alike).
//
// Only whitespace, comments and local names change: exported names,
// property names and string literals (the relative URLs folio.js loads
// the core by) stay as they are.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

/** The shipped JavaScript, relative to the dist folder. */
const SHIPPED = ["folio.js", "core/folio.js"];

function files() {
  const named = process.argv.slice(2);
  if (named.length > 0) {
    return named;
  }
  if (process.env.TRUNK_PROFILE !== "release") {
    return [];
  }
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error("minify: name the files, or run me as Trunk's hook");
    process.exit(1);
  }
  return SHIPPED.map((file) => join(staging, file));
}

for (const path of files()) {
  const source = await readFile(path, "utf8");
  const { code } = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  await writeFile(path, code);
  console.log(`minify: ${path.split("/").slice(-2).join("/")} ${source.length} -> ${code.length} bytes`);
}
