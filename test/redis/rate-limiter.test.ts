// The Redis rate limiter against a real redis-server: shared budget, both windows, FIFO, aborts, the shared 429
// back-off, outages and Redis coming back empty.
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AltegioInputError, createAltegioClient, createRateLimiter } from "../../src/index.js";
import { DEFAULT_CREDENTIALS, startMockServer } from "../../src/mock/index.js";
import { createRedisRateLimiter, type RedisRateLimiter } from "../../src/redis/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

let redis: RedisServer;
let inspect: ReturnType<typeof createClient>;
const open: RedisRateLimiter[] = [];
let keyCounter = 0;

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
  if (inspect?.isOpen) await inspect.close();
});

/** A limiter on its own connection, like one process of a fleet. */
function limiter(options: Parameters<typeof createRedisRateLimiter>[0]): RedisRateLimiter {
  const made = createRedisRateLimiter({ url: redis.url, ...options });
  open.push(made);
  return made;
}
const freshKey = () => `test-${process.pid}-${keyCounter++}`;

async function inspector() {
  if (!inspect?.isOpen) {
    inspect = createClient({ url: redis.url });
    inspect.on("error", () => {});
    await inspect.connect();
  }
  return inspect;
}

const settled = async (promise: Promise<unknown>) => {
  const marker = Symbol();
  return (
    (await Promise.race([
      promise.then(
        () => "resolved",
        () => "rejected",
      ),
      marker,
    ])) !== marker
  );
};

