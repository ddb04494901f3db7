// `altegio-b2b/mock`: an embedded, stateful local Altegio B2B v1 server for tests and demos.
export { startMockServer, BASE_PATH, V2_BASE_PATH, type MockServer } from "./server.js";
export {
  defaultSeed,
  realisticSeed,
  DEFAULT_CREDENTIALS,
  type RealisticSeedOptions,
} from "./seed.js";
export type { MockState } from "./state.js";
export type {
  MockCategory,
  MockFault,
  MockLocation,
  MockProduct,
  MockRateLimit,
  MockRequest,
  MockSeed,
  MockServerOptions,
  MockStockAmount,
  MockStorage,
  MockUnit,
  MockUser,
  MockWire,
  SeedCategory,
  SeedLocation,
  SeedProduct,
  SeedStorage,
  SeedUnit,
  SeedUser,
} from "./types.js";
// The spec the mock serves and its request checks, for tools that refuse a bad request before sending it (the
// `altegio api` command).
export { loadSpec, type OpenApiDocument } from "./spec.js";
export {
  findOperation,
  indexOperations,
  validateRequest,
  type FieldError,
  type SpecOperation,
} from "./validate.js";
