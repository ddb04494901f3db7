import { afterEach, describe, expect, it } from "vitest";
import { AltegioTimeoutError, type AltegioClientOptions } from "../../src/index.js";
import type { RateLimiter } from "../../src/internal/rate-limiter.js";
import {
  sendJson,
  startTestServer,
  type TestHandler,
  type TestServer,
} from "../helpers/test-server.js";
import { testClient } from "../helpers/test-client.js";

// End to end through createAltegioClient: per-call options ride on raw calls down to the attempt loop.

let server: TestServer;
afterEach(() => server?.close());

const envelope = { success: true, data: [{ id: 1, title: "Salon" }], meta: [] };
const unavailable: TestHandler = (_req, res) => sendJson(res, 503, { success: false });
const okEnvelope: TestHandler = (_req, res) => sendJson(res, 200, envelope);

function sequence(...steps: TestHandler[]): TestHandler {
  let i = 0;
  return (req, res) => steps[Math.min(i++, steps.length - 1)]!(req, res);
}

const client = (options: Partial<AltegioClientOptions> = {}) => testClient(server, options);

describe("resilience through createAltegioClient", () => {
  it("retries a GET through a 503 and rate limits every attempt with a custom limiter", async () => {
    server = await startTestServer(sequence(unavailable, okEnvelope));
    let acquired = 0;
    const rateLimiter: RateLimiter = {
      acquire: async () => void acquired++,
    };
    // A zero-width backoff is not configurable on the client; the first backoff is at most 0.5 s.
    const { data, response } = await client({ rateLimiter }).raw.GET("/companies");
    expect(response.status).toBe(200);
    expect(data).toEqual(envelope);
    expect(server.requests).toHaveLength(2);
    expect(acquired).toBe(2);
  });

  it("honours a per-call maxRetries", async () => {
    server = await startTestServer(unavailable);
    const { response } = await client().raw.GET("/companies", { maxRetries: 0 });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("honours a per-call timeoutMs", async () => {
    server = await startTestServer(() => {});
    const call = client({ maxRetries: 0 }).raw.GET("/companies", { timeoutMs: 50 });
    await expect(call).rejects.toBeInstanceOf(AltegioTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects with the caller's reason when the signal aborts in flight", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    server = await startTestServer(() => controller.abort(reason));
    const call = client().raw.GET("/companies", { signal: controller.signal });
    await expect(call).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("never sends a POST twice", async () => {
    server = await startTestServer(unavailable);
    const { response } = await client().raw.POST("/auth", {
      body: { login: "jo@example.com", password: "secret-password" },
    });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});
