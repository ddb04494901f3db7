import { defaults } from "../defaults.js";
import { AltegioConnectionError, AltegioTimeoutError } from "../errors.js";
import { BufferedResponse } from "./buffered-response.js";
import { CallRequest, readCallOptions, type CallOptions } from "./call-options.js";
import { systemClock, type Clock } from "./clock.js";
import { createDeadlines, type Watch } from "./deadlines.js";
import type { AltegioHooks, AttemptEndEvent, AttemptInfo } from "./hooks.js";
import { relativePath } from "./operations.js";
import type { RateLimiter } from "./rate-limiter.js";
import { createSignalPool, type SignalPool } from "./signal-pool.js";
import {
  backoffDelay,
  errorCodes,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  provesNothingWasSent,
  type RetryPolicy,
} from "./retry.js";

/**
 * How the attempt loop reaches the network: once per attempt, as `fetch(request, { signal, body })`. The same
 * request goes out every time; `init` carries the attempt's own signal (caller's signal or its timeout) and, for a
 * request with a body, the bytes read once. Any `fetch` has this shape, and a wrapper must pass `init` on. A signal
 * that never fired may be handed to a later attempt once this one is over (see `createSignalPool`), so a wrapper
 * should stop listening to it when its response has been read.
 */
export type Transport = (
  request: Request,
  init: { signal: AbortSignal; body?: ArrayBuffer },
) => Promise<Response>;

/** Options of {@link createSender}; every one has a default. */
export interface SenderOptions {
  /** The transport; defaults to the global `fetch`. */
  fetch?: Transport;
  /** Asked before every attempt; omit for no client-side limiting (`rateLimit: false`). */
  limiter?: RateLimiter;
  /** Retries after the first attempt, unless the call says otherwise. */
  maxRetries?: number;
  /** Budget of one attempt in milliseconds, unless the call says otherwise. */
  timeoutMs?: number;
  /** Backoff and classification; `defaults.retry` by default. */
  retry?: RetryPolicy;
  /** Drives backoff sleeps, reads `now` for `Retry-After` dates and times attempts (timeouts use real timers). */
  clock?: Clock;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** Observers of every attempt, already combined (see `combineHooks`); none by default. */
  hooks?: AltegioHooks | undefined;
  /**
   * Observer of the attempts that did not simply work: an error, a status of 400 or more, or any attempt after the
   * first. The quiet log levels need only these, so a clean call builds no event for them.
   */
  onTroubledAttempt?: ((event: AttemptEndEvent) => void) | undefined;
  /** Path of the base URL, so events name paths relative to it. */
  basePath?: string;
}

/** A call's options plus what the layer above already worked out. */
export interface SendCall extends CallOptions {
  /** The request's URL, when already read (`Request.url` serializes it on every read). */
  url?: string;
  /** The request's path relative to its API's base URL, when known. */
  path?: string;
  /** Which API the request belongs to. @default "v1" */
  api?: "v1" | "v2";
}

/** Sends one request with rate limiting, per-attempt timeouts and retries; resolves with the last response. */
export type Sender = (request: Request, call?: SendCall) => Promise<Response>;

type Outcome =
  { response: Response } | { error: AltegioConnectionError; nothingSent: boolean; reason: string };

// A request may be sent again (a 401 replay); its body stream can be read only once.
const bodies = new WeakMap<Request, ArrayBuffer>();

/**
 * Builds the attempt loop. Per attempt: wait for the limiter, send the request (body buffered once), read the whole
 * response body within `timeoutMs`, then classify. Idempotent methods are retried on connection errors, timeouts
 * and `retry.statuses`; other methods only when the failure proves nothing was sent. Waits between attempts use
 * full-jitter backoff or the server's `Retry-After`; a `Retry-After` beyond `retry.maxRetryAfterMs` ends the loop.
 * HTTP statuses are never thrown: the last response is returned. Network failures throw
 * {@link AltegioConnectionError} / {@link AltegioTimeoutError}; the caller's signal rejects with its reason at once.
 * The timeout covers one attempt's send and full body, not time queued in the limiter or sleeping between attempts.
 * Hooks see every attempt, `onTroubledAttempt` only the troubled ones; an event nobody listens to is not built.
 */
