/** Runs `task` once fewer than the limit's tasks are running; tasks start in call order. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** A concurrency limit: at most `max` tasks run at a time, the rest wait in a queue. */
export function createLimit(max: number): Limit {
  const size = Math.max(1, Math.floor(max));
  const waiting: (() => void)[] = [];
  let running = 0;
  // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
