// The live-data corpus through every convenience read against the embedded mock, seeded with the corpus's wire
// objects (`wire` overrides): the reads return the normalized forms, the raw client and the HTTP body the wire ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AltegioClient, WireProduct } from "../../src/index.js";
import {
  startMockServer,
  type MockServer,
  type SeedCategory,
  type SeedProduct,
} from "../../src/mock/index.js";
import { tokenClient } from "./helpers.js";
import * as corpus from "./live-corpus.js";

const [vendorProduct, , hairOil] = corpus.products;
const [, maskItem, sampleItem] = corpus.listItems;
const [categoryElement, productElement] = corpus.treeElements;
const [topCategory, subCategory] = corpus.categories;

const categories: SeedCategory[] = [
  {
    id: 301,
    location_id: 101,
    title: "Уход за волосами",
    wire: { list: topCategory!.wire, node: categoryElement!.wire },
  },
  {
    id: 302,
    location_id: 101,
    title: "Shampoos",
    parent_category_id: 301,
    wire: { list: subCategory!.wire, node: corpus.subcategoryElement.wire },
  },
  { id: 303, location_id: 101, title: "Пусто" },
];

// Each corpus object on the product it describes (ids agree with the wire ids).
const products: SeedProduct[] = [
  ...corpus.products.map((c) => ({
    id: Number(c.wire.good_id),
    location_id: 101,
    title: String(c.wire.title),
    category_id: 302,
    wire: { object: c.wire, ...(c === vendorProduct ? { list: corpus.listItems[0]!.wire } : {}) },
  })),
  {
    id: 4714,
    location_id: 101,
    title: "Маска для волос",
    category_id: 302,
    wire: { list: maskItem!.wire, node: productElement!.wire },
  },
  {
    id: 4715,
    location_id: 101,
    title: "Sample",
    category_id: 302,
    wire: { list: sampleItem!.wire },
  },
];

let mock: MockServer;
let altegio: AltegioClient;
let loc: ReturnType<typeof altegio.location>;
beforeAll(async () => {
  mock = await startMockServer({
    seed: {
      categories,
      products,
      storages: corpus.storages.map((c) => ({
        id: Number(c.wire.id),
        location_id: 101,
        wire: c.wire,
      })),
    },
  });
  altegio = tokenClient(mock.url);
  loc = altegio.location(101);
});
afterAll(() => mock.close());

describe("products", () => {
  it.each(corpus.products)("get: $name", async ({ wire, normalized }) => {
    expect(await loc.products.get(Number(wire.good_id))).toMatchObject(normalized);
  });

  it("get: the raw client and the HTTP body keep the wire values", async () => {
    const { data } = await loc.raw.GET("/goods/{location_id}/{product_id}", {
      params: { path: { product_id: 4712 } },
    });
    expect(data?.data).toMatchObject(hairOil!.wire);
    expect((data?.data as WireProduct | undefined)?.loyalty_allow_empty_code).toBe("0");
  });

  it("list and listPage: the corpus items normalized, the rest as the mock computes them", async () => {
    const items = [];
    for await (const item of loc.products.list({ count: 2 })) items.push(item);
    expect(items.map((i) => i.good_id)).toEqual([4711, 4712, 4713, 4714, 4715, 123456]);
    expect(items[3]).toEqual(maskItem!.normalized);
    expect(items[4]).toMatchObject(sampleItem!.normalized);
    expect(items[5]).toMatchObject(corpus.listItems[0]!.normalized);
    for (const item of items) expect(typeof item.category_id).toBe("number");
    expect(await loc.products.listPage({ page: 2, count: 2 })).toEqual(items.slice(2, 4));
  });

  it("search: categories and products normalized", async () => {
    expect(await loc.products.search("Уход")).toEqual([categoryElement!.normalized]);
    expect(await loc.products.search("Маска")).toEqual([productElement!.normalized]);
  });
});

describe("productCategories", () => {
  it("list and getMany", async () => {
    expect(await loc.productCategories.list(0)).toEqual([
      topCategory!.normalized,
      { id: 303, title: "Пусто", parent_category_id: null, is_chain: false },
    ]);
    expect(await loc.productCategories.list(301)).toEqual([subCategory!.normalized]);
    expect(await loc.productCategories.getMany([302, 301])).toEqual([
      subCategory!.normalized,
      topCategory!.normalized,
    ]);
  });

  it("node: the composition and its children normalized", async () => {
    const node = await loc.productCategories.node(301);
    expect(node).toMatchObject({ ...categoryElement!.normalized, children_count: 1 });
    expect(node.children).toEqual([corpus.subcategoryElement.normalized]);
    const shampoos = await loc.productCategories.node(302);
    expect(shampoos.children?.find((c) => c.item_id === 4714)).toEqual(productElement!.normalized);
  });

  it("tree", async () => {
    expect(await loc.productCategories.tree()).toEqual([
      {
        id: 301,
        title: "Уход за волосами",
        parent_id: 0,
        children: [{ id: 302, title: "Shampoos", parent_id: 301, children: [] }],
      },
      { id: 303, title: "Пусто", parent_id: 0, children: [] },
    ]);
  });
});

describe("storages", () => {
  it("list returns boolean flags; the raw client keeps the wire values", async () => {
    expect(await loc.storages.list()).toEqual(corpus.storages.map((c) => c.normalized));
    const { data } = await loc.raw.GET("/storages/{location_id}");
    expect(data?.data).toEqual(corpus.storages.map((c) => c.wire));
  });
});

describe("locations", () => {
  it("get: a location without a chain gets main_group {} and a boolean push flag", async () => {
    const location = await altegio.locations.get(103);
    expect(location.main_group).toEqual({});
    expect(location.push_notification_phone_confirm).toBe(true);
    const { data } = await altegio.raw.GET("/company/{location_id}", {
      params: { path: { location_id: 103 } },
    });
    expect(data?.data?.main_group).toEqual([]);
    expect(data?.data?.push_notification_phone_confirm).toBe(1);
  });

  it("list: active as a boolean", async () => {
    const locations = await altegio.locations.list();
    expect(locations.map((l) => l.active)).toEqual([true, true, true]);
  });
});
