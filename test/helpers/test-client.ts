// A client of a test server (test-server.ts): both tokens given, the server's /api/v1 as base URL, no rate limit.
import {
  createAltegioClient,
  type AltegioClient,
  type AltegioClientOptions,
} from "../../src/index.js";
import type { TestServer } from "./test-server.js";

/** `options` are spread over the defaults. */
export function testClient(
  server: TestServer,
  options: Partial<AltegioClientOptions> = {},
): AltegioClient {
  return createAltegioClient({
    partnerToken: "partner-token",
    userToken: "user-token",
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
    ...options,
  });
}
