// Runs the malformed-input corpus in the page: each case's input (built by
// a JavaScript expression, with `sample`, `edit`, `drop` and `json` in scope)
// goes through `Folio.mount()` and, when it is text, `<folio-article>` with
// inline JSON. Returns what each widget showed and sent.
// Arguments: the cases ([name, expression]), the sample article.
const [cases, sample] = arguments;

const clone = () => structuredClone(sample);
/** The sample with the field at `path` (dots and [n]) set to `value`. */
function edit(path, value, base = clone()) {
  const keys = path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let at = base;
  keys.slice(0, -1).forEach((key) => (at = at[key]));
  at[keys.at(-1)] = value;
  return base;
}
/** The sample without the field at `path`. */
function drop(path) {
  const base = clone();
  const keys = path.split(".");
  let at = base;
  keys.slice(0, -1).forEach((key) => (at = at[key]));
  delete at[keys.at(-1)];
  return base;
}
const json = (value) => JSON.stringify(value);

function outcome(host, events) {
  const root = host.shadowRoot;
  return {
    events: events.map((e) => ({ type: e.type, path: e.detail?.path ?? null, message: e.detail?.message ?? null })),
    headline: root?.querySelector("h1")?.textContent ?? null,
    alert: root?.querySelector("[role=alert]")?.textContent ?? null,
    prompt: !!root?.querySelector("aside.folio-support"),
    blocks: root?.querySelectorAll(".folio-body > .folio-chunk > *").length ?? 0,
    continues: root?.querySelector(".folio-read-more__link")?.textContent ?? null,
  };
}

async function run(input, path) {
  let host;
  if (path === "mount") {
    host = document.createElement("div");
  } else {
    host = document.createElement("folio-article");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = input;
    host.append(script);
  }
  const events = [];
  const record = (event) => event.target === host && events.push(event);
  document.addEventListener("folio:render", record);
  document.addEventListener("folio:error", record);
  document.body.append(host);
  const handle = path === "mount" ? Folio.mount(host, input) : null;
  const started = performance.now();
  const settled = () =>
    events.some((e) => e.type === "folio:render" || !e.detail?.path?.startsWith("support")) ||
    !!host.shadowRoot?.querySelector("[role=alert]");
  while (!settled()) {
    if (performance.now() - started > 20000) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  const seen = outcome(host, events);
  document.removeEventListener("folio:render", record);
  document.removeEventListener("folio:error", record);
  handle?.unmount();
  host.remove();
  return seen;
}

return (async () => {
  const results = {};
  for (const [name, expression] of cases) {
    let input;
    try {
      input = new Function("sample", "edit", "drop", "json", `return (${expression});`)(sample, edit, drop, json);
    } catch (error) {
      results[name] = { build: String(error) };
      continue;
    }
    const started = performance.now();
    results[name] = { text: typeof input === "string", mount: await run(input, "mount") };
    if (typeof input === "string") results[name].inline = await run(input, "inline");
    results[name].ms = Math.round(performance.now() - started);
  }
  return results;
})();
