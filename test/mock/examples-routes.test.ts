// Operations without a stateful route answer with their documented example, after the same auth, validation
// and location checks as every other call.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAltegioClient } from "../../src/index.js";
import {
  DEFAULT_CREDENTIALS as C,
  startMockServer,
  type MockServer,
} from "../../src/mock/index.js";
import { sampleValue } from "../../src/mock/sample.js";
import { STATEFUL_ROUTES, V2_STATEFUL_ROUTES } from "../../src/mock/server.js";
import { resolve, validateValue } from "../../src/mock/validate.js";
import { call, PARTNER_AUTH } from "./helpers.js";

type Json = Record<string, any>;

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

// v1 and v2 alike: the v2 paths answer under /api/v2 with v2's documented examples.
for (const [version, routes, min] of [
  ["v1", STATEFUL_ROUTES, 200],
  ["v2", V2_STATEFUL_ROUTES, 30],
] as const) {
  const spec = JSON.parse(
    readFileSync(new URL(`../../generated/b2b-${version}.openapi.json`, import.meta.url), "utf8"),
  ) as Json;
  const deref = (value: unknown): Json => resolve(spec, value);
  const base = () => (version === "v1" ? server.url : server.v2Url);

  const stateful = new Set(routes.map((r) => `${r.method} ${r.template}`));
  const cases = Object.entries(spec["paths"] as Json).flatMap(([template, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => !stateful.has(`${method.toUpperCase()} ${template}`))
      .map(([method, operation]) => ({
        template,
        method: method.toUpperCase(),
        operation: operation as Json,
      })),
  );

  /** The concrete request for an operation: documented examples, or sampled values where the page gives none. */
  function requestFor(template: string, operation: Json) {
    const parameters = (operation["parameters"] ?? []).map(deref) as Json[];
    const valueOf = (p: Json) => p["example"] ?? sampleValue(spec, p["schema"]);
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (name === "location_id" || name === "company_id") return "101";
      const parameter = parameters.find((p) => p["in"] === "path" && p["name"] === name);
      return encodeURIComponent(String(parameter ? (valueOf(parameter) ?? 1) : 1));
    });
    const query = new URLSearchParams();
    for (const p of parameters.filter((p) => p["in"] === "query" && p["required"])) {
      const value = valueOf(p);
      for (const v of Array.isArray(value) ? value : [value]) query.append(p["name"], String(v));
    }
    const content = deref(operation["requestBody"] ?? {})["content"] ?? {};
    const media = content["application/json"] ?? content["*/*"];
    const body =
      media && ("example" in media ? media["example"] : sampleValue(spec, media["schema"]));
    return { path: query.size ? `${path}?${query}` : path, body };
  }

  /** Lowest documented 2xx status with its JSON media (when it has one). */
  function documented(operation: Json): { status: number; media: Json | undefined } {
    const status = Object.keys(operation["responses"])
      .filter((s) => /^2/.test(s))
      .sort()[0]!;
    return {
      status: Number(status),
      media: deref(operation["responses"][status])["content"]?.["application/json"],
    };
  }

  describe(`${version}: documented answers for the operations the mock keeps no state for`, () => {
    it("covers everything the stateful routes leave out", () => {
      expect(cases.length).toBeGreaterThan(min);
      expect(cases.length + stateful.size).toBe(
        Object.values(spec["paths"] as Json).reduce((n, item) => n + Object.keys(item).length, 0),
      );
    });

    it.each(cases.map((c) => [`${c.method} ${c.template}`, c] as const))(
      "%s",
      async (_, { template, method, operation }) => {
        const request = requestFor(template, operation);
        const answer = await call(server, method, request.path, {
          body: request.body,
          base: base(),
        });
        const { status, media } = documented(operation);
        expect(answer.status, JSON.stringify(answer.body)).toBe(status);
        if (status === 204 || !media) expect(answer.body).toBeUndefined();
        else if ("example" in media) expect(answer.body).toEqual(media["example"]);
        else
          expect(
            validateValue(spec, media["schema"], answer.body),
            JSON.stringify(answer.body),
          ).toEqual([]);
      },
    );
  });
}

describe("example routes", () => {
  it("still checks the tokens and the location like every other call", async () => {
    const path = "/staff/101";
    expect((await call(server, "GET", path, { auth: PARTNER_AUTH })).status).toBe(401);
    expect((await call(server, "GET", "/staff/999")).status).toBe(404);
    expect((await call(server, "GET", path)).status).toBe(200);
  });

  it("is reachable through the typed raw client of a location", async () => {
    const altegio = createAltegioClient({
      baseUrl: server.url,
      partnerToken: C.partnerToken,
      userToken: C.userToken,
      rateLimit: false,
    });
    server.requests.length = 0;
    const { data, response } = await altegio.location(101).raw.GET("/staff/{location_id}");
    expect(response.status).toBe(200);
    expect(data?.success).toBe(true);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/staff/101"]);
  });
});
