import type { ClientContext, LocationContext } from "./internal/context.js";
import { assertId } from "./internal/ids.js";
import { scopeRawClient, type ScopedRawClient } from "./internal/scope.js";
import { ProductCategories } from "./resources/product-categories/index.js";
import { Products } from "./resources/products/index.js";
import { Storages } from "./resources/storages.js";
import { V2Location } from "./v2/location.js";

/** One location's view of the API: every call is scoped to `id`. Get it from `altegio.location(id)`. */
export class AltegioLocation {
  /** The location id every call of this view uses. */
  readonly id: number;
  /** openapi-fetch client over the `{location_id}` paths, with `location_id` filled in. */
  readonly raw: ScopedRawClient;
  /** Storages (inventories) of this location. */
  readonly storages: Storages;
  /** Products (goods) of this location. */
  readonly products: Products;
  /** Product categories of this location. */
  readonly productCategories: ProductCategories;
  /** This location in the v2 API: openapi-fetch over the v2 paths with the location filled in, and product reads. */
  readonly v2: V2Location;

  constructor(parent: ClientContext, id: number) {
    assertId("location id", id);
    this.id = id;
    this.raw = scopeRawClient(parent.raw, id);
    const ctx: LocationContext = { ...parent, locationId: id, scoped: this.raw };
    this.storages = new Storages(ctx);
    this.products = new Products(ctx);
    this.productCategories = new ProductCategories(ctx);
    this.v2 = new V2Location(parent.v2, id);
  }
}
