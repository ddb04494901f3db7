import { defaults } from "../defaults.js";
import { AltegioInputError } from "../errors.js";
import { systemClock, type Clock } from "./clock.js";

/**
 * Decides when each request may leave. A client holds one and calls `acquire` before every attempt (retries
 * included). `createRedisRateLimiter` from `altegio-b2b/redis` shares one budget between processes; implement it
 * yourself for another store, and pass it as the client's `rateLimiter` option.
 */
export interface RateLimiter {
  /** Resolves when one request may be sent now; rejects with `signal.reason` if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /**
   * Told about every 429 the server sent, with its `Retry-After` in milliseconds when it gave one (already
   * capped at `defaults.retry.maxRetryAfterMs`).
   */
  onRateLimited?(retryAfterMs?: number): void;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Most requests in any 1 s window (`Infinity` for no limit).
   * @default 5
   */
  perSecond?: number;
  /**
   * Most requests in any 60 s window (`Infinity` for no limit).
   * @default 200
   */
  perMinute?: number;
  /**
   * Extra width of each window in milliseconds. Requests take varying times to reach the server (a fresh connection
   * pays for TCP and TLS handshakes, a pooled one does not), so two sent just over a window apart could still arrive
   * inside one. Costs little: it stretches 200/min to 200 per 60.25 s.
   * @default 250
   */
  marginMs?: number;
  /**
   * Reduced-rate period after a 429, in milliseconds.
   * @default 10000
   */
  cooldownMs?: number;
  /**
   * Fraction of each limit allowed during the cooldown.
   * @default 0.5
   */
  factor?: number;
  /**
   * Times (`clock.now()`) of requests already sent, which count against the windows as if this limiter had let them
   * go: for a limiter that takes over from another, e.g. while a shared one is unreachable.
   * @default []
   */
  sentAt?: readonly number[];
  /** Time source; tests inject one. */
  clock?: Clock;
}

interface Waiter {
  resolve(): void;
  detach(): void;
}

/**
 * The built-in limiter: true sliding windows over the times requests were let go (no window of 1 s or 60 s, widened
 * by `marginMs`, ever holds more than its limit), a FIFO queue, abortable waits, and an adaptive slowdown after a
 * 429: nothing leaves before the server's `Retry-After`, then every limit is multiplied by `factor` for
 * `cooldownMs`.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const margin = nonNegative("marginMs", options.marginMs ?? defaults.rateLimitMarginMs);
  const cooldownMs = nonNegative("cooldownMs", options.cooldownMs ?? defaults.adaptive.cooldownMs);
  const factor = options.factor ?? defaults.adaptive.factor;
  if (!(factor > 0 && factor <= 1)) throw new AltegioInputError("factor must be in (0, 1]");
  const windows = [
    { ms: 1_000 + margin, limit: positive("perSecond", options.perSecond) },
    { ms: 60_000 + margin, limit: positive("perMinute", options.perMinute) },
  ].filter((w) => w.limit !== Infinity);
  const keepMs = Math.max(0, ...windows.map((w) => w.ms));

  // Times requests were let go, ascending, only those still inside a window.
  const sent: number[] = [...(options.sentAt ?? [])].sort((a, b) => a - b);
  const queue: Waiter[] = [];
  let blockedUntil = -Infinity;
  let slowUntil = -Infinity;
  let wake: AbortController | undefined;

  // Milliseconds until the next request may leave (<= 0: now).
  function delayAt(now: number): number {
    while (sent.length > 0 && sent[0]! <= now - keepMs) sent.shift();
    let wait = blockedUntil - now;
    for (const w of windows) {
      const limit = now < slowUntil ? Math.max(1, Math.floor(w.limit * factor)) : w.limit;
      // A window ending now holds the sends later than now - w.ms; the limit-th newest must have left it.
      const oldest = sent[sent.length - limit];
      if (oldest !== undefined) wait = Math.max(wait, oldest + w.ms - now);
    }
    return wait;
  }

  function pump(): void {
    while (queue.length > 0) {
      const now = clock.now();
      const wait = delayAt(now);
      if (wait > 0) return schedule(wait);
      const waiter = queue.shift()!;
      waiter.detach();
      sent.push(now);
      waiter.resolve();
    }
  }

  // One pending wake-up at a time: the delay only ever grows between wake-ups (time passing and aborts never make
  // the head wait longer; a 429 does, and the wake-up then simply re-checks and sleeps again).
  function schedule(ms: number): void {
    if (wake) return;
    const controller = new AbortController();
    wake = controller;
    clock.sleep(Math.ceil(ms), controller.signal).then(
      () => {
        if (wake !== controller) return;
        wake = undefined;
        pump();
      },
      () => {},
    );
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0 && wake) {
            wake.abort();
            wake = undefined;
          }
          reject(signal!.reason);
        };
        const waiter: Waiter = {
          resolve,
          detach: () => signal?.removeEventListener("abort", onAbort),
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
    },
    onRateLimited(retryAfterMs) {
      const now = clock.now();
      if (retryAfterMs !== undefined && retryAfterMs > 0) {
        blockedUntil = Math.max(blockedUntil, now + retryAfterMs);
      }
      slowUntil = Math.max(slowUntil, Math.max(now, blockedUntil) + cooldownMs);
    },
  };
}

function positive(key: "perSecond" | "perMinute", value: number | undefined): number {
  const limit = value ?? defaults.rateLimit[key];
  if (!(limit >= 1)) throw new AltegioInputError(`rateLimit.${key} must be a number >= 1`);
  return limit === Infinity ? limit : Math.floor(limit);
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0 && Number.isFinite(value))) throw new AltegioInputError(`${name} must be >= 0`);
  return value;
}
