import { randomBytes } from "node:crypto";
import {
  AltegioError,
  AltegioInputError,
  createRateLimiter,
  systemClock,
  type RateLimiter,
} from "../index.js";
import { checkKey, Connection } from "./connection.js";
import { checkLimits, FACTORY, type RedisRateLimiterOptions } from "./rate-options.js";
import { RATE_SCRIPT } from "./rate-script.js";

export type { RedisRateLimiterOptions };

/** A {@link RateLimiter} whose budget is shared through Redis. */
export interface RedisRateLimiter extends RateLimiter {
  /** Rejects waiting requests and closes the connection this limiter opened (a passed-in client stays open). */
  close(): Promise<void>;
}

interface Waiter {
  signal: AbortSignal | undefined;
  resolve(): void;
  reject(reason: unknown): void;
}

type Mode = "shared" | "fallback" | "recovering";

const PROBE_MS = 500;

/**
 * Creates a rate limiter shared by every process that uses the same Redis and `key`. Returns at once; connects on
 * the first request. Both sliding windows are checked and consumed in one Lua script on Redis's clock; each process
 * queues its own requests in order; a 429 seen by any process slows down all of them.
 * @example
 * const rateLimiter = createRedisRateLimiter({ url: process.env.REDIS_URL, perSecond: 5, perMinute: 200 });
 * const altegio = createAltegioClient({ partnerToken, credentials, rateLimiter });
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const limits = checkLimits(options);
  const key = checkKey(FACTORY, options.key);
  const connection = new Connection(FACTORY, options);
  const keys = [`${key}:rate:log`, `${key}:rate:backoff`];
  const margin = limits.marginMs;
  const secondMs = 1_000 + margin;
  const minuteMs = 60_000 + margin;
  const lateMs = Math.max(5, margin / 2);
  const keepMs =
    limits.perMinute !== Infinity ? minuteMs : limits.perSecond !== Infinity ? secondMs : 0;
  // The script's fixed arguments (see rate-script.ts): limits, windows, factor.
  const fixedArgs = [
    finite(limits.perSecond),
    finite(limits.perMinute),
    secondMs,
    minuteMs,
    limits.factor,
  ];
  const processId = randomBytes(6).toString("hex");
  let sequence = 0;
  const nextId = () => `${processId}:${(sequence++).toString(36)}`;

  const queue: Waiter[] = [];
  // This process's grants of the last window, whoever granted them: they seed a fallback limiter and, once Redis
  // answers again, Redis itself.
  const sent: { at: number; id: string }[] = [];
  let mode: Mode = "shared";
  let fallback: RateLimiter | undefined;
  let recoveredAt = 0;
  let probe: ReturnType<typeof setTimeout> | undefined;
  let lastRateLimited: { at: number; retryAfterMs: number | undefined } | undefined;
  let pumping = false;
  let closed = false;
  // Ends the pump's current wait: on close, or when the last waiting request gives up (so nothing keeps the process
  // alive for a slot nobody wants).
  let stopWaiting: AbortController | undefined;

  // Redis may lack some of `sent` (grants made while it was away, or a restart) while `seededVersion` lags
  // `unseededVersion`; each such event bumps the latter, so a seed sent before a newer event is not trusted.
  let unseededVersion = 0;
  let seededVersion = 0;

  /** One round trip: record what Redis missed (if anything), then `op`. Resolves with the script's answer. */
  async function ask(op: "acquire" | "seed" | "backoff", member = "", retryAfterMs = 0) {
    const version = unseededVersion;
    const args: (string | number)[] = [
      op,
      ...fixedArgs,
      member,
      retryAfterMs,
      limits.cooldownMs,
      // Slots up to one per-second window ahead are booked at once; a longer wait (the per-minute window) is asked
      // again at its end, so a crashed process never holds a slot far in the future.
      secondMs,
    ];
    if (version !== seededVersion) {
      const t = systemClock.now();
      prune(t);
      for (const s of sent) args.push((t - s.at).toFixed(3), s.id); // booked slots: negative ages
    }
    const wait = Number(await connection.eval(RATE_SCRIPT, keys, args));
    seededVersion = Math.max(seededVersion, version);
    if (mode === "fallback") {
      recovered();
      connection.warn("Redis answers again; back on the shared budget");
    }
    return wait;
  }

  function prune(t: number): void {
    while (sent.length > 0 && sent[0]!.at <= t - keepMs) sent.shift();
  }

  function record(id: string, local = false, inMs = 0): void {
    if (local) unseededVersion++;
    const t = systemClock.now();
    prune(t);
    sent.push({ at: t + inMs, id });
  }

  function enterFallback(error: unknown): void {
    if (mode !== "fallback") {
      connection.warn(
        `Redis is unreachable, so each process limits itself to ${limits.fallbackShare} of the budget until it ` +
          `answers again: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (mode !== "recovering" || !fallback) fallback = localLimiter();
    mode = "fallback";
    unseededVersion++;
    scheduleProbe();
  }

  function localLimiter(): RateLimiter {
    const t = systemClock.now();
    prune(t);
    const local = createRateLimiter({
      perSecond: share(limits.perSecond, limits.fallbackShare),
      perMinute: share(limits.perMinute, limits.fallbackShare),
      marginMs: margin,
      cooldownMs: limits.cooldownMs,
      factor: limits.factor,
      sentAt: sent.map((s) => s.at),
    });
    const seen = lastRateLimited;
    if (seen && t - seen.at < (seen.retryAfterMs ?? 0) + limits.cooldownMs) {
      local.onRateLimited?.(seen.retryAfterMs && Math.max(0, seen.retryAfterMs - (t - seen.at)));
    }
    return local;
  }

  // While Redis is away, one look every PROBE_MS (at once when node-redis reconnects), carrying the seed.
  function scheduleProbe(delay = PROBE_MS): void {
    if (probe || closed) return;
    probe = setTimeout(async () => {
      probe = undefined;
      if (mode !== "fallback" || closed) return;
      try {
        await ask("seed");
      } catch {
        scheduleProbe();
      }
    }, delay);
    probe.unref?.();
  }
  // Reconnected: Redis may have restarted empty. Record this process's recent grants at once (an idle process too),
  // and keep the local limit for `recoveryMs` while the other processes do the same.
  connection.onReady(() => {
    unseededVersion++;
    if (mode === "shared") {
      fallback = localLimiter();
      recovered();
    }
    ask("seed").catch((error: unknown) => enterFallback(error));
  });

  function recovered(): void {
    mode = "recovering";
    recoveredAt = systemClock.now();
  }

  // Resolves when the request at the head of the queue may go, or throws (abort, close). Waits serve the queue as a
  // whole: a head that gives up simply leaves the slot to the next one (the loop stops when nobody is left).
  async function grant(callerSignal: AbortSignal | undefined): Promise<void> {
    let local = false;
    const stop = new AbortController();
    stopWaiting = stop;
    for (;;) {
      if (closed) throw closedError();
      if (queue.length === 0) throw new AltegioError("nobody is waiting");
      if (mode === "recovering" && systemClock.now() - recoveredAt >= limits.recoveryMs) {
        mode = "shared";
        fallback = undefined;
      }
      if (mode !== "shared" && !local) {
        // Rarely reached (fallback with a caller's signal), so combining signals here costs nothing.
        const signal = callerSignal ? AbortSignal.any([callerSignal, stop.signal]) : stop.signal;
        await fallback!.acquire(signal);
        local = true;
      }
      if (mode === "fallback") return record(nextId(), true);
      const id = nextId();
      let wait: number;
      try {
        wait = await ask("acquire", id);
      } catch (error) {
        if (closed) throw closedError();
        if (error instanceof AltegioInputError) throw error;
        enterFallback(error);
        continue;
      }
      if (wait < 0) {
        await systemClock.sleep(-wait, stop.signal);
        continue;
      }
      record(id, false, wait);
      if (wait === 0) return;
      // The slot is this process's now: if the head gives up meanwhile, the next request in line takes it.
      const due = systemClock.now() + wait;
      await systemClock.sleep(wait, stop.signal);
      // Woken too late (a starved CPU) to still be inside the margin the windows keep for the trip to the server:
      // ask again. The late slot stays counted, so this only ever errs on the slow side.
      if (systemClock.now() - due <= lateMs) return;
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !closed) {
        const head = queue[0]!;
        try {
          await grant(head.signal);
        } catch (error) {
          // An aborted head is already gone; a setup error (e.g. no `redis` package) fails the request.
          if (queue[0] === head && !head.signal?.aborted && !closed) queue.shift()!.reject(error);
          continue;
        }
        // If the head gave up while the grant was on its way, the next request takes the slot.
        queue.shift()?.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (closed) return Promise.reject(closedError());
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0) stopWaiting?.abort();
          reject(signal!.reason);
        };
        const waiter: Waiter = {
          signal,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          reject,
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        void pump();
      });
    },
    onRateLimited(retryAfterMs) {
      lastRateLimited = { at: systemClock.now(), retryAfterMs };
      fallback?.onRateLimited?.(retryAfterMs);
      if (mode === "fallback" || closed) return;
      ask("backoff", "", retryAfterMs ?? 0).catch((error: unknown) => {
        if (!(error instanceof AltegioInputError)) enterFallback(error);
      });
    },
    async close() {
      closed = true;
      stopWaiting?.abort(closedError());
      if (probe) clearTimeout(probe);
      for (const waiter of queue.splice(0)) waiter.reject(closedError());
      await connection.close();
    },
  };
}

const closedError = () => new AltegioError("The Redis rate limiter was closed");
const finite = (limit: number) => (limit === Infinity ? 0 : limit);
const share = (limit: number, fraction: number) =>
  limit === Infinity ? Infinity : Math.max(1, Math.floor(limit * fraction));
