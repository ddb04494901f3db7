import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioApiError,
  AltegioAuthenticationError,
  AltegioConflictError,
  AltegioNotFoundError,
  AltegioPermissionError,
  AltegioRateLimitError,
  AltegioServerError,
  AltegioValidationError,
  createAltegioClient,
  fromResponse,
} from "../../src/index.js";
import { rejectionOf, sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const client = () =>
  createAltegioClient({
    partnerToken: "partner-tok-123",
    userToken: "user-tok-456",
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
    maxRetries: 0,
  });

async function failure(status: number, body: string, headers: Record<string, string> = {}) {
  server.handle((_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  });
  return client()
    .location(7)
    .storages.list()
    .then(
      () => {
        throw new Error("expected a failure");
      },
      (error: unknown) => error as AltegioApiError,
    );
}

const envelope = (meta: unknown) => JSON.stringify({ success: false, data: null, meta });

describe("error classes", () => {
  it.each([
    [401, AltegioAuthenticationError, "Authentication needed."],
    [403, AltegioPermissionError, "Access denied."],
    [409, AltegioConflictError, "Conflict"],
    [500, AltegioServerError, "Boom"],
  ])("maps %i to its class with meta.message", async (status, ErrorClass, message) => {
    const error = await failure(status, envelope({ message }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect(error.status).toBe(status);
    expect(error.message).toBe(message);
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${server.url}/api/v1/storages/7`);
    expect(error.body).toEqual({ success: false, data: null, meta: { message } });
    expect(error.headers.get("content-type")).toBe("application/json");
  });

  it("maps 404 with an empty meta to a readable message", async () => {
    const error = await failure(404, envelope([]));
    expect(error).toBeInstanceOf(AltegioNotFoundError);
    expect(error.message).toBe("HTTP 404");
  });

  it("normalizes 422 errors given as { message } items", async () => {
    const error = await failure(
      422,
      envelope({ message: "Validation failed", errors: [{ message: "Title is required" }] }),
    );
    expect(error).toBeInstanceOf(AltegioValidationError);
    expect(error.message).toBe("Validation failed");
    expect(error.messages).toEqual(["Validation failed", "Title is required"]);
    expect(error.fieldErrors).toEqual({});
  });

  it("normalizes 422 errors given as { [field]: [...] } items", async () => {
    const error = await failure(
      422,
      envelope({
        errors: [{ "[title]": ["This field is missing."] }, { cost: ["Must be a number."] }],
      }),
    );
    expect(error.fieldErrors).toEqual({
      title: ["This field is missing."],
      cost: ["Must be a number."],
    });
    expect(error.messages).toEqual(["title: This field is missing.", "cost: Must be a number."]);
    expect(error.message).toBe("title: This field is missing.");
  });

  it("reads get_location's { errors: { code, message } } shape", async () => {
    const error = await failure(
      401,
      JSON.stringify({ errors: { code: 401, message: "Token expired" }, meta: {} }),
    );
    expect(error).toBeInstanceOf(AltegioAuthenticationError);
    expect(error.messages).toEqual(["Token expired"]);
    expect(error.message).toBe("Token expired");
  });

  it("maps 429 and reads Retry-After", async () => {
    const error = (await failure(429, envelope({ message: "Too many requests" }), {
      "retry-after": "3",
    })) as AltegioRateLimitError;
    expect(error).toBeInstanceOf(AltegioRateLimitError);
    expect(error.retryAfterMs).toBe(3000);
  });

  it("maps an HTML 502 from a proxy to a server error with the page as body", async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad Gateway</body></html>");
    });
    const error = await rejectionOf<AltegioApiError>(client().location(7).storages.list());
    expect(error).toBeInstanceOf(AltegioServerError);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/HTTP 502.*HTML/);
    expect(error.body).toBe("<html><body>Bad Gateway</body></html>");
  });

  it("maps an empty 500 body", async () => {
    const error = await failure(500, "");
    expect(error).toBeInstanceOf(AltegioServerError);
    expect(error.message).toBe("HTTP 500 with an empty body");
  });

  it("throws on success: false with HTTP 200", async () => {
    const error = await failure(200, envelope({ message: "Something went wrong" }));
    expect(error.constructor).toBe(AltegioApiError);
    expect(error.status).toBe(200);
    expect(error.message).toBe("Something went wrong");
  });

  it("throws on a 200 whose body is not JSON", async () => {
    const error = await failure(200, '{"success": tr');
    expect(error.constructor).toBe(AltegioApiError);
    expect(error.message).toMatch(/not the JSON/);
  });

  it("throws on an empty 200 where data is promised", async () => {
    const error = await failure(200, "");
    expect(error.message).toMatch(/Empty response/);
  });
});

describe("secrets", () => {
  it("never shows the partner token, user token or password", async () => {
    const secrets = ["partner-tok-123", "user-tok-456", "hunter2-secret"];
    server.handle((req, res) =>
      sendJson(res, 422, {
        success: false,
        data: { echo: req.headers.authorization },
        meta: {
          message: `bad token ${req.headers.authorization} hunter2-secret`,
          errors: [{ password: ["hunter2-secret is weak"] }],
        },
      }),
    );
    const altegio = createAltegioClient({
      partnerToken: "partner-tok-123",
      userToken: "user-tok-456",
      credentials: { login: "a@b.c", password: "hunter2-secret" },
      baseUrl: `${server.url}/api/v1`,
      rateLimit: false,
      maxRetries: 0,
    });
    const error = await rejectionOf(altegio.location(7).storages.list());
    const renderings = [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      error.stack ?? "",
    ];
    for (const text of renderings) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(error.message).toContain("[redacted]");
  });
});

describe("fromResponse", () => {
  // Whoever builds the error (the envelope readers, the CLI's `api` command) gets the server's wait.
  it("reads Retry-After for a 429 itself; an explicit retryAfterMs wins", () => {
    const init = {
      status: 429,
      method: "GET",
      url: "http://x/y",
      body: "",
      headers: new Headers({ "retry-after": "2" }),
    };
    expect((fromResponse(init) as AltegioRateLimitError).retryAfterMs).toBe(2000);
    expect((fromResponse({ ...init, retryAfterMs: 5 }) as AltegioRateLimitError).retryAfterMs).toBe(
      5,
    );
    const silent = fromResponse({ ...init, headers: new Headers() }) as AltegioRateLimitError;
    expect(silent.retryAfterMs).toBeUndefined();
  });
});
