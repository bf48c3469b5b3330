// The release's last changes to a wasm-bindgen module's WebAssembly.
//
// Short names for what it imports from its JavaScript: wasm-bindgen names each import after the function it wraps and a hash
// (`__wbg_setAttribute_1b8d5e2bea1b5f4a`), from a module named after the
// file (`./folio_bg.js`), and writes every name twice: in the WebAssembly's
// import section and as a key of the object its JavaScript instantiates
// the module with. The hashes are random to a compressor, so they are paid
// in full on every page. `shorten` renames each import, in both files, to
// a short name (`a`, `b`, … `aa`, …) and the module to `w`; nothing else in
// either file changes, and it fails rather than write a pair that no
// longer matches.
//
// No custom sections: the toolchain's notes (`producers`,
// `target_features`, a splitting tool's marker) that no browser reads.
//
// No classes a dependency exports that Folio never uses (`withoutClasses`):
// wasm-bindgen keeps every exported class, and the code behind it, in both
// files.

import { parse } from "acorn";

/** The module name the imports are renamed to. */
const MODULE = "w";

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined || shift > 35) throw new Error(`a malformed number at byte ${at - 1}`);
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as an unsigned LEB128. */
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** Reads a name (a length and UTF-8 bytes) at `at`; returns [name, next offset]. */
function name(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + length)).toString("utf8"), start + length];
}

/** A name as the binary format writes it. */
const encodeName = (text) => {
  const utf8 = Buffer.from(text, "utf8");
  return [...encodeLeb(utf8.length), ...utf8];
};

/** The offset past an import's description of `kind`, which starts at `at`. */
function pastDescription(bytes, kind, at) {
  const limits = (from) => {
    const flags = bytes[from];
    if (flags > 1) throw new Error(`limits of a kind this step does not read (flags ${flags})`);
    let next = leb(bytes, from + 1)[1];
    if (flags & 1) next = leb(bytes, next)[1];
    return next;
  };
  switch (kind) {
    case 0: // a function: its type's index
      return leb(bytes, at)[1];
    case 1: // a table: its element type (funcref or externref), then its limits
      if (bytes[at] !== 0x70 && bytes[at] !== 0x6f) throw new Error(`a table of type ${bytes[at]}`);
      return limits(at + 1);
    case 2: // a memory: its limits
      return limits(at);
    case 3: // a global: its value type (one byte: a number or a plain reference) and mutability
      if (bytes[at] < 0x6f) throw new Error(`a global of type ${bytes[at]}`);
      return at + 2;
    case 4: // a tag: its attribute and type index
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`an import of unknown kind ${kind}`);
  }
}

/** The module's sections: [{ id, header, start, end }] (where each begins, and its content's bounds). */
function sections(bytes) {
  const list = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    list.push({ id, header: at, start, end: start + size });
    at = start + size;
  }
  return list;
}

/**
 * The `n`-th short name: a, b, … z, aa, ab, …. A key of the imports object
 * only, so it cannot clash with the JavaScript's own names.
 */
function shortName(n) {
  let text = "";
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return text;
}

/**
 * `wasm` (bytes) and `js` (its wasm-bindgen module) without the exported
 * classes `names`: their exports gone from the WebAssembly (so that
 * wasm-opt can then drop their code) and, from the JavaScript, each
 * class, its finalization registry and its `Symbol.dispose` line. Returns
 * { wasm, js, dropped } (dropped: the exports removed); fails if the
 * JavaScript still names one of them after.
 */
export function withoutClasses(wasm, js, names) {
  const bytes = new Uint8Array(wasm);
  const lower = names.map((n) => n.toLowerCase());
  const belongs = (exported) => lower.some((c) => exported.startsWith(`${c}_`) || exported === `__wbg_${c}_free`);
  const table = sections(bytes).find((s) => s.id === 7);
  if (!table) return { wasm, js, dropped: [] };
  const [count, first] = leb(bytes, table.start);
  const kept = [];
  const dropped = [];
  let at = first;
  for (let i = 0; i < count; i++) {
    const [field, afterField] = name(bytes, at);
    const end = leb(bytes, afterField + 1)[1];
    if (belongs(field)) dropped.push(field);
    else kept.push(bytes.subarray(at, end));
    at = end;
  }
  const content = Buffer.concat([Buffer.from(encodeLeb(kept.length)), ...kept]);
  const section = Buffer.concat([Buffer.from([7, ...encodeLeb(content.length)]), content]);
  const out = Buffer.concat([bytes.subarray(0, table.header), section, bytes.subarray(table.end)]);

  // A class's own top-level statements: its declaration, its registry
  // and its `Symbol.dispose` line. Any other that names it uses it.
  const text = (node) => js.slice(node.start, node.end);
  const owner = (node) =>
    names.find(
      (n) =>
        (node.type === "ExportNamedDeclaration" && node.declaration?.type === "ClassDeclaration" && node.declaration.id.name === n) ||
        (node.type === "VariableDeclaration" && node.declarations.length === 1 && node.declarations[0].id.name === `${n}Finalization`) ||
        (node.type === "IfStatement" && text(node.test) === "Symbol.dispose" && text(node.consequent).startsWith(`${n}.prototype`)),
    );
  const program = parse(js, { ecmaVersion: "latest", sourceType: "module" });
  const cut = [];
  for (const node of program.body) {
    if (owner(node)) cut.push(node);
    else if (names.some((n) => new RegExp(`\\b${n}\\b`).test(text(node)))) {
      throw new Error(`the JavaScript uses a class it should not need: ${text(node).slice(0, 80)}…`);
    }
  }
  let keptJs = js;
  for (const node of cut.reverse()) keptJs = keptJs.slice(0, node.start) + keptJs.slice(node.end);
  for (const field of dropped) {
    if (new RegExp(`\\b${field}\\b`).test(keptJs)) throw new Error(`the JavaScript still calls ${field}`);
  }
  for (const n of names) {
    if (new RegExp(`\\b${n}\\b`).test(keptJs)) throw new Error(`the JavaScript still names ${n}`);
  }
  return { wasm: out, js: keptJs, dropped };
}

