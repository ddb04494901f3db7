// npm run bench [-- <name>...] — runs the benchmarks (all by default), prints a table for each and stores the
// numbers in bench-results.json at the repo root. Names: overhead, sync, memory, types, fleet.
import { fleet } from "./fleet.js";
import { memory } from "./memory.js";
import { overhead } from "./overhead.js";
import { sync } from "./sync.js";
import { types } from "./types.js";

const BENCHMARKS: Record<string, () => Promise<void>> = { overhead, sync, memory, types, fleet };

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(", ")}. Choose from: ${Object.keys(BENCHMARKS).join(", ")}.`,
  );
  process.exit(2);
}
const started = Date.now();
for (const name of asked.length ? asked : Object.keys(BENCHMARKS)) {
  await BENCHMARKS[name]!();
}
console.log(
  `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s; results in bench-results.json.`,
);
