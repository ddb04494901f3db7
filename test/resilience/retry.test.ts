import { describe, expect, it } from "vitest";
import { defaults } from "../../src/defaults.js";
import {
  backoffDelay,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  provesNothingWasSent,
} from "../../src/internal/retry.js";

const now = Date.UTC(2024, 0, 1, 12, 0, 0);

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });

  it("reads an HTTP date relative to now, clamping the past to 0", () => {
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });

  it("returns undefined for absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("draws full jitter under an exponential ceiling capped at maxDelayMs", () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, () => 0)).toBe(0);
    expect(backoffDelay(0, top)).toBe(499);
    expect(backoffDelay(1, top)).toBe(999);
    expect(backoffDelay(3, top)).toBe(3999);
    expect(backoffDelay(4, top)).toBe(7999);
    expect(backoffDelay(10, top)).toBe(7999);
    expect(backoffDelay(2, () => 0.5)).toBe(1000);
  });
});

describe("classification", () => {
  it("retries only the documented statuses and idempotent methods", () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(status)).toBe(true);
    for (const status of [200, 400, 401, 404, 409, 422, 501])
      expect(isRetryableStatus(status)).toBe(false);
    for (const method of ["GET", "get", "PUT", "DELETE"])
      expect(isIdempotentMethod(method)).toBe(true);
    for (const method of ["POST", "PATCH"]) expect(isIdempotentMethod(method)).toBe(false);
  });

  it("proves nothing was sent only for connect-time failures, however deeply nested", () => {
    const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });
    expect(provesNothingWasSent(fetchFailed(coded("ECONNREFUSED")))).toBe(true);
    expect(provesNothingWasSent(fetchFailed(coded("ENOTFOUND")))).toBe(true);
    expect(provesNothingWasSent(fetchFailed(coded("EAI_AGAIN")))).toBe(true);
    expect(
      provesNothingWasSent(
        fetchFailed(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")])),
      ),
    ).toBe(true);
    expect(provesNothingWasSent(fetchFailed(new Error("x", { cause: coded("ENOTFOUND") })))).toBe(
      true,
    );
  });

  it("treats resets, timeouts, mixed and unknown failures as possibly sent", () => {
    const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });
    expect(provesNothingWasSent(fetchFailed(coded("ECONNRESET")))).toBe(false);
    expect(provesNothingWasSent(fetchFailed(coded("UND_ERR_SOCKET")))).toBe(false);
    expect(provesNothingWasSent(fetchFailed(coded("ETIMEDOUT")))).toBe(false);
    expect(
      provesNothingWasSent(
        fetchFailed(new AggregateError([coded("ECONNREFUSED"), coded("EPIPE")])),
      ),
    ).toBe(false);
    expect(provesNothingWasSent(new TypeError("fetch failed"))).toBe(false);
    expect(provesNothingWasSent("boom")).toBe(false);
    const cyclic: Error & { cause?: unknown } = coded("ECONNREFUSED");
    cyclic.cause = cyclic;
    expect(provesNothingWasSent(cyclic)).toBe(true);
  });

  it("takes its codes from defaults", () => {
    expect(defaults.retry.nothingSentCodes).toContain("ECONNREFUSED");
    expect(provesNothingWasSent(coded("ECONNREFUSED"), [])).toBe(false);
  });
});
