// The done-criteria, with real processes through one real Redis, against a mock enforcing the same
// sliding windows (10/s, 150/min): four processes making 240 calls get no 429 and log in once between them; with
// Redis killed for 5 s mid-run and restarted empty, every call still succeeds and no process crashes.
// (The achieved fraction of the ideal rate is measured by `npm run bench -- fleet`, not asserted here.)
import { afterEach, beforeAll, afterAll, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { loginCount } from "../helpers/shared-session.js";
import { runFleet } from "./fleet/run.js";

let redis: RedisServer;
let mock: MockServer | undefined;
const limits = { perSecond: 10, perMinute: 150 };

beforeAll(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  await mock?.close();
});
afterAll(async () => {
  await redis?.stop();
});

async function fleet(key: string) {
  mock = await startMockServer({ rateLimit: limits });
  const m = mock;
  const run = runFleet({
    processes: 4,
    calls: 240,
    ...limits,
    mockUrl: m.url,
    redisUrl: redis.url,
    key,
  });
  const count = (pick: (r: MockServer["requests"][number]) => boolean) =>
    m.requests.filter(pick).length;
  return {
    mock: m,
    run,
    logins: () => loginCount(m),
    tooMany: () => count((r) => r.status === 429),
    calls: () => count((r) => r.operation === "GET /storages/{location_id}"),
  };
}

it(
  "4 processes, 240 calls: 0 × 429, one login, every process ends cleanly",
  { timeout: 180_000 },
  async () => {
    const f = await fleet("fleet-test");
    const reports = await f.run;
    expect(reports.map((r) => [r.ok, r.failed, r.exitCode])).toEqual(Array(4).fill([60, 0, 0]));
    expect(f.tooMany()).toBe(0);
    expect(f.logins()).toBe(1);
    expect(f.calls()).toBe(240);
    expect(reports.flatMap((r) => r.warnings)).toEqual([]);
  },
);

it(
  "Redis down for 5 s mid-run, back empty: every call succeeds, no crash",
  { timeout: 180_000 },
  async () => {
    const f = await fleet("fleet-outage-test");
    const outage = (async () => {
      while (f.mock.requests.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
      await redis.kill();
      const before = f.mock.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await redis.start();
      return f.mock.requests.length - before;
    })();
    const [reports, sentDuringOutage] = await Promise.all([f.run, outage]);
    expect(reports.map((r) => [r.ok, r.failed, r.exitCode])).toEqual(Array(4).fill([60, 0, 0]));
    expect(sentDuringOutage).toBeGreaterThan(0); // the fleet kept working on its own
    for (const report of reports) {
      expect(report.warnings.filter((w) => /limits itself/.test(w))).toHaveLength(1);
      expect(report.warnings.some((w) => /back on the shared budget/.test(w))).toBe(true);
    }
    expect(f.logins()).toBe(1);
    console.log(
      `fleet outage run: ${f.mock.requests.length} requests, ${f.tooMany()} × 429, ` +
        `${sentDuringOutage} sent while Redis was down`,
    );
  },
);
