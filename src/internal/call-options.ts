/** Options every call accepts, raw or convenience. */
export interface CallOptions {
  /** Aborts the call at once, wherever it is (queued, in flight, or waiting to retry). */
  signal?: AbortSignal;
  /**
   * Time budget of each attempt, in milliseconds.
   * @default 30000 (the client's `timeoutMs`)
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt for this call.
   * @default 2 (the client's `maxRetries`)
   */
  maxRetries?: number;
}

// openapi-fetch copies init keys it does not know onto the Request it builds; that is how per-call options reach the
// transport without a side channel.
export function readCallOptions(request: Request): CallOptions {
  const carrier = request as Request & { timeoutMs?: unknown; maxRetries?: unknown };
  const out: CallOptions = { signal: request.signal };
  if (typeof carrier.timeoutMs === "number") out.timeoutMs = carrier.timeoutMs;
  if (typeof carrier.maxRetries === "number") out.maxRetries = carrier.maxRetries;
  return out;
}
