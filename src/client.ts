import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/b2b-v1.js";
import type { paths as V2Paths } from "../generated/b2b-v2.js";
import { defaults } from "./defaults.js";
import { AltegioError, AltegioInputError } from "./errors.js";
import { createAuthLayer } from "./internal/auth.js";
import type { ClientContext } from "./internal/context.js";
import { readData } from "./internal/envelope.js";
import { createRateLimiter, type RateLimiter } from "./internal/rate-limiter.js";
import { rememberSecret } from "./internal/redact.js";
import type { SuccessBody } from "./internal/schema-types.js";
import { CallRequest } from "./internal/call-options.js";
import { systemClock } from "./internal/clock.js";
import { combineHooks, type AltegioHooks } from "./internal/hooks.js";
import {
  createLog,
  LOG_LEVELS,
  logObservers,
  resolveLogLevel,
  type Log,
  type Logger,
  type LogLevel,
} from "./internal/log.js";
import { isRetryableStatus } from "./internal/retry.js";
import { createSender, type SenderOptions } from "./internal/send.js";
import { Session, type Credentials, type LoginResult } from "./internal/session.js";
import type { SessionStore } from "./internal/session-store.js";
import { AltegioLocation } from "./location.js";
import { Locations } from "./resources/locations.js";
import type { AuthUser } from "./types.js";
import { VERSION } from "./version.js";

/** Options for {@link createAltegioClient}. */
export interface AltegioClientOptions {
  /** Your partner (developer) token from the Altegio marketplace; sent on every request. */
  partnerToken: string;
  /**
   * A user token, if you already have one (from an earlier login or the Altegio UI).
   * @default undefined — log in with `credentials`, or call `auth.login()`
   */
  userToken?: string;
  /**
   * Login and password used to get a user token on the first user-level call, and again after a 401.
   * @example { login: "+13155550175", password: process.env.ALTEGIO_PASSWORD! }
   */
  credentials?: Credentials;
  /**
   * Base URL of the v1 API, e.g. the local mock's `url`.
   * @default "https://api.alteg.io/api/v1"
   */
  baseUrl?: string;
  /**
   * Base URL of the v2 API.
   * @default `baseUrl` with its trailing `/v1` replaced by `/v2` ("https://api.alteg.io/api/v2")
   */
  v2BaseUrl?: string;
  /**
   * The fetch implementation to use. It is called once per attempt as `fetch(request, { signal, body? })`; a wrapper
   * must pass `init` on, since it carries the attempt's timeout and cancellation (and, for a retried or replayed
   * request with a body, the body). A signal that never fired is reused by later attempts, so a wrapper should not
   * keep listening to it after its response has been read.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Called with every new user token (after each login), to persist or share the session.
   * @example (token) => cache.set("altegio-user-token", token)
   */
  onUserToken?: (token: string) => void | Promise<void>;
  /**
   * Client-side rate limit shared by every call of this client; `false` turns it off.
   * @default { perSecond: 5, perMinute: 200 }
   */
  rateLimit?: { perSecond?: number; perMinute?: number } | false;
  /**
   * A limiter to use instead of the built-in one, e.g. one backed by a store shared by several workers.
   * @default undefined — a per-client limiter built from `rateLimit`
   */
  rateLimiter?: RateLimiter;
  /**
   * Shares the user token with other clients and processes (e.g. `createRedisSessionStore` from
   * `altegio-b2b/redis`): one of them logs in with `credentials`, the rest reuse its token, and a 401 anywhere leads
   * to one fresh login for all of them. `onUserToken` fires for this client's own logins only.
   * @default undefined — the token lives in this client only
   */
  sessionStore?: SessionStore;
  /**
   * Retries after the first attempt for requests that may be retried (see the README on why POST is not).
   * @default 2
   */
  maxRetries?: number;
  /**
   * Time budget of each attempt, in milliseconds.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * How much the client logs. Without this option the `ALTEGIO_LOG` environment variable (same values) decides, so
   * logging can be turned on without code changes; the option wins when both are set.
   * @default "warn" — only what you must act on (a 429 storm, a deprecated operation, a call that gave up)
   * @example "debug" // one line per attempt, retry and rate-limit wait
   */
  logLevel?: LogLevel;
  /**
   * Where log lines go: any object with `debug`, `info`, `warn` and `error` methods taking one string (console, a
   * pino or winston logger). Tokens and passwords are redacted from every line.
   * @default console
   */
  logger?: Logger;
  /**
   * Observers of every attempt (start, end, retry, rate-limit wait), for metrics and tracing; an array composes
   * several. See the README's OpenTelemetry recipe.
   * @default undefined
   * @example { onAttemptEnd: (e) => histogram.record(e.durationMs, { status: e.status }) }
   */
  hooks?: AltegioHooks | readonly AltegioHooks[];
}

