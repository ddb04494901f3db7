// Every success example of the vendor's file must type-check against the generated response types: a field the
// vendor shows that the types do not list (a closed object), a null the types forbid, or a list where they say
// object would otherwise reach users as a compile error on real data.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";
import { collectSuccessExamples, typeCheckExamples } from "./example-types.js";

const read = async (file: string) =>
  JSON.parse(await readFile(join(REPO_ROOT, "generated", file), "utf8")) as Record<string, unknown>;
const doc = await read("b2b-v1.openapi.json");
const docV2 = await read("b2b-v2.openapi.json");

describe("v2 success examples against the generated v2 types", () => {
  const examples = collectSuccessExamples(docV2);

  it("covers the success examples of the v2 spec", () => {
    expect(examples.length).toBeGreaterThanOrEqual(25);
  });

  it("every one type-checks", () => {
    const failures = typeCheckExamples(examples, join(REPO_ROOT, "generated", "b2b-v2"));
    expect(Object.fromEntries(failures)).toEqual({});
  }, 120_000);

  it("a field v2 does not list is caught", () => {
    const [first] = examples.filter((e) => e.path === "/locations/{location_id}/products");
    const value = first!.value as { data: { attributes: object }[] };
    const bad = {
      ...first!,
      value: { ...value, data: [{ ...value.data[0], attributes: { not_a_field: 1 } }] },
    };
    const failures = typeCheckExamples([bad], join(REPO_ROOT, "generated", "b2b-v2"));
    expect([...failures.values()].join()).toMatch(/not_a_field/);
  }, 120_000);
});

describe("success examples against the generated types", () => {
  const examples = collectSuccessExamples(doc);

  it("covers the success examples of the spec", () => {
    expect(examples.length).toBeGreaterThan(300);
  });

  it("every one type-checks", () => {
    const failures = typeCheckExamples(examples, join(REPO_ROOT, "generated", "b2b-v1"));
    expect(Object.fromEntries(failures)).toEqual({});
  }, 120_000);

  it("a closed object is caught", () => {
    const [first] = examples.filter(
      (e) => e.path === "/goods/search/{location_id}" && e.method === "get",
    );
    const bad = { ...first!, value: { success: true, data: [{ not_a_field: 1 }], meta: [] } };
    const failures = typeCheckExamples([bad], join(REPO_ROOT, "generated", "b2b-v1"));
    expect([...failures.values()].join()).toMatch(/not_a_field/);
  }, 120_000);
});
