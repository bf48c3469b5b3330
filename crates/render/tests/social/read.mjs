// Reads the HTML file named by the first argument with open-graph-scraper,
// the parser many link-preview services use, and prints what it found as
// JSON: `{ result }`, or `{ error }` when it found nothing.
import ogs from "open-graph-scraper";
import { readFileSync } from "node:fs";

const html = readFileSync(process.argv[2], "utf8");
try {
  const { result } = await ogs({ html });
  console.log(JSON.stringify({ result }));
} catch (failure) {
  console.log(JSON.stringify({ error: failure?.result ?? String(failure) }));
}
