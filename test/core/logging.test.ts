import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AltegioInputError,
  AltegioNotFoundError,
  type AltegioClientOptions,
} from "../../src/index.js";
import { DEFAULT_CREDENTIALS, startMockServer, type MockServer } from "../../src/mock/index.js";
import { captureLogger } from "../helpers/capture-logger.js";
import { mockClient } from "../helpers/mock-client.js";

const SECRETS = [
  DEFAULT_CREDENTIALS.partnerToken,
  DEFAULT_CREDENTIALS.userToken,
  DEFAULT_CREDENTIALS.password,
];

let mock: MockServer;
beforeEach(() => vi.stubEnv("ALTEGIO_LOG", undefined));
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await mock?.close();
});

const client = (options: Partial<AltegioClientOptions> = {}) => mockClient(mock, options);

// A login, a 503 retried into a 200, a 404 and a create: five requests on the wire.
async function scenario(options: Partial<AltegioClientOptions>) {
  mock = await startMockServer({
    faults: [
      {
        method: "GET",
        path: "/storages/{location_id}",
        status: 503,
        headers: { "retry-after": "0" },
      },
    ],
  });
  const loc = client(options).location(101);
  await loc.storages.list();
  await expect(loc.products.get(987654)).rejects.toBeInstanceOf(AltegioNotFoundError);
  await loc.products.create({
    title: "Logged",
    category_id: 302,
    sale_unit_id: 1,
    service_unit_id: 1,
  });
  return mock.requests.map((r) => ({ method: r.method, path: r.path, status: r.status }));
}

