import type { SuccessData } from "./internal/schema-types.js";
import type { paths } from "../generated/b2b-v1.js";
import type { Method } from "./internal/schema-types.js";

type Item<T> = T extends readonly (infer I)[] ? I : never;

/** A business location (salon, clinic, …) as `GET /company/{location_id}` returns it. */
export type Location = NonNullable<SuccessData<"/company/{location_id}", "get">>;
/** A location as it appears in `GET /companies` lists. */
export type LocationListItem = Item<SuccessData<"/companies", "get">>;
/** A storage (inventory) of a location. */
export type Storage = Item<SuccessData<"/storages/{location_id}", "get">>;
/** A user with access to a location. */
export type LocationUser = Item<SuccessData<"/company/{location_id}/users", "get">>;
/** The user returned by `POST /auth`, including their `user_token`. */
export type AuthUser = NonNullable<SuccessData<"/auth", "post">>;

// Products and product categories. Every type below comes from the generated schema; only CategoryTreeNode is ours.
type ItemOf<T> = NonNullable<T> extends readonly (infer I)[] ? I : never;
type JsonBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/**
 * A product as get/create/update return it (`good_id`, `unit_id`; no `category_id`). The wire type also allows a
 * list (the vendor's own examples wrap the product in one); the convenience calls unwrap it.
 */
export type Product = Exclude<
  NonNullable<SuccessData<"/goods/{location_id}/{product_id}", "get">>,
  readonly unknown[]
>;
/** A product as `GET /goods/{location_id}` lists it (carries `category_id`, `category`, `article`). */
export type ProductListItem = ItemOf<SuccessData<"/goods/{location_id}", "get">>;
/** Stock of a product in one storage. */
export type ProductStockAmount = ItemOf<Product["actual_amounts"]>;
/** The body of `POST /goods/{location_id}`: a new product (`sale_unit_id` in, `unit_id` out). */
export type ProductInput = JsonBody<"/goods/{location_id}", "post">;
/** The body of `PUT /goods/{location_id}/{product_id}`: a full replacement, plus optional `correction_rules`. */
export type ProductUpdateInput = JsonBody<"/goods/{location_id}/{product_id}", "put">;
/** A unit-conversion rule for updating the units of a product that has stock operations. */
export type ProductCorrectionRule = ItemOf<ProductUpdateInput["correction_rules"]>;
/** A product or a category as search results and category compositions list them. */
export type ProductTreeElement = ItemOf<SuccessData<"/goods/search/{location_id}", "get">>;
/** One page of a category's composition: the category and some of its direct children. */
export type CategoryNode = NonNullable<
  SuccessData<"/goods/category_node/{location_id}/{category_id}", "get">
>;
/** A product category. */
export type ProductCategory = ItemOf<
  SuccessData<"/goods_categories/multiple/{location_id}", "get">
>;
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
