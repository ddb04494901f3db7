/** What every attempt event carries about the attempt it belongs to. */
export interface AttemptInfo {
  /** Identifies one logical request (all its attempts share it); counts up from 1 within a client. */
  callId: number;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** The HTTP method, upper case. */
  method: string;
  /** The full URL, query included. */
  url: string;
  /** The path relative to its API's base URL (v1 or v2), without the query, e.g. `/storages/101`. */
  path: string;
  /** Which API the request belongs to: `"v1"` (`altegio.raw`, the resources) or `"v2"` (`altegio.v2`). */
  api: "v1" | "v2";
}

/** An attempt is about to be sent (after the rate limiter let it go). */
export interface AttemptStartEvent extends AttemptInfo {
  /** When the attempt started, in the client clock's milliseconds. */
  startedAt: number;
}

/** An attempt finished: a response arrived (body read), or it failed. */
export interface AttemptEndEvent extends AttemptInfo {
  /** Time from the attempt's start to its end (send plus the whole body), in milliseconds. */
  durationMs: number;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /**
   * Why the attempt failed, when no response arrived: an `AltegioConnectionError` (or its subclass
   * `AltegioTimeoutError`), or the caller's abort reason.
   */
  error?: unknown;
  /** True when the caller's signal aborted the attempt (then `error` is the signal's reason). */
  aborted?: boolean;
  /** True when another attempt follows; an `onRetry` event comes next. */
  willRetry: boolean;
}

/** A retry has been scheduled after the attempt named in the event. */
export interface RetryEvent extends AttemptInfo {
  /** How long the client waits before the next attempt, in milliseconds (backoff or the server's `Retry-After`). */
  delayMs: number;
  /** Why, in words: e.g. `HTTP 503` or `timed out after 30000 ms`. */
  reason: string;
  /** The status that caused the retry, when it was a response. */
  status?: number;
  /** The failure that caused the retry, when no response arrived. */
  error?: unknown;
}

/** The rate limiter held an attempt back before it was sent. */
export interface RateLimitWaitEvent extends AttemptInfo {
  /** How long the attempt waited for the limiter, in milliseconds (reported from 1 ms up). */
  waitedMs: number;
}

/**
 * Observers of every attempt, below openapi-fetch's middleware (which sees one request per call) and inside the
 * retry loop. Hooks are called synchronously in the caller's async context, must not throw (a throw is logged at
 * `error` and otherwise ignored) and cannot change the request; use openapi-fetch middleware (`raw.use`) for that.
 * Events carry no headers or bodies, so nothing secret reaches a hook.
 */
export interface AltegioHooks {
  /** An attempt is about to be sent. */
  onAttemptStart?(event: AttemptStartEvent): void;
  /** An attempt got a response (status) or failed (error). */
  onAttemptEnd?(event: AttemptEndEvent): void;
  /** A retry was scheduled. */
  onRetry?(event: RetryEvent): void;
  /** The rate limiter made an attempt wait. */
  onRateLimitWait?(event: RateLimitWaitEvent): void;
}

const HOOK_NAMES = ["onAttemptStart", "onAttemptEnd", "onRetry", "onRateLimitWait"] as const;
type HookName = (typeof HOOK_NAMES)[number];

/**
 * Merges several observers into one whose methods exist only where some observer has one, so the attempt loop can
 * skip building events nobody listens to. Each observer is isolated: a throw (or a rejected promise from an async
 * hook) goes to `onError` and the others still run. Returns `undefined` when nobody listens at all.
 */
export function combineHooks(
  list: readonly (AltegioHooks | undefined)[],
  onError: (error: unknown, hook: HookName) => void,
): AltegioHooks | undefined {
  const combined: AltegioHooks = {};
  let any = false;
  for (const name of HOOK_NAMES) {
    const fns = list.flatMap((hooks) => {
      const fn = hooks?.[name];
      return typeof fn === "function" ? [fn.bind(hooks) as (event: unknown) => unknown] : [];
    });
    if (fns.length === 0) continue;
    any = true;
    combined[name] = (event: never) => {
      for (const fn of fns) {
        try {
          const result = fn(event);
          if (result instanceof Promise) result.catch((error: unknown) => onError(error, name));
        } catch (error) {
          onError(error, name);
        }
      }
    };
  }
  return any ? combined : undefined;
}