describe("log lines", () => {
  it("debug: one line per attempt and one per retry, and none of the secrets", async () => {
    const logger = captureLogger();
    const sent = await scenario({ logLevel: "debug", logger });
    expect(sent.map((r) => `${r.method} ${r.status}`)).toEqual([
      "POST 201",
      "GET 503",
      "GET 200",
      "GET 404",
      "POST 201",
    ]);

    const attempts = logger.lines.filter((l) => / \(attempt \d+\) → /.test(l.message));
    expect(attempts.map((l) => l.level)).toEqual(Array(5).fill("debug"));
    expect(attempts.map((l) => l.message.replace(/ in [\d.]+ ms$/, ""))).toEqual([
      "altegio-b2b: POST /auth (attempt 1) → HTTP 201",
      "altegio-b2b: GET /storages/101 (attempt 1) → HTTP 503",
      "altegio-b2b: GET /storages/101 (attempt 2) → HTTP 200",
      "altegio-b2b: GET /goods/101/987654 (attempt 1) → HTTP 404",
      "altegio-b2b: POST /goods/101 (attempt 1) → HTTP 201",
    ]);
    for (const line of attempts) expect(line.message).toMatch(/ in \d+(\.\d)? ms$/);
    const retries = logger.lines.filter((l) => l.message.includes("retry"));
    expect(retries).toEqual([
      {
        level: "debug",
        message: "altegio-b2b: GET /storages/101: retry 1 in 0.0 ms after HTTP 503",
      },
    ]);
    expect(logger.lines.filter((l) => l.level === "info").map((l) => l.message)).toEqual([
      "altegio-b2b: logged in (POST /auth)",
    ]);

    const all = logger.lines.map((l) => l.message).join("\n");
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/authorization|bearer/i);
  });

  it('logLevel "off" logs nothing, even where debug has plenty to say', async () => {
    const logger = captureLogger();
    await scenario({ logLevel: "off", logger });
    expect(logger.lines).toEqual([]);
  });

  it("a clean run at the default level prints nothing to the console", async () => {
    const spies = (["debug", "info", "warn", "error", "log"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    mock = await startMockServer();
    const loc = client().location(101);
    await loc.storages.list();
    await loc.products.listPage({ page: 1 });
    await loc.products.create({
      title: "Quiet",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("ALTEGIO_LOG=debug turns debug on without code changes; an explicit logLevel wins", async () => {
    vi.stubEnv("ALTEGIO_LOG", "debug");
    mock = await startMockServer();
    const fromEnv = captureLogger();
    await client({ logger: fromEnv, userToken: DEFAULT_CREDENTIALS.userToken })
      .location(101)
      .storages.list();
    expect(fromEnv.lines.map((l) => `${l.level} ${l.message.replace(/ in .*$/, "")}`)).toEqual([
      "debug altegio-b2b: GET /storages/101 (attempt 1) → HTTP 200",
    ]);

    const explicit = captureLogger();
    await client({ logger: explicit, logLevel: "warn", userToken: DEFAULT_CREDENTIALS.userToken })
      .location(101)
      .storages.list();
    expect(explicit.lines).toEqual([]);
  });

  it("rejects a log level that is not one, from the option or the environment", async () => {
    mock = await startMockServer();
    expect(() => client({ logLevel: "verbose" as never })).toThrow(AltegioInputError);
    expect(() => client({ logLevel: "verbose" as never })).toThrow(/logLevel must be one of/);
    expect(() => client({ logger: { info() {} } as never })).toThrow(/logger must have/);
    vi.stubEnv("ALTEGIO_LOG", "loud");
    expect(() => client()).toThrow(/ALTEGIO_LOG must be one of .*got "loud"/);
  });
});

describe("warnings and errors", () => {
  it("warns once per deprecated operation, not for the current look-alike", async () => {
    mock = await startMockServer();
    const logger = captureLogger();
    const loc = client({ logger }).location(101);
    const old = (id: number) =>
      loc.raw.GET("/goods_categories/{location_id}/{category_id}", {
        params: { path: { category_id: id } },
      });
    await old(302);
    await old(301);
    await loc.productCategories.getMany([301, 302]); // GET /goods_categories/multiple/{location_id}
    expect(logger.lines).toEqual([
      {
        level: "warn",
        message:
          "altegio-b2b: GET /goods_categories/{location_id}/{category_id} is deprecated by Altegio and may stop " +
          "working; see the API reference for its replacement",
      },
    ]);
  });

  it("warns about a 429 storm and reports the call that gave up", async () => {
    mock = await startMockServer({
      faults: [
        {
          method: "GET",
          path: "/storages/{location_id}",
          status: 429,
          times: 3,
          headers: { "retry-after": "0" },
        },
      ],
    });
    const logger = captureLogger();
    const { response } = await client({ logger, userToken: DEFAULT_CREDENTIALS.userToken })
      .location(101)
      .raw.GET("/storages/{location_id}");
    expect(response.status).toBe(429);
    expect(logger.lines.map((l) => l.level)).toEqual(["warn", "error"]);
    expect(logger.lines[0]!.message).toMatch(/3 responses were HTTP 429 within 60 s/);
    expect(logger.lines[1]!.message).toBe(
      "altegio-b2b: GET /storages/101 failed after 3 attempts: HTTP 429",
    );
  });

  it("does not report a call the caller cancelled as a failure", async () => {
    mock = await startMockServer({
      faults: [
        {
          method: "GET",
          path: "/storages/{location_id}",
          status: 503,
          times: 1,
          headers: { "retry-after": "0" },
        },
      ],
      latencyMs: 200,
    });
    const logger = captureLogger();
    const ends: { attempt: number; aborted?: boolean; api: string }[] = [];
    const controller = new AbortController();
    const call = client({
      logger,
      userToken: DEFAULT_CREDENTIALS.userToken,
      hooks: {
        onAttemptEnd: (e) => void ends.push({ attempt: e.attempt, aborted: e.aborted, api: e.api }),
        // Cancel while the retry is in flight (the mock answers after 200 ms).
        onAttemptStart: (e) => {
          if (e.attempt === 2)
            setTimeout(() => controller.abort(new Error("caller cancelled")), 50);
        },
      },
    })
      .location(101)
      .storages.list({ signal: controller.signal });
    await expect(call).rejects.toThrow("caller cancelled");
    expect(logger.lines).toEqual([]);
    expect(ends.at(-1)).toMatchObject({ aborted: true, api: "v1" });
  });

  it("logs a throwing hook at error and goes on with the call", async () => {
    mock = await startMockServer();
    const logger = captureLogger();
    const storages = await client({
      logger,
      userToken: DEFAULT_CREDENTIALS.userToken,
      hooks: {
        onAttemptEnd() {
          throw new Error(`exporter down (token ${DEFAULT_CREDENTIALS.userToken})`);
        },
      },
    })
      .location(101)
      .storages.list();
    expect(storages.length).toBeGreaterThan(0);
    expect(logger.lines).toEqual([
      {
        level: "error",
        message:
          "altegio-b2b: the onAttemptEnd hook threw; the call goes on: Error: exporter down (token [redacted])",
      },
    ]);
  });
});