/** The Altegio B2B API client. Create it with {@link createAltegioClient}. */
export interface AltegioClient {
  /** openapi-fetch client over every generated path, with auth, rate limiting and retries applied. */
  readonly raw: Client<paths>;
  /**
   * openapi-fetch client over every v2 path: the same auth, session (one login), rate limiter (one budget), retries
   * and timeouts as `raw`.
   */
  readonly v2: Client<V2Paths>;
  /** Session management: login, the current user token, logout. */
  readonly auth: AltegioAuth;
  /** Business locations. */
  readonly locations: Locations;
  /** A view of one location whose calls fill in `location_id`. Throws {@link AltegioInputError} for a bad id. */
  location(id: number): AltegioLocation;
}

/** Session management of a client. */
export interface AltegioAuth {
  /** Logs in via `POST /auth` and stores the user token; uses the configured credentials when none are given. */
  login(credentials?: Credentials): Promise<LoginResult<AuthUser>>;
  /** The current user token, if any. */
  readonly userToken: string | undefined;
  /** Forgets the user token (the next user-level call logs in again when credentials are configured). */
  logout(): void;
}

/** Creates a client for the Altegio B2B API v1. */
export function createAltegioClient(options: AltegioClientOptions): AltegioClient {
  checkOptions(options);
  const baseUrl = (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, "");
  const v2BaseUrl = (options.v2BaseUrl ?? v2BaseFrom(baseUrl))?.replace(/\/+$/, "");
  rememberSecret(options.partnerToken);

  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const log = createLog(resolveLogLevel(options.logLevel), options.logger ?? console);

  const send = createSender({
    fetch: options.fetch ?? globalThis.fetch,
    limiter: options.rateLimiter ?? limiterFor(options.rateLimit),
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    retry: defaults.retry,
    ...observers(options.hooks, log),
    basePath,
  });

  // `raw` and `session` refer to each other (login goes through `raw`), so the session's login is late-bound.
  let raw!: Client<paths>;
  const session = new Session<AuthUser>({
    userToken: options.userToken,
    credentials: options.credentials,
    onUserToken: options.onUserToken,
    shared: options.sessionStore && {
      store: options.sessionStore,
      partnerToken: options.partnerToken,
    },
    login: async (credentials) => {
      const body = await readData<SuccessBody<"/auth", "post">>(
        "POST",
        raw.POST("/auth", { body: credentials, parseAs: "text" }),
      );
      const userToken = body.data.user_token;
      if (typeof userToken !== "string" || !userToken) {
        throw new AltegioError("POST /auth succeeded but returned no user_token");
      }
      log.info("logged in (POST /auth)");
      return { userToken, user: body.data };
    },
  });

  const userAgent = nodeUserAgent();
  // One auth layer per API (they differ only in the base path and which table classifies a path), both on the same
  // session and sender: one login, one rate budget, the same retries, timeouts, hooks and logging.
  const authLayer = (api: "v1" | "v2", url: string) =>
    createAuthLayer({
      api,
      partnerToken: options.partnerToken,
      accept: defaults.accept,
      basePath: new URL(url).pathname.replace(/\/+$/, ""),
      session: session as Session<unknown>,
      send,
      log,
    });
  const headers = userAgent
    ? { Accept: defaults.accept, "User-Agent": userAgent }
    : { Accept: defaults.accept };
  raw = createClient<paths>({
    baseUrl,
    Request: CallRequest,
    headers,
    fetch: authLayer("v1", baseUrl),
  });
  const v2 = createClient<V2Paths>(
    v2BaseUrl
      ? { baseUrl: v2BaseUrl, Request: CallRequest, headers, fetch: authLayer("v2", v2BaseUrl) }
      : { baseUrl, fetch: () => Promise.reject(noV2Base(baseUrl)) },
  );

  const ctx: ClientContext = { raw, v2, session: session as Session<unknown>, defaults };
  const auth: AltegioAuth = {
    login: (credentials) => session.login(credentials),
    get userToken() {
      return session.token;
    },
    logout: () => session.forget(),
  };
  return {
    raw,
    v2,
    auth,
    locations: new Locations(ctx),
    location: (id) => new AltegioLocation(ctx, id),
  };
}

