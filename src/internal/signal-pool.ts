/** An abort controller lent to one attempt; give it back with {@link SignalPool.release} when the attempt ends. */
export interface SignalLease {
  readonly controller: AbortController;
  uses: number;
}

/** Lends attempt signals, reusing those that never fired. */
export interface SignalPool {
  lease(): SignalLease;
  /** Call once the attempt is over (response body read or failure); an aborted signal is never lent again. */
  release(lease: SignalLease): void;
}

/**
 * Attempt signals, reused while none of them fired. On Node 20 a new AbortSignal costs a few microseconds, and
 * the first fetch that follows a signal costs several more (undici raises that signal's listener limit); together
 * more than the rest of the client's per-call work. A signal is held by one attempt at a time and only ever aborts
 * for the attempt holding it; the listeners earlier fetches left on it then see an abort of a request long done,
 * which fetch ignores. Each signal is retired after `maxUses`, so those listeners (dropped only when their requests
 * are collected) stay few, and at most `maxIdle` wait for reuse after a burst of concurrent calls.
 */
export function createSignalPool(maxUses = 8, maxIdle = 16): SignalPool {
  const idle: SignalLease[] = [];
  return {
    lease() {
      const lease = idle.pop() ?? { controller: new AbortController(), uses: 0 };
      lease.uses++;
      return lease;
    },
    release(lease) {
      if (lease.controller.signal.aborted || lease.uses >= maxUses || idle.length >= maxIdle)
        return;
      idle.push(lease);
    },
  };
}
