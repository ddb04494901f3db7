import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { call, productBody } from "./helpers.js";

let server: MockServer;
let now = Date.UTC(2026, 5, 1, 12);
beforeEach(async () => {
  now = Date.UTC(2026, 5, 1, 12);
  server = await startMockServer({ clock: () => now });
});
afterEach(() => server.close());

const ids = (res: { body: { data: Array<{ good_id: number }> } }) =>
  res.body.data.map((p) => p.good_id);

describe("GET /goods/{location_id} (list)", () => {
  it("lists the location's products with category_id and meta []", async () => {
    const res = await call(server, "GET", "/goods/101");
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([401, 402, 403, 404]);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data[0]).toEqual({
      title: "Argan Shampoo",
      value: "Argan Shampoo",
      label: "Argan Shampoo (SH-001)",
      article: "SH-001",
      category: "Shampoos",
      category_id: 302,
      salon_id: 101,
      good_id: 401,
      cost: 25,
      unit_id: 1,
      unit_short_title: "pcs",
    });
  });

  it("filters by term (title, article, barcode) and category_id", async () => {
    expect(ids(await call(server, "GET", "/goods/101?term=shampoo"))).toEqual([401, 402]);
    expect(ids(await call(server, "GET", "/goods/101?term=SH-002"))).toEqual([402]);
    expect(ids(await call(server, "GET", "/goods/101?term=4600000000042"))).toEqual([404]);
    expect(ids(await call(server, "GET", "/goods/101?category_id=301"))).toEqual([403]);
  });

  it("filters by changed_after / changed_before in the vendor's date formats", async () => {
    await call(server, "POST", "/goods/101", { body: productBody() });
    const after = await call(
      server,
      "GET",
      `/goods/101?changed_after=${encodeURIComponent("2026-03-01T00:00:00.000-05:00")}`,
    );
    expect(ids(after)).toHaveLength(1);
    const before = await call(
      server,
      "GET",
      `/goods/101?changed_before=${encodeURIComponent("2026-01-01T12:00:00-0500")}`,
    );
    expect(ids(before)).toEqual([401, 402, 403, 404]);
    const bad = await call(server, "GET", "/goods/101?changed_after=yesterday");
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors[0]).toHaveProperty("[changed_after]");
  });

  it("pages from 1 and applies the silent page-size cap", async () => {
    expect(ids(await call(server, "GET", "/goods/101?count=3&page=2"))).toEqual([404]);
    await server.close();
    server = await startMockServer({ pageSizeCap: 2 });
    expect(ids(await call(server, "GET", "/goods/101?count=100&page=1"))).toEqual([401, 402]);
    expect(ids(await call(server, "GET", "/goods/101?count=100&page=2"))).toEqual([403, 404]);
    expect(ids(await call(server, "GET", "/goods/101?count=100&page=3"))).toEqual([]);
  });

  it("serves at most 100 per page; a larger count falls back to 25, as live servers do", async () => {
    await server.close();
    const products = Array.from({ length: 130 }, (_, i) => ({
      id: 5000 + i,
      location_id: 101,
      title: `P${i}`,
      category_id: 302,
    }));
    server = await startMockServer({ seed: { products } });
    expect(ids(await call(server, "GET", "/goods/101?count=100"))).toHaveLength(100);
    const fallback = ids(await call(server, "GET", "/goods/101?count=101&page=2"));
    expect(fallback).toEqual(products.slice(25, 50).map((p) => p.id));
    expect(ids(await call(server, "GET", "/goods/101?count=1000"))).toHaveLength(25);
  });

  it("validates query parameters (422)", async () => {
    const res = await call(server, "GET", "/goods/101?page=0&count=x");
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toEqual([
      {
        "[page]": ["This value should be 1 or more."],
        "[count]": ["This value should be of type number."],
      },
    ]);
  });

  it("answers 401 without the user token and 403 for a foreign location", async () => {
    expect((await call(server, "GET", "/goods/101", { auth: null })).status).toBe(401);
    expect((await call(server, "GET", "/goods/103")).status).toBe(403);
  });
});

describe("GET /goods/search/{location_id}", () => {
  it("returns root categories without a term", async () => {
    const res = await call(server, "GET", "/goods/search/101");
    expect(res.body.data.map((e: { category_id: number }) => e.category_id)).toEqual([301, 303]);
    expect(res.body.meta).toEqual({ count: 2 });
    expect(res.body.data[1]).toEqual({
      parent_id: 0,
      item_id: 0,
      category_id: 303,
      title: "Nail care",
      is_chain: true,
      is_category: true,
      is_item: false,
    });
  });

  it("puts matching categories first, then products, up to count", async () => {
    const res = await call(server, "GET", "/goods/search/101?term=shampoo");
    expect(res.body.data.map((e: { is_category: boolean }) => e.is_category)).toEqual([
      true,
      false,
      false,
    ]);
    expect(res.body.data[1]).toMatchObject({
      parent_id: 302,
      item_id: 401,
      category_id: 0,
      is_item: true,
    });
    const two = await call(server, "GET", "/goods/search/101?term=shampoo&count=2");
    expect(two.body.meta).toEqual({ count: 2 });
    expect((await call(server, "GET", "/goods/search/101?term=a&count=101")).status).toBe(422);
  });
});

