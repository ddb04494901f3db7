// Public types of the embedded mock server: seed data, live state entities, options and recordings.
// Entities use the vendor's request-side field names (snake_case) so assertions read like the API.

/** A location (the vendor's "company"). */
export interface MockLocation {
  id: number;
  title: string;
  public_title: string;
  short_descr: string;
  active: number;
  phone: string;
  email: string;
  country_id: number;
  country: string;
  city_id: number;
  city: string;
  /** Offset from UTC in whole hours; also used to format the location's dates. */
  timezone: number;
  timezone_name: string;
  address: string;
  zip: string;
  site: string;
  coordinate_lat: number;
  coordinate_lon: number;
  currency_short_title: string;
  business_type_id: number;
  main_group_id: number;
}

/** A user who can log in with `POST /auth` and act on the locations in `location_ids`. */
export interface MockUser {
  id: number;
  login: string;
  password: string;
  user_token: string;
  name: string;
  phone: string;
  email: string;
  avatar: string;
  information: string;
  is_approved: boolean;
  is_email_confirmed: boolean;
  is_non_deletable: boolean;
  /** A blocked user's login answers 403 "Access denied.". */
  blocked: boolean;
  /** Locations this user may manage; every other location answers 403. */
  location_ids: number[];
}

/**
 * Fields an answer sends exactly as given, over the ones the mock computes (or besides them), to reproduce what
 * live servers send: numbers as strings, 0/1 flags, `[]` for an empty object.
 * @example { good_id: "401", loyalty_allow_empty_code: 1, actual_amounts: [] }
 */
export type MockWire = Record<string, unknown>;

/** A storage (the vendor's "inventory") of a location. */
export interface MockStorage {
  id: number;
  location_id: number;
  title: string;
  for_service: number;
  for_sale: number;
  comment: string;
  weight: number;
  /** Wire values the storage list sends for this storage. @default undefined */
  wire?: MockWire;
}

/** A unit of measure products refer to by `sale_unit_id` / `service_unit_id`. */
export interface MockUnit {
  id: number;
  title: string;
  short_title: string;
}

/** A product category; `parent_category_id` is null for top-level categories. */
export interface MockCategory {
  id: number;
  location_id: number;
  title: string;
  parent_category_id: number | null;
  is_chain: boolean;
  article: string;
  comment: string;
  /** Wire values per answer: `list` (category lists), `node` (search results and compositions). @default undefined */
  wire?: { list?: MockWire; node?: MockWire };
}

/** Stock of a product in one storage. */
export interface MockStockAmount {
  storage_id: number;
  amount: number;
}

/** A product (the vendor's "good"); `actual_amounts` non-empty means it has stock operations. */
export interface MockProduct {
  id: number;
  location_id: number;
  title: string;
  print_title: string;
  article: string;
  barcode: string;
  category_id: number;
  sale_unit_id: number;
  service_unit_id: number;
  cost: number;
  actual_cost: number;
  unit_equals: number;
  critical_amount: number;
  desired_amount: number;
  netto: number;
  brutto: number;
  comment: string;
  tax_variant: number | null;
  vat_id: number | null;
  loyalty_abonement_type_id: number;
  loyalty_certificate_type_id: number;
  loyalty_allow_empty_code: boolean;
  actual_amounts: MockStockAmount[];
  /** Epoch milliseconds of the last create/update; drives `changed_after` / `changed_before`. */
  last_change_ms: number;
  /**
   * Wire values per answer: `object` (get/create/update), `list` (the product list), `node` (search results and
   * compositions). An update drops them: the server sends fresh values.
   * @default undefined
   */
  wire?: { object?: MockWire; list?: MockWire; node?: MockWire };
}

type Seeded<T, K extends keyof T> = Partial<T> & Pick<T, K>;

