// Names for the generated v2 types the v2 surface reads and returns. v2 resources carry string ids (`"100"`), v1
// objects numeric ones (`100`): the two never share a type, so one cannot be passed where the other is meant.
import type { Client } from "openapi-fetch";
import type { components, paths } from "../../generated/b2b-v2.js";
import type { ScopedPathsOf } from "../internal/schema-types.js";
import type { ScopedClientOf } from "../internal/scope.js";

/** Every v2 path, as generated from openapi/b2b-v2.yaml. */
export type V2Paths = paths;
type Schemas = components["schemas"];

/** A v2 product (`type: "good"`), its `id` the v1 product id as a string. */
export type V2Product = Schemas["product_resource"];
/** A v2 unit of measure. */
export type V2Unit = Schemas["unit_resource"];
/** The amount of one product in one storage (`type: "good_storage_amount"`). */
export type V2StorageAmount = Schemas["storage_amount_resource"];
/** A v2 product category (`type: "good_category"`). */
export type V2ProductCategory = Schemas["product_category_resource"];
/** A resource of a document's `included` list whose type the schema leaves open. */
export type V2IncludedResource = Schemas["includedResource"];
/** A `{ type, id }` pointer from a relationship to a resource. */
export type V2ResourceIdentifier = Schemas["resourceIdentifier"];
/** The `meta.pagination` of a v2 list. */
export type V2Pagination = Schemas["pagination"];

/** The v2 paths with the location filled in: `{location_id}`, and `{company_id}` where v2 keeps that name. */
export type V2ScopedPaths = ScopedPathsOf<paths, "location_id" | "company_id">;

/** openapi-fetch client over every v2 path, on the client's auth, session, rate limiter and retries. */
export type V2RawClient = Client<paths>;

/** openapi-fetch's call surface over the v2 paths of one location. */
export type V2ScopedRawClient = ScopedClientOf<V2ScopedPaths>;
