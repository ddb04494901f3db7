import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { call } from "./helpers.js";

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(() => server.close());

describe("category lists", () => {
  it("lists children of a parent (0 = top level) with integer ids and meta.count", async () => {
    const top = await call(server, "GET", "/company/101/goods_categories/0");
    expect(top.status).toBe(200);
    expect(top.body).toEqual({
      success: true,
      data: [
        { id: 301, title: "Hair care", parent_category_id: null, is_chain: false },
        { id: 303, title: "Nail care", parent_category_id: null, is_chain: true },
      ],
      meta: { count: 2 },
    });
    const children = await call(server, "GET", "/company/101/goods_categories/301");
    expect(children.body.data).toEqual([
      { id: 302, title: "Shampoos", parent_category_id: 301, is_chain: false },
    ]);
  });

  it("serves the deprecated list with the by-ids category objects (as the vendor's file documents) and meta []", async () => {
    const res = await call(server, "GET", "/goods_categories/101/0");
    expect(res.body).toEqual({
      success: true,
      data: [
        { id: 301, title: "Hair care", parent_category_id: null, is_chain: false },
        { id: 303, title: "Nail care", parent_category_id: null, is_chain: true },
      ],
      meta: [],
    });
  });

  it("reads categories by repeated ids[], skipping unknown and foreign ones", async () => {
    const res = await call(
      server,
      "GET",
      "/goods_categories/multiple/101?ids[]=302&ids[]=301&ids[]=304&ids[]=9",
    );
    expect(res.body.data.map((c: { id: number }) => c.id)).toEqual([302, 301]);
    expect(res.body.meta).toEqual({ count: 2 });
    const bad = await call(server, "GET", "/goods_categories/multiple/101?ids[]=x");
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors[0]).toEqual({
      "[ids][0]": ["This value should be of type integer."],
    });
  });

  it("answers 403 for a foreign location and 401 without a user", async () => {
    expect((await call(server, "GET", "/company/103/goods_categories/0")).status).toBe(403);
    expect((await call(server, "GET", "/goods_categories/103/0")).status).toBe(403);
    expect((await call(server, "GET", "/goods_categories/multiple/103?ids[]=305")).status).toBe(
      403,
    );
    expect((await call(server, "GET", "/goods/category_node/101/301", { auth: null })).status).toBe(
      401,
    );
  });
});

describe("GET /goods/category_node/{location_id}/{category_id}", () => {
  it("returns the node with direct children (categories, then products) and children_count", async () => {
    const res = await call(server, "GET", "/goods/category_node/101/301");
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      category_id: 301,
      parent_id: 0,
      is_category: true,
      children_count: 2,
    });
    expect(res.body.data.children).toEqual([
      {
        parent_id: 301,
        item_id: 0,
        category_id: 302,
        title: "Shampoos",
        is_chain: false,
        is_category: true,
        is_item: false,
      },
      {
        parent_id: 301,
        item_id: 403,
        category_id: 0,
        title: "Repair Hair Mask",
        is_chain: false,
        is_category: false,
        is_item: true,
      },
    ]);
  });

  it("pages children but keeps the total in children_count; caps count at 1000", async () => {
    const res = await call(server, "GET", "/goods/category_node/101/302?count=1&page=2");
    expect(res.body.data.children.map((c: { item_id: number }) => c.item_id)).toEqual([402]);
    expect(res.body.data.children_count).toBe(2);
    expect((await call(server, "GET", "/goods/category_node/101/302?count=1001")).status).toBe(422);
    expect((await call(server, "GET", "/goods/category_node/101/999")).status).toBe(404);
  });
});

describe("category writes", () => {
  it("creates (201), updates (200) and deletes (204) a category", async () => {
    const created = await call(server, "POST", "/goods_categories/101", {
      body: { title: "Manicure", parent_category_id: 303, article: "M-1", comment: "tools" },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body).toEqual({
      success: true,
      data: { id, title: "Manicure", parent_category_id: 303 },
      meta: [],
    });
    expect(server.state.categories.get(id)).toMatchObject({
      location_id: 101,
      article: "M-1",
      comment: "tools",
    });

    const updated = await call(server, "PUT", `/goods_categories/101/${id}`, {
      body: { title: "Manicure tools", parent_category_id: 0 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual({ id, title: "Manicure tools", parent_category_id: null });

    const removed = await call(server, "DELETE", `/goods_categories/101/${id}`);
    expect(removed.status).toBe(204);
    expect(server.state.categories.has(id)).toBe(false);
    expect((await call(server, "DELETE", `/goods_categories/101/${id}`)).status).toBe(404);
  });

  it("accepts null as 'no parent' and rejects unknown parents and missing titles (422)", async () => {
    const root = await call(server, "POST", "/goods_categories/101", {
      body: { title: "Root", parent_category_id: null },
    });
    expect(root.body.data.parent_category_id).toBeNull();
    const orphan = await call(server, "POST", "/goods_categories/101", {
      body: { title: "x", parent_category_id: 304 },
    });
    expect(orphan.status).toBe(422);
    const untitled = await call(server, "POST", "/goods_categories/101", {
      body: { comment: "?" },
    });
    expect(untitled.status).toBe(422);
    expect(untitled.body.meta.errors).toEqual([{ "[title]": ["This field is missing."] }]);
    expect((await call(server, "PUT", "/goods_categories/101/301", { body: {} })).status).toBe(422);
  });

  it("refuses to delete a non-empty category and 404s unknown ones on update", async () => {
    expect((await call(server, "DELETE", "/goods_categories/101/301")).status).toBe(422);
    expect(
      (await call(server, "PUT", "/goods_categories/101/999", { body: { title: "x" } })).status,
    ).toBe(404);
    expect(
      (await call(server, "POST", "/goods_categories/103", { body: { title: "x" } })).status,
    ).toBe(403);
  });
});
