/** Calls `expire` once `ms` have passed, unless the returned function is called first. */
export type Watch = (ms: number, expire: () => void) => () => void;

type Timer = ReturnType<typeof setTimeout> & { ref?(): unknown; unref?(): unknown };

interface Entry {
  at: number;
  expire: () => void;
}

/**
 * Attempt timeouts on one shared timer. A timer per attempt would be created and cleared on every call, and re-arming
 * the runtime's timer queue each time cost a measurable share of a call; with the same budget for every attempt,
 * each new deadline is later than the ones already pending, so the armed timer stays as it is. It only keeps the
 * process alive while some attempt is pending (unref where the runtime has it, cleared where it does not).
 */
export function createDeadlines(now: () => number = () => performance.now()): Watch {
  const pending = new Set<Entry>();
  let timer: Timer | undefined;
  let armedAt = Infinity;
  let held = false;

  function arm(at: number): void {
    if (timer !== undefined && armedAt <= at) return;
    clearTimeout(timer);
    armedAt = at;
    timer = setTimeout(sweep, Math.max(0, Math.ceil(at - now()))) as Timer;
    held = true;
  }

  function release(): void {
    if (!held || timer === undefined) return;
    if (timer.unref) {
      timer.unref();
      held = false;
    } else {
      clearTimeout(timer);
      timer = undefined;
      armedAt = Infinity;
    }
  }

  function sweep(): void {
    timer = undefined;
    armedAt = Infinity;
    const t = now();
    let next = Infinity;
    for (const entry of pending) {
      if (entry.at <= t) {
        pending.delete(entry);
        entry.expire();
      } else if (entry.at < next) {
        next = entry.at;
      }
    }
    if (next !== Infinity) arm(next);
  }

  return (ms, expire) => {
    const entry: Entry = { at: now() + ms, expire };
    pending.add(entry);
    if (timer !== undefined && !held) {
      timer.ref?.();
      held = true;
    }
    arm(entry.at);
    return () => {
      if (pending.delete(entry) && pending.size === 0) release();
    };
  };
}
