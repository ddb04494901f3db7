import { AltegioInputError, defaults } from "../index.js";
import type { RedisConnectionOptions } from "./connection.js";

export const FACTORY = "createRedisRateLimiter";

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions extends RedisConnectionOptions {
  /**
   * Most requests the whole fleet sends in any 1 s window (`Infinity` for no limit).
   * @default 5
   */
  perSecond?: number;
  /**
   * Most requests the whole fleet sends in any 60 s window (`Infinity` for no limit).
   * @default 200
   */
  perMinute?: number;
  /**
   * Prefix of the Redis keys; processes with the same prefix share one budget. Use one per egress IP.
   * @default "altegio-b2b"
   * @example "altegio-b2b:egress-2"
   */
  key?: string;
  /**
   * Extra width of each window, in milliseconds (see `marginMs` of `createRateLimiter`).
   * @default 250
   */
  marginMs?: number;
  /**
   * Reduced-rate period after a 429 anywhere in the fleet, in milliseconds.
   * @default 10000
   */
  cooldownMs?: number;
  /**
   * Fraction of each limit the fleet keeps during the cooldown.
   * @default 0.5
   */
  factor?: number;
  /**
   * Fraction of `perSecond` / `perMinute` this process allows itself while Redis is unreachable (its own requests
   * of the last minute count against it). `1 / processes` keeps the fleet within the budget.
   * @default 0.25
   */
  fallbackShare?: number;
  /**
   * After Redis answers again, how long this process keeps its fallback limit on top of the shared one, in
   * milliseconds: long enough for every process to reconnect and record what it sent during the outage, so an
   * emptied Redis cannot let a burst through.
   * @default 2000
   */
  recoveryMs?: number;
}

export function checkLimits(options: RedisRateLimiterOptions) {
  const issues: string[] = [];
  const limit = (name: "perSecond" | "perMinute") => {
    const value = options?.[name] ?? defaults.rateLimit[name];
    if (!(typeof value === "number" && value >= 1)) {
      issues.push(`${name} must be a number >= 1 (or Infinity), got ${String(value)}`);
    }
    return value === Infinity ? value : Math.floor(value);
  };
  const number = (name: string, value: number, ok: (v: number) => boolean, rule: string) => {
    if (!(typeof value === "number" && ok(value))) {
      issues.push(`${name} must be ${rule}, got ${String(value)}`);
    }
    return value;
  };
  const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
  const fraction = (v: number) => v > 0 && v <= 1;
  const checked = {
    perSecond: limit("perSecond"),
    perMinute: limit("perMinute"),
    marginMs: number(
      "marginMs",
      options?.marginMs ?? defaults.rateLimitMarginMs,
      nonNegative,
      "a number >= 0",
    ),
    cooldownMs: number(
      "cooldownMs",
      options?.cooldownMs ?? defaults.adaptive.cooldownMs,
      nonNegative,
      "a number >= 0",
    ),
    factor: number("factor", options?.factor ?? defaults.adaptive.factor, fraction, "in (0, 1]"),
    fallbackShare: number(
      "fallbackShare",
      options?.fallbackShare ?? defaults.fleet.fallbackShare,
      fraction,
      "in (0, 1]",
    ),
    recoveryMs: number(
      "recoveryMs",
      options?.recoveryMs ?? defaults.fleet.recoveryMs,
      nonNegative,
      "a number >= 0",
    ),
  };
  if (issues.length) throw new AltegioInputError(issues.map((issue) => `${FACTORY}: ${issue}`));
  return checked;
}