describe("createRedisRateLimiter", () => {
  it("rejects bad options with one error naming each problem", () => {
    expect(() => createRedisRateLimiter({})).toThrow(
      /url \(e\.g\. redis:\/\/127\.0\.0\.1:6379\) or client/,
    );
    expect(() => createRedisRateLimiter({ url: "http://x" })).toThrow(/redis:\/\/ or rediss:\/\//);
    const error = (() => {
      try {
        createRedisRateLimiter({ url: redis.url, perSecond: 0, fallbackShare: 2, key: "" });
      } catch (e) {
        return e as AltegioInputError;
      }
    })();
    expect(error).toBeInstanceOf(AltegioInputError);
    expect(error!.issues.join("\n")).toMatch(/perSecond must be a number >= 1/);
    expect(error!.issues.join("\n")).toMatch(/fallbackShare must be in \(0, 1\]/);
  });

  it("two limiters (two processes) share one budget: 0 × 429 where separate limiters get 429s", async () => {
    const mock = await startMockServer({ rateLimit: { perSecond: 4 } });
    try {
      const key = freshKey();
      const clients = [0, 1].map(() =>
        createAltegioClient({
          baseUrl: mock.url,
          partnerToken: DEFAULT_CREDENTIALS.partnerToken,
          userToken: DEFAULT_CREDENTIALS.userToken,
          rateLimiter: limiter({ key, perSecond: 4, perMinute: 1000 }),
          maxRetries: 0,
        }),
      );
      await Promise.all(Array.from({ length: 12 }, (_, i) => clients[i % 2]!.locations.get(101)));
      expect(mock.requests.filter((r) => r.status === 429)).toHaveLength(0);
      expect(mock.requests).toHaveLength(12);
      const log = await (await inspector()).zCard(`${key}:rate:log`);
      expect(log).toBe(12);

      // The control: two processes, each with its own limiter at the same rate, overrun the server.
      mock.requests.length = 0;
      const separate = [0, 1].map(() =>
        createAltegioClient({
          baseUrl: mock.url,
          partnerToken: DEFAULT_CREDENTIALS.partnerToken,
          userToken: DEFAULT_CREDENTIALS.userToken,
          rateLimiter: createRateLimiter({ perSecond: 4, perMinute: 1000 }),
          maxRetries: 0,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1300));
      await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => separate[i % 2]!.locations.get(101)),
      );
      expect(mock.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });

  it("holds both windows: the per-minute limit makes the next request wait, abortably", async () => {
    const key = freshKey();
    const a = limiter({ key, perSecond: 100, perMinute: 5 });
    const b = limiter({ key, perSecond: 100, perMinute: 5 });
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).acquire();
    const reason = new Error("gave up");
    const controller = new AbortController();
    const waiting = a.acquire(controller.signal);
    const behind = b.acquire();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await settled(waiting)).toBe(false);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(await settled(behind)).toBe(false);
    expect(await (await inspector()).zCard(`${key}:rate:log`)).toBe(5);
    await b.close();
    await expect(behind).rejects.toThrow(/closed/);
  });

  it("lets one process's requests go in the order they asked", async () => {
    const a = limiter({ key: freshKey(), perSecond: 3, perMinute: 1000, marginMs: 0 });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 7 }, (_, i) => a.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("a request aborted while waiting leaves its turn to the next one", async () => {
    const a = limiter({ key: freshKey(), perSecond: 1, perMinute: 1000, marginMs: 0 });
    await a.acquire();
    const controller = new AbortController();
    const first = a.acquire(controller.signal);
    const second = a.acquire();
    controller.abort(new Error("stop"));
    await expect(first).rejects.toThrow("stop");
    await second; // granted when the window frees, not stuck behind the aborted one
  });

  it("shares a 429's back-off with the fleet: after Retry-After nothing is granted before it passes", async () => {
    const key = freshKey();
    const a = limiter({ key, perSecond: 50, perMinute: 1000 });
    const b = limiter({ key, perSecond: 50, perMinute: 1000 });
    await a.acquire();
    await b.acquire();
    a.onRateLimited!(800);
    const r = await inspector();
    let blocked: string | undefined;
    for (let i = 0; i < 50 && !blocked; i++) {
      blocked = (await r.hGet(`${key}:rate:backoff`, "blocked")) ?? undefined;
      if (!blocked) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(Number(blocked)).toBeGreaterThan(0);
    await b.acquire();
    const [last] = await r.zRangeWithScores(`${key}:rate:log`, -1, -1);
    expect(last!.score).toBeGreaterThanOrEqual(Number(blocked));
  });

  it("keeps granting while Redis is down, warns once, and records the outage's grants when Redis is back empty", async () => {
    const key = freshKey();
    const warnings: string[] = [];
    const a = limiter({
      key,
      perSecond: 20,
      perMinute: 1000,
      fallbackShare: 0.5,
      recoveryMs: 200,
      onWarning: (m) => warnings.push(m),
    });
    await a.acquire();
    await redis.kill();
    try {
      for (let i = 0; i < 4; i++) await a.acquire();
      expect(warnings.filter((w) => /unreachable/.test(w))).toHaveLength(1);
    } finally {
      await redis.start();
    }
    for (let i = 0; i < 100 && !warnings.some((w) => /back on the shared budget/.test(w)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(warnings.some((w) => /back on the shared budget/.test(w))).toBe(true);
    // The empty Redis now holds the grant from before the outage and the four made during it.
    expect(await (await inspector()).zCard(`${key}:rate:log`)).toBe(5);
    await a.acquire();
    expect(await (await inspector()).zCard(`${key}:rate:log`)).toBe(6);
  });

  it("does not let a burst through when Redis restarts empty between two requests", async () => {
    const key = freshKey();
    const a = limiter({ key, perSecond: 100, perMinute: 4, onWarning: () => {} });
    for (let i = 0; i < 4; i++) await a.acquire();
    await redis.kill();
    await redis.start();
    // No command failed: node-redis reconnected by itself, and the limiter re-recorded its grants.
    const r = await inspector();
    for (let i = 0; i < 100 && (await r.zCard(`${key}:rate:log`)) < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await r.zCard(`${key}:rate:log`)).toBe(4);
    const controller = new AbortController();
    const next = a.acquire(controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await settled(next)).toBe(false); // still waiting for the minute window
    controller.abort(new Error("enough"));
    await expect(next).rejects.toThrow("enough");
  });

  it("uses a client you pass (connecting it if needed) and leaves it open on close()", async () => {
    const client = createClient({ url: redis.url });
    client.on("error", () => {});
    const key = freshKey();
    const a = createRedisRateLimiter({ client, key, perSecond: 10, perMinute: 100 });
    await a.acquire();
    await a.close();
    expect(client.isReady).toBe(true);
    expect(await client.zCard(`${key}:rate:log`)).toBe(1);
    await client.close();
  });

  it("costs one script call per request while waits stay within a second, however many processes", async () => {
    const key = freshKey();
    const fleet = [0, 1, 2].map(() => limiter({ key, perSecond: 20, perMinute: 1000 }));
    await Promise.all(fleet.map((l) => l.acquire())); // connected, scripts loaded
    const r = await inspector();
    const scriptCalls = async () => {
      const info = await r.info("commandstats");
      return [...info.matchAll(/^cmdstat_(?:evalsha|eval):calls=(\d+)/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
    };
    const before = await scriptCalls();
    await Promise.all(Array.from({ length: 45 }, (_, i) => fleet[i % 3]!.acquire()));
    expect((await scriptCalls()) - before).toBe(45);
    const scores = (await r.zRangeWithScores(`${key}:rate:log`, 0, -1)).map((e) => e.score);
    expect(scores).toHaveLength(48);
    // The booked slots themselves keep the window: no 1.25 s (1 s + margin) span holds more than 20.
    for (let i = 20; i < scores.length; i++) {
      expect(scores[i]! - scores[i - 20]!).toBeGreaterThanOrEqual(1_250 - 0.01);
    }
  });
});