/** A location to seed; omitted fields get plausible defaults. */
export type SeedLocation = Seeded<MockLocation, "id">;
/** A user to seed; omitted fields get plausible defaults. */
export type SeedUser = Seeded<MockUser, "id" | "login" | "password" | "user_token">;
/** A storage to seed; omitted fields get plausible defaults. */
export type SeedStorage = Seeded<MockStorage, "id" | "location_id">;
/** A unit to seed. */
export type SeedUnit = Seeded<MockUnit, "id">;
/** A category to seed; omitted fields get plausible defaults. */
export type SeedCategory = Seeded<MockCategory, "id" | "location_id" | "title">;
/** A product to seed; omitted fields get plausible defaults. */
export type SeedProduct = Seeded<MockProduct, "id" | "location_id" | "title" | "category_id">;

/** Everything the server starts with. */
export interface MockSeed {
  /** The partner token every request must carry as `Bearer <token>`. */
  partnerToken: string;
  users: SeedUser[];
  locations: SeedLocation[];
  storages: SeedStorage[];
  units: SeedUnit[];
  categories: SeedCategory[];
  products: SeedProduct[];
}

/** One request the server received, in arrival order. */
export interface MockRequest {
  method: string;
  /** Full path as received, e.g. `/api/v1/goods/101`. */
  path: string;
  /** Query parameters; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** Lower-cased request headers. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** Epoch milliseconds (from the server's clock) when the request arrived. */
  time: number;
  /** `METHOD /template` of the operation that handled it, when one matched. */
  operation?: string;
  /** Status the server answered with; undefined while in flight or when the connection was reset. */
  status?: number;
}

/** Makes matching requests fail; each match uses up one of `times`. */
export interface MockFault {
  /** HTTP method to match (any when omitted). @default undefined */
  method?: string;
  /**
   * Path to match, relative to `/api/v1` (v2 paths whole, e.g. `/api/v2/locations/{location_id}/units`): a RegExp, or a string
   * where `{name}` and `*` match one segment and `**` matches the rest (any path when omitted).
   * @default undefined
   * @example "/goods/{location_id}"
   */
  path?: string | RegExp;
  /** How many matching requests fail before the fault is used up. @default 1 */
  times?: number;
  /** Status to answer with (ignored when `reset` is set). @default 500 */
  status?: number;
  /** Body to answer with; the vendor's error envelope for `status` when omitted. @default undefined */
  body?: unknown;
  /** Extra response headers. @default {} @example { "retry-after": "1" } */
  headers?: Record<string, string>;
  /** Destroy the connection instead of answering. @default false */
  reset?: boolean;
  /** Extra delay before the failure, in milliseconds. @default 0 */
  delayMs?: number;
}

/** Server-side request limits, off when omitted. */
export interface MockRateLimit {
  /** Requests allowed in any one-second window. @default undefined (unlimited) */
  perSecond?: number;
  /** Requests allowed in any one-minute window. @default undefined (unlimited) */
  perMinute?: number;
}

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Seed data; each key given replaces that key of the default seed (`defaultSeed()`).
   * @default defaultSeed()
   * @example { products: [], categories: [] }
   */
  seed?: Partial<MockSeed>;
  /** Silent cap on items per page for paged lists, whatever `count` asks. @default undefined (no cap) */
  pageSizeCap?: number;
  /** Answer 429 with the vendor's error envelope beyond these rates. @default undefined (off) */
  rateLimit?: MockRateLimit;
  /** Delay added before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Faults armed at start; more can be added with `server.fault()`. @default [] */
  faults?: MockFault[];
  /**
   * How successful DELETEs answer; the vendor's pages document all three, so clients must accept each.
   * @default 204
   */
  deleteStatus?: 200 | 202 | 204;
  /** Check query, path and body against the OpenAPI snapshot (422 on mismatch). @default true */
  validate?: boolean;
  /** Clock in epoch ms, for rate-limit windows, `last_change_date` and recordings. @default Date.now */
  clock?: () => number;
}
