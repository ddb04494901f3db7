import { afterEach, describe, expect, it } from "vitest";
import type { Middleware } from "openapi-fetch";
import {
  AltegioConnectionError,
  createRateLimiter,
  type AltegioClientOptions,
  type AltegioHooks,
} from "../../src/index.js";
import { createSender } from "../../src/internal/send.js";
import { createFakeClock, flush } from "../helpers/fake-clock.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";
import { captureLogger } from "../helpers/capture-logger.js";
import { testClient } from "../helpers/test-client.js";

let server: TestServer;
afterEach(() => server?.close());

/** Records every event with the hook's name. */
function recorder() {
  const events: { hook: string; event: Record<string, unknown> }[] = [];
  const on =
    (hook: string) =>
    (event: object): void =>
      void events.push({ hook, event: { ...event } });
  const hooks: Required<AltegioHooks> = {
    onAttemptStart: on("onAttemptStart"),
    onAttemptEnd: on("onAttemptEnd"),
    onRetry: on("onRetry"),
    onRateLimitWait: on("onRateLimitWait"),
  };
  return { hooks, events, names: () => events.map((e) => e.hook) };
}

const envelope = { success: true, data: [], meta: [] };

const client = (options: Partial<AltegioClientOptions>) =>
  testClient(server, { logLevel: "off", ...options });

describe("attempt hooks", () => {
  it("see both attempts of a retried 503, the retry between them, under one call id", async () => {
    let n = 0;
    server = await startTestServer((_req, res) =>
      n++ === 0
        ? sendJson(res, 503, { success: false }, { "retry-after": "0" })
        : sendJson(res, 200, envelope),
    );
    const rec = recorder();
    await client({ hooks: rec.hooks }).location(101).storages.list();
    expect(rec.names()).toEqual([
      "onAttemptStart",
      "onAttemptEnd",
      "onRetry",
      "onAttemptStart",
      "onAttemptEnd",
    ]);
    const [start1, end1, retry, start2, end2] = rec.events.map((e) => e.event);
    const info = { method: "GET", path: "/storages/101", url: `${server.url}/api/v1/storages/101` };
    expect(start1).toMatchObject({ ...info, attempt: 1, startedAt: expect.any(Number) });
    expect(end1).toMatchObject({ ...info, attempt: 1, status: 503, willRetry: true });
    expect(retry).toMatchObject({
      ...info,
      attempt: 1,
      delayMs: 0,
      reason: "HTTP 503",
      status: 503,
    });
    expect(start2).toMatchObject({ ...info, attempt: 2 });
    expect(end2).toMatchObject({ ...info, attempt: 2, status: 200, willRetry: false });
    expect(end2!.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Set(rec.events.map((e) => e.event.callId)).size).toBe(1);
    expect(Object.keys(end2!).sort()).toEqual(
      [
        "api",
        "attempt",
        "callId",
        "durationMs",
        "method",
        "path",
        "status",
        "url",
        "willRetry",
      ].sort(),
    );
  });

  it("report a failed attempt with its error, and give each call its own id", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, envelope));
    const url = server.url;
    await server.close();
    const rec = recorder();
    const altegio = client({ hooks: rec.hooks, baseUrl: `${url}/api/v1`, maxRetries: 0 });
    await expect(altegio.raw.GET("/companies")).rejects.toBeInstanceOf(AltegioConnectionError);
    await expect(altegio.raw.GET("/companies")).rejects.toBeInstanceOf(AltegioConnectionError);
    const ends = rec.events.filter((e) => e.hook === "onAttemptEnd").map((e) => e.event);
    expect(ends).toHaveLength(2);
    expect(ends[0]!.error).toBeInstanceOf(AltegioConnectionError);
    expect(ends[0]!.status).toBeUndefined();
    expect(ends.map((e) => e.callId)).toEqual([ends[0]!.callId, (ends[0]!.callId as number) + 1]);
  });

  it("see every attempt where openapi-fetch middleware sees one request per call", async () => {
    let n = 0;
    server = await startTestServer((_req, res) =>
      n++ < 2 ? sendJson(res, 502, {}, { "retry-after": "0" }) : sendJson(res, 200, envelope),
    );
    const rec = recorder();
    const altegio = client({ hooks: [rec.hooks, { onAttemptEnd: () => {} }] });
    const seen: number[] = [];
    const middleware: Middleware = {
      onResponse: ({ response }) => void seen.push(response.status),
    };
    altegio.raw.use(middleware);
    await altegio.raw.GET("/companies");
    expect(seen).toEqual([200]);
    expect(rec.events.filter((e) => e.hook === "onAttemptStart")).toHaveLength(3);
  });

  it("keep the other observers running when one throws", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, envelope));
    const rec = recorder();
    const logger = captureLogger();
    const broken: AltegioHooks = {
      onAttemptStart() {
        throw new Error("broken");
      },
      onAttemptEnd: async () => Promise.reject(new Error("async broken")),
    };
    await client({ hooks: [broken, rec.hooks], logger, logLevel: "error" }).raw.GET("/companies");
    await flush();
    expect(rec.names()).toEqual(["onAttemptStart", "onAttemptEnd"]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      "altegio-b2b: the onAttemptStart hook threw; the call goes on: Error: broken",
      "altegio-b2b: the onAttemptEnd hook threw; the call goes on: Error: async broken",
    ]);
  });
});