describe("GET /goods/{location_id}/{product_id}", () => {
  it("reads one product with good_id / unit_id and without category_id", async () => {
    const res = await call(server, "GET", "/goods/101/404");
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data).toMatchObject({
      good_id: 404,
      unit_id: 1,
      unit_short_title: "pcs",
      service_unit_id: 3,
      service_unit_short_title: "ml",
      unit_equals: 15,
      unit_actual_cost: 0.4,
      loyalty_abonement_type_id: "0",
      last_change_date: "2026-01-01T12:00:00-0500",
    });
    expect(res.body.data).not.toHaveProperty("category_id");
  });

  it("answers 404 for an unknown product or one of another location", async () => {
    expect((await call(server, "GET", "/goods/101/999999")).status).toBe(404);
    expect((await call(server, "GET", "/goods/102/401")).status).toBe(404);
  });
});

describe("POST /goods/{location_id}", () => {
  it("creates a product (201) that the list and state then show", async () => {
    const res = await call(server, "POST", "/goods/101", {
      body: productBody({
        article: "TS-1",
        cost: 40,
        sale_unit_id: 1,
        service_unit_id: 3,
        unit_equals: 30,
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: "Test Serum",
      label: "Test Serum (TS-1)",
      unit_id: 1,
      service_unit_id: 3,
      actual_amounts: [],
    });
    expect(res.body.data.last_change_date).toBe("2026-06-01T07:00:00-0500");
    const stored = server.state.products.get(res.body.data.good_id);
    expect(stored).toMatchObject({ location_id: 101, category_id: 302, article: "TS-1" });
  });

  it("answers 422 in the vendor's shape for missing and mistyped fields", async () => {
    const res = await call(server, "POST", "/goods/101", { body: { title: 5, cost: "cheap" } });
    expect(res.status).toBe(422);
    expect(res.body.success).toBe(false);
    expect(res.body.data).toBeNull();
    expect(res.body.meta.errors).toEqual([
      {
        "[category_id]": ["This field is missing."],
        "[sale_unit_id]": ["This field is missing."],
        "[service_unit_id]": ["This field is missing."],
        "[title]": ["This value should be of type string."],
        "[cost]": ["This value should be of type number."],
      },
    ]);
  });

  it("answers 422 for a category of another location and 400 for broken JSON", async () => {
    const res = await call(server, "POST", "/goods/101", {
      body: productBody({ category_id: 304 }),
    });
    expect(res.status).toBe(422);
    expect((await call(server, "POST", "/goods/101", { rawBody: "{nope" })).status).toBe(400);
  });
});

describe("PUT /goods/{location_id}/{product_id}", () => {
  it("replaces the product: omitted optional fields fall back to defaults", async () => {
    const res = await call(server, "PUT", "/goods/101/402", {
      body: productBody({ title: "Renamed" }),
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ good_id: 402, title: "Renamed", cost: 0 });
    expect(server.state.products.get(402)).toMatchObject({
      title: "Renamed",
      article: "",
      category_id: 302,
    });
  });

  it("answers 409 when units change on a product with stock, until correction_rules are sent", async () => {
    const body = productBody({ title: "Argan Shampoo", sale_unit_id: 2, service_unit_id: 2 });
    const conflict = await call(server, "PUT", "/goods/101/401", { body });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      success: false,
      data: null,
      meta: { message: expect.any(String), conflict: true },
    });
    const rules = [1, 2, 3, 4, 5].map((type) => ({
      type,
      base_unit: type < 3 ? "service" : "sale",
    }));
    const fixed = await call(server, "PUT", "/goods/101/401", {
      body: { ...body, correction_rules: rules },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data).toMatchObject({
      unit_id: 2,
      service_unit_id: 2,
      actual_amounts: [{ storage_id: 202, amount: 12 }],
    });
  });

  it("validates the body, correction rules included (422), and 404s unknown products", async () => {
    const missing = await call(server, "PUT", "/goods/101/401", { body: { title: "x" } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.meta.errors[0]).sort()).toEqual([
      "[category_id]",
      "[sale_unit_id]",
      "[service_unit_id]",
    ]);
    const badRule = await call(server, "PUT", "/goods/101/401", {
      body: productBody({ correction_rules: [{ type: 1, base_unit: "nope" }] }),
    });
    expect(badRule.status).toBe(422);
    expect(badRule.body.meta.errors[0]).toHaveProperty("[correction_rules][0][base_unit]");
    expect((await call(server, "PUT", "/goods/101/999999", { body: productBody() })).status).toBe(
      404,
    );
  });
});

describe("DELETE /goods/{location_id}/{product_id}", () => {
  it("deletes with 204 and then 404s", async () => {
    const res = await call(server, "DELETE", "/goods/101/403");
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(server.state.products.has(403)).toBe(false);
    expect((await call(server, "DELETE", "/goods/101/403")).status).toBe(404);
  });

  it("can answer 200 with an envelope or 202 instead, as other DELETE pages document", async () => {
    for (const deleteStatus of [200, 202] as const) {
      const other = await startMockServer({ deleteStatus });
      const res = await call(other, "DELETE", "/goods/101/403");
      expect(res.status).toBe(deleteStatus);
      expect(res.body).toEqual(
        deleteStatus === 200 ? { success: true, data: null, meta: [] } : undefined,
      );
      await other.close();
    }
  });
});
