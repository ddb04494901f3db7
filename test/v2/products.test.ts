// The v2 surface on the embedded mock, through the public client: v1 writes read back through v2, the v2 pages walk
// every product once, one login and one rate budget serve both versions, and v2's errors map onto the same classes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AltegioInputError,
  AltegioNotFoundError,
  AltegioValidationError,
  type AltegioClient,
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
  server = await startMockServer();
  altegio = mockClient(server, { maxRetries: 0 });
});
afterEach(() => server.close());

const v2Requests = () => server.requests.filter((r) => r.path.startsWith("/api/v2/"));

describe("v2 beside v1 on one client", () => {
  it("reads a product created through v1 back through v2 as a `good` with its string id", async () => {
    const loc = altegio.location(101);
    const created = await loc.products.create({
      title: "Night Serum",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
      unit_equals: 1,
      cost: 42.5,
    });
    const read = await loc.v2.products.get(String(created.good_id), {
      include: ["storage_amounts"],
    });
    expect(read.type).toBe("good");
    expect(read.id).toBe(String(created.good_id));
    expect(read.attributes).toMatchObject({ title: "Night Serum", category_id: 302, cost: 42.5 });
    // The storage amounts it includes are joined onto it, one per storage of the location.
    expect(read.related.storage_amounts?.map((a) => a.attributes.good_id)).not.toHaveLength(0);
    for (const amount of read.related.storage_amounts ?? []) {
      expect(amount.type).toBe("good_storage_amount");
      expect(amount.attributes.good_id).toBe(created.good_id);
    }
  });

  it("walks v2's product pages, yielding every product loc.products.list() yields, once", async () => {
    const loc = altegio.location(101);
    for (let i = 0; i < 7; i++) {
      await loc.products.create({
        title: `Bulk ${i}`,
        category_id: 302,
        sale_unit_id: 1,
        service_unit_id: 1,
        unit_equals: 1,
        cost: i,
      });
    }
    const v1: number[] = [];
    for await (const p of loc.products.list()) v1.push(Number(p.good_id));
    const v2 = [];
    for await (const p of loc.v2.products.list({ limit: 3 })) v2.push(p);
    expect(v2.map((p) => Number(p.id)).sort((a, b) => a - b)).toEqual(v1.sort((a, b) => a - b));
    expect(new Set(v2.map((p) => p.id)).size).toBe(v2.length);
    // page/limit on the wire, limit as asked, until the empty page.
    const pages = v2Requests().filter((r) => r.operation?.endsWith("/products"));
    expect(pages.map((r) => r.query)).toEqual(
      Array.from({ length: Math.ceil(v1.length / 3) + 1 }, (_, i) => ({
        page: String(i + 1),
        limit: "3",
      })),
    );
  });

  it("sends the v2 media type and both tokens on every v2 request, logging in once for both versions", async () => {
    const loc = altegio.location(101);
    await loc.products.create({
      title: "A",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
      unit_equals: 1,
      cost: 1,
    });
    await loc.v2.units.list();
    await loc.v2.productCategories.list();
    await altegio.v2.GET("/locations/{location_id}/products", {
      params: { path: { location_id: 101 } },
    });
    expect(server.requests.filter((r) => r.operation === "POST /auth")).toHaveLength(1);
    expect(v2Requests()).toHaveLength(3);
    for (const r of v2Requests()) {
      expect(r.headers["accept"]).toBe("application/vnd.api.v2+json");
      expect(r.headers["authorization"]).toBe(`Bearer ${C.partnerToken}, User ${C.userToken}`);
      expect(r.status).toBe(200);
    }
  });

  it("fills in the location for v2 paths that name it company_id", async () => {
    const { response } = await altegio.location(101).v2.GET("/locations/{company_id}/positions");
    expect(response.status).toBe(200);
    expect(v2Requests().at(-1)?.path).toBe("/api/v2/locations/101/positions");
  });

  it("maps v2's errors onto the same classes (meta.errors as field -> messages)", async () => {
    const loc = altegio.location(101);
    const missing = await loc.v2.products.get("999999").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AltegioNotFoundError);
    const invalid = await loc.v2.productCategories
      .list({ include: ["nope" as never] })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(AltegioValidationError);
    expect(Object.keys((invalid as AltegioValidationError).fieldErrors)).toEqual(["include"]);
  });

  it("refuses a v1 numeric id, a bad limit and a short term before sending anything", async () => {
    const loc = altegio.location(101);
    const before = server.requests.length;
    await expect(loc.v2.products.get(401 as unknown as string)).rejects.toThrow(
      /v2 ids are strings: pass "401"/,
    );
    expect(() => loc.v2.products.list({ limit: 251 })).toThrow(AltegioInputError);
    await expect(loc.v2.products.autocomplete("a")).rejects.toThrow(AltegioInputError);
    expect(server.requests.length).toBe(before);
  });
});

describe("the mock's v2", () => {
  it("answers 400 without the v2 media type", async () => {
    const response = await fetch(`${server.v2Url}/locations/101/units`, {
      headers: { authorization: `Bearer ${C.partnerToken}, User ${C.userToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, data: null });
  });

  it("answers the rest of v2 from its documented examples, with the same auth checks", async () => {
    const headers = { accept: "application/vnd.api.v2+json" };
    const anonymous = await fetch(`${server.v2Url}/locations/101/team_members`, { headers });
    expect(anonymous.status).toBe(401);
    const forbidden = await fetch(`${server.v2Url}/locations/103/team_members`, {
      headers: { ...headers, authorization: `Bearer ${C.partnerToken}, User ${C.userToken}` },
    });
    expect(forbidden.status).toBe(403);
    const { data, response } = await altegio
      .location(101)
      .v2.GET("/locations/{location_id}/team_members");
    expect(response.status).toBe(200);
    expect(data?.data.length).toBeGreaterThan(0);
  });
});
