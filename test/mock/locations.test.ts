import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CREDENTIALS as C,
  startMockServer,
  type MockServer,
} from "../../src/mock/index.js";
import { call, PARTNER_AUTH, USER_AUTH } from "./helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

describe("POST /auth", () => {
  it("trades login and password for the user token with 201", async () => {
    const res = await call(server, "POST", "/auth", {
      auth: PARTNER_AUTH,
      body: { login: C.login, password: C.password },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ success: true, meta: [] });
    expect(res.body.data).toMatchObject({ id: C.userId, user_token: C.userToken, login: C.login });
  });

  it("answers 401 for a wrong password or a wrong partner token", async () => {
    const wrong = await call(server, "POST", "/auth", {
      auth: PARTNER_AUTH,
      body: { login: C.login, password: "nope" },
    });
    expect(wrong.status).toBe(401);
    const partner = await call(server, "POST", "/auth", {
      auth: "Bearer wrong",
      body: { login: C.login, password: C.password },
    });
    expect(partner.status).toBe(401);
    expect(partner.body).toEqual({
      success: false,
      data: null,
      meta: { message: "Authentication needed." },
    });
  });

  it("answers 422 when a required field is missing", async () => {
    const res = await call(server, "POST", "/auth", {
      auth: PARTNER_AUTH,
      body: { login: C.login },
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toEqual([{ "[password]": ["This field is missing."] }]);
  });
});

describe("GET /companies", () => {
  it("lists every location with the partner token alone", async () => {
    const res = await call(server, "GET", "/companies", { auth: PARTNER_AUTH });
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: { id: number }) => l.id)).toEqual([101, 102, 103]);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data[0]).not.toHaveProperty("next_slot");
  });

  it("filters to the user's locations with my=1 and needs the user token for it", async () => {
    const mine = await call(server, "GET", "/companies?my=1");
    expect(mine.body.data.map((l: { id: number }) => l.id)).toEqual([...C.locationIds]);
    expect((await call(server, "GET", "/companies?my=1", { auth: PARTNER_AUTH })).status).toBe(401);
  });

  it("filters by id, pages, and adds next_slot with forBooking=1", async () => {
    const one = await call(server, "GET", "/companies?id=102&forBooking=1", { auth: PARTNER_AUTH });
    expect(one.body.data).toHaveLength(1);
    expect(one.body.data[0]).toMatchObject({ id: 102, next_slot: expect.any(String) });
    const page2 = await call(server, "GET", "/companies?count=2&page=2", { auth: PARTNER_AUTH });
    expect(page2.body.data.map((l: { id: number }) => l.id)).toEqual([103]);
  });

  it("rejects a missing or malformed Authorization header with 401", async () => {
    for (const auth of [null, "Token x", `Bearer ${C.partnerToken}, User wrong`]) {
      const res = await call(server, "GET", "/companies", { auth });
      expect(res.status).toBe(401);
      expect(res.body.meta.message).toBe("Authentication needed.");
    }
  });

  it("validates query parameters against the snapshot (422)", async () => {
    const res = await call(server, "GET", "/companies?page=abc&include=bogus", {
      auth: PARTNER_AUTH,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, data: null });
    expect(Object.keys(res.body.meta.errors[0]).sort()).toEqual(["[include][0]", "[page]"]);
  });
});

describe("GET /company/{location_id}", () => {
  it("reads a location; show_groups, showBookforms and my=1 add their fields", async () => {
    const res = await call(server, "GET", "/company/101?show_groups=1&showBookforms=1&my=1");
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: 101, title: "Downtown Studio", access: {} });
    expect(res.body.data.groups).toHaveProperty("9206");
    expect(res.body.data.bookforms).toHaveLength(1);
  });

  it("sends main_group as [] for a location without a chain", async () => {
    const res = await call(server, "GET", "/company/103", { auth: PARTNER_AUTH });
    expect(res.body.data.main_group).toEqual([]);
  });

  it("uses the page's own error shape for 404 and 401", async () => {
    const missing = await call(server, "GET", "/company/999");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errors: { code: 404, message: "Not found" },
      meta: { message: "Not found" },
    });
    const anonymous = await call(server, "GET", "/company/101", { auth: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors.code).toBe(401);
  });

  it("answers 422 for a non-numeric path parameter", async () => {
    const res = await call(server, "GET", "/company/abc");
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0]).toHaveProperty("[location_id]");
  });
});

describe("GET /company/{location_id}/users", () => {
  it("lists the location's users with meta.count and filters by filter[is_approved]", async () => {
    const all = await call(server, "GET", "/company/101/users");
    expect(all.body.data.map((u: { id: number }) => u.id)).toEqual([7001, 7002]);
    expect(all.body.meta).toEqual({ count: 2 });
    const approved = await call(server, "GET", "/company/101/users?filter[is_approved]=1");
    expect(approved.body.data.map((u: { id: number }) => u.id)).toEqual([7001]);
  });

  it("needs the user token, access to the location and a known location", async () => {
    expect((await call(server, "GET", "/company/101/users", { auth: PARTNER_AUTH })).status).toBe(
      401,
    );
    const denied = await call(server, "GET", `/company/${C.foreignLocationId}/users`);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      success: false,
      data: null,
      meta: { message: "Access denied." },
    });
    const missing = await call(server, "GET", "/company/999/users");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ success: false, data: null, meta: {} });
  });
});

describe("GET /storages/{location_id}", () => {
  it("lists the location's storages", async () => {
    const res = await call(server, "GET", "/storages/101", { auth: USER_AUTH });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { id: 201, title: "Consumables", for_service: 1, for_sale: 0, comment: "", weight: 0 },
      { id: 202, title: "Retail", for_service: 0, for_sale: 1, comment: "", weight: 1 },
    ]);
    expect((await call(server, "GET", "/storages/103")).status).toBe(403);
  });
});
