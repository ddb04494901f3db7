// The live-data corpus through every convenience read, answered by an injected fetch: each read returns the
// normalized form, and the raw client still shows what was sent.
import { describe, expect, it } from "vitest";
import { AltegioError, createAltegioClient } from "../../src/index.js";
import * as corpus from "./live-corpus.js";

type Answer = { data: unknown; meta?: unknown } | undefined;
type Router = (method: string, path: string, query: URLSearchParams) => Answer;

/** A client whose fetch answers from `route` (paths relative to /api/v1/) and records what was asked. */
function clientWith(route: Router) {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1\//, "");
    asked.push(`${request.method} ${path}${url.search}`);
    const answer = route(request.method, path, url.searchParams);
    if (!answer)
      return new Response(JSON.stringify({ success: false, data: null, meta: {} }), {
        status: 404,
      });
    return new Response(JSON.stringify({ success: true, meta: [], ...answer }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  const altegio = createAltegioClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: "http://127.0.0.1:9/api/v1",
    fetch,
    rateLimit: false,
    maxRetries: 0,
  });
  return { altegio, loc: altegio.location(37532), asked };
}

const only =
  (data: unknown): Router =>
  () => ({ data });

describe("products.get", () => {
  it.each(corpus.products)("$name", async ({ wire, normalized }) => {
    expect(await clientWith(only(wire)).loc.products.get(4711)).toEqual(normalized);
    // Older answers wrap the product in a one-item list.
    expect(await clientWith(only([wire])).loc.products.get(4711)).toEqual(normalized);
  });

  it("create and update answers are normalized the same way", async () => {
    const { wire, normalized } = corpus.products[2]!;
    const { loc } = clientWith(only([wire]));
    const input = {
      title: "Hair Oil 30 ml",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 3,
    };
    expect(await loc.products.create(input)).toEqual(normalized);
    expect(await loc.products.update(4712, input)).toEqual(normalized);
  });

  it("the raw client returns the wire values untouched", async () => {
    for (const { wire } of corpus.products) {
      const { loc } = clientWith(only(wire));
      const { data } = await loc.raw.GET("/goods/{location_id}/{product_id}", {
        params: { path: { product_id: 4711 } },
      });
      expect(data?.data).toEqual(wire);
    }
  });

  it("a value that fits no documented form fails the read and names the field", async () => {
    const { loc } = clientWith(only({ good_id: 1, cost: "n/a" }));
    await expect(loc.products.get(1)).rejects.toThrow(
      new AltegioError('Unexpected answer: product.cost is "n/a", where a number is documented'),
    );
    const flag = clientWith(only({ good_id: 1, loyalty_allow_empty_code: 2 })).loc;
    await expect(flag.products.get(1)).rejects.toThrow(
      "product.loyalty_allow_empty_code is number 2, where a boolean (or 0/1) is documented",
    );
    const stock = clientWith(only({ good_id: 1, actual_amounts: [{ amount: "много" }] })).loc;
    await expect(stock.products.get(1)).rejects.toThrow("product.actual_amounts[0].amount");
  });
});

describe("products.list and listPage", () => {
  const pages: Router = (_m, _p, query) => ({
    data: query.get("page") === "1" ? corpus.listItems.map((c) => c.wire) : [],
  });
  const expected = corpus.listItems.map((c) => c.normalized);

  it("listPage returns the page normalized", async () => {
    expect(await clientWith(pages).loc.products.listPage({ page: 1, count: 3 })).toEqual(expected);
  });

  it("list yields every item normalized", async () => {
    const { loc, asked } = clientWith(pages);
    const items = [];
    for await (const item of loc.products.list({ count: 3 })) items.push(item);
    expect(items).toEqual(expected);
    expect(asked).toEqual(["GET goods/37532?count=3&page=1", "GET goods/37532?count=3&page=2"]);
  });

  it("names the item when one cannot be read", async () => {
    const { loc } = clientWith(only([{ good_id: 1 }, { good_id: "x1" }]));
    await expect(loc.products.listPage({ page: 1 })).rejects.toThrow(
      'the product list[1].good_id is "x1"',
    );
  });

  it("the raw client returns the wire values untouched", async () => {
    const { loc } = clientWith(pages);
    const { data } = await loc.raw.GET("/goods/{location_id}", { params: { query: { page: 1 } } });
    expect(data?.data).toEqual(corpus.listItems.map((c) => c.wire));
  });
});

