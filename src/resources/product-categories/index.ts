import { AltegioInputError } from "../../errors.js";
import type { CallOptions } from "../../internal/call-options.js";
import type { LocationContext } from "../../internal/context.js";
import { readData, readEnvelope } from "../../internal/envelope.js";
import { describe, idProblem, problems, throwIfProblems } from "../../internal/ids.js";
import { normalize, normalizeList } from "../../internal/normalize.js";
import { collect, paginate } from "../../internal/paginate.js";
import { createLimit } from "../../internal/pool.js";
import { checkInput, checkRange } from "../../internal/input-check.js";
import { categoryInputSpec } from "./input.js";
import { categoryNodeShape, categoryShape, treeElementShape } from "./normalize.js";
import type { SuccessBody } from "../../internal/schema-types.js";
import { chunkByUrlLength } from "../../internal/url-chunks.js";
import type {
  CategoryNode,
  CategoryTreeNode,
  ProductCategory,
  ProductCategoryInput,
  ProductTreeElement,
} from "../../types.js";

/** Paging of {@link ProductCategories.node}. */
export interface CategoryNodeParams {
  /**
   * Page of children, from 1.
   * @default 1
   */
  page?: number;
  /**
   * Children per page (the API's maximum is 1000).
   * @default 1000 (defaults.pageSize.categoryNode)
   */
  count?: number;
}

/** Product categories of one location. */
export class ProductCategories {
  constructor(private readonly ctx: LocationContext) {}

  /** Get the product categories directly under a parent (0 = the top level). */
  async list(parentId = 0, options: CallOptions = {}): Promise<ProductCategory[]> {
    throwIfProblems(nonNegativeIdProblem("parentId", parentId));
    const body = await readData<
      SuccessBody<"/company/{location_id}/goods_categories/{parent_category_id}", "get">
    >(
      "GET",
      this.ctx.scoped.GET("/company/{location_id}/goods_categories/{parent_category_id}", {
        params: { path: { parent_category_id: parentId } },
        parseAs: "text",
        ...options,
      }),
    );
    return normalizeList(categoryShape, body.data, "the category list");
  }