describe("rate-limit waits", () => {
  it("are reported with how long the built-in limiter held the attempt", async () => {
    const clock = createFakeClock();
    server = await startTestServer((_req, res) => sendJson(res, 200, envelope));
    const rec = recorder();
    const send = createSender({
      limiter: createRateLimiter({ perSecond: 1, perMinute: Infinity, marginMs: 0, clock }),
      clock,
      hooks: rec.hooks,
    });
    await send(new Request(`${server.url}/a`));
    const second = send(new Request(`${server.url}/b`));
    await flush();
    expect(rec.names()).toEqual(["onAttemptStart", "onAttemptEnd"]); // the second is queued
    await clock.advance(1_000);
    await second;
    expect(rec.names()).toEqual([
      "onAttemptStart",
      "onAttemptEnd",
      "onRateLimitWait",
      "onAttemptStart",
      "onAttemptEnd",
    ]);
    expect(rec.events[2]!.event).toMatchObject({ path: "/b", attempt: 1, waitedMs: 1_000 });
  });

  it("through the client: a custom limiter that makes calls wait shows up in hooks and debug lines", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, envelope));
    const rec = recorder();
    const logger = captureLogger();
    let calls = 0;
    const rateLimiter = {
      // The first request passes at once; the second is held for a real 25 ms.
      acquire: () =>
        calls++ === 0 ? Promise.resolve() : new Promise<void>((ok) => setTimeout(ok, 25)),
    };
    const altegio = client({ rateLimiter, hooks: rec.hooks, logger, logLevel: "debug" });
    await altegio.raw.GET("/companies");
    await altegio.raw.GET("/companies");
    const waits = rec.events.filter((e) => e.hook === "onRateLimitWait").map((e) => e.event);
    expect(waits).toHaveLength(1);
    expect(waits[0]!.waitedMs).toBeGreaterThanOrEqual(20);
    const lines = logger.lines.filter((l) => l.message.includes("rate limiter"));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toMatch(
      /^altegio-b2b: GET \/companies \(attempt 1\) waited \d+ ms for the rate limiter$/,
    );
  });
});

describe("troubled attempts", () => {
  // The quiet log levels watch only these, so a clean call at the default level builds no event at all.
  it("are every attempt that failed, got 400 or more, or came after the first; a clean 200 is none", async () => {
    let n = 0;
    server = await startTestServer((req, res) => {
      if (req.path === "/missing") return sendJson(res, 404, { success: false });
      if (req.path === "/flaky" && n++ === 0) return sendJson(res, 503, {}, { "retry-after": "0" });
      sendJson(res, 200, envelope);
    });
    const seen: { path: string; attempt: number; status?: number; willRetry: boolean }[] = [];
    const send = createSender({
      onTroubledAttempt: ({ path, attempt, status, willRetry }) =>
        void seen.push({ path, attempt, status, willRetry }),
    });
    await send(new Request(`${server.url}/fine`));
    expect(seen).toEqual([]);
    await send(new Request(`${server.url}/missing`));
    await send(new Request(`${server.url}/flaky`));
    expect(seen).toEqual([
      { path: "/missing", attempt: 1, status: 404, willRetry: false },
      { path: "/flaky", attempt: 1, status: 503, willRetry: true },
      { path: "/flaky", attempt: 2, status: 200, willRetry: false },
    ]);
  });
});
