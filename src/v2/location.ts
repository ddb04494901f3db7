import { scopeRawClient } from "../internal/scope.js";
import { V2ProductCategories, V2Products, V2Units } from "./products.js";
import type { V2RawClient, V2ScopedRawClient } from "./types.js";

/** v2 names the location `company_id` in the positions and tags paths; both names are filled in. */
const LOCATION_PARAMS = ["location_id", "company_id"] as const;

/**
 * One location's view of the v2 API: openapi-fetch's `GET`/`POST`/… over the v2 paths with the location filled in,
 * plus thin product reads. Get it from `altegio.location(id).v2`.
 */
export class V2Location implements V2ScopedRawClient {
  readonly GET: V2ScopedRawClient["GET"];
  readonly PUT: V2ScopedRawClient["PUT"];
  readonly POST: V2ScopedRawClient["POST"];
  readonly DELETE: V2ScopedRawClient["DELETE"];
  readonly PATCH: V2ScopedRawClient["PATCH"];
  /** Products (v2 `good` resources, read-only; write through v1's `location(id).products`). */
  readonly products: V2Products;
  /** Units of measure. */
  readonly units: V2Units;
  /** Product categories (read-only; write through v1's `location(id).productCategories`). */
  readonly productCategories: V2ProductCategories;

  constructor(raw: V2RawClient, id: number) {
    const scoped = scopeRawClient<V2ScopedRawClient>(raw, id, LOCATION_PARAMS);
    this.GET = scoped.GET;
    this.PUT = scoped.PUT;
    this.POST = scoped.POST;
    this.DELETE = scoped.DELETE;
    this.PATCH = scoped.PATCH;
    this.products = new V2Products(scoped);
    this.units = new V2Units(scoped);
    this.productCategories = new V2ProductCategories(scoped);
  }
}
