// Contract tests: the client against Stoplight Prism mocking the overlay-applied spec. Prism validates every request
// (path, query, headers, security, body) against the spec and answers with the spec's static examples; any
// rejection or `sl-violations` header fails the test. The last block proves the check can fail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAltegioClient, type AltegioClient, type AltegioLocation } from "../../src/index.js";
import { acceptedBy, startPrism, type PrismServer } from "./prism.js";
import { createRecorder } from "./recorder.js";

const LOCATION_ID = 101;
const recorder = createRecorder();
let prism: PrismServer;
let altegio: AltegioClient;
let loc: AltegioLocation;

beforeAll(async () => {
  prism = await startPrism();
  altegio = createAltegioClient({
    partnerToken: "contract-partner-token",
    userToken: "contract-user-token",
    baseUrl: prism.url,
    fetch: recorder.fetch,
    rateLimit: false,
    maxRetries: 0,
  });
  loc = altegio.location(LOCATION_ID);
});

afterAll(async () => {
  await prism?.stop();
});

const accepted = acceptedBy(recorder);

afterEach(() => recorder.clear());

/**
 * What Prism cannot check (bracketed query names, see prismSpec): every `ids[]` request carries only integer
 * `ids[]` values, the ones expected.
 */
function expectIdsQueries(expected: number[]): void {
  const sent: number[] = [];
  for (const { url } of recorder.exchanges) {
    const { pathname, searchParams } = new URL(url);
    if (!pathname.startsWith("/goods_categories/multiple/")) continue;
    expect([...new Set(searchParams.keys())]).toEqual(["ids[]"]);
    for (const value of searchParams.getAll("ids[]")) {
      expect(value).toMatch(/^[1-9]\d*$/);
      sent.push(Number(value));
    }
  }
  expect(sent).toEqual(expected);
}

const productInput = {
  title: "Argan Shampoo",
  category_id: 302,
  sale_unit_id: 1,
  service_unit_id: 3,
  article: "SH-001",
  barcode: "4600000000011",
  cost: 25,
  actual_cost: 10,
  unit_equals: 250,
  critical_amount: 2,
  desired_amount: 10,
  netto: 250,
  brutto: 300,
  comment: "Contract test",
};

describe("convenience methods against Prism", () => {
  it("auth.login", async () => {
    const result = await accepted(() =>
      altegio.auth.login({ login: "+13155550175", password: "contract-password" }),
    );
    expect(typeof result.userToken).toBe("string");
  });

  it("locations.list (plain and my=1) and locations.get", async () => {
    expect(Array.isArray(await accepted(() => altegio.locations.list()))).toBe(true);
    expect(Array.isArray(await accepted(() => altegio.locations.list({ my: true })))).toBe(true);
    const location = await accepted(() => altegio.locations.get(LOCATION_ID));
    expect(typeof location.id).toBe("number");
  });

  it("storages.list", async () => {
    const storages = await accepted(() => loc.storages.list());
    expect(storages.length).toBeGreaterThan(0);
  });

  it("products.listPage with every filter", async () => {
    const page = await accepted(() =>
      loc.products.listPage({
        page: 2,
        count: 25,
        term: "shampoo",
        category_id: 302,
        changed_after: new Date("2026-01-01T17:00:00Z"),
        changed_before: "2026-02-01T00:00:00-0500",
      }),
    );
    expect(page.length).toBeGreaterThan(0);
  });

  it("products.list (the first page's worth; static examples repeat on every page)", async () => {
    const first = await accepted(() => loc.products.listPage({ page: 1 }));
    const items = await accepted(async () => {
      const out = [];
      for await (const item of loc.products.list({ term: "shampoo", count: 50 })) {
        out.push(item);
        if (out.length >= first.length) break;
      }
      return out;
    });
    expect(items).toHaveLength(first.length);
  });

  it("products.get, create, update, delete", async () => {
    expect(typeof (await accepted(() => loc.products.get(123456))).title).toBe("string");
    expect(typeof (await accepted(() => loc.products.create(productInput))).title).toBe("string");
    const updated = await accepted(() =>
      loc.products.update(123456, {
        ...productInput,
        correction_rules: [{ type: 1, base_unit: "service" }],
      }),
    );
    expect(typeof updated.title).toBe("string");
    await accepted(() => loc.products.delete(123456));
  });

  it("products.search with and without a term", async () => {
    expect(Array.isArray(await accepted(() => loc.products.search("shampoo", { count: 10 })))).toBe(
      true,
    );
    expect(Array.isArray(await accepted(() => loc.products.search()))).toBe(true);
  });

  it("productCategories.list (top level and under a parent), getMany, node", async () => {
    expect(Array.isArray(await accepted(() => loc.productCategories.list()))).toBe(true);
    expect(Array.isArray(await accepted(() => loc.productCategories.list(301)))).toBe(true);
    await accepted(() => loc.productCategories.getMany([301, 303, 301]));
    expectIdsQueries([301, 303]);
    const node = await accepted(() => loc.productCategories.node(301, { page: 1, count: 50 }));
    expect(node).toBeTypeOf("object");
  });

  it("productCategories.getMany splits a long id list into several valid requests", async () => {
    const ids = Array.from({ length: 800 }, (_, i) => 100_000 + i);
    await accepted(() => loc.productCategories.getMany(ids));
    expect(recorder.exchanges.length).toBeGreaterThan(1);
    expectIdsQueries(ids);
  });

  it("productCategories.tree", async () => {
    expect(Array.isArray(await accepted(() => loc.productCategories.tree()))).toBe(true);
  });

  it("productCategories.create, update, delete", async () => {
    const input = { title: "Manicure", parent_category_id: 301, article: "MAN", comment: "x" };
    expect(typeof (await accepted(() => loc.productCategories.create(input))).title).toBe("string");
    await accepted(() => loc.productCategories.create({ title: "Top", parent_category_id: 0 }));
    expect(typeof (await accepted(() => loc.productCategories.update(302, input))).title).toBe(
      "string",
    );
    await accepted(() => loc.productCategories.delete(302));
  });
});

