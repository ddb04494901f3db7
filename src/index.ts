export { createAltegioClient } from "./client.js";
export type { AltegioAuth, AltegioClient, AltegioClientOptions } from "./client.js";
export { AltegioLocation } from "./location.js";
export { defaults } from "./defaults.js";
export type { Defaults } from "./defaults.js";
export {
  AltegioApiError,
  AltegioAuthenticationError,
  AltegioConflictError,
  AltegioConnectionError,
  AltegioError,
  AltegioInputError,
  AltegioNotFoundError,
  AltegioPermissionError,
  AltegioRateLimitError,
  AltegioServerError,
  AltegioTimeoutError,
  AltegioValidationError,
  errorClassForStatus,
  fromResponse,
} from "./errors.js";
export type { AltegioApiErrorInit } from "./errors.js";
export type { CallOptions } from "./internal/call-options.js";
export type { Clock } from "./internal/clock.js";
export { createRateLimiter } from "./internal/rate-limiter.js";
export type { RateLimiter, RateLimiterOptions } from "./internal/rate-limiter.js";
export { parseRetryAfter } from "./internal/retry.js";
export type { Credentials, LoginResult } from "./internal/session.js";
export type { ScopedRawClient } from "./internal/scope.js";
export type { Envelope } from "./internal/envelope.js";
export { Locations } from "./resources/locations.js";
export type { LocationListParams } from "./resources/locations.js";
export { Storages } from "./resources/storages.js";
export type { AuthUser, Location, LocationListItem, LocationUser, Storage } from "./types.js";
export { VERSION } from "./version.js";
export { Products } from "./resources/products.js";
export type {
  ProductListPageParams,
  ProductListParams,
  ProductSearchParams,
} from "./resources/products.js";
export { ProductCategories } from "./resources/product-categories.js";
export type { CategoryNodeParams } from "./resources/product-categories.js";
export type { DateTimeInput } from "./internal/dates.js";
export type {
  CategoryNode,
  CategoryTreeNode,
  Product,
  ProductCategory,
  ProductCategoryInput,
  ProductCorrectionRule,
  ProductInput,
  ProductListItem,
  ProductStockAmount,
  ProductTreeElement,
  ProductUpdateInput,
} from "./types.js";
