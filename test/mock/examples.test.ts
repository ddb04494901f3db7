// Every JSON example answer of an operation the mock keeps state for must be one the mock can produce: same shape,
// same kinds. (The other operations answer with the examples themselves; examples-routes.test.ts checks those.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startMockServer, type MockServer, type MockServerOptions } from "../../src/mock/index.js";
import { STATEFUL_ROUTES } from "../../src/mock/server.js";
import { call, PARTNER_AUTH, productBody, USER_AUTH } from "./helpers.js";
import { flatten, shapeDiff } from "./shape.js";

type Json = Record<string, unknown>;
const doc = JSON.parse(
  readFileSync(new URL("../../generated/b2b-v1.openapi.json", import.meta.url), "utf8"),
) as Json;

interface Request {
  method: string;
  path: string;
  body?: unknown;
  auth?: string | null;
}
interface Loc {
  id: number;
  product: number;
  category: number;
}
const OWN: Loc = { id: 101, product: 402, category: 302 };
const FOREIGN: Loc = { id: 103, product: 406, category: 305 };

/** A request that succeeds for an accessible location; 401 and 403 cases are derived from it. */
const success: Record<string, (l: Loc) => Request> = {
  authorize_user: () => ({
    method: "POST",
    path: "/auth",
    auth: PARTNER_AUTH,
    body: { login: "manager@example.com", password: "mock-password" },
  }),
  get_location_list: () => ({ method: "GET", path: "/companies?forBooking=1", auth: PARTNER_AUTH }),
  get_location: (l) => ({
    method: "GET",
    path: `/company/${l.id}?forBooking=1&show_groups=1&showBookforms=1&bookform_id=1&my=1`,
  }),
  get_location_users: (l) => ({ method: "GET", path: `/company/${l.id}/users` }),
  get_location_inventories: (l) => ({ method: "GET", path: `/storages/${l.id}` }),
  search_product: (l) => ({ method: "GET", path: `/goods/search/${l.id}` }),
  get_products_list: (l) => ({ method: "GET", path: `/goods/${l.id}` }),
  get_product: (l) => ({ method: "GET", path: `/goods/${l.id}/401` }),
  create_product: (l) => ({
    method: "POST",
    path: `/goods/${l.id}`,
    body: productBody({ category_id: l.category }),
  }),
  update_product: (l) => ({
    method: "PUT",
    path: `/goods/${l.id}/${l.product}`,
    body: productBody({ category_id: l.category }),
  }),
  delete_product: (l) => ({ method: "DELETE", path: `/goods/${l.id}/${l.product}` }),
  get_product_category_list: (l) => ({
    method: "GET",
    path: `/company/${l.id}/goods_categories/0`,
  }),
  deprecated_get_product_category_list: (l) => ({
    method: "GET",
    path: `/goods_categories/${l.id}/0`,
  }),
  get_product_category_list_by_ids: (l) => ({
    method: "GET",
    path: `/goods_categories/multiple/${l.id}?ids[]=301&ids[]=303`,
  }),
  get_product_category_composition: (l) => ({
    method: "GET",
    path: `/goods/category_node/${l.id}/301`,
  }),
  create_product_category: (l) => ({
    method: "POST",
    path: `/goods_categories/${l.id}`,
    body: { title: "Manicure", parent_category_id: l.category },
  }),
  update_product_category: (l) => ({
    method: "PUT",
    path: `/goods_categories/${l.id}/${l.category}`,
    body: { title: "Manicure", parent_category_id: 301 },
  }),
  delete_product_category: (l) => ({ method: "DELETE", path: `/goods_categories/${l.id}/390` }),
};

/** Requests for the statuses that are not plain success / 401 / 403. */
const special: Record<string, Request> = {
  "authorize_user 403": {
    method: "POST",
    path: "/auth",
    auth: PARTNER_AUTH,
    body: { login: "blocked@example.com", password: "x" },
  },
  "get_location 404": { method: "GET", path: "/company/999" },
  "update_product 409": {
    method: "PUT",
    path: "/goods/101/401",
    body: productBody({ sale_unit_id: 2 }),
  },
  "update_product 422": { method: "PUT", path: "/goods/101/401", body: { tax_variant: "x" } },
  "create_product 422": { method: "POST", path: "/goods/101", body: { vat_id: "x" } },
};

/**
 * Vendor examples the mock deliberately does not reproduce, with why. Each still validates against the schema (see
 * test/spec), but the real API answers in the other documented form, which the mock follows.
 */
