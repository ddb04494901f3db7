// The v2 surface: scoping, page/limit lists on the one paginator, `include` joins and the product reads.
export { V2Location } from "./location.js";
export { joinIncluded } from "./include.js";
export type { Joined, Related, V2Resource } from "./include.js";
export { MAX_V2_LIMIT, v2PageSource } from "./pages.js";
export type { V2Page } from "./pages.js";
export { V2ProductCategories, V2Products, V2Units } from "./products.js";
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
} from "./products.js";
export type * from "./types.js";
