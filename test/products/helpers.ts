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

/** Registers the cleanup and returns `start(options)`. */
export function mockLocation() {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  return async (options: MockServerOptions = {}) => {
    mock = await startMockServer(options);
    const altegio = createAltegioClient({
      partnerToken: C.partnerToken,
      userToken: C.userToken,
      baseUrl: mock.url,
      rateLimit: false,
      maxRetries: 0,
    });
    return { mock, loc: altegio.location(101) };
  };
}
