/**
 * Every default the client uses, in one place. Read it to see what a client does out of the box; pass options to
 * `createAltegioClient` to change them per client.
 */
export const defaults = {
  /** Production base URL of the v1 API. */
  baseUrl: "https://api.alteg.io/api/v1",
  /** The media type Altegio requires on every request (the v2 type, even for v1 paths). */
  accept: "application/vnd.api.v2+json",
  /** Altegio's published ceiling: 5 requests per second and 200 per minute, per IP. */
  rateLimit: { perSecond: 5, perMinute: 200 },
  /**
   * Extra width of each rate window, in milliseconds: requests on a fresh connection (TCP/TLS handshake) reach the
   * server later than pooled ones, so two sent just over a window apart could still arrive inside one.
   */
  rateLimitMarginMs: 250,
  /** Retries after the first attempt, for requests that may be retried. */
  maxRetries: 2,
  /** Time budget of one attempt, in milliseconds. */
  timeoutMs: 30_000,
  /** Backoff and retry classification. */
  retry: {
    /** First backoff step; each retry doubles it (full jitter). */
    baseDelayMs: 500,
    /** Largest backoff step. */
    maxDelayMs: 8_000,
    /** Longest `Retry-After` we honour; longer requests fail with the error instead of sleeping. */
    maxRetryAfterMs: 60_000,
    /** Statuses worth retrying for GET, PUT and DELETE. */
    statuses: [408, 429, 500, 502, 503, 504] as readonly number[],
    /** Methods retried on any retryable failure; others only when nothing was sent. */
    idempotentMethods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"] as readonly string[],
    /**
     * Network error codes (anywhere in the `cause` chain) that prove the request never left: the connection was
     * never made. Only these make a POST or PATCH safe to retry.
     */
    nothingSentCodes: [
      "ECONNREFUSED",
      "ENOTFOUND",
      "EAI_AGAIN",
      "ENETUNREACH",
      "EHOSTUNREACH",
      "UND_ERR_CONNECT_TIMEOUT",
    ] as readonly string[],
  },
  /** How a 429 slows the client's own limiter down (adaptive, like the AWS SDK's adaptive mode). */
  adaptive: {
    /**
     * How long the limiter runs at the reduced rate after a 429. When the server gave `Retry-After`, nothing is sent
     * until it passes and the reduced rate applies for this long afterwards.
     */
    cooldownMs: 10_000,
    /** The fraction of the configured rate used during the cooldown. */
    factor: 0.5,
  },
  /** Processes sharing one budget and one login (`sessionStore`, and `altegio-b2b/redis`). */
  fleet: {
    /** Pause between looks at the session store while another client holds the login lock, in milliseconds. */
    pollMs: 100,
    /** How long a login lock lives unless its holder renews it (a crashed holder frees it after this), in ms. */
    lockTtlMs: 10_000,
    /**
     * Longest a process waits for another one's login before logging in itself, in ms: a default login may take
     * three 30 s attempts, and a store whose lock never expires must not hang the fleet.
     */
    loginWaitMs: 120_000,
    /** How long a shared user token lives in the store; processes already using it keep it, in milliseconds. */
    tokenTtlMs: 86_400_000,
    /** How long one Redis command may take before Redis counts as unreachable, in milliseconds. */
    commandTimeoutMs: 1_000,
    /** Fraction of the budget each process allows itself while the shared limiter's store is unreachable. */
    fallbackShare: 0.25,
    /** How long a process keeps its fallback limit on top of the shared one after the store answers again, in ms. */
    recoveryMs: 2_000,
  },
  /** What the client logs when neither the `logLevel` option nor `ALTEGIO_LOG` says otherwise: problems to act on. */
  logLevel: "warn",
  /** How many HTTP 429s within `windowMs` make a warning (one per window): the rate budget is shared. */
  rateLimitStorm: { count: 3, windowMs: 60_000 },
  /** Page sizes used by the paginators. */
  pageSize: {
    /** Products per page: the most live servers serve (the docs are silent; above 100 they serve 25). */
    products: 100,
    /** Children per category composition page (the documented maximum). */
    categoryNode: 1000,
    /** Search results (the documented maximum). */
    search: 100,
  },
  /** Parallel subtree fetches while walking the category tree. */
  treeConcurrency: 4,
  /** Longest URL `getMany` builds when splitting id lists. */
  maxUrlLength: 4096,
} as const;

/** The type of {@link defaults}. */
export type Defaults = typeof defaults;
