// The release build's last step, run by Trunk as its post-build hook in
// Trunk's staging folder (before Trunk moves it into dist/). Debug builds
// (`trunk serve`) keep every file as written.
//
// 1. Minifies the JavaScript a host page downloads (folio.js and the
//    wasm-bindgen module it loads) with terser. Only whitespace, comments
//    and local names change: exported names, property names and string
//    literals (the relative URLs folio.js loads the core by) stay.
// 2. Writes Subresource Integrity: folio.js fetches the WebAssembly with
//    the SHA-384 of the build's own wasm (the browser refuses any other
//    bytes), and integrity.json lists the SHA-384 of the three files, for
//    the host's `integrity` attributes. The demo page's tags get theirs.
//
// `node build/release.mjs --minify FILE…` only minifies those files
// (`cargo xtask size --floor` measures the floor's module that way).

import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

/** The placeholder in folio.js that the wasm's integrity replaces. */
const WASM_INTEGRITY = 'const WASM_INTEGRITY = "";';

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
  await writeFile(at("core/folio.js"), await minified(await readFile(at("core/folio.js"), "utf8")));
  const hashes = {
    "core/folio.js": integrity(await readFile(at("core/folio.js"))),
    "core/folio_bg.wasm": integrity(await readFile(at("core/folio_bg.wasm"))),
  };
  const loader = await readFile(at("folio.js"), "utf8");
  if (!loader.includes(WASM_INTEGRITY)) {
    throw new Error(`folio.js no longer has ${WASM_INTEGRITY}`);
  }
  const sealed = loader.replace(WASM_INTEGRITY, `const WASM_INTEGRITY = "${hashes["core/folio_bg.wasm"]}";`);
  await writeFile(at("folio.js"), await minified(sealed));
  hashes["folio.js"] = integrity(await readFile(at("folio.js")));
  const ordered = Object.fromEntries(["folio.js", "core/folio.js", "core/folio_bg.wasm"].map((f) => [f, hashes[f]]));
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
