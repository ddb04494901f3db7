// `sessionStore` with a store of your own (here a Map): clients share one login and one re-login after a 401,
// a stale token is never taken back from the store, and a store that throws fails the call with its error.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionLock, SessionStore } from "../../src/index.js";
import { DEFAULT_CREDENTIALS, startMockServer, type MockServer } from "../../src/mock/index.js";
import { sharedLogin } from "../../src/internal/session-store.js";
import { loginCount, sharedSessionClient, userCall } from "../helpers/shared-session.js";

const C = DEFAULT_CREDENTIALS;
let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer();
});
afterEach(() => mock.close());

/** A store in one process's memory, with a lock that can be held by one caller at a time. */
function mapStore() {
  const tokens = new Map<string, string>();
  const locks = new Set<string>();
  const store: SessionStore = {
    async get(key) {
      return tokens.get(key);
    },
    async lock(key): Promise<SessionLock | undefined> {
      if (locks.has(key)) return undefined;
      locks.add(key);
      return {
        async commit(token) {
          tokens.set(key, token);
          locks.delete(key);
        },
        async release() {
          locks.delete(key);
        },
      };
    },
  };
  return { store, tokens };
}

const client = (sessionStore: SessionStore) => sharedSessionClient(mock, sessionStore);
const logins = () => loginCount(mock);
const call = userCall;

describe("createAltegioClient({ sessionStore })", () => {
  it("shares one login, and one re-login after the token is rejected", async () => {
    const { store, tokens } = mapStore();
    const clients = [client(store), client(store), client(store)];
    await Promise.all(clients.map(call));
    expect(logins()).toBe(1);
    expect([...tokens.values()]).toEqual([C.userToken]);
    expect([...tokens.keys()][0]).toMatch(/^[0-9a-f]{64}$/);

    mock.state.users.get(C.userId)!.user_token = "second-token";
    await Promise.all(clients.map(call));
    expect(logins()).toBe(2);
    expect([...tokens.values()]).toEqual(["second-token"]);
  });

  it("never takes the rejected token back from the store", async () => {
    const { store, tokens } = mapStore();
    const altegio = client(store);
    await call(altegio);
    mock.state.users.get(C.userId)!.user_token = "fresh-token";
    await call(altegio); // 401 with the stored token: the store still holds it, so this client logs in
    expect(logins()).toBe(2);
    expect(altegio.auth.userToken).toBe("fresh-token");
    expect([...tokens.values()]).toEqual(["fresh-token"]);
  });

  it("fails the call with the store's own error when the store throws", async () => {
    const broken: SessionStore = {
      get: () => Promise.reject(new Error("store down")),
      lock: () => Promise.reject(new Error("store down")),
    };
    await expect(call(client(broken))).rejects.toThrow("store down");
    expect(mock.requests).toHaveLength(0);
  });
});

describe("sharedLogin", () => {
  it("logs in alone after maxWaitMs when another holder's lock never goes away", async () => {
    const stuck: SessionStore = { get: async () => undefined, lock: async () => undefined };
    let logins = 0;
    const token = await sharedLogin({
      store: stuck,
      key: "k",
      stale: undefined,
      login: async () => `token-${++logins}`,
      pollMs: 5,
      maxWaitMs: 40,
    });
    expect(token).toBe("token-1");
    expect(logins).toBe(1);
  });
});
