// The one public door of altegio-b2b: everything a consumer may import, by name.

// Client
export { createAltegioClient } from "./client.js";
export type { AltegioAuth, AltegioClient, AltegioClientOptions } from "./client.js";
export { AltegioLocation } from "./location.js";
export { defaults } from "./defaults.js";
export type { Defaults } from "./defaults.js";
export { VERSION } from "./version.js";
export type { CallOptions } from "./internal/call-options.js";
export type { Credentials, LoginResult } from "./internal/session.js";
export type { SessionLock, SessionStore } from "./internal/session-store.js";

// Errors
export {
  AltegioAmbiguousMatchError,
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

// Rate limiting and retries
export { createRateLimiter } from "./internal/rate-limiter.js";
export type { RateLimiter, RateLimiterOptions } from "./internal/rate-limiter.js";
export { systemClock } from "./internal/clock.js";
export type { Clock } from "./internal/clock.js";
export { parseRetryAfter } from "./internal/retry.js";

// Pagination (the one paginator every list uses, for raw calls too)
export { paginate } from "./internal/paginate.js";
export type { PageRequest, PageResult, PageSource } from "./internal/paginate.js";

// Logging and observability
export type { Logger, LogLevel } from "./internal/log.js";
export type {
  AltegioHooks,
  AttemptEndEvent,
  AttemptInfo,
  AttemptStartEvent,
  RateLimitWaitEvent,
  RetryEvent,
} from "./internal/hooks.js";

// Raw typed access
export type { ScopedRawClient } from "./internal/scope.js";
export type { ScopedPaths, SuccessBody, SuccessData } from "./internal/schema-types.js";
export type { Envelope } from "./internal/envelope.js";

// v2 (JSON:API-style resources beside v1, on the same client): scoping, page/limit lists on the one paginator,
// `include` joins and the product reads
export { V2Location } from "./v2/location.js";
export { joinIncluded } from "./v2/include.js";
export type { Joined, Related, V2Resource } from "./v2/include.js";
export { MAX_V2_LIMIT, v2PageSource } from "./v2/pages.js";
export type { V2Page } from "./v2/pages.js";
export { V2ProductCategories, V2Products, V2Units } from "./v2/products.js";
export type {
  V2AutocompleteParams,
  V2JoinedProduct,
  V2JoinedProductCategory,
  V2ListPage,
  V2ProductCategoryListParams,
  V2ProductCategoryRelated,
  V2ProductGetParams,
  V2ProductListPageParams,
  V2ProductListParams,
  V2ProductRelated,
} from "./v2/products.js";
export type {
  V2IncludedResource,
  V2Pagination,
  V2Paths,
  V2Product,
  V2ProductCategory,
  V2RawClient,
  V2ResourceIdentifier,
  V2ScopedPaths,
  V2ScopedRawClient,
  V2StorageAmount,
  V2Unit,
} from "./v2/types.js";

// Resources
export { Locations } from "./resources/locations.js";
export type { LocationListParams } from "./resources/locations.js";
export { Storages } from "./resources/storages.js";
export { Products } from "./resources/products/index.js";
export type {
  ProductListPageParams,
  ProductListParams,
  ProductSearchParams,
} from "./resources/products/index.js";
export { ProductCategories } from "./resources/product-categories/index.js";
export type {
  ProductImport,
  ProductImportAction,
  ProductImportMatch,
  ProductImportOptions,
  ProductImportOutcome,
  ProductImportSummary,
} from "./resources/products/import.js";
export type { CategoryNodeParams } from "./resources/product-categories/index.js";
export type { DateTimeInput } from "./internal/dates.js";

// Schema-derived types
export type {
  AuthUser,
  CategoryNode,
  CategoryTreeNode,
  Location,
  LocationListItem,
  LocationUser,
  Product,
  ProductCategory,
  ProductCategoryInput,
  ProductCorrectionRule,
  ProductInput,
  ProductListItem,
  ProductStockAmount,
  ProductTreeElement,
  ProductUpdateInput,
  Storage,
  WireCategoryNode,
  WireLocation,
  WireLocationListItem,
  WireProduct,
  WireProductCategory,
  WireProductListItem,
  WireProductStockAmount,
  WireProductTreeElement,
  WireStorage,
} from "./types.js";
