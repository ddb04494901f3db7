// Benchmark 1 — overhead: the same GET against a loopback node:http server (in another process) via raw fetch,
// bare openapi-fetch, and altegio-b2b (raw and convenience), with the client's rate limiter off. The variants are
// interleaved call by call (the order rotating every call), so load from other processes, JIT and GC drift land
// on all of them alike; the whole measurement is repeated and the spread of the ratios over the runs is reported.
// It measures the built package, as users run it: the sources through tsx carry its helpers (a name for every
// closure made per call), which cost about 1% of a call that the shipped code does not pay.
import createClient from "openapi-fetch";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { paths } from "../../generated/b2b-v1.js";
import type * as Package from "../../src/index.js";
import { fixed, median, percentile, printTable, REPO_ROOT, saveResult, startChild } from "./lib.js";

const WARMUP_CALLS = 1_000;
const RUNS = 5;
const CALLS_PER_RUN = 2_000; // per variant: 10,000 measured calls each
const LOCATION_ID = 101;
const HEADERS = {
  Accept: "application/vnd.api.v2+json",
  Authorization: "Bearer partner-token, User user-token",
};
const BASELINE = "openapi-fetch (bare)";

interface Variant {
  name: string;
  call: () => Promise<unknown>;
  latenciesMs: number[];
  cpuMicros: number;
}

interface RunStats {
  medianUs: number;
  p99Us: number;
  cpuUsPerCall: number;
}

export async function overhead(): Promise<void> {
  const { createAltegioClient } = await builtPackage();
  const server = startChild(join(REPO_ROOT, "scripts/bench/echo-server.ts"));
  try {
    const { port } = await server.firstMessage<{ port: number }>();
    const baseUrl = `http://127.0.0.1:${port}`;
    const bare = createClient<paths>({ baseUrl });
    const client = (options: Partial<Package.AltegioClientOptions> = {}) =>
      createAltegioClient({
        partnerToken: "partner-token",
        userToken: "user-token",
        baseUrl,
        rateLimit: false,
        ...options,
      }).location(LOCATION_ID);
    const loc = client();
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const debugLoc = client({ logLevel: "debug", logger: silent });
    const variants: Variant[] = [
      [
        "raw fetch",
        async () =>
          (await fetch(`${baseUrl}/storages/${LOCATION_ID}`, { headers: HEADERS })).json(),
      ],
      [
        BASELINE,
        async () =>
          (
            await bare.GET("/storages/{location_id}", {
              params: { path: { location_id: LOCATION_ID } },
              headers: HEADERS,
            })
          ).data,
      ],
      ["altegio-b2b raw", async () => (await loc.raw.GET("/storages/{location_id}")).data],
      ["altegio-b2b loc.storages.list()", () => loc.storages.list()],
      ["… with logLevel debug (no-op logger)", () => debugLoc.storages.list()],
    ].map(([name, call]) => ({
      name: name as string,
      call: call as () => Promise<unknown>,
      latenciesMs: [],
      cpuMicros: 0,
    }));

    const runs: RunStats[][] = [];
    for (let run = -1; run < RUNS; run++) {
      const calls = run < 0 ? WARMUP_CALLS : CALLS_PER_RUN;
      for (const v of variants) {
        v.latenciesMs = [];
        v.cpuMicros = 0;
      }
      for (let i = 0; i < calls; i++) {
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(i + k) % variants.length]!;
          const cpuBefore = process.cpuUsage();
          const start = performance.now();
          await v.call();
          v.latenciesMs.push(performance.now() - start);
          const cpu = process.cpuUsage(cpuBefore);
          v.cpuMicros += cpu.user + cpu.system;
        }
      }
      if (run < 0) continue; // warm-up
      runs.push(
        variants.map((v) => ({
          medianUs: median(v.latenciesMs) * 1000,
          p99Us: percentile(v.latenciesMs, 99) * 1000,
          cpuUsPerCall: v.cpuMicros / v.latenciesMs.length,
        })),
      );
    }

    const base = variants.findIndex((v) => v.name === BASELINE);
    const rows = variants.map((v, i) => {
      const of = (pick: (s: RunStats) => number) => runs.map((r) => pick(r[i]!));
      const ratio = (pick: (s: RunStats) => number) =>
        runs.map((r) => pick(r[i]!) / pick(r[base]!));
      return {
        variant: v.name,
        medianUs: median(of((s) => s.medianUs)),
        p99Us: median(of((s) => s.p99Us)),
        cpuUsPerCall: median(of((s) => s.cpuUsPerCall)),
        medianRatio: spread(ratio((s) => s.medianUs)),
        cpuRatio: spread(ratio((s) => s.cpuUsPerCall)),
        p99Ratio: spread(ratio((s) => s.p99Us)),
      };
    });
    const show = (s: Spread) => `${fixed(s.median)} (${fixed(s.min)}–${fixed(s.max)})`;
    printTable(
      `Overhead: GET /storages/{location_id} on loopback; ${RUNS} runs × ${CALLS_PER_RUN} calls per variant, ` +
        `interleaved call by call, after ${WARMUP_CALLS} warm-up calls each. Values: median over runs; ratios ` +
        `to ${BASELINE}, median (min–max) over runs`,
      ["variant", "median µs", "p99 µs", "CPU µs/call", "median ×", "CPU ×", "p99 ×"],
      rows.map((r) => [
        r.variant,
        fixed(r.medianUs, 0),
        fixed(r.p99Us, 0),
        fixed(r.cpuUsPerCall, 0),
        show(r.medianRatio),
        show(r.cpuRatio),
        show(r.p99Ratio),
      ]),
    );
    saveResult("overhead", {
      warmupCalls: WARMUP_CALLS,
      runs: RUNS,
      callsPerRun: CALLS_PER_RUN,
      baseline: BASELINE,
      note:
        "server in a separate process; variants interleaved call by call; CPU is the client process only " +
        "(user + system); ratios are median (min–max) over runs",
      variants: rows,
      perRun: runs.map((r) => Object.fromEntries(r.map((s, i) => [variants[i]!.name, s]))),
    });
  } finally {
    await server.stop();
  }
}

// Builds the package (quietly, errors shown) and loads dist/index.js, the file `import "altegio-b2b"` resolves to.
async function builtPackage(): Promise<typeof Package> {
  console.error("overhead: building the package (npm run build) to measure what ships…");
  execFileSync("npm", ["run", "build", "--silent"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return (await import(pathToFileURL(join(REPO_ROOT, "dist/index.js")).href)) as typeof Package;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}