describe("raw calls against Prism", () => {
  it("a sample of typed raw calls is accepted", async () => {
    await accepted(async () => {
      const results = await Promise.all([
        altegio.raw.POST("/auth", { body: { login: "+13155550175", password: "secret" } }),
        altegio.raw.GET("/companies", { params: { query: { my: 1, count: 10, page: 1 } } }),
        altegio.raw.GET("/company/{location_id}", {
          params: { path: { location_id: LOCATION_ID }, query: { forBooking: 1 } },
        }),
        altegio.raw.GET("/company/{location_id}/users", {
          params: { path: { location_id: LOCATION_ID } },
        }),
        loc.raw.GET("/goods/{location_id}", { params: { query: { page: 1, count: 10 } } }),
        loc.raw.GET("/goods_categories/{location_id}/{category_id}", {
          params: { path: { category_id: 301 } },
        }),
        loc.raw.GET("/goods_categories/multiple/{location_id}", {
          params: { query: { "ids[]": [301, 302] } },
        }),
        loc.raw.DELETE("/goods/{location_id}/{product_id}", {
          params: { path: { product_id: 401 } },
        }),
      ]);
      for (const { response } of results) expect(response.ok).toBe(true);
      return results;
    });
  });
});

describe("what Prism cannot check", () => {
  // The ones the client's own methods send (users filter, category ids) are checked by the tests above; the rest
  // are only reachable through raw calls.
  it("is only the bracketed query names", () => {
    expect(prism.unchecked).toEqual([
      "GET /company/{location_id}/users filter[is_approved]",
      "GET /company/{location_id}/staff/schedule staff_ids[]",
      "GET /company/{location_id}/staff/schedule include[]",
      "GET /goods_categories/multiple/{location_id} ids[]",
      "GET /company/{location_id}/loyalty/abonement_types/fetch ids[]",
    ]);
  });
});

describe("the contract check can fail", () => {
  it("Prism flags a request that breaks the spec (wrong query type)", async () => {
    recorder.clear();
    const { response } = await loc.raw.GET("/goods/{location_id}", {
      params: { query: { page: "first" as unknown as number } },
    });
    expect(response.status).toBe(422);
    expect(recorder.rejections()).toHaveLength(1);
    expect(JSON.stringify(recorder.exchanges[0]?.problem)).toContain("page");
  });

  it("Prism flags a body that misses required fields", async () => {
    recorder.clear();
    const { response } = await loc.raw.POST("/goods/{location_id}", {
      body: { title: "No category" } as never,
    });
    expect(response.status).toBe(422);
    expect(recorder.rejections()).toHaveLength(1);
  });
});
