// Writes the npm package of the release build to target/package/folio-article/
// (`cargo xtask package` runs it after `trunk build --release`, then packs it).
//
// The package holds dist/'s shipped files as they are, the TypeScript types
// (article.d.ts generated from the JSON Schema with json-schema-to-typescript,
// folio.d.ts for the API, the element and the events), the schema, the
// integrity hashes, the licences, the changelog and the package's README.

import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "target", "package", "folio-article");

/** dist/'s files a page or a bundler uses, copied as they are. */
const SHIPPED = [
  "folio.js",
  "folio.css",
  "folio-media.js",
  "core/folio.js",
  "core/folio_bg.wasm",
  "core/folio-converter.js",
  "core/folio-converter_bg.wasm",
  "core/folio-island.js",
  "core/folio-island_bg.wasm",
  "core/__wasm_split.js",
  "core/split_prompt.wasm",
  "schema/article.v1.json",
  "integrity.json",
];
/** The locale files folio.js loads beside itself for a reader's language. */
const LOCALES = (await readdir(join(DIST, "locales"))).filter((f) => f.endsWith(".json")).map((f) => `locales/${f}`);

/** The repository's own files that go in as they are. */
const OWN = ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"];

/** The version of the crate, which is the package's. */
async function crateVersion() {
  const manifest = await readFile(join(ROOT, "Cargo.toml"), "utf8");
  const version = manifest.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
  if (!version) throw new Error("Cargo.toml: no [package] version");
  return version;
}

async function copy(from, to) {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

/** The article's types, from the schema the Rust model generates. */
async function articleTypes() {
  const schema = JSON.parse(await readFile(join(DIST, "schema/article.v1.json"), "utf8"));
  // The root type's name; the schema's own title names the format.
  schema.title = "Article";
  const banner = "// Article JSON v1, generated from schema/article.v1.json by json-schema-to-typescript.\n";
  return compile(schema, "Article", { bannerComment: banner, additionalProperties: true, format: true });
}

function manifest(version) {
  return {
    name: "folio-article",
    version,
    description: "An embeddable news-article widget: <folio-article> and a JavaScript API, rendered by WebAssembly in a shadow root.",
    license: "MIT OR Apache-2.0",
    keywords: ["article", "news", "widget", "custom-element", "web-component", "webassembly", "markdown"],
    type: "module",
    main: "./folio.js",
    module: "./folio.js",
    types: "./folio.d.ts",
    exports: {
      ".": { types: "./folio.d.ts", default: "./folio.js" },
      "./folio.js": { types: "./folio.d.ts", default: "./folio.js" },
      "./core/folio.js": "./core/folio.js",
      "./core/folio_bg.wasm": "./core/folio_bg.wasm",
      "./core/folio-converter.js": "./core/folio-converter.js",
      "./core/folio-converter_bg.wasm": "./core/folio-converter_bg.wasm",
      "./core/folio-island.js": "./core/folio-island.js",
      "./core/folio-island_bg.wasm": "./core/folio-island_bg.wasm",
      "./core/__wasm_split.js": "./core/__wasm_split.js",
      "./core/split_prompt.wasm": "./core/split_prompt.wasm",
      "./folio.css": "./folio.css",
      "./folio-media.js": "./folio-media.js",
      "./schema/article.v1.json": "./schema/article.v1.json",
      "./integrity.json": "./integrity.json",
      "./locales/*": "./locales/*",
      "./package.json": "./package.json",
    },
    files: ["folio.js", "folio.css", "folio-media.js", "folio.d.ts", "article.d.ts", "core/", "schema/", "locales/", "integrity.json", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"],
    // Importing folio.js defines <folio-article>: a bundler must keep it.
    sideEffects: ["./folio.js"],
  };
}

const version = await crateVersion();
await rm(OUT, { recursive: true, force: true });
for (const file of [...SHIPPED, ...LOCALES]) await copy(join(DIST, file), join(OUT, file));
for (const file of OWN) await copy(join(ROOT, file), join(OUT, file));
await copy(join(HERE, "folio.d.ts"), join(OUT, "folio.d.ts"));
await writeFile(join(OUT, "article.d.ts"), await articleTypes());
const readme = await readFile(join(HERE, "README.md"), "utf8");
await writeFile(join(OUT, "README.md"), readme.replaceAll("{{version}}", version));
await writeFile(join(OUT, "package.json"), `${JSON.stringify(manifest(version), null, 2)}\n`);
console.log(`package: ${OUT} (folio-article ${version})`);
