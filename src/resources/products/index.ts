import { AltegioConflictError, AltegioError, AltegioInputError } from "../../errors.js";
import type { CallOptions } from "../../internal/call-options.js";
import type { LocationContext } from "../../internal/context.js";
import { toApiDateTime, type DateTimeInput } from "../../internal/dates.js";
import { readData, readEnvelope } from "../../internal/envelope.js";
import { describe, idProblem, problems, throwIfProblems } from "../../internal/ids.js";
import { normalize, normalizeList } from "../../internal/normalize.js";
import { paginate } from "../../internal/paginate.js";
import {
  checkId,
  checkInput,
  checkOptionalString,
  checkRange,
} from "../../internal/input-check.js";
import { treeElementShape } from "../product-categories/normalize.js";
import { importProducts, type ProductImport, type ProductImportOptions } from "./import.js";
import { productInputSpec, productUpdateSpec } from "./input.js";
import { productListItemShape, productShape } from "./normalize.js";
import type { paths } from "../../../generated/b2b-v1.js";
import type { SuccessBody } from "../../internal/schema-types.js";
import type {
  Product,
  ProductInput,
  ProductListItem,
  ProductTreeElement,
  ProductUpdateInput,
} from "../../types.js";

/** The query of `GET /goods/{location_id}`, with the page size always set. */
type ListQuery = NonNullable<paths["/goods/{location_id}"]["get"]["parameters"]["query"]> & {
  count: number;
};

/** Filters of {@link Products.list}. */
export interface ProductListParams {
  /** Matches the product name, article or barcode. */
  term?: string;
  /** Only products of this category. */
  category_id?: number;
  /**
   * Only products created or changed since this moment (a `Date`, or an ISO string with an offset).
   * @example "2026-01-01T12:00:00-0500"
   */
  changed_after?: DateTimeInput;
  /**
   * Only products created or changed before this moment (a `Date`, or an ISO string with an offset).
   * @example new Date("2026-02-01T00:00:00Z")
   */
  changed_before?: DateTimeInput;
  /**
   * Products asked for per page, 1 to 100; `list()` walks every page whatever the size. Live servers serve at most
   * 100 and silently fall back to 25 for a larger value, so a larger one is refused before anything is sent.
   * @default 100 (defaults.pageSize.products)
   */
  count?: number;
}

/** Parameters of {@link Products.listPage}. */
export interface ProductListPageParams extends ProductListParams {
  /** Page number, from 1. */
  page: number;
}

/** Options of {@link Products.search}. */
export interface ProductSearchParams {
  /**
   * Most results to return (the API's maximum is 100); ignored by the API when there is no term.
   * @default 100 (defaults.pageSize.search)
   */
  count?: number;
}

/** The most products a live server serves per page (it answers a larger `count` with pages of 25). */
const MAX_PRODUCT_PAGE = 100;

// The API names `correction_rules` nowhere in its 409 message; say what to send.
const CORRECTION_HINT =
  'send `correction_rules` (e.g. [{ type: 1, base_unit: "service" }, …] for types 1-5) to change the units of a ' +
  "product that has stock operations";

/** Products (goods) of one location. */
export class Products {
  constructor(private readonly ctx: LocationContext) {}

  /**
   * Get a list of products: yields every product matching the filters exactly once, page by page, lazily.
   * It stops only at the first empty page (the API gives no totals and may serve short pages), so it costs
   * ceil(N / S) + 1 requests for N products at an effective page size S.
   */
  list(
    params: ProductListParams = {},
    options: CallOptions = {},
  ): AsyncGenerator<ProductListItem, void, undefined> {
    const query = this.#listQuery(params, false);
    return paginate({
      pageSize: query.count,
      key: (item) => item.good_id,
      fetchPage: async ({ page, count }) => ({
        items: await this.#fetchList({ ...query, page, count }, options),
      }),
    });
  }

  /** Get one page of the product list. */
  async listPage(
    params: ProductListPageParams,
    options: CallOptions = {},
  ): Promise<ProductListItem[]> {
    return this.#fetchList(this.#listQuery(params, true), options);
  }

