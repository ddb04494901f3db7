import { defaults } from "../defaults.js";
import { AltegioConnectionError, AltegioTimeoutError } from "../errors.js";
import { readCallOptions, type CallOptions } from "./call-options.js";
import { systemClock, type Clock } from "./clock.js";
import type { RateLimiter } from "./rate-limiter.js";
import {
  backoffDelay,
  errorCodes,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  provesNothingWasSent,
  type RetryPolicy,
} from "./retry.js";

/** Options of {@link createSender}; every one has a default. */
export interface SenderOptions {
  /** The transport; defaults to the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Asked before every attempt; omit for no client-side limiting (`rateLimit: false`). */
  limiter?: RateLimiter;
  /** Retries after the first attempt, unless the call says otherwise. */
  maxRetries?: number;
  /** Budget of one attempt in milliseconds, unless the call says otherwise. */
  timeoutMs?: number;
  /** Backoff and classification; `defaults.retry` by default. */
  retry?: RetryPolicy;
  /** Drives backoff sleeps and reads `now` for `Retry-After` dates (timeouts use real timers). */
  clock?: Clock;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

/** Sends one request with rate limiting, per-attempt timeouts and retries; resolves with the last response. */
export type Sender = (request: Request, call?: CallOptions) => Promise<Response>;

type Outcome = { response: Response } | { error: AltegioConnectionError; nothingSent: boolean };

/**
 * Builds the attempt loop. Per attempt: wait for the limiter, send a fresh copy of the request (body buffered once),
 * read the whole response body within `timeoutMs`, then classify. Idempotent methods are retried on connection
 * errors, timeouts and `retry.statuses`; other methods only when the failure proves nothing was sent. Waits between
 * attempts use full-jitter backoff or the server's `Retry-After`; a `Retry-After` beyond `retry.maxRetryAfterMs`
 * ends the loop. HTTP statuses are never thrown: the last response is returned. Network failures throw
 * {@link AltegioConnectionError} / {@link AltegioTimeoutError}; the caller's signal rejects with its reason at once.
 * The timeout covers one attempt's send and full body, not time queued in the limiter or sleeping between attempts.
 */
export function createSender(options: SenderOptions = {}): Sender {
  const transport = options.fetch ?? ((request: Request) => fetch(request));
  const policy = options.retry ?? defaults.retry;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const { limiter } = options;

  return async function send(request, call = readCallOptions(request)) {
    const signal = callerSignal(request, call.signal);
    signal?.throwIfAborted();
    const maxRetries = call.maxRetries ?? options.maxRetries ?? defaults.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? defaults.timeoutMs;
    const method = request.method.toUpperCase();
    const idempotent = isIdempotentMethod(method, policy);
    // Buffered once so that every attempt re-sends the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const fresh = (attemptSignal: AbortSignal) =>
      new Request(request.url, {
        method,
        headers: request.headers,
        body,
        redirect: request.redirect,
        signal: attemptSignal,
      });

    for (let attempt = 0; ; attempt++) {
      await limiter?.acquire(signal);
      const outcome = await attemptOnce(transport, fresh, signal, timeoutMs, policy);
      const last = attempt >= maxRetries;
      if ("error" in outcome) {
        if (last || !(idempotent || outcome.nothingSent)) throw outcome.error;
        await clock.sleep(backoffDelay(attempt, random, policy), signal);
        continue;
      }
      const { response } = outcome;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), clock.now());
      if (response.status === 429) {
        limiter?.onRateLimited?.(
          retryAfter === undefined ? undefined : Math.min(retryAfter, policy.maxRetryAfterMs),
        );
      }
      if (last || !idempotent || !isRetryableStatus(response.status, policy)) return response;
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return response;
      await clock.sleep(retryAfter ?? backoffDelay(attempt, random, policy), signal);
    }
  };
}

async function attemptOnce(
  transport: (request: Request) => Promise<Response>,
  fresh: (signal: AbortSignal) => Request,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  policy: RetryPolicy,
): Promise<Outcome> {
  const controller = new AbortController();
  let timedOut = false;
  // Node fires timers beyond 2^31-1 ms at once; treat such budgets (and Infinity) as "no timeout".
  const timer =
    timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new AltegioTimeoutError(`Attempt timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const request = fresh(controller.signal);
  let answered = false;
  try {
    const response = await transport(request);
    answered = true;
    return { response: await buffered(response, request.url) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const where = `${request.method} ${request.url}`;
    if (timedOut) {
      return {
        error: new AltegioTimeoutError(`${where} timed out after ${timeoutMs} ms`),
        nothingSent: false,
      };
    }
    return {
      error: new AltegioConnectionError(`${where} failed: ${describe(error)}`, { cause: error }),
      // Once headers arrived the request was certainly sent, whatever broke while reading the body.
      nothingSent: !answered && provesNothingWasSent(error, policy.nothingSentCodes),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

// Reading the body inside the attempt puts stalls under the timeout and turns a reset or truncation mid-body into a
// connection error of this attempt (retried like one), instead of a failure later in the caller's `.json()`.
async function buffered(response: Response, requestUrl: string): Promise<Response> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  const headers = new Headers(response.headers);
  if (headers.has("content-encoding")) {
    // fetch already decoded the body; the copy must not claim otherwise.
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // A Response from an injected fetch may have no url; errors still need to name the request.
  Object.defineProperty(copy, "url", { value: response.url || requestUrl });
  return copy;
}

function callerSignal(request: Request, signal: AbortSignal | undefined): AbortSignal | undefined {
  if (!signal || signal === request.signal) return request.signal;
  return AbortSignal.any([signal, request.signal]);
}

function describe(error: unknown): string {
  let innermost = error;
  for (let seen = 0; seen < 10; seen++) {
    const cause = (innermost as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    innermost = cause;
  }
  // An AggregateError (several addresses tried) may carry an empty message; its code still says what happened.
  const message =
    (innermost instanceof Error ? innermost.message : String(innermost)) || "fetch failed";
  const code = errorCodes(error)[0];
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
