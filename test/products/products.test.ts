import { describe, expect, it } from "vitest";
import {
  AltegioConflictError,
  AltegioInputError,
  AltegioNotFoundError,
  type ProductUpdateInput,
} from "../../src/index.js";
import type { MockServer, SeedProduct } from "../../src/mock/index.js";
import { mockLocation } from "./helpers.js";

const start = mockLocation();

const manyProducts = (n: number): SeedProduct[] =>
  Array.from({ length: n }, (_, i) => ({
    id: 10_000 + i,
    location_id: 101,
    title: `Product ${i}`,
    category_id: 302,
  }));

const goodsCalls = (m: MockServer) => m.requests.filter((r) => r.path === "/api/v1/goods/101");

describe("products.list", () => {
  it("yields every product exactly once when the server silently caps pages", async () => {
    const { mock, loc } = await start({ seed: { products: manyProducts(250) }, pageSizeCap: 30 });
    const ids: number[] = [];
    for await (const p of loc.products.list({ count: 100 })) ids.push(p.good_id!);
    expect(ids).toEqual(manyProducts(250).map((p) => p.id));
    // 9 pages of 30 (the last one short) and the empty page that proves the end.
    const calls = goodsCalls(mock);
    expect(calls).toHaveLength(Math.ceil(250 / 30) + 1);
    expect(calls.map((r) => r.query.page)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    // After the short first page, later pages ask for what the server serves.
    expect(calls[0]!.query.count).toBe("100");
    expect(calls[1]!.query.count).toBe("30");
  });

  it("uses the default page size (100) and stops at the first empty page", async () => {
    const { mock, loc } = await start({ seed: { products: manyProducts(200) } });
    let n = 0;
    for await (const _ of loc.products.list()) n++;
    expect(n).toBe(200);
    expect(goodsCalls(mock).map((r) => [r.query.page, r.query.count])).toEqual([
      ["1", "100"],
      ["2", "100"],
      ["3", "100"],
    ]);
  });

  it("sends the filters, with changed_after given as a Date in the API's format", async () => {
    const { mock, loc } = await start();
    const found = [];
    for await (const p of loc.products.list({
      term: "shampoo",
      category_id: 302,
      changed_after: new Date("2025-12-31T23:59:59.250Z"),
      changed_before: "2026-09-21T23:00:00.200-05:00",
    })) {
      found.push(p);
    }
    expect(found.map((p) => p.good_id)).toEqual([401, 402]);
    expect(found[0]).toMatchObject({ title: "Argan Shampoo", category_id: 302, salon_id: 101 });
    expect(mock.requests[0]!.query).toEqual({
      term: "shampoo",
      category_id: "302",
      // Lower bounds round down to the second, upper bounds round up: the filter never narrows.
      changed_after: "2025-12-31T23:59:59+0000",
      changed_before: "2026-09-21T23:00:01-0500",
      page: "1",
      count: "100",
    });
  });

  it("filters by changed_after on the server (nothing changed since)", async () => {
    const { loc } = await start();
    const found = [];
    for await (const p of loc.products.list({ changed_after: "2026-01-02T00:00:00Z" }))
      found.push(p);
    expect(found).toEqual([]);
  });

  it("lets the caller stop early without fetching more pages", async () => {
    const { mock, loc } = await start({ seed: { products: manyProducts(50) } });
    for await (const p of loc.products.list({ count: 10 })) {
      if (p.good_id === 10_003) break;
    }
    expect(goodsCalls(mock)).toHaveLength(1);
  });
});

describe("products: single calls", () => {
  it("listPage returns one page", async () => {
    const { mock, loc } = await start();
    const page = await loc.products.listPage({ page: 2, count: 2 });
    expect(page.map((p) => p.good_id)).toEqual([403, 404]);
    expect(mock.requests[0]!.query).toEqual({ page: "2", count: "2" });
  });

  it("get returns the product with numbers as numbers, the loyalty ids too", async () => {
    const { loc } = await start();
    const product = await loc.products.get(401);
    expect(product).toMatchObject({
      good_id: 401,
      title: "Argan Shampoo",
      cost: 25,
      actual_amounts: [{ storage_id: 202, amount: 12 }],
      last_change_date: "2026-01-01T12:00:00-0500",
    });
    // The mock sends the loyalty type ids as strings ("0"), as the vendor's examples do.
    expect(product.loyalty_abonement_type_id).toBe(0);
    expect(product.loyalty_allow_empty_code).toBe(false);
  });

  it("get of an unknown product is AltegioNotFoundError", async () => {
    const { loc } = await start();
    await expect(loc.products.get(999_999)).rejects.toBeInstanceOf(AltegioNotFoundError);
  });

  it("create sends the body and returns the product (201)", async () => {
    const { mock, loc } = await start();
    const input = {
      title: "Curl Cream",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 2,
      cost: 19.5,
      article: "CC-1",
    };
    const created = await loc.products.create(input);
    expect(created).toMatchObject({
      title: "Curl Cream",
      cost: 19.5,
      unit_id: 1,
      service_unit_id: 2,
    });
    expect(mock.requests[0]).toMatchObject({
      method: "POST",
      path: "/api/v1/goods/101",
      body: input,
    });
    expect(mock.requests[0]!.status).toBe(201);
    expect(await loc.products.get(created.good_id!)).toMatchObject({ title: "Curl Cream" });
  });

  it("update replaces the product", async () => {
    const { mock, loc } = await start();
    const input = {
      title: "Volume Shampoo XL",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
    };
    const updated = await loc.products.update(402, input);
    expect(updated).toMatchObject({ good_id: 402, title: "Volume Shampoo XL", cost: 0 });
    expect(mock.requests[0]).toMatchObject({
      method: "PUT",
      path: "/api/v1/goods/101/402",
      body: input,
    });
  });

  it("a 409 on update is AltegioConflictError that names correction_rules; sending them works", async () => {
    const { loc } = await start();
    // Product 401 has stock; changing its units needs conversion rules.
    const input: ProductUpdateInput = {
      title: "Argan Shampoo",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 2,
    };
    const error = await loc.products.update(401, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioConflictError);
    expect((error as AltegioConflictError).status).toBe(409);
    expect((error as AltegioConflictError).message).toContain("correction_rules");
    expect((error as AltegioConflictError).message).toContain("inventory operations");
    const rules = ([1, 2, 3, 4, 5] as const).map((type) => ({ type, base_unit: "sale" }) as const);
    const updated = await loc.products.update(401, { ...input, correction_rules: rules });
    expect(updated.service_unit_id).toBe(2);
  });

  it("delete removes the product (204)", async () => {
    const { mock, loc } = await start();
    await expect(loc.products.delete(403)).resolves.toBeUndefined();
    expect(mock.requests[0]).toMatchObject({ method: "DELETE", path: "/api/v1/goods/101/403" });
    await expect(loc.products.get(403)).rejects.toBeInstanceOf(AltegioNotFoundError);
  });

  it("search returns categories first, then products", async () => {
    const { mock, loc } = await start();
    const found = await loc.products.search("hair", { count: 10 });
    expect(found.map((e) => [e.is_category, e.category_id, e.item_id])).toEqual([
      [true, 301, 0],
      [false, 0, 403],
    ]);
    expect(mock.requests[0]!.query).toEqual({ term: "hair", count: "10" });
  });

  it("search without a term lists the root categories", async () => {
    const { mock, loc } = await start();
    const roots = await loc.products.search();
    expect(roots.map((e) => e.category_id)).toEqual([301, 303]);
    expect(mock.requests[0]!.query).toEqual({ count: "100" });
  });

  it("per-call options reach the request: an aborted signal stops the call", async () => {
    const { loc } = await start();
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(loc.products.get(401, { signal: controller.signal })).rejects.toThrow("stop");
  });
});

describe("products: input checks (nothing is sent)", () => {
  const valid = { title: "T", category_id: 302, sale_unit_id: 1, service_unit_id: 1 };
  const issuesOf = async (call: () => Promise<unknown> | unknown): Promise<string[]> => {
    try {
      await call();
    } catch (error) {
      expect(error).toBeInstanceOf(AltegioInputError);
      return (error as AltegioInputError).issues;
    }
    throw new Error("expected an AltegioInputError");
  };

  it("create lists every missing required field at once", async () => {
    const { mock, loc } = await start();
    const issues = await issuesOf(() => loc.products.create({} as never));
    expect(issues).toEqual([
      "title is required (a non-empty string)",
      "category_id is required (a positive safe integer)",
      "sale_unit_id is required (a positive safe integer)",
      "service_unit_id is required (a positive safe integer)",
    ]);
    expect(mock.requests).toHaveLength(0);
  });

  it.each([
    ["an empty title", { title: "  " }, "title must be a non-empty string"],
    ["a title of the wrong type", { title: 5 }, "title must be a non-empty string, got number 5"],
    ["a zero id", { category_id: 0 }, "category_id must be a positive safe integer, got number 0"],
    ["a fractional id", { sale_unit_id: 1.5 }, "sale_unit_id must be a positive safe integer"],
    [
      "an unsafe id",
      { service_unit_id: 2 ** 60 },
      "service_unit_id must be a positive safe integer",
    ],
    [
      "an id as a string",
      { category_id: "302" },
      'category_id must be a positive safe integer, got "302"',
    ],
    ["a NaN price", { cost: Number.NaN }, "cost must be a finite number, got number NaN"],
    [
      "an infinite amount",
      { netto: Infinity },
      "netto must be a finite number, got number Infinity",
    ],
    ["a number as a string", { actual_cost: "5" }, 'actual_cost must be a finite number, got "5"'],
    ["a fractional vat_id", { vat_id: 1.5 }, "vat_id must be a safe integer, got number 1.5"],
    ["a string where text goes", { barcode: 123 }, "barcode must be a string, got number 123"],
    ["a null optional field", { comment: null }, "comment must be a string, got null"],
    ["an unknown field", { titel: "x" }, "titel is not a field of this request"],
  ])("create rejects %s", async (_name, patch, message) => {
    const { mock, loc } = await start();
    const issues = await issuesOf(() => loc.products.create({ ...valid, ...patch } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(message);
    expect(mock.requests).toHaveLength(0);
  });

  it("create rejects a non-object input", async () => {
    const { mock, loc } = await start();
    expect(await issuesOf(() => loc.products.create(null as never))).toEqual([
      "input must be an object, got null",
    ]);
    expect(mock.requests).toHaveLength(0);
  });

  it("update collects a bad product id, missing fields and bad correction rules in one error", async () => {
    const { mock, loc } = await start();
    const issues = await issuesOf(() =>
      loc.products.update(-1, {
        title: "",
        category_id: 302,
        sale_unit_id: 1,
        correction_rules: [{ type: 6, base_unit: "sale" }],
      } as never),
    );
    expect(issues).toEqual([
      "productId must be a positive safe integer, got number -1",
      'title must be a non-empty string, got ""',
      "service_unit_id is required (a positive safe integer)",
      'correction_rules must be an array of { type: 1-5, base_unit: "service" | "sale" }, got an array',
    ]);
    expect(mock.requests).toHaveLength(0);
  });

  it.each([
    ["get", (l: Loc) => l.products.get(0)],
    ["delete", (l: Loc) => l.products.delete(1.5)],
    ["get with a string id", (l: Loc) => l.products.get("401" as never)],
  ])("%s rejects a bad id", async (_name, call) => {
    const { mock, loc } = await start();
    const issues = await issuesOf(() => call(loc));
    expect(issues[0]).toMatch(/^productId must be a positive safe integer/);
    expect(mock.requests).toHaveLength(0);
  });

  it("list and listPage check every filter before the first request", async () => {
    const { mock, loc } = await start();
    const issues = await issuesOf(() =>
      loc.products.list({
        term: 5 as never,
        category_id: -3,
        count: 0,
        changed_after: "yesterday",
        changed_before: new Date(Number.NaN),
      }),
    );
    expect(issues).toEqual([
      "term must be a string, got number 5",
      "category_id must be a positive safe integer, got number -3",
      "count must be an integer within 1..100, got number 0",
      expect.stringMatching(
        /^changed_after must be a valid Date or an ISO 8601 date-time.*got "yesterday"$/,
      ),
      expect.stringMatching(/^changed_before must be a valid Date .*got an invalid Date$/),
    ]);
    expect(await issuesOf(() => loc.products.listPage({} as never))).toEqual([
      "page is required (an integer from 1)",
    ]);
    expect(await issuesOf(() => loc.products.listPage({ page: 0 }))).toEqual([
      "page must be an integer at least 1, got number 0",
    ]);
    expect(
      await issuesOf(() => loc.products.list({ changed_after: "2026-02-30T10:00:00Z" })),
    ).toHaveLength(1);
    expect(
      await issuesOf(() => loc.products.list({ changed_after: "2026-01-01T10:00:00" })),
    ).toHaveLength(1);
    expect(mock.requests).toHaveLength(0);
  });

  it("list and listPage refuse a page size above 100 (live servers would silently serve 25)", async () => {
    const { mock, loc } = await start();
    const message = "count must be an integer within 1..100, got number 101";
    expect(await issuesOf(() => loc.products.list({ count: 101 }))).toEqual([message]);
    expect(await issuesOf(() => loc.products.listPage({ page: 1, count: 101 }))).toEqual([message]);
    expect(await issuesOf(() => loc.products.list({ count: 500 }))).toHaveLength(1);
    expect(mock.requests).toHaveLength(0);
  });

  it("search checks the term and count", async () => {
    const { mock, loc } = await start();
    expect(await issuesOf(() => loc.products.search(7 as never, { count: 101 }))).toEqual([
      "term must be a string, got number 7",
      "count must be an integer within 1..100, got number 101",
    ]);
    expect(mock.requests).toHaveLength(0);
  });
});

type Loc = Awaited<ReturnType<typeof start>>["loc"];
