// The mock driven through the real client: raw openapi-fetch calls and the resource helpers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioConnectionError,
  AltegioNotFoundError,
  AltegioPermissionError,
  type AltegioClient,
  type Product,
} from "../../src/index.js";
import {
  DEFAULT_CREDENTIALS as C,
  startMockServer,
  type MockServer,
} from "../../src/mock/index.js";
import { mockClient } from "../helpers/mock-client.js";

let server: MockServer;
let altegio: AltegioClient;
beforeEach(async () => {
  server = await startMockServer({ pageSizeCap: 3 });
  altegio = mockClient(server, { maxRetries: 0 });
});
afterEach(() => server.close());

describe("client helpers against the mock", () => {
  it("logs in on the first user-level call and lists my locations", async () => {
    const mine = await altegio.locations.list({ my: true });
    expect(mine.map((l) => l.id)).toEqual([101, 102]);
    expect(server.requests.map((r) => r.operation)).toEqual(["POST /auth", "GET /companies"]);
    expect(server.requests[1]!.headers["authorization"]).toBe(
      `Bearer ${C.partnerToken}, User ${C.userToken}`,
    );
    expect(server.requests[1]!.query).toEqual({ my: "1" });
    expect(altegio.auth.userToken).toBe(C.userToken);
  });

  it("reads a location and its storages", async () => {
    const location = await altegio.locations.get(101);
    expect(location.title).toBe("Downtown Studio");
    const storages = await altegio.location(101).storages.list();
    expect(storages.map((s) => s.id)).toEqual([201, 202]);
    await expect(altegio.location(C.foreignLocationId).storages.list()).rejects.toBeInstanceOf(
      AltegioPermissionError,
    );
    await expect(altegio.locations.get(999)).rejects.toBeInstanceOf(AltegioNotFoundError);
  });

  it("logs in again when the server revokes the user token", async () => {
    await altegio.location(101).storages.list();
    const user = server.state.users.get(C.userId)!;
    user.user_token = "rotated-token";
    await altegio.location(101).storages.list();
    expect(altegio.auth.userToken).toBe("rotated-token");
    expect(server.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      "POST /auth 201",
      "GET /storages/{location_id} 200",
      "GET /storages/{location_id} 401",
      "POST /auth 201",
      "GET /storages/{location_id} 200",
    ]);
  });

  it("surfaces a reset connection as AltegioConnectionError", async () => {
    await altegio.auth.login();
    server.fault({ path: "/storages/*", reset: true });
    await expect(altegio.location(101).storages.list()).rejects.toBeInstanceOf(
      AltegioConnectionError,
    );
  });
});

describe("raw calls against the mock", () => {
  it("pages products; the silent cap shows in the page sizes", async () => {
    await altegio.auth.login();
    const { data, response } = await altegio.raw.GET("/goods/{location_id}", {
      params: { path: { location_id: 101 }, query: { count: 10, page: 1 } },
    });
    expect(response.status).toBe(200);
    expect(data?.data?.map((p) => p.good_id)).toEqual([401, 402, 403]);
    const second = await altegio.raw.GET("/goods/{location_id}", {
      params: { path: { location_id: 101 }, query: { count: 10, page: 2 } },
    });
    expect(second.data?.data?.map((p) => p.good_id)).toEqual([404]);
  });

  it("creates, reads, updates and deletes a product", async () => {
    await altegio.auth.login();
    const scoped = { params: { path: { location_id: 101 } } };
    const created = await altegio.raw.POST("/goods/{location_id}", {
      ...scoped,
      body: {
        title: "Client Serum",
        category_id: 302,
        sale_unit_id: 1,
        service_unit_id: 1,
        cost: 9,
      },
    });
    expect(created.response.status).toBe(201);
    // The raw client keeps the wire type, which also allows the list the vendor's examples show.
    const one = (data: unknown): Product => {
      expect(Array.isArray(data)).toBe(false); // the mock answers with the object, as the real API does
      return data as Product;
    };
    const id = one(created.data!.data).good_id!;
    const path = { params: { path: { location_id: 101, product_id: id } } };
    const read = await altegio.raw.GET("/goods/{location_id}/{product_id}", path);
    expect(one(read.data?.data).title).toBe("Client Serum");
    const updated = await altegio.raw.PUT("/goods/{location_id}/{product_id}", {
      ...path,
      body: { title: "Client Serum 2", category_id: 302, sale_unit_id: 1, service_unit_id: 1 },
    });
    expect(one(updated.data?.data).title).toBe("Client Serum 2");
    const removed = await altegio.raw.DELETE("/goods/{location_id}/{product_id}", path);
    expect(removed.response.status).toBe(204);
    expect(server.state.products.has(id)).toBe(false);
  });

  it("sends repeated ids[] that the by-ids endpoint understands", async () => {
    await altegio.auth.login();
    const { data } = await altegio.raw.GET("/goods_categories/multiple/{location_id}", {
      params: { path: { location_id: 101 }, query: { "ids[]": [301, 303] } },
    });
    expect(data?.data?.map((c) => c.id)).toEqual([301, 303]);
    expect(server.requests.at(-1)!.query).toEqual({ "ids[]": ["301", "303"] });
  });

  it("gets the vendor's 409 and 422 envelopes back in `error`", async () => {
    await altegio.auth.login();
    const path = { params: { path: { location_id: 101, product_id: 401 } } };
    const conflict = await altegio.raw.PUT("/goods/{location_id}/{product_id}", {
      ...path,
      body: { title: "Argan Shampoo", category_id: 302, sale_unit_id: 2, service_unit_id: 2 },
    });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error).toMatchObject({ meta: { conflict: true } });
    const invalid = await altegio.raw.POST("/goods_categories/{location_id}", {
      params: { path: { location_id: 101 } },
      body: {} as { title: string },
    });
    expect(invalid.response.status).toBe(422);
    expect(invalid.error).toMatchObject({
      meta: { errors: [{ "[title]": ["This field is missing."] }] },
    });
  });
});
