// A client of the embedded mock's default user (partner token plus login and password), without rate limit.
import {
  createAltegioClient,
  type AltegioClient,
  type AltegioClientOptions,
} from "../../src/index.js";
import { DEFAULT_CREDENTIALS as C, type MockServer } from "../../src/mock/index.js";

/** `options` are spread over the defaults. */
export function mockClient(
  mock: MockServer,
  options: Partial<AltegioClientOptions> = {},
): AltegioClient {
  return createAltegioClient({
    baseUrl: mock.url,
    partnerToken: C.partnerToken,
    credentials: { login: C.login, password: C.password },
    rateLimit: false,
    ...options,
  });
}
