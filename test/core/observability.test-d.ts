import { describe, expectTypeOf, it } from "vitest";
import {
  createAltegioClient,
  type AltegioClientOptions,
  type AltegioHooks,
  type AttemptEndEvent,
  type Logger,
  type LogLevel,
  type RetryEvent,
} from "../../src/index.js";

describe("logging and hook options", () => {
  it("logLevel is one of five levels", () => {
    expectTypeOf<LogLevel>().toEqualTypeOf<"off" | "error" | "warn" | "info" | "debug">();
    expectTypeOf<AltegioClientOptions["logLevel"]>().toEqualTypeOf<LogLevel | undefined>();
    createAltegioClient({ partnerToken: "p", logLevel: "debug" });
    // @ts-expect-error not a level
    createAltegioClient({ partnerToken: "p", logLevel: "verbose" });
  });

  it("logger takes console and anything with the four methods", () => {
    createAltegioClient({ partnerToken: "p", logger: console });
    const pinoLike = {
      debug: (msg: string, ...args: unknown[]) => void [msg, args],
      info: (msg: string) => void msg,
      warn: (msg: string) => void msg,
      error: (msg: string) => void msg,
      level: "info",
    };
    createAltegioClient({ partnerToken: "p", logger: pinoLike });
    // @ts-expect-error error is missing
    createAltegioClient({ partnerToken: "p", logger: { debug() {}, info() {}, warn() {} } });
    expectTypeOf<Logger["warn"]>().parameter(0).toEqualTypeOf<string>();
  });

  it("hooks take one observer or several, with typed events", () => {
    const hooks: AltegioHooks = {
      onAttemptEnd(event) {
        expectTypeOf(event).toEqualTypeOf<AttemptEndEvent>();
        expectTypeOf(event.status).toEqualTypeOf<number | undefined>();
        expectTypeOf(event.durationMs).toEqualTypeOf<number>();
        expectTypeOf(event.willRetry).toEqualTypeOf<boolean>();
      },
      onRetry(event) {
        expectTypeOf(event).toEqualTypeOf<RetryEvent>();
        expectTypeOf(event.delayMs).toEqualTypeOf<number>();
        expectTypeOf(event.attempt).toEqualTypeOf<number>();
      },
      onRateLimitWait: (event) => expectTypeOf(event.waitedMs).toEqualTypeOf<number>(),
    };
    createAltegioClient({ partnerToken: "p", hooks });
    createAltegioClient({
      partnerToken: "p",
      hooks: [hooks, { onAttemptStart: (e) => e.startedAt }],
    });
    // @ts-expect-error unknown hook
    createAltegioClient({ partnerToken: "p", hooks: { onRequest() {} } });
  });
});
