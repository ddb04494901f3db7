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

/**
 * The Request class the client's openapi-fetch builds requests with. It remembers the caller's own signal: every
 * Request has a signal, but only one the caller passed can ever abort, and listening on the others on every attempt
 * costs a measurable share of a call.
 */
export class CallRequest extends Request {
  readonly callerSignal: AbortSignal | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.callerSignal = init?.signal ?? undefined;
  }
}

// openapi-fetch copies init keys it does not know onto the Request it builds; that is how per-call options reach the
// transport without a side channel. A request from elsewhere (e.g. a middleware's own) keeps its signal.
export function readCallOptions(request: Request): CallOptions {
  const carrier = request as Request & { timeoutMs?: unknown; maxRetries?: unknown };
  const signal = request instanceof CallRequest ? request.callerSignal : request.signal;
  const out: CallOptions = signal ? { signal } : {};
  if (typeof carrier.timeoutMs === "number") out.timeoutMs = carrier.timeoutMs;
  if (typeof carrier.maxRetries === "number") out.maxRetries = carrier.maxRetries;
  return out;
}
