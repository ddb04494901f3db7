// Every success example of the vendor's files must type-check against the generated response types: a field the
// vendor shows that the types do not list (a closed object), a null the types forbid, or a list where they say
// object would otherwise reach users as a compile error on real data.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SPECS } from "../../scripts/lib/specs.js";
import { REPO_ROOT } from "./helpers.js";
import { collectSuccessExamples, typeCheckExamples } from "./example-types.js";

type Example = ReturnType<typeof collectSuccessExamples>[number];
type V2List = { data: { attributes: object }[] };

/** Per spec: how many success examples it has at least, and an example made wrong by a field the types lack. */
const CASES = [
  {
    spec: "v1",
    min: 300,
    path: "/goods/search/{location_id}",
    bad: () => ({ success: true, data: [{ not_a_field: 1 }], meta: [] }),
  },
  {
    spec: "v2",
    min: 25,
    path: "/locations/{location_id}/products",
    bad: (e: Example) => {
      const value = e.value as V2List;
      return { ...value, data: [{ ...value.data[0], attributes: { not_a_field: 1 } }] };
    },
  },
] as const;

describe.each(CASES)("$spec success examples against the generated types", (c) => {
  const module = join(REPO_ROOT, "generated", SPECS[c.spec].types.replace(/\.ts$/, ""));
  // The generated document is large: parsed once per spec, on first use.
  let parsed: Promise<Example[]> | undefined;
  const examples = () =>
    (parsed ??= readFile(join(REPO_ROOT, "generated", SPECS[c.spec].document), "utf8").then(
      (text) => collectSuccessExamples(JSON.parse(text) as Record<string, unknown>),
    ));

  it("covers the success examples of the spec", async () => {
    expect((await examples()).length).toBeGreaterThanOrEqual(c.min);
  });

  it("every one type-checks", async () => {
    const failures = typeCheckExamples(await examples(), module);
    expect(Object.fromEntries(failures)).toEqual({});
  }, 120_000);

  it("a closed object is caught", async () => {
    const [first] = (await examples()).filter((e) => e.path === c.path && e.method === "get");
    const failures = typeCheckExamples([{ ...first!, value: c.bad(first!) }], module);
    expect([...failures.values()].join()).toMatch(/not_a_field/);
  }, 120_000);
});
