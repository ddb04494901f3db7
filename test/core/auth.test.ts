import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioAuthenticationError,
  AltegioInputError,
  createAltegioClient,
  VERSION,
} from "../../src/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

const PARTNER = "partner-secret-token";
const USER = "user-secret-token";
const PASSWORD = "p4ssw0rd-secret";

let server: TestServer;
let issued: string[];

// A small Altegio look-alike: /auth issues numbered tokens; everything else answers with an envelope and only
// accepts the newest token.
beforeEach(async () => {
  issued = [];
  server = await startTestServer((req, res) => {
    if (req.path === "/api/v1/auth") {
      const token = `fresh-token-${issued.length + 1}`;
      issued.push(token);
      return sendJson(res, 201, {
        success: true,
        data: { id: 1, user_token: token, name: "Jo" },
        meta: [],
      });
    }
    const auth = req.headers.authorization ?? "";
    const current = issued.at(-1) ?? USER;
    if (req.path.startsWith("/api/v1/storages") && !auth.endsWith(`User ${current}`)) {
      return sendJson(res, 401, {
        success: false,
        data: null,
        meta: { message: "Authentication needed." },
      });
    }
    sendJson(res, 200, { success: true, data: [], meta: [] });
  });
});
afterEach(() => server.close());

const base = () => ({
  partnerToken: PARTNER,
  baseUrl: `${server.url}/api/v1`,
  rateLimit: false as const,
});

describe("headers", () => {
  it("sends Accept, both tokens and a User-Agent on a user-level GET, and no Content-Type", async () => {
    const altegio = createAltegioClient({ ...base(), userToken: USER });
    await altegio.location(37532).storages.list();
    const [req] = server.requests;
    expect(req?.method).toBe("GET");
    expect(req?.url).toBe("/api/v1/storages/37532");
    expect(req?.headers.accept).toBe("application/vnd.api.v2+json");
    expect(req?.headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
    expect(req?.headers["content-type"]).toBeUndefined();
    expect(req?.headers["user-agent"]).toBe(`altegio-b2b/${VERSION} node/${process.versions.node}`);
  });

  it("sends the partner token alone for POST /auth, with a JSON Content-Type and body", async () => {
    const altegio = createAltegioClient({ ...base(), userToken: USER });
    await altegio.auth.login({ login: "+13155550175", password: PASSWORD });
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.headers.authorization).toBe(`Bearer ${PARTNER}`);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "")).toEqual({ login: "+13155550175", password: PASSWORD });
  });

  it("sends the partner token alone for partner-level calls without a user token", async () => {
    const altegio = createAltegioClient(base());
    await altegio.locations.list();
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}`);
    expect(server.requests[0]?.url).toBe("/api/v1/companies");
  });

  it("adds the user token to partner-level calls when one is known", async () => {
    const altegio = createAltegioClient({ ...base(), userToken: USER });
    await altegio.locations.list({ my: true });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
    expect(server.requests[0]?.url).toBe("/api/v1/companies?my=1");
  });
});

describe("session", () => {
  it("logs in once for 10 concurrent first calls and uses the token for all of them", async () => {
    const seen: string[] = [];
    const altegio = createAltegioClient({
      ...base(),
      credentials: { login: "a@b.c", password: PASSWORD },
      onUserToken: (t) => void seen.push(t),
    });
    await Promise.all(Array.from({ length: 10 }, () => altegio.location(1).storages.list()));
    const logins = server.requests.filter((r) => r.path === "/api/v1/auth");
    expect(logins).toHaveLength(1);
    const calls = server.requests.filter((r) => r.path !== "/api/v1/auth");
    expect(calls).toHaveLength(10);
    for (const call of calls)
      expect(call.headers.authorization).toBe(`Bearer ${PARTNER}, User fresh-token-1`);
    expect(seen).toEqual(["fresh-token-1"]);
    expect(altegio.auth.userToken).toBe("fresh-token-1");
  });

  it("logs in again once after a 401 and replays the request", async () => {
    const seen: string[] = [];
    issued.push("fresh-token-0");
    const altegio = createAltegioClient({
      ...base(),
      userToken: "expired-token",
      credentials: { login: "a@b.c", password: PASSWORD },
      onUserToken: (t) => void seen.push(t),
    });
    await expect(altegio.location(1).storages.list()).resolves.toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/v1/storages/1",
      "/api/v1/auth",
      "/api/v1/storages/1",
    ]);
    expect(server.requests[2]?.headers.authorization).toBe(`Bearer ${PARTNER}, User fresh-token-2`);
    expect(seen).toEqual(["fresh-token-2"]);
  });

  it("throws the second 401 instead of looping", async () => {
    server.handle((req, res) =>
      req.path === "/api/v1/auth"
        ? sendJson(res, 201, { success: true, data: { id: 1, user_token: "still-bad" }, meta: [] })
        : sendJson(res, 401, {
            success: false,
            data: null,
            meta: { message: "Authentication needed." },
          }),
    );
    const altegio = createAltegioClient({
      ...base(),
      credentials: { login: "a@b.c", password: PASSWORD },
    });
    await expect(altegio.location(1).storages.list()).rejects.toBeInstanceOf(
      AltegioAuthenticationError,
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/v1/auth",
      "/api/v1/storages/1",
      "/api/v1/auth",
      "/api/v1/storages/1",
    ]);
  });

  it("does not re-login without credentials: the 401 is thrown", async () => {
    const altegio = createAltegioClient({ ...base(), userToken: "expired-token" });
    await expect(altegio.location(1).storages.list()).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it("fails before sending when a user-level call has neither token nor credentials", async () => {
    const altegio = createAltegioClient(base());
    const error = await altegio
      .location(1)
      .storages.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioInputError);
    expect(String(error)).toMatch(/userToken.*credentials/);
    expect(server.requests).toHaveLength(0);
  });

  it("logout forgets the token; login stores the new one", async () => {
    const altegio = createAltegioClient({ ...base(), userToken: USER });
    altegio.auth.logout();
    expect(altegio.auth.userToken).toBeUndefined();
    const result = await altegio.auth.login({ login: "a@b.c", password: PASSWORD });
    expect(result.userToken).toBe("fresh-token-1");
    expect(result.user).toMatchObject({ id: 1, user_token: "fresh-token-1" });
    expect(altegio.auth.userToken).toBe("fresh-token-1");
  });
});

describe("options", () => {
  it("rejects a missing partner token and bad options before anything is sent", () => {
    expect(() => createAltegioClient({ partnerToken: "" })).toThrow(AltegioInputError);
    expect(() =>
      createAltegioClient({ partnerToken: "x", baseUrl: "not a url", maxRetries: -1 }),
    ).toThrow(/baseUrl.*\n.*maxRetries/s);
  });

  it.each([0, -3, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, "12" as unknown as number])(
    "location(%s) throws AltegioInputError",
    (id) => {
      const altegio = createAltegioClient({ ...base(), userToken: USER });
      expect(() => altegio.location(id)).toThrow(AltegioInputError);
      expect(server.requests).toHaveLength(0);
    },
  );
});
