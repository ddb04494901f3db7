// A client of the mock's default user that shares its session through `sessionStore`, and what the mock saw.
import { createAltegioClient, type AltegioClient, type SessionStore } from "../../src/index.js";
import { DEFAULT_CREDENTIALS, type MockServer } from "../../src/mock/index.js";

export function sharedSessionClient(mock: MockServer, sessionStore: SessionStore): AltegioClient {
  return createAltegioClient({
    baseUrl: mock.url,
    partnerToken: DEFAULT_CREDENTIALS.partnerToken,
    credentials: { login: DEFAULT_CREDENTIALS.login, password: DEFAULT_CREDENTIALS.password },
    rateLimit: false,
    sessionStore,
  });
}

/** Logins the mock has answered. */
export const loginCount = (mock: MockServer) =>
  mock.requests.filter((r) => r.operation === "POST /auth").length;

/** One user-level call (it needs the user token). */
export const userCall = (altegio: AltegioClient) => altegio.location(101).storages.list();
