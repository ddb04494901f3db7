import type { SuccessData } from "./internal/schema-types.js";
import type { paths } from "../generated/b2b-v1.js";
import type { Method } from "./internal/schema-types.js";
import type { NormalizedBy } from "./internal/wire-rules.js";
import type {
  categoryNodeShape,
  categoryShape,
  treeElementShape,
} from "./resources/product-categories/normalize.js";
import type {
  productListItemShape,
  productShape,
  stockAmountShape,
} from "./resources/products/normalize.js";
import type { locationListItemShape, locationShape } from "./resources/locations.js";
import type { storageShape } from "./resources/storages.js";

// Two kinds of types live here. `Wire*` types are what the API sends, straight from the generated schema: the raw
// client (`altegio.raw`, `loc.raw`) returns those. The unprefixed types are what convenience reads return: the same
// objects after normalization, each field in the one type its shape (resources/*/normalize.ts) declares.

type Item<T> = T extends readonly (infer I)[] ? I : never;
type ItemOf<T> = NonNullable<T> extends readonly (infer I)[] ? I : never;
type JsonBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** A user with access to a location. */
export type LocationUser = Item<SuccessData<"/company/{location_id}/users", "get">>;
/** The user returned by `POST /auth`, including their `user_token`. */
export type AuthUser = NonNullable<SuccessData<"/auth", "post">>;

// --- wire types (what the API sends; the raw client's types) -----------------------------------------------

/** A business location as `GET /company/{location_id}` sends it. */
export type WireLocation = NonNullable<SuccessData<"/company/{location_id}", "get">>;
/** A location as `GET /companies` sends it. */
export type WireLocationListItem = Item<SuccessData<"/companies", "get">>;
/** A storage as `GET /storages/{location_id}` sends it (`for_service` / `for_sale` as 0/1). */
export type WireStorage = Item<SuccessData<"/storages/{location_id}", "get">>;
/**
 * A product as get/create/update send it (`good_id`, `unit_id`; no `category_id`). The wire type also allows a
 * list (the vendor's own examples wrap the product in one); the convenience calls unwrap it.
 */
export type WireProduct = Exclude<
  NonNullable<SuccessData<"/goods/{location_id}/{product_id}", "get">>,
  readonly unknown[]
>;
/** A product as `GET /goods/{location_id}` lists it (carries `category_id`, `category`, `article`). */
export type WireProductListItem = ItemOf<SuccessData<"/goods/{location_id}", "get">>;
/** Stock of a product in one storage, as sent. */
export type WireProductStockAmount = ItemOf<WireProduct["actual_amounts"]>;
/** A product or a category as search results and category compositions send them. */
export type WireProductTreeElement = ItemOf<SuccessData<"/goods/search/{location_id}", "get">>;
/** One page of a category's composition, as sent. */
export type WireCategoryNode = NonNullable<
  SuccessData<"/goods/category_node/{location_id}/{category_id}", "get">
>;
/** A product category, as sent. */
export type WireProductCategory = ItemOf<
  SuccessData<"/goods_categories/multiple/{location_id}", "get">
>;

// --- normalized types (what convenience reads return) ----------------------------------------------------

/** A business location (salon, clinic, …) as `locations.get()` returns it. */
export type Location = NormalizedBy<typeof locationShape>;
/** A location as `locations.list()` returns it. */
export type LocationListItem = NormalizedBy<typeof locationListItemShape>;
/** A storage (inventory) of a location; `for_service` / `for_sale` as booleans. */
export type Storage = NormalizedBy<typeof storageShape>;
/** A product as get/create/update return it (`good_id`, `unit_id`; no `category_id`). */
export type Product = NormalizedBy<typeof productShape>;
/** A product as `products.list()` yields it (carries `category_id`, `category`, `article`). */
export type ProductListItem = NormalizedBy<typeof productListItemShape>;
/** Stock of a product in one storage; `amount` may be negative or fractional. */
export type ProductStockAmount = NormalizedBy<typeof stockAmountShape>;
/** A product or a category as search results and category compositions list them. */
export type ProductTreeElement = NormalizedBy<typeof treeElementShape>;
/** One page of a category's composition: the category and some of its direct children. */
export type CategoryNode = NormalizedBy<typeof categoryNodeShape>;
/** A product category. */
export type ProductCategory = NormalizedBy<typeof categoryShape>;

// --- request bodies --------------------------------------------------------------------------------------

/** The body of `POST /goods/{location_id}`: a new product (`sale_unit_id` in, `unit_id` out). */
export type ProductInput = JsonBody<"/goods/{location_id}", "post">;
/** The body of `PUT /goods/{location_id}/{product_id}`: a full replacement, plus optional `correction_rules`. */
export type ProductUpdateInput = JsonBody<"/goods/{location_id}/{product_id}", "put">;
/** A unit-conversion rule for updating the units of a product that has stock operations. */
export type ProductCorrectionRule = ItemOf<ProductUpdateInput["correction_rules"]>;
/** The body of `POST` and `PUT /goods_categories/...`: a category's data. */
export type ProductCategoryInput = JsonBody<"/goods_categories/{location_id}", "post">;

/** A category with its whole subtree, as `productCategories.tree()` builds it. */
export interface CategoryTreeNode {
  /** The category id. */
  id: number;
  /** The category name. */
  title: string;
  /** The parent category id; 0 for a top-level category. */
  parent_id: number;
  /** Direct subcategories, each with its own subtree (products are not included). */
  children: CategoryTreeNode[];
}
