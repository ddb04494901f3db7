// A client of the mock's default user that shares its session through `sessionStore`, and what the mock saw.
import type { AltegioClient, SessionStore } from "../../src/index.js";
import type { MockServer } from "../../src/mock/index.js";
import { mockClient } from "./mock-client.js";

export const sharedSessionClient = (mock: MockServer, sessionStore: SessionStore): AltegioClient =>
  mockClient(mock, { sessionStore });

/** Logins the mock has answered. */
export const loginCount = (mock: MockServer) =>
  mock.requests.filter((r) => r.operation === "POST /auth").length;

/** One user-level call (it needs the user token). */
export const userCall = (altegio: AltegioClient) => altegio.location(101).storages.list();
