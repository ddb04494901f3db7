// Benchmark 5 — fleet: N processes (1, 2, 4, 8) share one rate budget and one login through a real redis-server,
// against the mock with the same sliding windows on. Reports the achieved rate against the ceiling the windows
// allow, 429s, logins and Redis round trips per request.
//
// Choice of values: Altegio's 5/s × 10 (50/s, per-minute out of reach) with 600 calls per run shows how the shared
// per-second window scales with the number of processes in ~12 s each; the issue's own case (4 processes, 240 calls,
// 10/s and 150/min) takes ~70 s and makes both windows bind.
import { createClient } from "redis";
import { startMockServer } from "../../src/mock/index.js";
import { startRedisServer } from "../../test/helpers/redis-server.js";
import { loginCount } from "../../test/helpers/shared-session.js";
import { runFleet } from "../../test/redis/fleet/run.js";
import { fixed, printTable, saveResult } from "./lib.js";
import { earliestOffsets } from "./sync.js";

interface Case {
  processes: number;
  calls: number;
  perSecond: number;
  perMinute: number;
}

const CASES: Case[] = [
  ...[1, 2, 4, 8].map((processes) => ({
    processes,
    calls: 600,
    perSecond: 50,
    perMinute: 100_000,
  })),
  { processes: 4, calls: 240, perSecond: 10, perMinute: 150 },
];

// Commands clients send themselves (INFO commandstats also counts those run inside scripts, which cost no round
// trip). The lock script's own GET/SET (once per login) make this a slight overcount.
const ROUND_TRIP_COMMANDS = ["evalsha", "eval", "get", "set", "hello", "client", "select", "ping"];

/** Commands Redis has run so far, by name (INFO commandstats), minus INFO itself. */
async function commandCounts(readInfo: () => Promise<unknown>): Promise<Map<string, number>> {
  const info = String(await readInfo());
  const counts = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] !== "info") counts.set(match[1]!, Number(match[2]));
  }
  return counts;
}

export async function fleet(): Promise<void> {
  const redis = await startRedisServer();
  const inspect = createClient({ url: redis.url });
  await inspect.connect();
  const stats = () => inspect.info("commandstats");
  const rows: Record<string, unknown>[] = [];
  try {
    for (const [index, c] of CASES.entries()) {
      const mock = await startMockServer({
        rateLimit: { perSecond: c.perSecond, perMinute: c.perMinute },
      });
      try {
        const before = await commandCounts(stats);
        const reports = await runFleet({
          ...c,
          mockUrl: mock.url,
          redisUrl: redis.url,
          key: `bench-fleet-${index}`,
        });
        const after = await commandCounts(stats);
        const delta = (names?: string[]) =>
          [...after].reduce(
            (sum, [name, calls]) =>
              !names || names.includes(name) ? sum + calls - (before.get(name) ?? 0) : sum,
            0,
          );
        const requests = mock.requests.length;
        const times = mock.requests.map((r) => r.time);
        const spanMs = Math.max(...times) - Math.min(...times);
        const minSpanMs = earliestOffsets(requests, c.perSecond, c.perMinute)[requests - 1]!;
        const achieved = ((requests - 1) / spanMs) * 1000;
        const ceiling = ((requests - 1) / minSpanMs) * 1000;
        rows.push({
          ...c,
          requests,
          failedCalls: reports.reduce((sum, r) => sum + r.failed, 0),
          status429: mock.requests.filter((r) => r.status === 429).length,
          logins: loginCount(mock),
          achievedRequestsPerSecond: achieved,
          ceilingRequestsPerSecond: ceiling,
          fractionOfCeiling: achieved / ceiling,
          redisRoundTripsPerRequest: delta(ROUND_TRIP_COMMANDS) / requests,
          scriptCallsPerRequest: delta(["evalsha", "eval"]) / requests,
        });
      } finally {
        await mock.close();
      }
    }
  } finally {
    await inspect.close();
    await redis.stop();
  }
  printTable(
    "Fleet: N processes through one Redis against the mock with the same limits (goal: 0 × 429, one login, " +
      "≥ 0.9 of the ceiling)",
    [
      "processes",
      "calls",
      "limits",
      "429s",
      "logins",
      "achieved req/s",
      "ceiling req/s",
      "fraction of ceiling",
      "Redis round trips / request",
      "of which limiter scripts",
    ],
    rows.map((r) => [
      r.processes as number,
      r.calls as number,
      `${r.perSecond}/s` + ((r.perMinute as number) < 100_000 ? `, ${r.perMinute}/min` : ""),
      r.status429 as number,
      r.logins as number,
      fixed(r.achievedRequestsPerSecond as number),
      fixed(r.ceilingRequestsPerSecond as number),
      fixed(r.fractionOfCeiling as number, 3),
      fixed(r.redisRoundTripsPerRequest as number),
      fixed(r.scriptCallsPerRequest as number),
    ]),
  );
  saveResult("fleet", { runs: rows });
}
