import { afterEach, describe, expect, it } from "vitest";
import {
  defaultSeed,
  DEFAULT_CREDENTIALS as C,
  realisticSeed,
  startMockServer,
  type MockServer,
} from "../../src/mock/index.js";
import { call, PARTNER_AUTH } from "./helpers.js";

const servers: MockServer[] = [];
async function start(options: Parameters<typeof startMockServer>[0] = {}) {
  const server = await startMockServer(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("startMockServer", () => {
  it("listens on 127.0.0.1 under /api/v1 and 404s other paths", async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const outside = await fetch(server.url.replace("/api/v1", "/elsewhere"));
    expect(outside.status).toBe(404);
    expect((await call(server, "GET", "/no/such/route")).status).toBe(404);
  });

  it("records method, path, query, headers, body, time, operation and status", async () => {
    const server = await start({ clock: () => 1234 });
    await call(server, "GET", "/goods/101?term=a&ids[]=1&ids[]=2");
    await call(server, "POST", "/goods_categories/101", { body: { title: "New" } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      path: "/api/v1/goods/101",
      query: { term: "a", "ids[]": ["1", "2"] },
      time: 1234,
      operation: "GET /goods/{location_id}",
      status: 200,
      body: undefined,
    });
    expect(server.requests[0]!.headers["authorization"]).toContain(C.userToken);
    expect(server.requests[1]).toMatchObject({
      method: "POST",
      body: { title: "New" },
      status: 201,
    });
  });

  it("exposes live state that can be seeded directly", async () => {
    const server = await start();
    server.state.addProduct({ id: 5000, location_id: 102, title: "Direct", category_id: 304 });
    const res = await call(server, "GET", "/goods/102/5000");
    expect(res.body.data).toMatchObject({ good_id: 5000, title: "Direct" });
    server.state.partnerToken = "rotated";
    expect((await call(server, "GET", "/goods/102/5000")).status).toBe(401);
  });

  it("replaces seed keys that are given and keeps the rest of the default seed", async () => {
    const server = await start({ seed: { products: [], partnerToken: "p" } });
    const res = await call(server, "GET", "/goods/101", { auth: `Bearer p, User ${C.userToken}` });
    expect(res.body.data).toEqual([]);
    expect(server.state.categories.size).toBe(defaultSeed().categories.length);
  });

  it("realisticSeed builds a deterministic tree with the requested number of products", async () => {
    const a = realisticSeed({ products: 300 });
    expect(a).toEqual(realisticSeed({ products: 300 }));
    expect(a.products.filter((p) => p.location_id === 101)).toHaveLength(300);
    expect(a.categories.filter((c) => c.location_id === 101)).toHaveLength(50);
    const server = await start({ seed: realisticSeed({ products: 30, seed: 7 }) });
    const page = await call(server, "GET", "/goods/101?count=25&page=2");
    expect(page.body.data).toHaveLength(5);
    const roots = await call(server, "GET", "/goods/search/101");
    expect(roots.body.meta.count).toBe(5);
  });

  it("skips request validation with validate: false", async () => {
    const server = await start({ validate: false });
    expect((await call(server, "GET", "/goods/101?page=x")).status).toBe(200);
  });
});

describe("faults", () => {
  it("fails the next N matching requests with the chosen status, body and headers", async () => {
    const server = await start({
      faults: [
        {
          method: "GET",
          path: "/goods/{location_id}",
          times: 2,
          status: 503,
          headers: { "retry-after": "1" },
        },
      ],
    });
    const first = await call(server, "GET", "/goods/101");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.body).toEqual({
      success: false,
      data: null,
      meta: { message: expect.any(String) },
    });
    expect((await call(server, "GET", "/goods/101/401")).status).toBe(200); // other path
    expect((await call(server, "POST", "/goods/101", { body: {} })).status).toBe(422); // other method
    expect((await call(server, "GET", "/goods/102")).status).toBe(503);
    expect((await call(server, "GET", "/goods/101")).status).toBe(200); // used up
    expect(server.requests.map((r) => r.status)).toEqual([503, 200, 422, 503, 200]);
  });

  it("arms faults at runtime, matches RegExp and ** patterns, and sends a custom body", async () => {
    const server = await start();
    server.fault({ path: /^\/goods_categories\//, status: 500, body: { oops: true } });
    const res = await call(server, "GET", "/goods_categories/101/0");
    expect(res).toMatchObject({ status: 500, body: { oops: true } });
    server.fault({ path: "/company/**", status: 429 });
    expect((await call(server, "GET", "/company/101/users")).status).toBe(429);
  });

  it("resets the connection", async () => {
    const server = await start();
    server.fault({ path: "/companies", reset: true });
    await expect(call(server, "GET", "/companies", { auth: PARTNER_AUTH })).rejects.toThrow();
    expect((await call(server, "GET", "/companies", { auth: PARTNER_AUTH })).status).toBe(200);
    expect(server.requests[0]!.status).toBeUndefined();
  });
});

describe("rate limit and latency", () => {
  it("answers 429 in the vendor envelope beyond perSecond, per the injected clock", async () => {
    let now = 10_000;
    const server = await start({ rateLimit: { perSecond: 2 }, clock: () => now });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(server, "GET", "/storages/101")).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await call(server, "GET", "/storages/101");
    expect(limited.body).toEqual({
      success: false,
      data: null,
      meta: { message: "Too many requests." },
    });
    now += 1000;
    expect((await call(server, "GET", "/storages/101")).status).toBe(200);
  });

  it("answers 429 beyond perMinute", async () => {
    let now = 0;
    const server = await start({ rateLimit: { perMinute: 3 }, clock: () => now });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      now += 5_000;
      statuses.push((await call(server, "GET", "/storages/101")).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    now += 60_000;
    expect((await call(server, "GET", "/storages/101")).status).toBe(200);
  });

  it("delays answers by latencyMs", async () => {
    const server = await start({ latencyMs: 5 });
    expect((await call(server, "GET", "/storages/101")).status).toBe(200);
  });
});
