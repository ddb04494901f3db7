// Thin v2 product reads (v2 is read-only for products; writes stay in v1): products with their storage amounts,
// units, product categories and autocomplete, each joined with the resources it includes.
import { AltegioError, AltegioInputError } from "../errors.js";
import type { CallOptions } from "../internal/call-options.js";
import { paginate } from "../internal/paginate.js";
import { v2PathId } from "./ids.js";
import { joinIncluded, type Joined } from "./include.js";
import { checkLimit, MAX_V2_LIMIT, v2PageSource, type V2Page } from "./pages.js";
import { readList, readListDocument, readOne } from "./read.js";
import type {
  V2Pagination,
  V2Paths,
  V2Product,
  V2ProductCategory,
  V2ScopedRawClient,
  V2StorageAmount,
  V2Unit,
} from "./types.js";

type Query<P extends keyof V2Paths> = V2Paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

const PRODUCTS = "/locations/{location_id}/products";
const PRODUCT = "/locations/{location_id}/products/{product_id}";
const AUTOCOMPLETE = "/locations/{location_id}/products/autocomplete";
const STORAGE_AMOUNTS = "/locations/{location_id}/products/{product_id}/storage_amounts";
const CATEGORIES = "/locations/{location_id}/product_categories";
const CATEGORY = "/locations/{location_id}/product_categories/{product_category_id}";

/** The resource types of a product's relationships. */
export interface V2ProductRelated {
  storage_amounts: V2StorageAmount;
}
/** The resource types of a product category's relationships. */
export interface V2ProductCategoryRelated {
  child_categories: V2ProductCategory;
  goods: V2Product;
}

/** A v2 product with the resources it includes. */
export type V2JoinedProduct = Joined<V2Product, V2ProductRelated>;
/** A v2 product category with the resources it includes. */
export type V2JoinedProductCategory = Joined<V2ProductCategory, V2ProductCategoryRelated>;

/** Filters of {@link V2Products.list}. */
export interface V2ProductListParams {
  /**
   * Only these products (v2 string ids).
   * @default undefined — every product
   * @example ["100", "101"]
   */
  ids?: string[];
  /**
   * Which kind of product: plain goods, or those tied to memberships or certificates.
   * @default "common" (the API's default)
   */
  related_loyalty_entity_slug?: Query<typeof PRODUCTS>["filter[related_loyalty_entity_slug]"];
  /**
   * Related resources to ask for; each is joined onto the product as `related.<name>`.
   * @default undefined — none
   * @example ["storage_amounts", "units"]
   */
  include?: Query<typeof PRODUCTS>["include"];
  /**
   * Products per page, 1 to 250; `list()` walks every page whatever the size.
   * @default 250
   */
  limit?: number;
}

/** Parameters of {@link V2Products.listPage}. */
export interface V2ProductListPageParams extends V2ProductListParams {
  /** Page number, from 1. */
  page: number;
}

/** One page of a v2 list. */
export interface V2ListPage<R> {
  data: R[];
  pagination: V2Pagination;
}

/** Options of {@link V2Products.get}. */
export interface V2ProductGetParams {
  /**
   * Related resources to ask for; each is joined onto the product as `related.<name>`.
   * @default undefined — none
   * @example ["storage_amounts"]
   */
  include?: Query<typeof PRODUCT>["include"];
}

/** Options of {@link V2Products.autocomplete}. */
export interface V2AutocompleteParams {
  /**
   * Most products to return, 1 to 250.
   * @default 250
   */
  limit?: number;
  /**
   * Related resources to ask for; each is joined onto the product as `related.<name>`.
   * @default undefined — none
   */
  include?: Query<typeof AUTOCOMPLETE>["include"];
}

/** Options of {@link V2ProductCategories.list}. */
export interface V2ProductCategoryListParams {
  /**
   * Only the children of this category (its v2 string id); `"0"` lists the top level.
   * @default the API's 0 (top level)
   */
  parent_category_id?: string;
  /**
   * Related resources to ask for; each is joined onto the category as `related.<name>`.
   * @default undefined — none
   */
  include?: Query<typeof CATEGORIES>["include"];
}

function productQuery(params: V2ProductListParams) {
  return {
    ...(params.ids ? { "filter[ids][]": params.ids.map((id) => v2PathId("ids[]", id)) } : {}),
    ...(params.related_loyalty_entity_slug
      ? { "filter[related_loyalty_entity_slug]": params.related_loyalty_entity_slug }
      : {}),
    ...(params.include ? { include: params.include } : {}),
  };
}

/** v2 product reads of one location. Get it from `altegio.location(id).v2.products`. */
export class V2Products {
  constructor(private readonly raw: V2ScopedRawClient) {}

  /** Every product of the location, once each, page by page (lazily). */
  list(
    params: V2ProductListParams = {},
    options: CallOptions = {},
  ): AsyncGenerator<V2JoinedProduct> {
    const query = productQuery(params);
    return paginate(
      v2PageSource<V2Product, V2ProductRelated>(params.limit ?? MAX_V2_LIMIT, async (page, limit) =>
        this.readPage(query, page, limit, options),
      ),
    );
  }

