// Products against purpose-built servers: answers the mock does not give (other delete statuses, a server that
// pages by the requested count, one that ignores `page`). Wire forms of the objects are in live-fetch.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AltegioConflictError, AltegioError, createAltegioClient } from "../../src/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const loc = () =>
  createAltegioClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
    maxRetries: 0,
  }).location(37532);

describe("delete accepts every documented success", () => {
  it.each([
    ["204 with no body", 204, undefined],
    ["202 with no body", 202, undefined],
    ["200 with an envelope", 200, { success: true, data: null, meta: [] }],
  ])("%s", async (_name, status, body) => {
    server.handle((_req, res) => {
      if (body === undefined) {
        res.writeHead(status);
        res.end();
      } else sendJson(res, status, body);
    });
    await expect(loc().products.delete(5)).resolves.toBeUndefined();
    await expect(loc().productCategories.delete(6)).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /api/v1/goods/37532/5",
      "DELETE /api/v1/goods_categories/37532/6",
    ]);
  });

  it("but not a 200 envelope that says success: false", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, { success: false, data: null, meta: { message: "Nope" } }),
    );
    await expect(loc().products.delete(5)).rejects.toThrow("Nope");
  });
});

it("list survives a server that caps pages but offsets them by the requested count", async () => {
  const all = Array.from({ length: 95 }, (_, i) => ({ good_id: i + 1, title: `P${i + 1}` }));
  server.handle((req, res) => {
    const page = Number(req.query.get("page"));
    const count = Number(req.query.get("count"));
    const start = (page - 1) * count;
    sendJson(res, 200, {
      success: true,
      data: all.slice(start, start + Math.min(count, 20)),
      meta: [],
    });
  });
  const ids: number[] = [];
  for await (const p of loc().products.list({ count: 50 })) ids.push(p.good_id!);
  expect(ids).toEqual(all.map((p) => p.good_id));
  expect(server.requests.map((r) => r.query.get("count"))).toEqual([
    "50",
    "20",
    "20",
    "20",
    "20",
    "20",
  ]);
});

it("list drops an item a server repeats on the next page", async () => {
  const pages = [[1, 2, 3], [3, 4, 5], [6], []];
  server.handle((req, res) => {
    const page = pages[Number(req.query.get("page")) - 1] ?? [];
    sendJson(res, 200, { success: true, data: page.map((id) => ({ good_id: id })), meta: [] });
  });
  const ids: number[] = [];
  for await (const p of loc().products.list({ count: 3 })) ids.push(p.good_id!);
  expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
});

it("list fails instead of looping when the server ignores page", async () => {
  server.handle((_req, res) =>
    sendJson(res, 200, { success: true, data: [{ good_id: 1 }, { good_id: 2 }], meta: [] }),
  );
  const ids: number[] = [];
  const walk = async () => {
    for await (const p of loc().products.list({ count: 2 })) ids.push(p.good_id!);
  };
  await expect(walk()).rejects.toBeInstanceOf(AltegioError);
  expect(ids).toEqual([1, 2]);
  expect(server.requests).toHaveLength(2);
});

it("a 409 keeps the server's details and adds the correction_rules hint", async () => {
  server.handle((_req, res) =>
    sendJson(res, 409, {
      success: false,
      data: null,
      meta: { message: "The product already has inventory operations.", conflict: true },
    }),
  );
  const error = (await loc()
    .products.update(7, { title: "T", category_id: 1, sale_unit_id: 2, service_unit_id: 3 })
    .catch((e: unknown) => e)) as AltegioConflictError;
  expect(error).toBeInstanceOf(AltegioConflictError);
  expect(error.message).toMatch(
    /^The product already has inventory operations: send `correction_rules`/,
  );
  expect(error.body).toEqual({
    success: false,
    data: null,
    meta: { message: "The product already has inventory operations.", conflict: true },
  });
  expect(error.method).toBe("PUT");
  expect(error.url).toBe(`${server.url}/api/v1/goods/37532/7`);
});
