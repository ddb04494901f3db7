// One mock per test for the products tests: location 101 of the default seed, through a client without rate limit or
// retries, and the mock closed after each test.
import { afterEach } from "vitest";
import { createAltegioClient } from "../../src/index.js";
import {
  DEFAULT_CREDENTIALS as C,
  startMockServer,
  type MockServer,
  type MockServerOptions,
} from "../../src/mock/index.js";

/** A client with both tokens of the mock's default user at `baseUrl`, without rate limit or retries. */
export const tokenClient = (baseUrl: string) =>
  createAltegioClient({
    partnerToken: C.partnerToken,
    userToken: C.userToken,
    baseUrl,
    rateLimit: false,
    maxRetries: 0,
  });

/** Registers the cleanup and returns `start(options)`. */
export function mockLocation() {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  return async (options: MockServerOptions = {}) => {
    mock = await startMockServer(options);
    return { mock, loc: tokenClient(mock.url).location(101) };
  };
}
