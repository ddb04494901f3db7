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
