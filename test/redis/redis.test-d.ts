// The entry point's types: node-redis clients fit `client`, the factories return the core's interfaces.
import { createClient } from "redis";
import { expectTypeOf, test } from "vitest";
import type { RateLimiter, SessionStore } from "../../src/index.js";
import {
  createRedisRateLimiter,
  createRedisSessionStore,
  type RedisClient,
} from "../../src/redis/index.js";

test("a node-redis client is accepted as `client`", () => {
  const client = createClient({ url: "redis://127.0.0.1:6379" });
  expectTypeOf(client).toExtend<RedisClient>();
  createRedisRateLimiter({ client, perSecond: 5, perMinute: 200 });
  createRedisSessionStore({ client, key: "egress-1" });
});

test("the factories give the core's RateLimiter and SessionStore, plus close()", () => {
  const limiter = createRedisRateLimiter({ url: process.env.REDIS_URL });
  expectTypeOf(limiter).toExtend<RateLimiter>();
  expectTypeOf(limiter.close).returns.toEqualTypeOf<Promise<void>>();
  const store = createRedisSessionStore({ url: process.env.REDIS_URL });
  expectTypeOf(store).toExtend<SessionStore>();
  // @ts-expect-error -- perSecond is a number
  createRedisRateLimiter({ url: "redis://x", perSecond: "5" });
});