export function createSender(options: SenderOptions = {}): Sender {
  const transport: Transport = options.fetch ?? ((request, init) => fetch(request, init));
  const policy = options.retry ?? defaults.retry;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const { limiter, hooks, onTroubledAttempt } = options;
  const basePath = options.basePath ?? "";
  const plumbing: Plumbing = {
    transport,
    watch: createDeadlines(),
    signals: createSignalPool(),
    policy,
  };
  let calls = 0;

  return async function send(request, call = readCallOptions(request)) {
    const signal = callerSignal(request, call.signal);
    signal?.throwIfAborted();
    const maxRetries = call.maxRetries ?? options.maxRetries ?? defaults.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? defaults.timeoutMs;
    const method = request.method.toUpperCase();
    const url = call.url ?? request.url;
    const idempotent = isIdempotentMethod(method, policy);
    const body = request.body === null ? undefined : await bufferBody(request);
    const callId = ++calls;
    // The fields every event shares, built only for an event someone listens to: a clean call at a quiet log level
    // with no hooks builds none.
    const eventOf = (attempt: number): AttemptInfo => ({
      callId,
      attempt,
      method,
      url,
      path: call.path ?? relativePath(url, basePath),
      api: call.api ?? "v1",
    });

    for (let attempt = 1; ; attempt++) {
      if (limiter) await acquire(limiter, signal, hooks?.onRateLimitWait && eventOf(attempt));
      const startedAt = clock.now();
      if (hooks?.onAttemptStart) hooks.onAttemptStart({ ...eventOf(attempt), startedAt });
      const attemptEnd = (
        end: { status?: number; error?: unknown; aborted?: boolean },
        willRetry: boolean,
      ): void => {
        const troubled = end.status === undefined || end.status >= 400 || attempt > 1;
        if (!hooks?.onAttemptEnd && !(troubled && onTroubledAttempt)) return;
        const event: AttemptEndEvent = eventOf(attempt) as AttemptEndEvent;
        event.durationMs = clock.now() - startedAt;
        if (end.status !== undefined) event.status = end.status;
        if ("error" in end) event.error = end.error;
        if (end.aborted) event.aborted = true;
        event.willRetry = willRetry;
        hooks?.onAttemptEnd?.(event);
        if (troubled) onTroubledAttempt?.(event);
      };

      let outcome: Outcome;
      try {
        outcome = await attemptOnce(plumbing, request, url, body, signal, timeoutMs);
      } catch (reason) {
        // Only the caller's own abort gets here (network failures come back as outcomes).
        attemptEnd({ error: reason, aborted: true }, false);
        throw reason;
      }
      const last = attempt > maxRetries;
      let delay: number | undefined; // undefined: this attempt is the last
      if ("error" in outcome) {
        if (!last && (idempotent || outcome.nothingSent)) {
          delay = backoffDelay(attempt - 1, random, policy);
        }
      } else {
        const { status } = outcome.response;
        // Only these statuses can lead to a wait, so only they pay for reading Retry-After.
        if (status === 429 || isRetryableStatus(status, policy)) {
          const retryAfter = parseRetryAfter(
            outcome.response.headers.get("retry-after"),
            clock.now(),
          );
          if (status === 429) {
            limiter?.onRateLimited?.(
              retryAfter === undefined ? undefined : Math.min(retryAfter, policy.maxRetryAfterMs),
            );
          }
          const tooLong = retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs;
          if (!last && idempotent && isRetryableStatus(status, policy) && !tooLong) {
            delay = retryAfter ?? backoffDelay(attempt - 1, random, policy);
          }
        }
      }

      const end =
        "error" in outcome ? { error: outcome.error } : { status: outcome.response.status };
      attemptEnd(end, delay !== undefined);
      if (delay !== undefined && hooks?.onRetry) {
        const reason = "error" in outcome ? outcome.reason : `HTTP ${outcome.response.status}`;
        hooks.onRetry({ ...eventOf(attempt), delayMs: delay, reason, ...end });
      }
      if (delay === undefined) {
        if ("error" in outcome) throw outcome.error;
        return outcome.response;
      }
      await clock.sleep(delay, signal);
    }
  };

  // Timed only when someone listens; waits under 1 ms are the limiter's bookkeeping, not a wait.
  async function acquire(
    limiter: RateLimiter,
    signal: AbortSignal | undefined,
    info: AttemptInfo | undefined,
  ): Promise<void> {
    if (!info || !hooks?.onRateLimitWait) return limiter.acquire(signal);
    const start = clock.now();
    await limiter.acquire(signal);
    const waitedMs = clock.now() - start;
    if (waitedMs >= 1) hooks.onRateLimitWait({ ...info, waitedMs });
  }
}