const NOT_REPRODUCED: Record<string, string> = {
  "get_product 200 #1":
    "wraps the product in a list; the schema, its own example and the docs page say object",
  "update_product 200 #1": "wraps the product in a list; the schema's own example is the object",
  "create_product 201 #1": "wraps the product in a list; the schema's own example is the object",
  "get_product_category_list_by_ids 200 #1":
    "shows meta []; the API answers meta { count } (reference README)",
  "deprecated_get_product_category_list 200 #2":
    "the shared schema's own example (the by-ids list's) has meta { count }; this operation's own shows []",
};

/** Fields the mock sends only on request flags it does not set here, or never (documented as optional). */
const OPTIONAL = new Set(["company_photos"]);

function requestFor(operationId: string, status: string): Request | undefined {
  const key = `${operationId} ${status}`;
  if (special[key]) return special[key];
  const base = success[operationId];
  if (!base) return undefined;
  if (/^2/.test(status)) return base(OWN);
  if (status === "401") return { ...base(OWN), auth: "Bearer wrong-partner" };
  if (status === "403") return base(FOREIGN);
  return undefined;
}

const resolve = (value: unknown): Json => flatten(doc, value)[0] ?? {};

interface Case {
  name: string;
  operationId: string;
  status: string;
  example: unknown;
  schema: unknown;
}
const stateful = new Set(STATEFUL_ROUTES.map((r) => `${r.method} ${r.template}`));
const cases: Case[] = [];
for (const [template, item] of Object.entries(doc["paths"] as Record<string, Json>)) {
  for (const [method, op] of Object.entries(item)) {
    const operation = op as Json;
    if (!operation["responses"] || !stateful.has(`${method.toUpperCase()} ${template}`)) continue;
    for (const [status, raw] of Object.entries(operation["responses"] as Json)) {
      const media = (resolve(raw)["content"] as Json | undefined)?.["application/json"] as
        Json | undefined;
      if (!media) continue;
      const bodySchema = resolve(media["schema"]);
      const examples = [
        ...("example" in media ? [media["example"]] : []),
        ...Object.values((media["examples"] as Json | undefined) ?? {}).map(
          (e) => resolve(e)["value"],
        ),
        ...("example" in bodySchema ? [bodySchema["example"]] : []),
      ];
      examples.forEach((example, i) =>
        cases.push({
          name: `${String(operation["operationId"])} ${status}${examples.length > 1 ? ` #${i + 1}` : ""}`,
          operationId: String(operation["operationId"]),
          status,
          example,
          schema: media["schema"],
        }),
      );
    }
  }
}

async function serverFor(c: Case): Promise<MockServer> {
  const options: MockServerOptions = c.status === "200" ? { deleteStatus: 200 } : {};
  const server = await startMockServer(options);
  // An empty category to delete, and a blocked user for the login 403.
  server.state.addCategory({ id: 390, location_id: 101, title: "Empty" });
  server.state.addUser({
    id: 7999,
    login: "blocked@example.com",
    password: "x",
    user_token: "t",
    blocked: true,
  });
  return server;
}

describe("snapshot examples", () => {
  it("finds examples to check", () => {
    expect(cases.length).toBeGreaterThan(15);
    // A quirk listed as not reproduced must still exist in the spec, so the list cannot go stale.
    for (const name of Object.keys(NOT_REPRODUCED)) {
      expect(cases.map((c) => c.name)).toContain(name);
    }
  });

  it("routes every snapshot operation to a handler", async () => {
    const server = await startMockServer({ validate: false });
    try {
      for (const [template, item] of Object.entries(doc["paths"] as Record<string, Json>)) {
        for (const method of Object.keys(item).filter((m) =>
          /^(get|put|post|delete|patch)$/.test(m),
        )) {
          await call(server, method.toUpperCase(), template.replace(/\{[^}]+\}/g, "101"), {
            body: method === "get" || method === "delete" ? undefined : {},
          });
          expect(server.requests.at(-1)!.operation).toBe(`${method.toUpperCase()} ${template}`);
        }
      }
    } finally {
      await server.close();
    }
  });

  it.each(cases.filter((c) => !(c.name in NOT_REPRODUCED)))(
    "$name is a shape the mock produces",
    async (c) => {
      const request = requestFor(c.operationId, c.status);
      expect(request, `no request recipe for ${c.name}`).toBeDefined();
      const server = await serverFor(c);
      try {
        const res = await call(server, request!.method, request!.path, {
          body: request!.body,
          auth: request!.auth === undefined ? USER_AUTH : request!.auth,
        });
        expect(res.status).toBe(Number(c.status));
        expect(shapeDiff(doc, c.schema, c.example, res.body, OPTIONAL)).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});