/**
 * `js` without the functions it offers as imports (wasm-bindgen's
 * `__wbg_…` and `__wbindgen_…` keys) that the WebAssembly, `imported`,
 * no longer imports: wasm-opt drops an import no code calls, and its
 * function would stay in the JavaScript.
 */
function withoutStaleImports(js, imported) {
  const stale = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (
      node.type === "Property" &&
      node.key.type === "Identifier" &&
      /^__wb(g|indgen)_/.test(node.key.name) &&
      node.value.type === "FunctionExpression" &&
      !imported.has(node.key.name)
    ) {
      stale.push(node);
      return;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(parse(js, { ecmaVersion: "latest", sourceType: "module" }));
  let kept = js;
  for (const node of stale.reverse()) {
    // The property and the comma after it.
    const end = /^\s*,/.exec(kept.slice(node.end))?.[0].length ?? 0;
    kept = kept.slice(0, node.start) + kept.slice(node.end + end);
  }
  return kept;
}

/** `wasm` (bytes) without its custom sections. */
export function withoutCustomSections(wasm) {
  const bytes = new Uint8Array(wasm);
  const kept = [bytes.subarray(0, 8)];
  for (const { id, header, end } of sections(bytes)) {
    if (id !== 0) kept.push(bytes.subarray(header, end));
  }
  return Buffer.concat(kept);
}

/**
 * `wasm` (bytes) and `js` (the wasm-bindgen module that instantiates it)
 * with every import of wasm-bindgen's own module renamed; imports from
 * the modules the JavaScript imports itself (the split module's loader)
 * keep their names. Returns { wasm, js, renamed, saved } (saved: bytes of
 * names no longer written).
 */
export function shorten(wasm, js) {
  const bytes = new Uint8Array(wasm);
  const imports = sections(bytes).find((s) => s.id === 2);
  if (!imports) return { wasm, js, renamed: 0, saved: 0 };
  const [count, first] = leb(bytes, imports.start);
  const entries = [];
  let at = first;
  for (let i = 0; i < count; i++) {
    const [module, afterModule] = name(bytes, at);
    const [field, afterField] = name(bytes, afterModule);
    const kind = bytes[afterField];
    const end = pastDescription(bytes, kind, afterField + 1);
    entries.push({ module, field, description: bytes.subarray(afterField, end) });
    at = end;
  }
  // The JavaScript imports every module but its own glue's.
  const imported = (m) => js.includes(` from ${JSON.stringify(m)}`);
  const modules = [...new Set(entries.map((e) => e.module))].filter((m) => !imported(m));
  if (modules.length !== 1) throw new Error(`imports from ${modules.length} glue modules (${modules.join(", ")}): expected one`);
  const [module] = modules;
  const own = entries.filter((e) => e.module === module);
  const key = JSON.stringify(module);
  if (js.split(key).length !== 2) throw new Error(`the JavaScript names the import module ${key} other than once`);

  const renames = new Map(own.map((e, i) => [e.field, shortName(i)]));
  js = withoutStaleImports(js, new Set(renames.keys()));
  const token = /[A-Za-z_$][\w$]*/g;
  const used = new Set(js.match(token));
  for (const [field] of renames) {
    if (!used.has(field)) throw new Error(`the JavaScript does not define the import ${field}`);
  }
  // Every occurrence of an import's name is its key in the imports object:
  // each name is written once there and nowhere else.
  const seen = new Map();
  const renamedJs = js
    .replace(token, (word) => {
      const short = renames.get(word);
      if (short === undefined) return word;
      seen.set(word, (seen.get(word) ?? 0) + 1);
      return short;
    })
    .replace(key, JSON.stringify(MODULE));
  for (const [field, times] of seen) {
    if (times !== 1) throw new Error(`the JavaScript names the import ${field} ${times} times`);
  }

  const content = [...encodeLeb(count)];
  for (const entry of entries) {
    const [into, field] = entry.module === module ? [MODULE, renames.get(entry.field)] : [entry.module, entry.field];
    content.push(...encodeName(into), ...encodeName(field), ...entry.description);
  }
  const section = [2, ...encodeLeb(content.length), ...content];
  const out = Buffer.concat([bytes.subarray(0, imports.header), Buffer.from(section), bytes.subarray(imports.end)]);
  return { wasm: out, js: renamedJs, renamed: own.length, saved: wasm.length - out.length };
}
