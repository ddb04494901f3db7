// Redis killed for 5 s in the middle of a fleet's run and restarted empty: every call still succeeds (default
// retries), no process crashes, each warns once and comes back to the shared budget.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { runFleet } from "./fleet/run.js";

let redis: RedisServer;
let mock: MockServer;
const limits = { perSecond: 10, perMinute: 150 };

beforeAll(async () => {
  redis = await startRedisServer();
  mock = await startMockServer({ rateLimit: limits });
});
afterAll(async () => {
  await mock?.close();
  await redis?.stop();
});

it(
  "4 processes, 240 calls, Redis down for 5 s mid-run: every call succeeds, no crash",
  { timeout: 180_000 },
  async () => {
    const run = runFleet({
      processes: 4,
      calls: 240,
      ...limits,
      mockUrl: mock.url,
      redisUrl: redis.url,
      key: "fleet-outage-test",
    });
    const outage = (async () => {
      while (mock.requests.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
      await redis.kill();
      const during = mock.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await redis.start();
      return mock.requests.length - during;
    })();
    const [reports, sentDuringOutage] = await Promise.all([run, outage]);
    expect(reports.map((r) => [r.ok, r.failed, r.exitCode])).toEqual(Array(4).fill([60, 0, 0]));
    expect(sentDuringOutage).toBeGreaterThan(0); // the fleet kept working on its own
    for (const report of reports) {
      expect(
        report.warnings.filter((w) => /rate|budget/.test(w) && /unreachable/.test(w)),
      ).toHaveLength(1);
      expect(report.warnings.some((w) => /back on the shared budget/.test(w))).toBe(true);
    }
    const tooMany = mock.requests.filter((r) => r.status === 429).length;
    console.log(
      `fleet outage run: ${mock.requests.length} requests, ${tooMany} × 429, ${sentDuringOutage} sent while Redis was down`,
    );
    expect(mock.requests.filter((r) => r.operation === "POST /auth")).toHaveLength(1);
  },
);
