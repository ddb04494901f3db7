// Benchmark 1 — overhead: the same GET against a loopback node:http server (in another process) via raw fetch,
// bare openapi-fetch, and altegio-b2b (raw and convenience), with the client's rate limiter off.
import createClient from "openapi-fetch";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { paths } from "../../generated/b2b-v1.js";
import { createAltegioClient } from "../../src/index.js";
import { fixed, median, percentile, printTable, REPO_ROOT, saveResult, startChild } from "./lib.js";

const WARMUP_CALLS = 1_000;
const ROUNDS = 5;
const CALLS_PER_ROUND = 1_000; // 5,000 measured calls per variant
const LOCATION_ID = 101;
const HEADERS = {
  Accept: "application/vnd.api.v2+json",
  Authorization: "Bearer partner-token, User user-token",
};

interface Variant {
  name: string;
  call: () => Promise<unknown>;
  latenciesMs: number[];
  cpuMicros: number;
}

export async function overhead(): Promise<void> {
  const server = startChild(join(REPO_ROOT, "scripts/bench/echo-server.ts"));
  try {
    const { port } = await server.firstMessage<{ port: number }>();
    const baseUrl = `http://127.0.0.1:${port}`;
    const bare = createClient<paths>({ baseUrl });
    const altegio = createAltegioClient({
      partnerToken: "partner-token",
      userToken: "user-token",
      baseUrl,
      rateLimit: false,
    });
    const loc = altegio.location(LOCATION_ID);
    const variant = (name: string, call: () => Promise<unknown>): Variant => ({
      name,
      call,
      latenciesMs: [],
      cpuMicros: 0,
    });
    const variants = [
      variant("raw fetch", async () => {
        const response = await fetch(`${baseUrl}/storages/${LOCATION_ID}`, { headers: HEADERS });
        return response.json();
      }),
      variant("openapi-fetch (bare)", async () => {
        const { data } = await bare.GET("/storages/{location_id}", {
          params: { path: { location_id: LOCATION_ID } },
          headers: HEADERS,
        });
        return data;
      }),
      variant("altegio-b2b raw", async () => {
        const { data } = await loc.raw.GET("/storages/{location_id}");
        return data;
      }),
      variant("altegio-b2b loc.storages.list()", () => loc.storages.list()),
    ];

    for (const v of variants) for (let i = 0; i < WARMUP_CALLS; i++) await v.call();
    // Rounds rotate the order, so drift (JIT, GC, the server warming up) spreads over every variant.
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(round + k) % variants.length]!;
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < CALLS_PER_ROUND; i++) {
          const start = performance.now();
          await v.call();
          v.latenciesMs.push(performance.now() - start);
        }
        const cpu = process.cpuUsage(cpuBefore);
        v.cpuMicros += cpu.user + cpu.system;
      }
    }

    const stats = variants.map((v) => ({
      variant: v.name,
      calls: v.latenciesMs.length,
      medianUs: median(v.latenciesMs) * 1000,
      p99Us: percentile(v.latenciesMs, 99) * 1000,
      cpuUsPerCall: v.cpuMicros / v.latenciesMs.length,
    }));
    const base = stats[0]!;
    const rows = stats.map((s) => ({
      ...s,
      medianRatio: s.medianUs / base.medianUs,
      p99Ratio: s.p99Us / base.p99Us,
      cpuRatio: s.cpuUsPerCall / base.cpuUsPerCall,
    }));
    printTable(
      `Overhead: GET /storages/{location_id} on loopback, ${ROUNDS * CALLS_PER_ROUND} calls each ` +
        `after ${WARMUP_CALLS} warm-up calls (ratios to raw fetch)`,
      ["variant", "median µs", "p99 µs", "CPU µs/call", "median ×", "p99 ×", "CPU ×"],
      rows.map((r) => [
        r.variant,
        fixed(r.medianUs, 0),
        fixed(r.p99Us, 0),
        fixed(r.cpuUsPerCall, 0),
        fixed(r.medianRatio),
        fixed(r.p99Ratio),
        fixed(r.cpuRatio),
      ]),
    );
    saveResult("overhead", {
      warmupCalls: WARMUP_CALLS,
      callsPerVariant: ROUNDS * CALLS_PER_ROUND,
      note: "server in a separate process; CPU is the client process only (user + system)",
      variants: rows,
    });
  } finally {
    await server.stop();
  }
}