describe("products.search", () => {
  it("returns the elements normalized, categories first", async () => {
    const { loc } = clientWith(only(corpus.treeElements.map((c) => c.wire).reverse()));
    expect(await loc.products.search("уход")).toEqual(corpus.treeElements.map((c) => c.normalized));
  });
});

describe("productCategories", () => {
  const wires = corpus.categories.map((c) => c.wire);
  const expected = corpus.categories.map((c) => c.normalized);

  it("list returns the categories normalized", async () => {
    expect(await clientWith(only(wires)).loc.productCategories.list(0)).toEqual(expected);
  });

  it("getMany matches the string ids to the numbers asked for, in the caller's order", async () => {
    const { loc } = clientWith(only(wires));
    expect(await loc.productCategories.getMany([302, 301])).toEqual([expected[1], expected[0]]);
  });

  it("create and update answers are normalized", async () => {
    const { loc } = clientWith(only(corpus.categories[1]!.wire));
    expect(await loc.productCategories.create({ title: "Shampoos" })).toEqual(expected[1]);
    expect(await loc.productCategories.update(302, { title: "Shampoos" })).toEqual(expected[1]);
  });

  it.each(corpus.nodes)("node: $name", async ({ wire, normalized }) => {
    expect(await clientWith(only(wire)).loc.productCategories.node(302)).toEqual(normalized);
  });

  it("tree reads string ids and 0/1 flags at every level", async () => {
    const route: Router = (_m, path) => {
      if (path === "goods/search/37532") return { data: [corpus.treeElements[0]!.wire] };
      if (path === "goods/category_node/37532/301") {
        return {
          data: {
            category_id: "301",
            children: [corpus.subcategoryElement.wire],
            children_count: "1",
          },
        };
      }
      if (path === "goods/category_node/37532/302") return { data: corpus.nodes[0]!.wire };
      return undefined;
    };
    expect(await clientWith(route).loc.productCategories.tree()).toEqual([
      {
        id: 301,
        title: "Уход за волосами",
        parent_id: 0,
        children: [{ id: 302, title: "Shampoos", parent_id: 301, children: [] }],
      },
    ]);
  });

  it("the raw client returns the wire values untouched", async () => {
    const { loc } = clientWith(only(wires));
    const { data } = await loc.raw.GET(
      "/company/{location_id}/goods_categories/{parent_category_id}",
      { params: { path: { parent_category_id: 0 } } },
    );
    expect(data?.data).toEqual(wires);
  });
});

describe("storages.list", () => {
  it("returns the storages with boolean flags; the raw client keeps 0/1", async () => {
    const wires = corpus.storages.map((c) => c.wire);
    const { loc } = clientWith(only(wires));
    expect(await loc.storages.list()).toEqual(corpus.storages.map((c) => c.normalized));
    expect((await loc.raw.GET("/storages/{location_id}")).data?.data).toEqual(wires);
  });
});

describe("locations", () => {
  it.each(corpus.locations)("get: $name", async ({ wire, normalized }) => {
    const { altegio } = clientWith(only(wire));
    expect(await altegio.locations.get(103)).toEqual(normalized);
  });

  it("list: flags as booleans, an empty promo as {}; the raw client keeps the wire", async () => {
    const wires = corpus.locationListItems.map((c) => c.wire);
    const { altegio } = clientWith(only(wires));
    expect(await altegio.locations.list()).toEqual(
      corpus.locationListItems.map((c) => c.normalized),
    );
    expect((await altegio.raw.GET("/companies")).data?.data).toEqual(wires);
  });
});
