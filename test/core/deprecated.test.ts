import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { deprecatedLookalikes, deprecatedOperations } from "../../src/internal/deprecated.js";
import { deprecatedTemplate } from "../../src/internal/auth.js";
import { operationMatcher, type OperationRef } from "../../src/internal/operations.js";

const spec = JSON.parse(
  readFileSync(new URL("../../generated/b2b-v1.openapi.json", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, { deprecated?: boolean } | unknown>> };

const HTTP = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);
const operations = Object.entries(spec.paths).flatMap(([template, item]) =>
  Object.entries(item)
    .filter(([method]) => HTTP.has(method))
    .map(([method, op]) => ({
      ref: [method.toUpperCase(), template] as OperationRef,
      deprecated: (op as { deprecated?: boolean }).deprecated === true,
      path: template.replace(/\{[^}]+\}/g, "123"),
    })),
);
const show = (refs: readonly OperationRef[]) =>
  refs.map(([m, t]) => `  ["${m}", "${t}"],`).join("\n");
const sorted = (refs: readonly OperationRef[]) => refs.map((r) => r.join(" ")).sort();

// The warning for deprecated operations follows the spec: a pulled spec that deprecates (or revives) an operation
// fails here, with the lists to paste into src/internal/deprecated.ts.
it("lists exactly the operations the spec marks deprecated", () => {
  const expected = operations.filter((o) => o.deprecated).map((o) => o.ref);
  expect(
    sorted(deprecatedOperations),
    `deprecatedOperations should be:\n${show(expected)}`,
  ).toEqual(sorted(expected));
});

it("lists exactly the current operations a deprecated template would swallow", () => {
  const bare = operationMatcher(deprecatedOperations);
  const expected = operations
    .filter((o) => !o.deprecated && bare(o.ref[0], o.path) !== undefined)
    .map((o) => o.ref);
  expect(
    sorted(deprecatedLookalikes),
    `deprecatedLookalikes should be:\n${show(expected)}`,
  ).toEqual(sorted(expected));
});

it("recognises every operation of the spec as deprecated or not", () => {
  const isDeprecated = operationMatcher(deprecatedOperations, deprecatedLookalikes);
  for (const { ref, deprecated, path } of operations) {
    const matched = isDeprecated(ref[0], path);
    expect(matched, ref.join(" ")).toBe(deprecated ? ref[1] : undefined);
    // The auth layer's one lookup per call (partner level and deprecation together) must say the same.
    expect(deprecatedTemplate(ref[0], path), ref.join(" ")).toBe(matched);
  }
  expect(isDeprecated("GET", "/goods_categories/101/7")).toBe(
    "/goods_categories/{location_id}/{category_id}",
  );
  expect(isDeprecated("GET", "/goods_categories/multiple/101")).toBeUndefined();
  expect(isDeprecated("GET", "/goods_categories//7")).toBeUndefined();
  expect(isDeprecated("PUT", "/goods_categories/101/7")).toBeUndefined();
});
