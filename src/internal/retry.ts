import { defaults } from "../defaults.js";

/** What decides whether and when a failed attempt is tried again; `defaults.retry` is the one in use. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: readonly number[];
  idempotentMethods: readonly string[];
  nothingSentCodes: readonly string[];
}

/** True for the statuses worth retrying for idempotent methods (408, 429, 500, 502, 503, 504). */
export function isRetryableStatus(status: number, policy: RetryPolicy = defaults.retry): boolean {
  return policy.statuses.includes(status);
}

/** True for methods that may be sent twice without changing the outcome (GET, PUT, DELETE, …). */
export function isIdempotentMethod(method: string, policy: RetryPolicy = defaults.retry): boolean {
  return policy.idempotentMethods.includes(method.toUpperCase());
}

/**
 * True only when a fetch failure proves the request never reached the server: every error code found in the
 * `cause` chain (undici's `TypeError: fetch failed`, nested causes, `AggregateError.errors`) is a connect-time code
 * such as ECONNREFUSED or ENOTFOUND. Anything else — a reset, a timeout, an unknown error — may have been sent.
 */
export function provesNothingWasSent(
  error: unknown,
  codes: readonly string[] = defaults.retry.nothingSentCodes,
): boolean {
  const found = errorCodes(error);
  return found.length > 0 && found.every((code) => codes.includes(code));
}

/** Every string `code` in an error's cause chain, outermost first (cycles are ignored). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string") codes.push(code);
    visit(cause);
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(error);
  return codes;
}

/**
 * Backoff before retry number `attempt` (0 = the first retry): exponential with full jitter, i.e. a uniform
 * draw from [0, min(maxDelayMs, baseDelayMs * 2^attempt)).
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs"> = defaults.retry,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`) or an HTTP date. Returns milliseconds from `now` (0 for a
 * date in the past), or `undefined` when the header is absent or unreadable.
 * @example parseRetryAfter("2", Date.now()) // 2000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only full dates: Date.parse would otherwise read bare numbers like "-5" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
