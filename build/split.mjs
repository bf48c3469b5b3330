// Splitting the core's WebAssembly: the code behind a split point (the
// support prompt, `#[wasm_split]` in src/components/article.rs with the
// `split` feature) goes into a chunk of its own that the core loads the
// first time it is called.
//
// Trunk runs wasm-bindgen on the module cargo linked, which cannot split
// it: a split needs the module as the linker wrote it (with its
// relocations, `--emit-relocs` in .cargo/config.toml), split before
// wasm-bindgen, and wasm-bindgen told to keep the linker's exports the
// chunks use. So, as Trunk's post-build hook (build/release.mjs, in every
// profile), this takes cargo's module of the core again, splits it with
// wasm-split-cli, runs wasm-bindgen on the main part as Trunk did, and
// puts the results in Trunk's place in the staging folder: the core's
// JavaScript and WebAssembly, the chunks' loader (`core/__wasm_split.js`,
// which the core imports) and each chunk (`core/split_*.wasm`). A core
// built without the feature is left as Trunk wrote it.

import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The module a split point imports its chunk's loader from until the module is split. */
const PLACEHOLDER = "__wasm_split_placeholder__";

/** The chunks' loader, as wasm-split-cli names it. */
export const LOADER = "core/__wasm_split.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs `program` with `args`, its output shown. */
function run(program, args) {
  execFileSync(program, args, { stdio: "inherit" });
}

/**
 * Splits the core in `staging` (Trunk's staging folder) built in
 * `profile` ("release" or "debug"), optimizing each part with `optimize(in,
 * out)` when given. Returns the chunks' file names under core/ (none when
 * the core has no split point).
 */
export async function splitCore(staging, profile, optimize) {
  const glue = await readFile(join(staging, "core/folio.js"), "utf8");
  if (!glue.includes(PLACEHOLDER)) return [];
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
  const linked = join(target, "wasm32-unknown-unknown", profile, "folio.wasm");
  const work = await mkdtemp(join(tmpdir(), "folio-split-"));
  try {
    const split = join(work, "split");
    const bound = join(work, "bound");
    run("wasm-split-cli", [linked, split, "--out-name", "folio"]);
    run("wasm-bindgen", [
      "--target",
      "web",
      "--no-typescript",
      "--keep-lld-exports",
      "--out-dir",
      bound,
      "--out-name",
      "folio",
      join(split, "folio.wasm"),
    ]);
    const place = (file) => join(staging, "core", file);
    const chunks = (await readdir(split)).filter((f) => f.endsWith(".wasm") && f !== "folio.wasm");
    const parts = [[join(bound, "folio_bg.wasm"), place("folio_bg.wasm")], ...chunks.map((c) => [join(split, c), place(c)])];
    for (const [from, to] of parts) await (optimize ? optimize(from, to) : copyFile(from, to));
    await copyFile(join(bound, "folio.js"), place("folio.js"));
    await copyFile(join(split, "__wasm_split.js"), join(staging, LOADER));
    return chunks;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
