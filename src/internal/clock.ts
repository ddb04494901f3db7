/** Time as the resilience layer sees it; tests inject their own to drive waits without the real clock. */
export interface Clock {
  /** Milliseconds since the epoch; must never go backwards (the rate limiter's windows rely on it). */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Real time. `now` is monotonic (wall-clock adjustments cannot shrink or stretch a rate window) yet close enough to
 * the epoch to compare with `Retry-After` dates, which have one-second resolution.
 */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        // Node fires longer timers at once; no wait in this package comes near 24 days.
        Math.min(2 ** 31 - 1, Math.max(0, Math.ceil(ms))),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};
