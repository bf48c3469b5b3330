// Tests of build/wasm.mjs on a small module made here from text (binaryen's
// wasm-as) and a JavaScript glue written the way wasm-bindgen writes it:
// what the release's last steps leave must still instantiate and run.
// `cargo xtask test` runs them with `node --test build/`.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { shorten, withoutClasses, withoutCustomSections } from "./wasm.mjs";

const WASM_AS = fileURLToPath(new URL("../node_modules/.bin/wasm-as", import.meta.url));

/** A module of two imports, a class's exports and a name section. */
const TEXT = `(module
  (import "./x_bg.js" "__wbg_foo_0123456789abcdef" (func $foo (result i32)))
  (import "./x_bg.js" "__wbg_bar_fedcba9876543210" (func $bar (result i32)))
  (memory (export "memory") 1)
  (func (export "sum") (result i32) (i32.add (call $foo) (call $bar)))
  (func (export "thing_poke") (result i32) (i32.const 7))
  (func (export "__wbg_thing_free") (param i32)))`;

/** Its glue: an import no longer in the module, and the class `Thing`. */
const GLUE = `export class Thing {
  poke() { return wasm.thing_poke(); }
  free() { wasm.__wbg_thing_free(0); }
}
if (Symbol.dispose) Thing.prototype[Symbol.dispose] = Thing.prototype.free;
const ThingFinalization = new FinalizationRegistry((ptr) => wasm.__wbg_thing_free(ptr));
let wasm;
export function imports() {
  const import0 = {
    __proto__: null,
    __wbg_foo_0123456789abcdef: function() { return 40; },
    __wbg_gone_00000000ffffffff: function() { return 0; },
    __wbg_bar_fedcba9876543210: function() { return 2; },
  };
  return { __proto__: null, "./x_bg.js": import0 };
}
export function use(instance) { wasm = instance.exports; }
`;

function module() {
  const dir = mkdtempSync(join(tmpdir(), "folio-wasm-"));
  writeFileSync(join(dir, "m.wat"), TEXT);
  execFileSync(WASM_AS, ["-g", join(dir, "m.wat"), "-o", join(dir, "m.wasm")]);
  return readFileSync(join(dir, "m.wasm"));
}

/** The glue `js` loaded as a module, and `wasm` instantiated with its imports. */
async function run(wasm, js) {
  const glue = await import(`data:text/javascript,${encodeURIComponent(js)}`);
  const { instance } = await WebAssembly.instantiate(wasm, glue.imports());
  glue.use(instance);
  return { glue, exports: instance.exports };
}

const exportNames = (wasm) => WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);

test("short import names in both files still instantiate and run", async () => {
  const short = shorten(module(), GLUE);
  assert.equal(short.renamed, 2);
  assert.ok(short.saved > 40, `${short.saved} bytes saved`);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(short.wasm));
  assert.deepEqual(
    imports.map((i) => [i.module, i.name]),
    [
      ["w", "a"],
      ["w", "b"],
    ],
  );
  assert.doesNotMatch(short.js, /__wbg_foo|__wbg_bar|__wbg_gone|x_bg/);
  const { exports } = await run(short.wasm, short.js);
  assert.equal(exports.sum(), 42);
});

test("shortening fails when the glue does not define an import", () => {
  const js = GLUE.replace("__wbg_bar_fedcba9876543210: function() { return 2; },", "");
  assert.throws(() => shorten(module(), js), /does not define the import __wbg_bar_fedcba9876543210/);
});

test("shortening fails when the glue names an import outside its imports object", () => {
  const js = `${GLUE}export const again = () => __wbg_foo_0123456789abcdef;\n`;
  assert.throws(() => shorten(module(), js), /names the import __wbg_foo_0123456789abcdef 2 times/);
});

test("an unused class leaves both files, and the rest still runs", async () => {
  const bare = withoutClasses(module(), GLUE, ["Thing"]);
  assert.deepEqual(bare.dropped.sort(), ["__wbg_thing_free", "thing_poke"]);
  assert.deepEqual(exportNames(bare.wasm).sort(), ["memory", "sum"]);
  assert.doesNotMatch(bare.js, /Thing|thing_/);
  const { glue, exports } = await run(bare.wasm, bare.js);
  assert.equal(exports.sum(), 42);
  assert.equal(glue.Thing, undefined);
});

test("a class still in use is not dropped: the build fails", () => {
  const js = `${GLUE}export function make() { return new Thing(); }\n`;
  assert.throws(() => withoutClasses(module(), js, ["Thing"]), /uses a class it should not need/);
});

test("custom sections go and the module stays valid", () => {
  const wasm = module();
  const custom = (bytes) => WebAssembly.Module.customSections(new WebAssembly.Module(bytes), "name").length;
  assert.equal(custom(wasm), 1);
  const bare = withoutCustomSections(wasm);
  assert.ok(WebAssembly.validate(bare));
  assert.equal(custom(bare), 0);
  assert.ok(bare.length < wasm.length);
});
