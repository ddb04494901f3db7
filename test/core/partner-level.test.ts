import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { authLevel } from "../../src/internal/auth.js";

interface Operation {
  security?: Record<string, unknown>[];
}
const spec = JSON.parse(
  readFileSync(new URL("../../generated/b2b-v1.openapi.json", import.meta.url), "utf8"),
) as { security?: Record<string, unknown>[]; paths: Record<string, Record<string, Operation>> };

// The client decides which calls may go out with the partner token alone; that decision must follow the spec's
// security requirements, so a new partner-level operation in a pulled spec fails here until the table learns it.
it("treats exactly the operations the spec allows with BearerPartner alone as partner-level", () => {
  for (const [template, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const security = operation.security ?? spec.security ?? [];
      const partnerOnly = security.some((alt) => Object.keys(alt).join() === "BearerPartner");
      const path = template.replace(/\{[^}]+\}/g, "123");
      const level = authLevel(method.toUpperCase(), path);
      const expected =
        method === "post" && template === "/auth" ? "login" : partnerOnly ? "partner" : "user";
      expect(level, `${method.toUpperCase()} ${template}`).toBe(expected);
    }
  }
});

// v2 is classified apart: the v1 table would take v2 paths for v1 ones. Every v2 operation asks for both tokens.
it("treats every v2 operation as user-level, as the v2 spec's security says", () => {
  const v2 = JSON.parse(
    readFileSync(new URL("../../generated/b2b-v2.openapi.json", import.meta.url), "utf8"),
  ) as typeof spec;
  let count = 0;
  for (const [template, operations] of Object.entries(v2.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const security = operation.security ?? v2.security ?? [];
      expect(security.map((alt) => Object.keys(alt).join())).toEqual(["BearerPartnerUser"]);
      const path = template.replace(/\{[^}]+\}/g, "123");
      expect(authLevel(method.toUpperCase(), path, "v2"), `${method} ${template}`).toBe("user");
      count++;
    }
  }
  expect(count).toBe(42);
  // The same method and path in v1 would be classified by the v1 table.
  expect(authLevel("POST", "/auth", "v2")).toBe("user");
});
