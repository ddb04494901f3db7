// Every operation the mock keeps state for, driven through the public client: the convenience method where there
// is one, raw otherwise, with the error class each documented failure turns into. (The rest of the spec answers
// with documented examples; examples-routes.test.ts covers those.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioAuthenticationError,
  AltegioConflictError,
  AltegioNotFoundError,
  AltegioPermissionError,
  AltegioValidationError,
  createAltegioClient,
  type AltegioClient,
} from "../../src/index.js";
import {
  DEFAULT_CREDENTIALS as C,
  startMockServer,
  type MockServer,
} from "../../src/mock/index.js";
import { STATEFUL_ROUTES } from "../../src/mock/server.js";
import { rejectionOf } from "../helpers/test-server.js";

let server: MockServer;
let altegio: AltegioClient;
const seen = new Set<string>();

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server.close();
  // The table below must reach every stateful operation.
  expect([...seen].sort()).toEqual(STATEFUL_ROUTES.map((r) => `${r.method} ${r.template}`).sort());
});
beforeEach(() => {
  altegio = createAltegioClient({
    baseUrl: server.url,
    partnerToken: C.partnerToken,
    userToken: C.userToken,
    rateLimit: false,
    maxRetries: 0,
  });
  server.requests.length = 0;
});

function record() {
  for (const r of server.requests) if (r.operation) seen.add(r.operation);
  return server.requests.map((r) => `${r.operation} ${r.status}`);
}

describe("success through the client", () => {
  it("auth, locations, users, storages", async () => {
    const { userToken } = await altegio.auth.login({ login: C.login, password: C.password });
    expect(userToken).toBe(C.userToken);
    expect((await altegio.locations.list()).length).toBeGreaterThan(0);
    expect((await altegio.locations.get(101)).id).toBe(101);
    const users = await altegio.location(101).raw.GET("/company/{location_id}/users");
    expect(users.data?.data?.map((u) => u.id)).toContain(C.userId);
    expect((await altegio.location(101).storages.list()).length).toBeGreaterThan(0);
    expect(record()).toEqual([
      "POST /auth 201",
      "GET /companies 200",
      "GET /company/{location_id} 200",
      "GET /company/{location_id}/users 200",
      "GET /storages/{location_id} 200",
    ]);
  });

  it("products: create, get, list, search, update, delete", async () => {
    const loc = altegio.location(101);
    const input = {
      title: "Through Client",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
    };
    const created = await loc.products.create(input);
    const id = created.good_id!;
    expect((await loc.products.get(id)).title).toBe("Through Client");
    expect(
      (await loc.products.listPage({ page: 1, term: "Through" })).map((p) => p.good_id),
    ).toEqual([id]);
    expect((await loc.products.search("Through")).some((e) => e.item_id === id)).toBe(true);
    expect((await loc.products.update(id, { ...input, title: "Renamed" })).title).toBe("Renamed");
    await loc.products.delete(id);
    await expect(loc.products.get(id)).rejects.toBeInstanceOf(AltegioNotFoundError);
    expect(record()).toEqual([
      "POST /goods/{location_id} 201",
      "GET /goods/{location_id}/{product_id} 200",
      "GET /goods/{location_id} 200",
      "GET /goods/search/{location_id} 200",
      "PUT /goods/{location_id}/{product_id} 200",
      "DELETE /goods/{location_id}/{product_id} 204",
      "GET /goods/{location_id}/{product_id} 404",
    ]);
  });

  it("categories: create, list, getMany, node, update, deprecated list, delete", async () => {
    const loc = altegio.location(101);
    const created = await loc.productCategories.create({ title: "Through Client" });
    const id = created.id!;
    expect((await loc.productCategories.list(0)).map((c) => c.id)).toContain(id);
    expect((await loc.productCategories.getMany([id])).map((c) => c.id)).toEqual([id]);
    expect((await loc.productCategories.node(id)).category_id).toBe(id);
    expect((await loc.productCategories.update(id, { title: "Renamed" })).title).toBe("Renamed");
    const old = await loc.raw.GET("/goods_categories/{location_id}/{category_id}", {
      params: { path: { category_id: 0 } },
    });
    expect(old.response.status).toBe(200);
    await loc.productCategories.delete(id);
    expect(record()).toEqual([
      "POST /goods_categories/{location_id} 201",
      "GET /company/{location_id}/goods_categories/{parent_category_id} 200",
      "GET /goods_categories/multiple/{location_id} 200",
      "GET /goods/category_node/{location_id}/{category_id} 200",
      "PUT /goods_categories/{location_id}/{category_id} 200",
      "GET /goods_categories/{location_id}/{category_id} 200",
      "DELETE /goods_categories/{location_id}/{category_id} 204",
    ]);
  });
});

describe("errors through the client", () => {
  it("401 for a token the server does not know", async () => {
    const stranger = createAltegioClient({
      baseUrl: server.url,
      partnerToken: C.partnerToken,
      userToken: "not-a-real-token",
      rateLimit: false,
    });
    const error = await rejectionOf(stranger.location(101).storages.list());
    expect(error).toBeInstanceOf(AltegioAuthenticationError);
    expect(error.message).toBe("Authentication needed.");
  });

  it("403 for a location the user may not access", async () => {
    const error = await rejectionOf(
      altegio.location(C.foreignLocationId).products.listPage({ page: 1 }),
    );
    expect(error).toBeInstanceOf(AltegioPermissionError);
    expect(error.message).toBe("Access denied.");
  });

  it("404 for unknown ids", async () => {
    await expect(altegio.location(101).products.get(987654)).rejects.toBeInstanceOf(
      AltegioNotFoundError,
    );
    await expect(altegio.location(101).productCategories.delete(987654)).rejects.toBeInstanceOf(
      AltegioNotFoundError,
    );
  });

  it("409 when units change on a product with stock, with the correction_rules hint", async () => {
    const loc = altegio.location(101);
    const stocked = [...server.state.products.values()].find(
      (p) => p.location_id === 101 && p.actual_amounts.length > 0,
    )!;
    const error = await rejectionOf<AltegioConflictError>(
      loc.products.update(stocked.id, {
        title: stocked.title,
        category_id: stocked.category_id,
        sale_unit_id: stocked.sale_unit_id === 1 ? 2 : 1,
        service_unit_id: stocked.service_unit_id,
      }),
    );
    expect(error).toBeInstanceOf(AltegioConflictError);
    expect(error.message).toMatch(/correction_rules/);
  });

  it("422 from the spec-derived validation, for a body and for a query", async () => {
    const loc = altegio.location(101);
    // Raw calls skip the client's own input checks, so the server's validation answers.
    const body = await loc.raw.POST("/goods/{location_id}", {
      body: { category_id: 302, sale_unit_id: 1, service_unit_id: 1 } as never,
    });
    expect(body.response.status).toBe(422);
    expect(JSON.stringify(body.error)).toContain("[title]");
    const query = await loc.raw.GET("/goods/search/{location_id}", {
      params: { query: { term: "a", count: 500 } },
    });
    expect(query.response.status).toBe(422);
    // The same answer through a convenience call becomes an AltegioValidationError with field errors.
    server.fault({
      method: "GET",
      path: "/storages/*",
      status: 422,
      body: {
        success: false,
        data: null,
        meta: { message: "Validation failed", errors: [{ "[title]": ["This field is missing."] }] },
      },
    });
    const error = await rejectionOf<AltegioValidationError>(loc.storages.list());
    expect(error).toBeInstanceOf(AltegioValidationError);
    expect(error.fieldErrors).toEqual({ title: ["This field is missing."] });
  });
});
