// The v2 client's plumbing against a plain server on 127.0.0.1: its base URL, the limiter and retries it shares
// with v1, and v2's error envelope read into the same error classes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioError,
  AltegioInputError,
  AltegioNotFoundError,
  AltegioServerError,
  AltegioValidationError,
  type AltegioClientOptions,
  type RateLimiter,
} from "../../src/index.js";
import { captureLogger } from "../helpers/capture-logger.js";
import { testClient } from "../helpers/test-client.js";
import { rejectionOf, sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const client = (options: Partial<AltegioClientOptions> = {}) =>
  testClient(server, {
    partnerToken: "partner-tok",
    userToken: "user-tok",
    maxRetries: 0,
    ...options,
  });

const units = {
  data: [
    { type: "unit", id: "1", attributes: { company_id: 7, title: "Piece", short_title: "pcs" } },
  ],
};

describe("the v2 base URL", () => {
  it("is the v1 base URL with /v1 replaced by /v2", async () => {
    server.handle((_req, res) => sendJson(res, 200, units));
    expect(await client().location(7).v2.units.list()).toEqual(units.data);
    expect(server.requests.map((r) => r.path)).toEqual(["/api/v2/locations/7/units"]);
  });

  it("is v2BaseUrl when given", async () => {
    server.handle((_req, res) => sendJson(res, 200, units));
    await client({ v2BaseUrl: `${server.url}/elsewhere/v2/` })
      .location(7)
      .v2.units.list();
    expect(server.requests.map((r) => r.path)).toEqual(["/elsewhere/v2/locations/7/units"]);
  });

  it("must be given when the v1 base URL names no version; v1 keeps working", async () => {
    server.handle((_req, res) => sendJson(res, 200, { success: true, data: [], meta: [] }));
    const altegio = client({ baseUrl: server.url });
    await altegio.location(7).storages.list();
    const error = await rejectionOf(altegio.location(7).v2.units.list());
    expect(error).toBeInstanceOf(AltegioInputError);
    expect(error.message).toMatch(/v2BaseUrl is required for v2 calls/);
    expect(server.requests).toHaveLength(1);
    expect(() => client({ v2BaseUrl: "nope" })).toThrow(
      /v2BaseUrl must be an absolute http\(s\) URL/,
    );
  });
});

describe("one pipeline for both versions", () => {
  it("takes v1 and v2 requests from the same rate limiter", async () => {
    server.handle((req, res) =>
      req.path.startsWith("/api/v2/")
        ? sendJson(res, 200, units)
        : sendJson(res, 200, { success: true, data: [], meta: [] }),
    );
    let acquired = 0;
    const rateLimiter: RateLimiter = { acquire: async () => void acquired++ };
    const loc = client({ rateLimiter }).location(7);
    await loc.storages.list();
    await loc.v2.units.list();
    await loc.v2.GET("/locations/{location_id}/units");
    expect(acquired).toBe(3);
  });

  /** Answers 503 once, then the units; returns how many requests arrived so far. */
  const busyOnce = () => {
    let calls = 0;
    server.handle((_req, res) =>
      ++calls === 1
        ? sendJson(res, 503, { success: false, data: null, meta: { message: "Busy" } })
        : sendJson(res, 200, units),
    );
    return () => calls;
  };

  it("retries a v2 GET like a v1 one", async () => {
    const calls = busyOnce();
    const list = await client({ maxRetries: 1 }).location(7).v2.units.list();
    expect(list).toHaveLength(1);
    expect(calls()).toBe(2);
  });

  it("logs and reports each v2 attempt like a v1 one, paths relative to the v2 base", async () => {
    busyOnce();
    const logger = captureLogger();
    const ends: string[] = [];
    const altegio = client({
      maxRetries: 1,
      logLevel: "debug",
      logger,
      hooks: { onAttemptEnd: (e) => void ends.push(`${e.attempt} ${e.path} ${e.status}`) },
    });
    await altegio.location(7).v2.units.list();
    expect(ends).toEqual(["1 /locations/7/units 503", "2 /locations/7/units 200"]);
    const debug = logger.lines.filter((l) => l.level === "debug").map((l) => l.message);
    expect(debug.filter((m) => m.includes("/locations/7/units"))).toHaveLength(3); // 2 attempts + the retry
    expect(JSON.stringify(logger.lines)).not.toMatch(/partner-tok|user-tok/);
  });
});

describe("v2 errors", () => {
  const fail = (status: number, meta: unknown) =>
    server.handle((_req, res) => sendJson(res, status, { success: false, data: null, meta }));

  it("read meta.errors as field -> messages into the same classes", async () => {
    fail(422, {
      message: "Validation failed",
      errors: { "filter[term]": ["Too short.", "Needs letters."] },
    });
    const error = await rejectionOf<AltegioValidationError>(
      client().location(7).v2.products.autocomplete("ab"),
    );
    expect(error).toBeInstanceOf(AltegioValidationError);
    expect(error.message).toBe("Validation failed");
    expect(error.fieldErrors).toEqual({ "filter[term]": ["Too short.", "Needs letters."] });
    expect(error.messages).toEqual([
      "Validation failed",
      "filter[term]: Too short.",
      "filter[term]: Needs letters.",
    ]);
  });

  it.each([
    [404, AltegioNotFoundError],
    [500, AltegioServerError],
  ])("map %i by status", async (status, ErrorClass) => {
    fail(status, { message: "Nope" });
    const error = await rejectionOf(client().location(7).v2.products.get("5"));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.message).toBe("Nope");
  });

  it("refuse a 200 that is not a v2 document", async () => {
    server.handle((_req, res) => sendJson(res, 200, { success: true, meta: [] }));
    const error = await rejectionOf(client().location(7).v2.units.list());
    expect(error.message).toMatch(/the v2 document has no data/);
  });

  it.each([
    [
      "a null resource",
      { data: null },
      (c: ReturnType<typeof client>) => c.location(7).v2.products.get("5"),
    ],
    [
      "a resource for a list",
      { data: units.data[0] },
      (c: ReturnType<typeof client>) => c.location(7).v2.units.list(),
    ],
    [
      "a page without pagination",
      { data: [] },
      (c: ReturnType<typeof client>) => c.location(7).v2.products.listPage({ page: 1 }),
    ],
  ])("refuse %s with an AltegioError, not a TypeError", async (_what, body, read) => {
    server.handle((_req, res) => sendJson(res, 200, body));
    const error = await rejectionOf(read(client()));
    expect(error).toBeInstanceOf(AltegioError);
    expect(error.message).toMatch(/^Unexpected answer: /);
  });
});
