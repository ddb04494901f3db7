import { describe, expectTypeOf, it } from "vitest";
import {
  createAltegioClient,
  type CallOptions,
  type CategoryNode,
  type CategoryTreeNode,
  type Location,
  type LocationListItem,
  type Product,
  type ProductCategory,
  type ProductCategoryInput,
  type ProductInput,
  type ProductListItem,
  type ProductTreeElement,
  type ProductStockAmount,
  type ProductUpdateInput,
  type Storage,
  type SuccessBody,
  type WireProduct,
  type WireStorage,
} from "../../src/index.js";

const loc = createAltegioClient({ partnerToken: "p" }).location(1);
const input: ProductInput = { title: "T", category_id: 1, sale_unit_id: 2, service_unit_id: 3 };

describe("products signatures", () => {
  it("list is an async iterable of list items with the documented filters", () => {
    expectTypeOf(loc.products.list()).toExtend<AsyncIterable<ProductListItem>>();
    expectTypeOf(
      loc.products.list({
        term: "a",
        category_id: 1,
        changed_after: new Date(),
        changed_before: "2026-01-01T12:00:00-0500",
        count: 50,
      }),
    ).toExtend<AsyncIterable<ProductListItem>>();
    // @ts-expect-error a date must be a Date or a string
    loc.products.list({ changed_after: 1767286800000 });
    // @ts-expect-error page belongs to listPage
    loc.products.list({ page: 2 });
  });

  it("listPage needs a page and resolves to list items", () => {
    expectTypeOf(loc.products.listPage({ page: 1, count: 10 })).resolves.toEqualTypeOf<
      ProductListItem[]
    >();
    // @ts-expect-error page is required
    void loc.products.listPage({ count: 10 });
  });

  it("get, create, update, delete, search", () => {
    expectTypeOf(loc.products.get(1)).resolves.toEqualTypeOf<Product>();
    expectTypeOf(loc.products.create(input)).resolves.toEqualTypeOf<Product>();
    expectTypeOf(
      loc.products.update(1, { ...input, correction_rules: [{ type: 1, base_unit: "service" }] }),
    ).resolves.toEqualTypeOf<Product>();
    expectTypeOf(loc.products.delete(1)).resolves.toEqualTypeOf<void>();
    expectTypeOf(loc.products.search()).resolves.toEqualTypeOf<ProductTreeElement[]>();
    expectTypeOf(loc.products.search("x", { count: 5 })).resolves.toEqualTypeOf<
      ProductTreeElement[]
    >();
    // @ts-expect-error title is required
    void loc.products.create({ category_id: 1, sale_unit_id: 2, service_unit_id: 3 });
    // @ts-expect-error the request names the sale unit sale_unit_id, not unit_id
    void loc.products.create({ title: "T", category_id: 1, unit_id: 2, service_unit_id: 3 });
    // @ts-expect-error cost is a number
    void loc.products.create({ ...input, cost: "10" });
    // @ts-expect-error correction rule types are 1-5
    void loc.products.update(1, { ...input, correction_rules: [{ type: 6, base_unit: "sale" }] });
    // @ts-expect-error ids are numbers
    void loc.products.get("1");
    // @ts-expect-error the search term is a string
    void loc.products.search(5);
  });

  it("every method takes trailing call options", () => {
    const options: CallOptions = {
      signal: new AbortController().signal,
      timeoutMs: 5,
      maxRetries: 0,
    };
    loc.products.list({}, options);
    void loc.products.listPage({ page: 1 }, options);
    void loc.products.get(1, options);
    void loc.products.create(input, options);
    void loc.products.update(1, input, options);
    void loc.products.delete(1, options);
    void loc.products.search(undefined, {}, options);
    void loc.productCategories.list(0, options);
    void loc.productCategories.getMany([1], options);
    void loc.productCategories.node(1, {}, options);
    void loc.productCategories.tree(0, options);
    void loc.productCategories.create({ title: "C" }, options);
    void loc.productCategories.update(1, { title: "C" }, options);
    void loc.productCategories.delete(1, options);
    // @ts-expect-error unknown call option
    void loc.products.get(1, { retries: 3 });
  });

  it("convenience types are the normalized ones; the wire types keep what the API sends", () => {
    expectTypeOf<Product["loyalty_abonement_type_id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Product["loyalty_allow_empty_code"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Product["loyalty_serial_number_limited"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Product["good_id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ProductStockAmount["amount"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Storage["for_sale"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ProductCategory["parent_category_id"]>().toEqualTypeOf<
      number | null | undefined
    >();
    expectTypeOf<WireProduct["loyalty_allow_empty_code"]>().toEqualTypeOf<
      boolean | number | undefined
    >();
    expectTypeOf<WireStorage["for_sale"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Location["push_notification_phone_confirm"]>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<Location["main_group"]>().toEqualTypeOf<
      { id?: number; title?: string } | undefined
    >();
    // Enums keep their members.
    expectTypeOf<NonNullable<Location["payment_policy"]>["type"]>().toEqualTypeOf<
      "none" | "deposit" | "card_guarantee" | undefined
    >();
    expectTypeOf<LocationListItem["active"]>().toEqualTypeOf<boolean | undefined>();
    // The raw client is typed with the wire types (openapi-fetch re-maps open objects, so the two are compared by
    // assignability both ways rather than by identity).
    const read = loc.raw.GET("/goods/{location_id}/{product_id}", {
      params: { path: { product_id: 1 } },
    });
    type RawData = NonNullable<Awaited<typeof read>["data"]>;
    type Wire = SuccessBody<"/goods/{location_id}/{product_id}", "get">;
    expectTypeOf<RawData>().toExtend<Wire>();
    expectTypeOf<Wire>().toExtend<RawData>();
    expectTypeOf<NonNullable<RawData["data"]>>().toExtend<WireProduct | unknown[]>();
  });
});

describe("productCategories signatures", () => {
  it("reads", () => {
    expectTypeOf(loc.productCategories.list()).resolves.toEqualTypeOf<ProductCategory[]>();
    expectTypeOf(loc.productCategories.getMany([1, 2])).resolves.toEqualTypeOf<ProductCategory[]>();
    expectTypeOf(
      loc.productCategories.node(1, { page: 2, count: 10 }),
    ).resolves.toEqualTypeOf<CategoryNode>();
    expectTypeOf(loc.productCategories.tree()).resolves.toEqualTypeOf<CategoryTreeNode[]>();
    expectTypeOf<CategoryTreeNode>().toEqualTypeOf<{
      id: number;
      title: string;
      parent_id: number;
      children: CategoryTreeNode[];
    }>();
    // @ts-expect-error ids are numbers
    void loc.productCategories.getMany(["1"]);
  });

  it("writes", () => {
    const category: ProductCategoryInput = { title: "C", parent_category_id: null };
    expectTypeOf(loc.productCategories.create(category)).resolves.toEqualTypeOf<ProductCategory>();
    expectTypeOf(
      loc.productCategories.update(1, category),
    ).resolves.toEqualTypeOf<ProductCategory>();
    expectTypeOf(loc.productCategories.delete(1)).resolves.toEqualTypeOf<void>();
    // @ts-expect-error title is required
    void loc.productCategories.create({ parent_category_id: 1 });
    // @ts-expect-error the parent is a number or null
    void loc.productCategories.update(1, { title: "C", parent_category_id: "1" });
  });

  it("update input extends create input with correction rules", () => {
    expectTypeOf<ProductInput>().toExtend<ProductUpdateInput>();
  });
});
