import { afterEach, beforeEach, expect, it } from "vitest";
import { createAltegioClient } from "../../src/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer((_req, res) =>
    sendJson(res, 200, { success: true, data: [], meta: [] }),
  );
});
afterEach(() => server.close());

it("fills location_id into scoped raw calls and keeps the other params", async () => {
  const altegio = createAltegioClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
  });
  const loc = altegio.location(37532);
  expect(loc.id).toBe(37532);
  const { data, response } = await loc.raw.GET("/storages/{location_id}");
  expect(response.status).toBe(200);
  expect(data).toEqual({ success: true, data: [], meta: [] });
  await loc.raw.GET("/goods/{location_id}/{product_id}", { params: { path: { product_id: 5 } } });
  await loc.raw.GET("/goods_categories/multiple/{location_id}", {
    params: { query: { "ids[]": [3, 4] } },
  });
  expect(server.requests.map((r) => decodeURIComponent(r.url))).toEqual([
    "/api/v1/storages/37532",
    "/api/v1/goods/37532/5",
    "/api/v1/goods_categories/multiple/37532?ids[]=3&ids[]=4",
  ]);
});

it("keeps raw's openapi-fetch contract: HTTP errors come back as { error, response }", async () => {
  server.handle((_req, res) => sendJson(res, 404, { success: false, data: null, meta: {} }));
  const altegio = createAltegioClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
    maxRetries: 0,
  });
  const { data, error, response } = await altegio.raw.GET("/company/{location_id}", {
    params: { path: { location_id: 9 } },
  });
  expect(data).toBeUndefined();
  expect(error).toEqual({ success: false, data: null, meta: {} });
  expect(response.status).toBe(404);
});