// The user's hooks and the log's own observers, each isolated: a throw is logged and the call goes on.
function observers(
  user: AltegioClientOptions["hooks"],
  log: Log,
): Pick<SenderOptions, "hooks" | "onTroubledAttempt"> {
  const list = Array.isArray(user) ? user : [user];
  const logging = logObservers(log, {
    retryable: (status) => isRetryableStatus(status, defaults.retry),
    now: () => systemClock.now(),
  });
  const onError = (error: unknown, hook: string) =>
    log.error(`the ${hook} hook threw; the call goes on: ${String(error)}`);
  return {
    hooks: combineHooks([logging.hooks, ...list], onError),
    onTroubledAttempt: combineHooks([{ onAttemptEnd: logging.onTroubledAttempt }], onError)
      ?.onAttemptEnd,
  };
}

/** `…/api/v1` -> `…/api/v2`; undefined for a base URL that names no version. */
function v2BaseFrom(baseUrl: string): string | undefined {
  return /\/v1$/.test(baseUrl) ? baseUrl.replace(/\/v1$/, "/v2") : undefined;
}

// v1-only setups with an unversioned baseUrl keep working; only a v2 call says what is missing.
function noV2Base(baseUrl: string): AltegioInputError {
  return new AltegioInputError(
    `v2BaseUrl is required for v2 calls: baseUrl ${JSON.stringify(baseUrl)} does not end in /v1, so the v2 ` +
      "base URL cannot be derived from it",
  );
}

/** What is wrong with a base URL option, if anything; never repeats a user name or password it carries. */
function baseUrlProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !URL.canParse(value)) {
    return `must be an absolute http(s) URL, got ${JSON.stringify(value)}`;
  }
  const url = new URL(value);
  if (url.username || url.password) {
    return "must not carry a user name or password (fetch refuses such URLs; credentials go in `credentials`)";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `must be an http(s) URL, got the ${url.protocol} scheme`;
  }
  if (url.search || url.hash) return "must not carry a query or a fragment";
  return undefined;
}

function limiterFor(rateLimit: AltegioClientOptions["rateLimit"]): RateLimiter | undefined {
  if (rateLimit === false) return undefined;
  return createRateLimiter({ ...defaults.rateLimit, ...rateLimit });
}

function checkOptions(options: AltegioClientOptions): void {
  const issues: string[] = [];
  if (typeof options?.partnerToken !== "string" || options.partnerToken.trim() === "") {
    issues.push("partnerToken is required: pass your Altegio partner token as a non-empty string");
  }
  if (
    options?.userToken !== undefined &&
    (typeof options.userToken !== "string" || !options.userToken)
  ) {
    issues.push("userToken must be a non-empty string when given");
  }
  const creds = options?.credentials;
  if (
    creds !== undefined &&
    (typeof creds?.login !== "string" ||
      !creds.login ||
      typeof creds.password !== "string" ||
      !creds.password)
  ) {
    issues.push("credentials must be { login: string, password: string }, both non-empty");
  }
  for (const key of ["baseUrl", "v2BaseUrl"] as const) {
    const problem = baseUrlProblem(options?.[key]);
    if (problem) issues.push(`${key} ${problem}`);
  }
  for (const key of ["maxRetries", "timeoutMs"] as const) {
    const value = options?.[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      issues.push(`${key} must be a non-negative integer, got ${String(value)}`);
    }
  }
  if (options?.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    issues.push(
      `logLevel must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(options.logLevel)}`,
    );
  }
  const logger = options?.logger;
  if (logger !== undefined && !LOG_METHODS.every((m) => typeof logger?.[m] === "function")) {
    issues.push(
      "logger must have debug, info, warn and error methods (console, pino and winston do)",
    );
  }
  const hooks = options?.hooks;
  for (const item of Array.isArray(hooks) ? hooks : hooks === undefined ? [] : [hooks]) {
    if (typeof item !== "object" || item === null) {
      issues.push("hooks must be an object (or an array of objects) with on… methods");
      break;
    }
  }
  if (issues.length) throw new AltegioInputError(issues);
}

const LOG_METHODS = ["debug", "info", "warn", "error"] as const;

function nodeUserAgent(): string | undefined {
  const node = typeof process === "object" ? process.versions?.node : undefined;
  return node ? `altegio-b2b/${VERSION} node/${node}` : undefined;
}
