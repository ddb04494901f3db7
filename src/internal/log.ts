import { defaults } from "../defaults.js";
import { AltegioInputError } from "../errors.js";
import type { AltegioHooks, AttemptEndEvent, AttemptInfo } from "./hooks.js";
import { redactSecrets } from "./redact.js";

/** How much the client logs: `debug` includes `info`, which includes `warn`, which includes `error`. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Where log lines go: console, pino, winston or anything with these four methods. Each gets one string. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/** The client's logging: each method is a no-op below the configured level; every line is redacted. */
export interface Log {
  readonly level: LogLevel;
  enabled(level: Exclude<LogLevel, "off">): boolean;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const PREFIX = "altegio-b2b: ";

/**
 * The level in force: the `logLevel` option when given, else the `ALTEGIO_LOG` environment variable (read where
 * an environment exists: Node, Bun, Deno with env access), else `defaults.logLevel`. A value that is not a level
 * is an input error, whichever of the two it came from.
 */
export function resolveLogLevel(option: unknown): LogLevel {
  if (option !== undefined) return checkLevel(option, "logLevel");
  const env = readEnv("ALTEGIO_LOG")?.trim().toLowerCase();
  return env ? checkLevel(env, "ALTEGIO_LOG") : defaults.logLevel;
}

function checkLevel(value: unknown, source: string): LogLevel {
  if (LOG_LEVELS.includes(value as LogLevel)) return value as LogLevel;
  throw new AltegioInputError(
    `${source} must be one of ${LOG_LEVELS.map((l) => `"${l}"`).join(", ")}, got ${JSON.stringify(value)}`,
  );
}

function readEnv(name: string): string | undefined {
  try {
    const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
      .process;
    return process?.env?.[name];
  } catch {
    // Deno without --allow-env throws on access; no environment then.
    return undefined;
  }
}

export function createLog(level: LogLevel, logger: Logger): Log {
  const rank = LOG_LEVELS.indexOf(level);
  const enabled = (at: Exclude<LogLevel, "off">) => LOG_LEVELS.indexOf(at) <= rank;
  const line =
    (at: Exclude<LogLevel, "off">) =>
    (message: string): void => {
      if (enabled(at)) logger[at](redactSecrets(PREFIX + message));
    };
  return {
    level,
    enabled,
    debug: line("debug"),
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
  };
}

interface LogObserverOptions {
  /** True for statuses the retry policy treats as transient (a call that still ends on one "gave up"). */
  retryable: (status: number) => boolean;
  now: () => number;
}

/** What the attempt loop feeds the log with: observers of every attempt, and of the troubled ones only. */
export interface LogObservers {
  hooks: AltegioHooks;
  onTroubledAttempt?: (event: AttemptEndEvent) => void;
}

/**
 * The log lines the attempt loop produces, as observers of its events. Only `debug` watches every attempt; the
 * lower levels care about 429s and calls that gave up, which are all troubled attempts, so at those levels a clean
 * call builds no event. (Deprecated operations are the auth layer's to report: it already knows the operation.)
 */
export function logObservers(log: Log, options: LogObserverOptions): LogObservers {
  const hooks: AltegioHooks = {};
  if (log.enabled("debug")) {
    hooks.onAttemptEnd = (e) =>
      log.debug(`${describeAttempt(e)} → ${outcome(e)} in ${ms(e.durationMs)}`);
    hooks.onRetry = (e) =>
      log.debug(`${e.method} ${e.path}: retry ${e.attempt} in ${ms(e.delayMs)} after ${e.reason}`);
    hooks.onRateLimitWait = (e) =>
      log.debug(`${describeAttempt(e)} waited ${ms(e.waitedMs)} for the rate limiter`);
  }
  const troubled: ((event: AttemptEndEvent) => void)[] = [];
  if (log.enabled("info")) {
    troubled.push((e) => {
      if (e.status === 429) log.info(`${e.method} ${e.path} → HTTP 429 (rate limited by Altegio)`);
    });
  }
  if (log.enabled("warn")) troubled.push(stormWatch(log, options.now));
  if (log.enabled("error")) {
    troubled.push((e) => {
      // A caller who cancelled knows why the call ended; that is not a failure to report.
      if (e.willRetry || e.attempt === 1 || e.aborted) return;
      if (e.error === undefined && !options.retryable(e.status ?? 0)) return;
      log.error(`${e.method} ${e.path} failed after ${e.attempt} attempts: ${outcome(e)}`);
    });
  }
  if (troubled.length === 0) return { hooks };
  return { hooks, onTroubledAttempt: (e) => troubled.forEach((observe) => observe(e)) };
}

// One warning per window while 429s keep coming: a single 429 is normal when other clients share the IP, a run of
// them means the budget is shared and the limiter should be too.
function stormWatch(log: Log, now: () => number): (event: AttemptEndEvent) => void {
  const { count, windowMs } = defaults.rateLimitStorm;
  const times: number[] = [];
  let quietUntil = -Infinity;
  return (e) => {
    if (e.status !== 429) return;
    const t = now();
    times.push(t);
    while (times.length > 0 && times[0]! <= t - windowMs) times.shift();
    if (times.length < count || t < quietUntil) return;
    quietUntil = t + windowMs;
    log.warn(
      `${times.length} responses were HTTP 429 within ${windowMs / 1000} s: Altegio's limit is per IP, so ` +
        "other clients share it; give every process one shared `rateLimiter` or lower `rateLimit`",
    );
  };
}

function describeAttempt(e: AttemptInfo): string {
  return `${e.method} ${e.path} (attempt ${e.attempt})`;
}

function outcome(e: AttemptEndEvent): string {
  if (e.status !== undefined) return `HTTP ${e.status}`;
  const error = e.error;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
