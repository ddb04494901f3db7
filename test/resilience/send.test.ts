import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { defaults } from "../../src/defaults.js";
import { AltegioConnectionError, AltegioTimeoutError } from "../../src/errors.js";
import { systemClock, type Clock } from "../../src/internal/clock.js";
import { errorCodes } from "../../src/internal/retry.js";
import { createRateLimiter, type RateLimiter } from "../../src/internal/rate-limiter.js";
import { createSender, type SenderOptions } from "../../src/internal/send.js";
import { createFakeClock, flush } from "../helpers/fake-clock.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

// A whole second, so HTTP dates (1 s resolution) convert exactly.
const NOW = Date.UTC(2024, 0, 1, 12, 0, 0);

/** Fixed time; sleeps return at once but are recorded (and may run a hook first). */
function instantClock(onSleep?: (ms: number, signal?: AbortSignal) => void | Promise<void>) {
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => NOW,
    async sleep(ms, signal) {
      sleeps.push(ms);
      await onSleep?.(ms, signal);
      signal?.throwIfAborted();
    },
  };
  return { clock, sleeps };
}

/** A limiter that lets everything through and records what it was told. */
function spyLimiter() {
  const rateLimited: (number | undefined)[] = [];
  let acquired = 0;
  const limiter: RateLimiter = {
    async acquire(signal) {
      signal?.throwIfAborted();
      acquired++;
    },
    onRateLimited: (ms) => void rateLimited.push(ms),
  };
  return { limiter, rateLimited, acquired: () => acquired };
}

/** Answers with `steps[i]` for the i-th request, repeating the last step. */
function sequence(
  ...steps: Parameters<TestServer["handle"]>[0][]
): Parameters<TestServer["handle"]>[0] {
  let i = 0;
  return (req, res) => steps[Math.min(i++, steps.length - 1)]!(req, res);
}

const ok: Parameters<TestServer["handle"]>[0] = (req, res) =>
  sendJson(res, 200, { ok: true, body: req.body });
const status =
  (code: number, headers: Record<string, string> = {}): Parameters<TestServer["handle"]>[0] =>
  (_req, res) =>
    sendJson(res, code, { success: false }, headers);
const hang: Parameters<TestServer["handle"]>[0] = () => {};
const resetMidBody: Parameters<TestServer["handle"]>[0] = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
  res.write('{"data": [1, 2', () => res.socket?.destroy());
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function setup(options: SenderOptions = {}) {
  const spy = spyLimiter();
  const time = instantClock();
  const send = createSender({
    limiter: spy.limiter,
    clock: time.clock,
    random: () => 0.5,
    ...options,
  });
  return { send, spy, sleeps: time.sleeps };
}

describe("429", () => {
  it("honours Retry-After in seconds and tells the limiter", async () => {
    server = await startTestServer(sequence(status(429, { "retry-after": "2" }), ok));
    const { send, spy, sleeps } = setup();
    const response = await send(new Request(`${server.url}/x`));
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(spy.rateLimited).toEqual([2000]);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const date = new Date(NOW + 5000).toUTCString();
    server = await startTestServer(sequence(status(429, { "retry-after": date }), ok));
    const { send, spy, sleeps } = setup();
    expect((await send(new Request(`${server.url}/x`))).status).toBe(200);
    expect(sleeps).toEqual([5000]);
    expect(spy.rateLimited).toEqual([5000]);
  });

  it("backs off with jitter when there is no Retry-After", async () => {
    server = await startTestServer(sequence(status(429), status(429), ok));
    const { send, spy, sleeps } = setup();
    expect((await send(new Request(`${server.url}/x`))).status).toBe(200);
    expect(sleeps).toEqual([250, 500]);
    expect(spy.rateLimited).toEqual([undefined, undefined]);
  });

  it("returns the 429 at once when Retry-After exceeds maxRetryAfterMs", async () => {
    server = await startTestServer(status(429, { "retry-after": "3600" }));
    const { send, spy, sleeps } = setup();
    const response = await send(new Request(`${server.url}/x`));
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ success: false });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(spy.rateLimited).toEqual([defaults.retry.maxRetryAfterMs]);
  });

  it("returns the last 429 once retries are exhausted", async () => {
    server = await startTestServer(status(429, { "retry-after": "1" }));
    const { send } = setup({ maxRetries: 2 });
    expect((await send(new Request(`${server.url}/x`))).status).toBe(429);
    expect(server.requests).toHaveLength(3);
  });
});