  /** Get a product. */
  async get(productId: number, options: CallOptions = {}): Promise<Product> {
    throwIfProblems(problems(idProblem("productId", productId)));
    const body = await readData<SuccessBody<"/goods/{location_id}/{product_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/goods/{location_id}/{product_id}", {
        params: { path: { product_id: productId } },
        parseAs: "text",
        ...options,
      }),
    );
    return productFrom(body.data);
  }

  /** Create a product. */
  async create(input: ProductInput, options: CallOptions = {}): Promise<Product> {
    const issues: string[] = [];
    checkInput(input, productInputSpec, issues);
    throwIfProblems(issues);
    const body = await readData<SuccessBody<"/goods/{location_id}", "post">>(
      "POST",
      this.ctx.scoped.POST("/goods/{location_id}", { body: input, parseAs: "text", ...options }),
    );
    return productFrom(body.data);
  }

  /** Edit a product: a full replacement, so send every field you want to keep. */
  async update(
    productId: number,
    input: ProductUpdateInput,
    options: CallOptions = {},
  ): Promise<Product> {
    const issues = problems(idProblem("productId", productId));
    checkInput(input, productUpdateSpec, issues);
    throwIfProblems(issues);
    try {
      const body = await readData<SuccessBody<"/goods/{location_id}/{product_id}", "put">>(
        "PUT",
        this.ctx.scoped.PUT("/goods/{location_id}/{product_id}", {
          params: { path: { product_id: productId } },
          body: input,
          parseAs: "text",
          ...options,
        }),
      );
      return productFrom(body.data);
    } catch (error) {
      throw error instanceof AltegioConflictError ? withCorrectionHint(error) : error;
    }
  }

  /** Delete a product. */
  async delete(productId: number, options: CallOptions = {}): Promise<void> {
    throwIfProblems(problems(idProblem("productId", productId)));
    await readEnvelope(
      "DELETE",
      this.ctx.scoped.DELETE("/goods/{location_id}/{product_id}", {
        params: { path: { product_id: productId } },
        parseAs: "text",
        ...options,
      }),
      true,
    );
  }

  /**
   * Bulk import: checks every row first (one AltegioInputError names each bad row, and nothing is sent), then
   * matches each row to the location's products by `article` (or `barcode`), creates the new ones, updates the
   * changed ones and skips the rest, one row at a time. Iterate the result for each row's outcome, or `run()` it.
   * Running it again, even after an interruption, creates nothing twice. See the README for the cost in requests.
   * @example
   * const run = loc.products.import(rows, { match: "article" });
   * for await (const outcome of run) console.log(outcome.row, outcome.action);
   * console.log(run.summary); // { created, updated, unchanged, failed, … }
   */
  import(rows: Iterable<ProductInput>, options: ProductImportOptions = {}): ProductImport {
    return importProducts(this, rows, options);
  }

  /** Search products and categories: matching categories first, then products. */
  async search(
    term?: string,
    params: ProductSearchParams = {},
    options: CallOptions = {},
  ): Promise<ProductTreeElement[]> {
    const issues: string[] = [];
    checkOptionalString("term", term, issues);
    checkRange("count", params?.count, 1, 100, issues);
    throwIfProblems(issues);
    const count = params.count ?? this.ctx.defaults.pageSize.search;
    const body = await readData<SuccessBody<"/goods/search/{location_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/goods/search/{location_id}", {
        params: { query: term ? { term, count } : { count } },
        parseAs: "text",
        ...options,
      }),
    );
    const items = normalizeList(treeElementShape, body.data, "search results");
    // The API promises this order; a stable partition keeps it even if a server interleaves.
    return [...items.filter((i) => i.is_category), ...items.filter((i) => !i.is_category)];
  }

  #listQuery(params: ProductListParams, withPage: boolean): ListQuery {
    if (typeof params !== "object" || params === null) {
      throw new AltegioInputError(`params must be an object, got ${describe(params)}`);
    }
    const issues: string[] = [];
    const page = (params as Partial<ProductListPageParams>).page;
    checkOptionalString("term", params.term, issues);
    checkId("category_id", params.category_id, issues, true);
    checkRange("count", params.count, 1, MAX_PRODUCT_PAGE, issues);
    if (withPage && page === undefined) issues.push("page is required (an integer from 1)");
    if (withPage) checkRange("page", page, 1, Number.MAX_SAFE_INTEGER, issues);
    const after =
      params.changed_after === undefined
        ? undefined
        : toApiDateTime("changed_after", params.changed_after, "floor", issues);
    const before =
      params.changed_before === undefined
        ? undefined
        : toApiDateTime("changed_before", params.changed_before, "ceil", issues);
    throwIfProblems(issues);
    return {
      ...(params.term ? { term: params.term } : {}),
      ...(params.category_id !== undefined ? { category_id: params.category_id } : {}),
      ...(after !== undefined ? { changed_after: after } : {}),
      ...(before !== undefined ? { changed_before: before } : {}),
      ...(withPage ? { page: page! } : {}),
      count: params.count ?? this.ctx.defaults.pageSize.products,
    };
  }

  async #fetchList(query: ListQuery, options: CallOptions): Promise<ProductListItem[]> {
    const body = await readData<SuccessBody<"/goods/{location_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/goods/{location_id}", {
        params: { query },
        parseAs: "text",
        ...options,
      }),
    );
    return normalizeList(productListItemShape, body.data, "the product list");
  }
}

// Older answers wrap the product in a one-item list; unwrap it so the result is a Product.
function productFrom(data: unknown): Product {
  const product = Array.isArray(data) ? data[0] : data;
  if (typeof product !== "object" || product === null) {
    throw new AltegioError("Unexpected answer: no product object in the response");
  }
  return normalize(productShape, product, "product");
}

function withCorrectionHint(error: AltegioConflictError): AltegioConflictError {
  if (error.message.includes("correction_rules")) return error;
  return new AltegioConflictError({
    status: error.status,
    method: error.method,
    url: error.url,
    body: error.body,
    headers: error.headers,
    message: `${error.message.replace(/[.\s]+$/, "")}: ${CORRECTION_HINT}.`,
  });
}