  /** One page of products. */
  async listPage(
    params: V2ProductListPageParams,
    options: CallOptions = {},
  ): Promise<V2ListPage<V2JoinedProduct>> {
    if (!Number.isInteger(params.page) || params.page < 1) {
      throw new AltegioInputError(`page must be an integer from 1, got ${String(params.page)}`);
    }
    const limit = checkLimit(params.limit ?? MAX_V2_LIMIT);
    const body = await this.readPage(productQuery(params), params.page, limit, options);
    // Only a single page hands its pagination out; a full listing never needs it.
    if (typeof body.meta?.pagination !== "object" || body.meta.pagination === null) {
      throw new AltegioError("Unexpected answer: a v2 product page without meta.pagination");
    }
    return {
      data: joinIncluded<V2Product, V2ProductRelated>(body.data, body.included),
      pagination: body.meta.pagination,
    };
  }

  private async readPage(
    query: ReturnType<typeof productQuery>,
    page: number,
    limit: number,
    options: CallOptions,
  ): Promise<V2Page<V2Product> & { meta?: { pagination?: V2Pagination | null } }> {
    const pending = this.raw.GET(PRODUCTS, {
      params: { query: { ...query, page, limit } },
      parseAs: "text",
      ...options,
    });
    return readListDocument<
      V2Product,
      V2Page<V2Product> & { meta?: { pagination?: V2Pagination | null } }
    >(pending);
  }

  /** One product by its v2 id, e.g. `get("100", { include: ["storage_amounts"] })`. */
  async get(
    id: string,
    params: V2ProductGetParams = {},
    options: CallOptions = {},
  ): Promise<V2JoinedProduct> {
    const productId = v2PathId("product id", id);
    const pending = this.raw.GET(PRODUCT, {
      params: {
        path: { product_id: productId },
        query: params.include ? { include: params.include } : {},
      },
      parseAs: "text",
      ...options,
    });
    return readOne<V2Product, V2ProductRelated>(pending);
  }

  /** The product's amount in every storage of the location. */
  async storageAmounts(id: string, options: CallOptions = {}): Promise<Joined<V2StorageAmount>[]> {
    const productId = v2PathId("product id", id);
    const pending = this.raw.GET(STORAGE_AMOUNTS, {
      params: { path: { product_id: productId } },
      parseAs: "text",
      ...options,
    });
    return readList<V2StorageAmount>(pending);
  }

  /** Products whose name matches `term` (at least 2 characters), best first: one page of suggestions. */
  async autocomplete(
    term: string,
    params: V2AutocompleteParams = {},
    options: CallOptions = {},
  ): Promise<V2JoinedProduct[]> {
    if (typeof term !== "string" || term.trim().length < 2) {
      throw new AltegioInputError(
        `term must be a string of at least 2 characters, got ${JSON.stringify(term)}`,
      );
    }
    const limit = checkLimit(params.limit ?? MAX_V2_LIMIT);
    const pending = this.raw.GET(AUTOCOMPLETE, {
      params: {
        query: {
          "filter[term]": term,
          page: 1,
          limit,
          ...(params.include ? { include: params.include } : {}),
        },
      },
      parseAs: "text",
      ...options,
    });
    return readList<V2Product, V2ProductRelated>(pending);
  }
}

/** v2 units of measure of one location. Get it from `altegio.location(id).v2.units`. */
export class V2Units {
  constructor(private readonly raw: V2ScopedRawClient) {}

  /** Every unit of the location. */
  async list(options: CallOptions = {}): Promise<V2Unit[]> {
    const pending = this.raw.GET("/locations/{location_id}/units", { parseAs: "text", ...options });
    return (await readListDocument<V2Unit>(pending)).data;
  }
}

/** v2 product category reads of one location. Get it from `altegio.location(id).v2.productCategories`. */
export class V2ProductCategories {
  constructor(private readonly raw: V2ScopedRawClient) {}

  /** The categories of one level (the top level unless `parent_category_id` is given). */
  async list(
    params: V2ProductCategoryListParams = {},
    options: CallOptions = {},
  ): Promise<V2JoinedProductCategory[]> {
    const given = params.parent_category_id;
    const parent =
      given === undefined ? undefined : given === "0" ? 0 : v2PathId("parent_category_id", given);
    const pending = this.raw.GET(CATEGORIES, {
      params: {
        query: {
          ...(parent !== undefined ? { "filter[parent_category_id]": parent } : {}),
          ...(params.include ? { include: params.include } : {}),
        },
      },
      parseAs: "text",
      ...options,
    });
    return readList<V2ProductCategory, V2ProductCategoryRelated>(pending);
  }

  /** One category by its v2 id. */
  async get(
    id: string,
    params: Pick<V2ProductCategoryListParams, "include"> = {},
    options: CallOptions = {},
  ): Promise<V2JoinedProductCategory> {
    const categoryId = v2PathId("product category id", id);
    const pending = this.raw.GET(CATEGORY, {
      params: {
        path: { product_category_id: categoryId },
        query: params.include ? { include: params.include } : {},
      },
      parseAs: "text",
      ...options,
    });
    return readOne<V2ProductCategory, V2ProductCategoryRelated>(pending);
  }
}
