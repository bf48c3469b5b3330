// Records what the widgets on a demo page report (events, CSP violations,
// errors) in `window.folioLog` and in the page's log panel, if it has one.
const log = (window.folioLog = { events: [], violations: [], errors: [] });
const panel = () => document.querySelector("#folio-log");

function note(line) {
  const list = panel();
  if (!list) return;
  const item = document.createElement("li");
  item.textContent = line;
  list.append(item);
}

for (const type of ["folio:render", "folio:error", "folio:notice", "folio:support-view", "folio:support-click", "folio:support-dismiss", "folio:support-supporter"]) {
  document.addEventListener(type, (event) => {
    log.events.push({ type, target: event.target.id || event.target.localName, detail: event.detail, bubbles: event.bubbles, composed: event.composed, at: performance.now() });
    note(`${type} on #${event.target.id || event.target.localName}: ${JSON.stringify(event.detail)}`);
  });
}
document.addEventListener("securitypolicyviolation", (event) => {
  log.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  note(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
addEventListener("error", (event) => log.errors.push(String(event.message)));
addEventListener("unhandledrejection", (event) => log.errors.push(String(event.reason)));
const consoleError = console.error.bind(console);
console.error = (...args) => {
  log.errors.push(args.map(String).join(" "));
  consoleError(...args);
};
