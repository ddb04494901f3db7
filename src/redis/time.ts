/** Local time in ms on the same scale as the core's clock (monotonic, near the epoch), for `sentAt` and ages. */
export const now = (): number => performance.timeOrigin + performance.now();

/** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
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
      Math.max(0, Math.ceil(ms)),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
