import { afterEach, describe, expect, it } from "vitest";
import { AltegioTimeoutError } from "../../src/errors.js";
import { createSender } from "../../src/internal/send.js";
import { createSignalPool } from "../../src/internal/signal-pool.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("signal pool", () => {
  it("lends a released signal again, up to maxUses, and never one that aborted", () => {
    const pool = createSignalPool(3, 4);
    const first = pool.lease();
    pool.release(first);
    const second = pool.lease();
    expect(second.controller).toBe(first.controller);
    pool.release(second);
    const third = pool.lease();
    expect(third.controller).toBe(first.controller);
    pool.release(third); // its third use: retired
    const fresh = pool.lease();
    expect(fresh.controller).not.toBe(first.controller);
    fresh.controller.abort(new Error("timeout"));
    pool.release(fresh);
    const next = pool.lease();
    expect(next.controller).not.toBe(fresh.controller);
    expect(next.controller.signal.aborted).toBe(false);
  });

  it("holds each signal for one lease at a time and keeps at most maxIdle", () => {
    const pool = createSignalPool(100, 2);
    const held = [pool.lease(), pool.lease(), pool.lease()];
    expect(new Set(held.map((l) => l.controller)).size).toBe(3);
    held.forEach((lease) => pool.release(lease));
    const again = [pool.lease(), pool.lease(), pool.lease()].map((l) => l.controller);
    expect(again.filter((c) => held.some((l) => l.controller === c))).toHaveLength(2);
  });
});

describe("attempt signals in the sender", () => {
  it("reuse one signal for calls one after another, and give a fresh one after a timeout", async () => {
    const seen: AbortSignal[] = [];
    let stall = false;
    const send = createSender({
      timeoutMs: 50,
      maxRetries: 0,
      fetch: (_request, init) => {
        seen.push(init.signal);
        if (!stall) return Promise.resolve(new Response("{}"));
        return new Promise((_resolve, reject) =>
          init.signal.addEventListener("abort", () => reject(init.signal.reason)),
        );
      },
    });
    const get = () => send(new Request("http://127.0.0.1:1/x"));
    await get();
    await get();
    expect(seen[1]).toBe(seen[0]);
    stall = true;
    await expect(get()).rejects.toBeInstanceOf(AltegioTimeoutError);
    expect(seen[2]!.aborted).toBe(true);
    stall = false;
    await get();
    expect(seen[3]).not.toBe(seen[2]);
    expect(seen[3]!.aborted).toBe(false);
  });

  it("never shares a signal between attempts in flight: one timing out leaves the other alone", async () => {
    server = await startTestServer((req, res) => {
      if (req.url === "/hang") return; // never answers
      setTimeout(() => sendJson(res, 200, { ok: true }), 150);
    });
    const send = createSender({ timeoutMs: 60, maxRetries: 0 });
    // Warm the pool so both calls could be handed the same signal if it were shared.
    await Promise.all([
      send(new Request(`${server.url}/ok`), { timeoutMs: 1000 }),
      send(new Request(`${server.url}/ok`), { timeoutMs: 1000 }),
    ]);
    const [hung, slow] = await Promise.allSettled([
      send(new Request(`${server.url}/hang`)),
      send(new Request(`${server.url}/ok`), { timeoutMs: 1000 }),
    ]);
    expect(hung.status === "rejected" && hung.reason).toBeInstanceOf(AltegioTimeoutError);
    expect(slow.status === "fulfilled" && (await slow.value.json())).toEqual({ ok: true });
  });
});