  /**
   * Get product categories by id: repeats are dropped, the result follows the order of `ids` (ids the API does not
   * know are missing), and long lists are split so that no request URL exceeds defaults.maxUrlLength.
   */
  async getMany(ids: readonly number[], options: CallOptions = {}): Promise<ProductCategory[]> {
    if (!Array.isArray(ids))
      throw new AltegioInputError(`ids must be an array, got ${describe(ids)}`);
    throwIfProblems(problems(...ids.map((id, i) => idProblem(`ids[${i}]`, id))));
    const unique = [...new Set(ids)];
    const chunks = await chunkByUrlLength(
      unique,
      (chunk) => this.#measure(chunk),
      this.ctx.defaults.maxUrlLength,
    );
    const found = new Map<number, ProductCategory>();
    for (const chunk of chunks) {
      for (const category of await this.#fetchMany(chunk, options)) {
        if (typeof category.id === "number" && !found.has(category.id)) {
          found.set(category.id, category);
        }
      }
    }
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  /** Get the composition of a category: the category and one page of its direct children. */
  async node(
    categoryId: number,
    params: CategoryNodeParams = {},
    options: CallOptions = {},
  ): Promise<CategoryNode> {
    const issues = problems(idProblem("categoryId", categoryId));
    checkRange("page", params?.page, 1, Number.MAX_SAFE_INTEGER, issues);
    checkRange("count", params?.count, 1, 1000, issues);
    throwIfProblems(issues);
    const count = params.count ?? this.ctx.defaults.pageSize.categoryNode;
    const body = await readData<
      SuccessBody<"/goods/category_node/{location_id}/{category_id}", "get">
    >(
      "GET",
      this.ctx.scoped.GET("/goods/category_node/{location_id}/{category_id}", {
        params: { path: { category_id: categoryId }, query: { page: params.page ?? 1, count } },
        parseAs: "text",
        ...options,
      }),
    );
    return normalize(categoryNodeShape, body.data, "the category composition");
  }

  /**
   * Get the whole category hierarchy under `rootId` (0 = everything) as nested subcategories. Every category is
   * fetched once, even if the server lists it twice; children pages are walked to the end; sibling subtrees load
   * in parallel, at most defaults.treeConcurrency requests at a time. Cost: one request per category (plus one per
   * further page of 1000 children), and one for the top level.
   */
  async tree(rootId = 0, options: CallOptions = {}): Promise<CategoryTreeNode[]> {
    throwIfProblems(nonNegativeIdProblem("rootId", rootId));
    // One failed fetch stops the rest: the internal signal aborts requests still queued or in flight.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const call = { ...options, signal };
    const limit = createLimit(this.ctx.defaults.treeConcurrency);
    const visited = new Set<number>([rootId]);
    const walk = async (parentId: number): Promise<CategoryTreeNode[]> => {
      const elements = await limit(() => {
        signal.throwIfAborted();
        return this.#childCategories(parentId, call);
      });
      const nodes: CategoryTreeNode[] = [];
      for (const element of elements) {
        const id = element.category_id;
        if (typeof id !== "number" || visited.has(id)) continue;
        visited.add(id);
        nodes.push({ id, title: element.title ?? "", parent_id: parentId, children: [] });
      }
      await Promise.all(
        nodes.map(async (node) => {
          node.children = await walk(node.id);
        }),
      );
      return nodes;
    };
    try {
      return await walk(rootId);
    } catch (error) {
      stop.abort(error);
      throw error;
    }
  }

  /** Create a product category. */
  async create(input: ProductCategoryInput, options: CallOptions = {}): Promise<ProductCategory> {
    const issues: string[] = [];
    checkInput(input, categoryInputSpec, issues);
    throwIfProblems(issues);
    const body = await readData<SuccessBody<"/goods_categories/{location_id}", "post">>(
      "POST",
      this.ctx.scoped.POST("/goods_categories/{location_id}", {
        body: input,
        parseAs: "text",
        ...options,
      }),
    );
    // The answer is { id, title, parent_category_id }: a ProductCategory without the optional is_chain.
    return normalize(categoryShape, body.data, "the category");
  }

  /** Edit a product category (send the full data, as for create). */
  async update(
    categoryId: number,
    input: ProductCategoryInput,
    options: CallOptions = {},
  ): Promise<ProductCategory> {
    const issues = problems(idProblem("categoryId", categoryId));
    checkInput(input, categoryInputSpec, issues);
    throwIfProblems(issues);
    const body = await readData<
      SuccessBody<"/goods_categories/{location_id}/{category_id}", "put">
    >(
      "PUT",
      this.ctx.scoped.PUT("/goods_categories/{location_id}/{category_id}", {
        params: { path: { category_id: categoryId } },
        body: input,
        parseAs: "text",
        ...options,
      }),
    );
    return normalize(categoryShape, body.data, "the category");
  }

  /** Delete a product category. */
  async delete(categoryId: number, options: CallOptions = {}): Promise<void> {
    throwIfProblems(problems(idProblem("categoryId", categoryId)));
    await readEnvelope(
      "DELETE",
      this.ctx.scoped.DELETE("/goods_categories/{location_id}/{category_id}", {
        params: { path: { category_id: categoryId } },
        parseAs: "text",
        ...options,
      }),
      true,
    );
  }

  // Direct subcategories of a category. The top level comes from the term-less search, which the docs define as
  // "the root categories" (count ignored); any other level from the category's composition, page by page.
  async #childCategories(parentId: number, options: CallOptions): Promise<ProductTreeElement[]> {
    if (parentId === 0) {
      const body = await readData<SuccessBody<"/goods/search/{location_id}", "get">>(
        "GET",
        this.ctx.scoped.GET("/goods/search/{location_id}", { parseAs: "text", ...options }),
      );
      const roots = normalizeList(treeElementShape, body.data, "the root categories");
      return roots.filter((e) => e.is_category);
    }
    const children = paginate<ProductTreeElement>({
      pageSize: this.ctx.defaults.pageSize.categoryNode,
      key: (e) => {
        const id = e.is_category ? e.category_id : e.item_id;
        return id === undefined ? undefined : `${e.is_category ? "c" : "i"}${id}`;
      },
      fetchPage: async ({ page, count }) => {
        const node = await this.node(parentId, { page, count }, options);
        // node() has made `children` a list (or left it out).
        return { items: node.children ?? [], total: node.children_count };
      },
    });
    return (await collect(children)).filter((e) => e.is_category);
  }

  async #fetchMany(ids: number[], options: CallOptions): Promise<ProductCategory[]> {
    const body = await readData<SuccessBody<"/goods_categories/multiple/{location_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/goods_categories/multiple/{location_id}", {
        params: { query: { "ids[]": ids } },
        parseAs: "text",
        ...options,
      }),
    );
    return normalizeList(categoryShape, body.data, "the categories");
  }

  // The exact URL openapi-fetch builds (base URL, path, encoded query), read from a capturing fetch: nothing is sent.
  async #measure(ids: number[]): Promise<number> {
    let url = "";
    await this.ctx.scoped.GET("/goods_categories/multiple/{location_id}", {
      params: { query: { "ids[]": ids } },
      parseAs: "text",
      fetch: async (request: Request) => {
        url = request.url;
        return new Response(null, { status: 204 });
      },
    });
    return url.length;
  }
}

function nonNegativeIdProblem(name: string, value: unknown): string[] {
  if (value === 0) return [];
  const problem = idProblem(name, value);
  return problem ? [`${problem} (or 0 for the top level)`] : [];
}
