// The Redis session store with real clients against the mock: one login for many clients, one re-login after a
// 401, a crashed lock holder, keys that reveal no secret, and Redis being unreachable.
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AltegioClient } from "../../src/index.js";
import { sessionKey } from "../../src/internal/session-store.js";
import { DEFAULT_CREDENTIALS, startMockServer, type MockServer } from "../../src/mock/index.js";
import { createRedisSessionStore, type RedisSessionStore } from "../../src/redis/index.js";
import { freePort } from "../helpers/free-port.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { loginCount, sharedSessionClient, userCall } from "../helpers/shared-session.js";

const C = DEFAULT_CREDENTIALS;
let redis: RedisServer;
let mock: MockServer;
let inspect: ReturnType<typeof createClient>;
const stores: RedisSessionStore[] = [];
let prefix: string;
let counter = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  inspect = createClient({ url: redis.url });
  inspect.on("error", () => {});
  await inspect.connect();
});
afterAll(async () => {
  await inspect?.close();
  await redis?.stop();
});
beforeEach(async () => {
  mock = await startMockServer();
  prefix = `session-test-${counter++}`;
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await mock.close();
});

/** A client with its own store (its own Redis connection), like one process of a fleet. */
function client(options: Parameters<typeof createRedisSessionStore>[0] = {}): AltegioClient {
  const sessionStore = createRedisSessionStore({ url: redis.url, key: prefix, ...options });
  stores.push(sessionStore);
  return sharedSessionClient(mock, sessionStore);
}
const logins = () => loginCount(mock);
const storages = userCall;

describe("createRedisSessionStore", () => {
  it("one login for several clients starting at once; the rest reuse its token", async () => {
    const clients = [client(), client(), client(), client()];
    await Promise.all(clients.flatMap((c) => [storages(c), storages(c)]));
    expect(logins()).toBe(1);
    expect(clients.map((c) => c.auth.userToken)).toEqual(Array(4).fill(C.userToken));
    // A client started later finds the token and does not log in at all.
    await storages(client());
    expect(logins()).toBe(1);
  });

  it("a 401 leads to one re-login for all clients; the others pick up the new token", async () => {
    const clients = [client(), client(), client()];
    await Promise.all(clients.map(storages));
    const user = mock.state.users.get(C.userId)!;
    user.user_token = "rotated-user-token";
    await Promise.all(clients.flatMap((c) => [storages(c), storages(c)]));
    expect(logins()).toBe(2);
    expect(clients.map((c) => c.auth.userToken)).toEqual(Array(3).fill("rotated-user-token"));
    const rejected = mock.requests.filter((r) => r.status === 401).length;
    expect(rejected).toBeGreaterThanOrEqual(1);
    expect(rejected).toBeLessThanOrEqual(6); // at most each stale call once, each replayed with the new token
  });

  it("stores the token under a hashed key, with a TTL, revealing neither token nor login", async () => {
    await storages(client({ tokenTtlMs: 3_600_000 }));
    const keys = await inspect.keys(`${prefix}:*`);
    const hash = await sessionKey(C.partnerToken, C.login);
    expect(keys).toEqual([`${prefix}:session:${hash}`]);
    for (const secret of [C.partnerToken, C.login, C.password]) {
      expect(keys.join(" ")).not.toContain(secret);
    }
    expect(await inspect.get(keys[0]!)).toBe(C.userToken);
    const ttl = await inspect.pTTL(keys[0]!);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it("a lock left by a crashed holder expires, and the fleet logs in after it", async () => {
    const hash = await sessionKey(C.partnerToken, C.login);
    await inspect.set(`${prefix}:session:${hash}:lock`, "crashed-process", { PX: 400 });
    const altegio = client();
    await storages(altegio);
    expect(logins()).toBe(1);
    expect(await inspect.get(`${prefix}:session:${hash}`)).toBe(C.userToken);
    expect(await inspect.exists(`${prefix}:session:${hash}:lock`)).toBe(0);
  });

  it("a holder whose lock expired cannot overwrite the token of the one that took over", async () => {
    const store = createRedisSessionStore({ url: redis.url, key: prefix });
    stores.push(store);
    const slow = await store.lock("k");
    expect(slow).toBeDefined();
    // The slow holder's lock expires (made so directly, rather than by waiting on timers), and another takes over.
    await inspect.del(`${prefix}:session:k:lock`);
    const fast = await store.lock("k");
    expect(fast).toBeDefined();
    await fast!.commit("newer-token");
    await slow!.commit("older-token");
    await slow!.release();
    expect(await store.get("k")).toBe("newer-token");
  });

  it("keeps the lock while its holder is still logging in (renewed), so nobody logs in twice", async () => {
    // A TTL long enough that a stalled event loop on a busy machine cannot miss every renewal.
    const store = createRedisSessionStore({ url: redis.url, key: prefix, lockTtlMs: 1_500 });
    stores.push(store);
    const holder = await store.lock("k");
    await new Promise((resolve) => setTimeout(resolve, 3_500)); // more than twice the TTL
    expect(await inspect.pTTL(`${prefix}:session:k:lock`)).toBeGreaterThan(0);
    expect(await store.lock("k")).toBeUndefined();
    await holder!.commit("token");
    expect(await store.get("k")).toBe("token");
  });

  it("close() stops the renewals of a lock still held, so nothing fires on the closed connection", async () => {
    const store = createRedisSessionStore({ url: redis.url, key: prefix, lockTtlMs: 60 });
    const held = await store.lock("k");
    expect(held).toBeDefined();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await store.close();
      await new Promise((resolve) => setTimeout(resolve, 200)); // several renewal periods
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("while Redis is unreachable each client logs in by itself, and warns once", async () => {
    const warnings: string[] = [];
    const down = `redis://127.0.0.1:${await freePort()}`;
    const altegio = client({
      url: down,
      commandTimeoutMs: 200,
      onWarning: (m) => warnings.push(m),
    });
    await storages(altegio);
    await storages(altegio);
    expect(logins()).toBe(1);
    expect(warnings.filter((w) => /unreachable/.test(w))).toHaveLength(1);
  });

  it("rejects bad options naming the problem", () => {
    expect(() => createRedisSessionStore({ url: redis.url, lockTtlMs: 5 })).toThrow(
      /lockTtlMs must be an integer >= 30/,
    );
    expect(() => createRedisSessionStore({ url: undefined })).toThrow(/is REDIS_URL set\?/);
  });
});
