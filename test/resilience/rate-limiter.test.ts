import { afterEach, describe, expect, it } from "vitest";
import { AltegioInputError } from "../../src/errors.js";
import { createRateLimiter, type RateLimiter } from "../../src/internal/rate-limiter.js";
import { createSender } from "../../src/internal/send.js";
import { createFakeClock, flush, type FakeClock } from "../helpers/fake-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/** The most timestamps any closed window [t, t + windowMs] holds. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

/** Starts `count` acquires and records when (clock time) and in which order each was let go. */
function burst(limiter: RateLimiter, clock: FakeClock, count: number, signals: AbortSignal[] = []) {
  const granted: { index: number; at: number }[] = [];
  const results = Array.from({ length: count }, (_, index) =>
    limiter.acquire(signals[index]).then(() => {
      granted.push({ index, at: clock.now() });
    }),
  );
  return { granted, results };
}

async function runAll(clock: FakeClock, results: Promise<unknown>[]) {
  const all = Promise.allSettled(results);
  let done = false;
  void all.then(() => (done = true));
  await flush();
  while (!done && (await clock.next()));
  return all;
}

describe("createRateLimiter (injected clock)", () => {
  it("never lets more than perSecond into any 1 s window or perMinute into any 60 s window", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 3, perMinute: 10, clock });
    const { granted, results } = burst(limiter, clock, 25);
    await runAll(clock, results);
    const times = granted.map((g) => g.at);
    expect(times).toHaveLength(25);
    expect(maxInWindow(times, 1000)).toBe(3);
    expect(maxInWindow(times, 60_000)).toBe(10);
    // Sliding, not bucketed, and not slower than needed: the 4th leaves one widened second after the 1st,
    // the 11th one widened minute after the 1st.
    const t0 = times[0]!;
    expect(times[3]! - t0).toBe(1250);
    expect(times[10]! - t0).toBe(60_250);
  });

  it("lets requests go in FIFO order", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 2, perMinute: 100, clock });
    const { granted, results } = burst(limiter, clock, 9);
    await runAll(clock, results);
    expect(granted.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("drops an aborted waiter with its reason, keeping the others' order and slots", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 1, perMinute: 100, clock });
    const controllers = Array.from({ length: 4 }, () => new AbortController());
    const { granted, results } = burst(
      limiter,
      clock,
      4,
      controllers.map((c) => c.signal),
    );
    await flush();
    const reason = new Error("caller gave up");
    controllers[2]!.abort(reason);
    await expect(results[2]).rejects.toBe(reason);
    await runAll(clock, results);
    const t0 = granted[0]!.at;
    expect(granted.map((g) => [g.index, g.at - t0])).toEqual([
      [0, 0],
      [1, 1250],
      [3, 2500],
    ]);
  });

  it("rejects at once with the reason of an already-aborted signal, and cancels its wake-up when idle", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 1, perMinute: 100, clock });
    const reason = new Error("already");
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await flush();
    expect(clock.pending()).toBe(1);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(clock.pending()).toBe(0);
  });

  it("halves the rate for the cooldown after a 429 without Retry-After", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 10, perMinute: 1000, clock, marginMs: 0 });
    const t0 = clock.now();
    limiter.onRateLimited!();
    const { granted, results } = burst(limiter, clock, 10);
    await runAll(clock, results);
    const offsets = granted.map((g) => g.at - t0);
    expect(offsets).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000]);
    // After the cooldown the full rate is back.
    await clock.advance(10_000);
    const later = burst(limiter, clock, 10);
    await runAll(clock, later.results);
    expect(new Set(later.granted.map((g) => g.at)).size).toBe(1);
  });

  it("lets nothing leave before Retry-After, then runs slower for the cooldown", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 4, perMinute: 1000, clock, marginMs: 0 });
    const t0 = clock.now();
    limiter.onRateLimited!(3000);
    const { granted, results } = burst(limiter, clock, 4);
    await runAll(clock, results);
    expect(granted.map((g) => g.at - t0)).toEqual([3000, 3000, 4000, 4000]);
  });

  it("rejects nonsensical limits", () => {
    expect(() => createRateLimiter({ perSecond: 0 })).toThrow(AltegioInputError);
    expect(() => createRateLimiter({ perMinute: Number.NaN })).toThrow(AltegioInputError);
    expect(() => createRateLimiter({ factor: 2 })).toThrow(AltegioInputError);
    expect(() => createRateLimiter({ perSecond: Infinity, perMinute: Infinity })).not.toThrow();
  });
});

describe("rate limiting through a real server", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("keeps a burst of 50 calls within both windows, measured by arrival, in FIFO order", async () => {
    const clock = createFakeClock();
    server = await startTestServer(undefined, { now: clock.now });
    let inFlight = 0;
    const send = createSender({
      limiter: createRateLimiter({ perSecond: 10, perMinute: 30, clock }),
      clock,
      // Counts requests on the wire, so virtual time only moves while nothing is in transit and arrival times
      // are exactly what the limiter let go.
      fetch: async (request, init) => {
        inFlight++;
        try {
          const response = await fetch(request, init);
          return new Response(await response.arrayBuffer(), response);
        } finally {
          inFlight--;
        }
      },
    });
    const base = server.url;
    const all = Promise.all(
      Array.from({ length: 50 }, (_, i) => send(new Request(`${base}/item/${i}`))),
    );
    let done = false;
    void all.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      await flush();
      if (inFlight > 0 || done) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      if (!(await clock.next())) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const responses = await all;
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const arrivals = server.requests.map((r) => r.arrivedAt);
    expect(arrivals).toHaveLength(50);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(arrivals, 60_000)).toBeLessThanOrEqual(30);
    // Requests let go together may overtake each other on the wire; across grant times, order is kept.
    const groups = new Map<number, number[]>();
    for (const r of server.requests) {
      groups.set(r.arrivedAt, [...(groups.get(r.arrivedAt) ?? []), Number(r.path.split("/")[2])]);
    }
    const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids);
    expect(ordered.map((ids) => [...ids].sort((a, b) => a - b))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22, 23, 24, 25, 26, 27, 28, 29],
      [30, 31, 32, 33, 34, 35, 36, 37, 38, 39],
      [40, 41, 42, 43, 44, 45, 46, 47, 48, 49],
    ]);
  });
});
