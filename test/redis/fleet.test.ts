// The done-criterion, with real processes: four processes making 240 calls through one Redis at 10/s and
// 150/min against a mock enforcing the same sliding windows get no 429 and log in once between them.
// (The achieved fraction of the ideal rate is measured by `npm run bench -- fleet`, not asserted here.)
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
  "4 processes, 240 calls at 10/s and 150/min: 0 × 429, one login, every process ends cleanly",
  { timeout: 180_000 },
  async () => {
    const reports = await runFleet({
      processes: 4,
      calls: 240,
      ...limits,
      mockUrl: mock.url,
      redisUrl: redis.url,
      key: "fleet-test",
    });
    expect(reports.map((r) => [r.ok, r.failed, r.exitCode])).toEqual(Array(4).fill([60, 0, 0]));
    expect(mock.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(mock.requests.filter((r) => r.operation === "POST /auth")).toHaveLength(1);
    expect(mock.requests.filter((r) => r.operation === "GET /storages/{location_id}")).toHaveLength(
      240,
    );
    expect(reports.flatMap((r) => r.warnings)).toEqual([]);
  },
);
