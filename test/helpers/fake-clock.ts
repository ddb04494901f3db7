import type { Clock } from "../../src/internal/clock.js";

/** A clock that only moves when the test says so. */
export interface FakeClock extends Clock {
  /** Every duration passed to `sleep`, in call order. */
  readonly sleeps: number[];
  /** Number of sleeps still waiting. */
  pending(): number;
  /** Moves time forward by `ms`, waking due sleepers in time order and letting their promise chains run. */
  advance(ms: number): Promise<void>;
  /** Jumps to the earliest pending sleep and wakes it (and any due at the same time); false when none. */
  next(): Promise<boolean>;
}

interface Timer {
  at: number;
  resolve(): void;
}

/** Lets every queued promise callback run (one macrotask turn drains the microtask queue). */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  const timers: Timer[] = [];
  const sleeps: number[] = [];

  async function fireDue(): Promise<void> {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > now) return;
      timers.shift();
      due.resolve();
      await flush();
    }
  }

  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          at: now + ms,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal!.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        timers.push(timer);
      });
    },
    pending: () => timers.length,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > end) break;
        now = Math.max(now, due.at);
        await fireDue();
      }
      now = end;
      await flush();
    },
    async next() {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due) return false;
      now = Math.max(now, due.at);
      await fireDue();
      return true;
    },
  };
}