describe("idempotent retries", () => {
  it("rides out a 503 burst, rate limiting every attempt", async () => {
    server = await startTestServer(sequence(status(503), status(503), ok));
    const { send, spy, sleeps } = setup();
    const response = await send(new Request(`${server.url}/x`));
    expect(await response.json()).toEqual({ ok: true, body: "" });
    expect(response.url).toBe(`${server.url}/x`);
    expect(server.requests).toHaveLength(3);
    expect(spy.acquired()).toBe(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it("retries a connection reset mid-response", async () => {
    server = await startTestServer(sequence(resetMidBody, ok));
    const { send } = setup();
    const response = await send(new Request(`${server.url}/x`));
    expect(await response.json()).toEqual({ ok: true, body: "" });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a truncated JSON body", async () => {
    server = await startTestServer(
      sequence((_req, res) => {
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": "50",
          connection: "close",
        });
        res.end('{"data": {"id": 1');
      }, ok),
    );
    const { send } = setup({ timeoutMs: 5000 });
    const response = await send(new Request(`${server.url}/x`));
    expect(await response.json()).toEqual({ ok: true, body: "" });
    expect(server.requests).toHaveLength(2);
  });

  it("throws AltegioTimeoutError after maxRetries + 1 attempts at a server that never answers", async () => {
    server = await startTestServer(hang);
    const { send } = setup({ timeoutMs: 100, maxRetries: 2 });
    const error = await send(new Request(`${server.url}/x`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
    expect((error as Error).message).toContain("timed out after 100 ms");
    expect(server.requests).toHaveLength(3);
  });

  it("covers a body that stalls after the headers with the timeout", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    const { send } = setup({ timeoutMs: 100, maxRetries: 1 });
    await expect(send(new Request(`${server.url}/x`))).rejects.toBeInstanceOf(AltegioTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it("returns a proxy's HTML 502 after maxRetries + 1 attempts", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    const { send } = setup();
    const response = await send(new Request(`${server.url}/x`));
    expect(response.status).toBe(502);
    expect(await response.text()).toContain("502 Bad Gateway");
    expect(server.requests).toHaveLength(3);
  });

  it("re-sends the request body byte-identical on every attempt", async () => {
    server = await startTestServer(sequence(status(503), status(500), ok));
    const { send } = setup();
    const body = JSON.stringify({ title: "Шампунь «Люкс» 🧴", amount: 1.5, tags: ["a", "b"] });
    const response = await send(
      new Request(`${server.url}/goods/1/2`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-trace": "t-1" },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    for (const r of server.requests) {
      expect(r.method).toBe("PUT");
      expect(r.body).toBe(body);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-trace"]).toBe("t-1");
    }
  });

  it("lets a call lower maxRetries", async () => {
    server = await startTestServer(status(503));
    const { send } = setup();
    const response = await send(new Request(`${server.url}/x`), { maxRetries: 0 });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("wraps a refused connection in AltegioConnectionError with its cause", async () => {
    const port = await closedPort();
    let attempts = 0;
    const { send } = setup({
      maxRetries: 1,
      fetch: (request, init) => (attempts++, fetch(request, init)),
    });
    const error = await send(new Request(`http://127.0.0.1:${port}/x`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioConnectionError);
    expect(error).not.toBeInstanceOf(AltegioTimeoutError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(errorCodes((error as Error).cause)).toContain("ECONNREFUSED");
    expect(attempts).toBe(2);
  });
});

describe("POST is never sent twice", () => {
  const post = (url: string) =>
    new Request(`${url}/goods/1`, { method: "POST", body: '{"title":"x"}' });

  it("returns a 503 without retrying", async () => {
    server = await startTestServer(sequence(status(503), ok));
    const { send } = setup();
    expect((await send(post(server.url))).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("returns a 429 without retrying", async () => {
    server = await startTestServer(sequence(status(429, { "retry-after": "1" }), ok));
    const { send, spy } = setup();
    expect((await send(post(server.url))).status).toBe(429);
    expect(server.requests).toHaveLength(1);
    expect(spy.rateLimited).toEqual([1000]);
  });

  it("throws on a reset without retrying", async () => {
    server = await startTestServer(sequence(resetMidBody, ok));
    const { send } = setup();
    await expect(send(post(server.url))).rejects.toBeInstanceOf(AltegioConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("throws on a timeout without retrying", async () => {
    server = await startTestServer(sequence(hang, ok));
    const { send } = setup({ timeoutMs: 100 });
    await expect(send(post(server.url))).rejects.toBeInstanceOf(AltegioTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("is retried when the connection was refused, since nothing was sent", async () => {
    const port = await closedPort();
    // The server comes up while the sender backs off; its own count proves one POST arrived.
    const time = instantClock(async () => {
      server = await startTestServer(ok, { port });
    });
    const send = createSender({ clock: time.clock, random: () => 0 });
    const response = await send(post(`http://127.0.0.1:${port}`));
    expect(await response.json()).toEqual({ ok: true, body: '{"title":"x"}' });
    expect(server!.requests).toHaveLength(1);
    expect(time.sleeps).toHaveLength(1);
  });
});

describe("cancellation", () => {
  it("rejects with the reason of an already-aborted signal and sends nothing", async () => {
    server = await startTestServer();
    const { send } = setup();
    const reason = new Error("never mind");
    const request = new Request(`${server.url}/x`, { signal: AbortSignal.abort(reason) });
    await expect(send(request)).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("aborts while queued in the limiter", async () => {
    server = await startTestServer();
    const clock = createFakeClock();
    const send = createSender({ limiter: createRateLimiter({ perSecond: 1, clock }), clock });
    await send(new Request(`${server.url}/first`));
    const controller = new AbortController();
    const queued = send(new Request(`${server.url}/second`), { signal: controller.signal });
    await flush();
    const reason = new Error("stop waiting");
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    await clock.advance(5000);
    expect(server.requests.map((r) => r.path)).toEqual(["/first"]);
  });

  it("aborts in flight with the caller's reason, not a timeout, and does not retry", async () => {
    const controller = new AbortController();
    const reason = new Error("user left");
    server = await startTestServer(() => controller.abort(reason));
    const { send } = setup();
    const request = new Request(`${server.url}/x`, { signal: controller.signal });
    await expect(send(request)).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(1);
  });

  it("aborts while backing off between attempts", async () => {
    server = await startTestServer(status(503));
    const controller = new AbortController();
    const reason = new Error("enough");
    const clock: Clock = {
      now: systemClock.now,
      sleep(ms, signal) {
        setImmediate(() => controller.abort(reason));
        return systemClock.sleep(ms, signal);
      },
    };
    const send = createSender({
      clock,
      random: () => 0.99,
      retry: { ...defaults.retry, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await expect(send(new Request(`${server.url}/x`), { signal: controller.signal })).rejects.toBe(
      reason,
    );
    expect(server.requests).toHaveLength(1);
  });
});

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