async function bufferBody(request: Request): Promise<ArrayBuffer> {
  let body = bodies.get(request);
  if (body === undefined) {
    body = await request.arrayBuffer();
    bodies.set(request, body);
  }
  return body;
}

/** What every attempt of a sender shares. */
interface Plumbing {
  transport: Transport;
  watch: Watch;
  signals: SignalPool;
  policy: RetryPolicy;
}

async function attemptOnce(
  { transport, watch, signals, policy }: Plumbing,
  request: Request,
  url: string,
  body: ArrayBuffer | undefined,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  if (signal?.aborted) throw signal.reason;
  const lease = signals.lease();
  const { controller } = lease;
  let timedOut = false;
  // Node fires timers beyond 2^31-1 ms at once; treat such budgets (and Infinity) as "no timeout".
  const unwatch =
    timeoutMs <= MAX_TIMER_MS
      ? watch(timeoutMs, () => {
          timedOut = true;
          controller.abort(new AltegioTimeoutError(`Attempt timed out after ${timeoutMs} ms`));
        })
      : undefined;
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let answered = false;
  try {
    const init =
      body === undefined ? { signal: controller.signal } : { signal: controller.signal, body };
    const response = await transport(request, init);
    answered = true;
    // Reading the body inside the attempt puts stalls under the timeout and turns a reset or truncation mid-body
    // into a connection error of this attempt (retried like one), instead of a failure later in `.json()`.
    const bytes = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    // A Response from an injected fetch may have no url; errors still need to name the request.
    return { response: new BufferedResponse(response, bytes, url, decodedHeaders(response)) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const where = `${request.method} ${url}`;
    if (timedOut) {
      const reason = `timed out after ${timeoutMs} ms`;
      return { error: new AltegioTimeoutError(`${where} ${reason}`), nothingSent: false, reason };
    }
    const reason = describe(error);
    return {
      error: new AltegioConnectionError(`${where} failed: ${reason}`, { cause: error }),
      // Once headers arrived the request was certainly sent, whatever broke while reading the body.
      nothingSent: !answered && provesNothingWasSent(error, policy.nothingSentCodes),
      reason,
    };
  } finally {
    unwatch?.();
    signal?.removeEventListener("abort", onAbort);
    signals.release(lease);
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

// fetch already decoded a compressed body; the buffered copy must not claim otherwise.
function decodedHeaders(response: Response): Headers {
  if (!response.headers.has("content-encoding")) return response.headers;
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return headers;
}

// The signal an attempt must follow: the call's, when it names one; otherwise the request's own, unless the request
// is a CallRequest built without one (nothing can abort it then).
function callerSignal(request: Request, signal: AbortSignal | undefined): AbortSignal | undefined {
  if (request instanceof CallRequest) return signal;
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
