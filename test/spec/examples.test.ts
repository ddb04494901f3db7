// Every example in the overlay-applied document (the real snapshot + overlay) must satisfy its
// schema: examples feed the mock server and the docs, so a wrong one misleads everyone.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../../scripts/generate.js";
import { collectExamples, makeExampleValidator } from "./example-cases.js";
import { FIXTURES } from "./helpers.js";
import { SPEC_NAMES } from "../../scripts/lib/specs.js";

for (const spec of SPEC_NAMES) {
  const { document } = await buildDocument({ spec });
  const cases = collectExamples(document);
  const check = makeExampleValidator(document);

  describe(`examples in the overlay-applied ${spec} snapshot`, () => {
    it("has examples to check", () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    it.each(cases.map((c) => [c.where, c] as const))("%s", (_where, c) => {
      const error = check(c);
      expect(error, `example at ${c.where} does not match ${c.schemaPointer}`).toBeUndefined();
    });
  });
}

describe("example collector (fixture)", async () => {
  const fixture = await buildDocument({
    specPath: join(FIXTURES, "spec-v1.yaml"),
    overlayPath: join(FIXTURES, "overlay.yaml"),
  });

  it("finds field, parameter and media-type examples, including $ref'd ones", () => {
    const where = collectExamples(fixture.document).map((c) => c.where);
    expect(where).toEqual(
      expect.arrayContaining([
        "/paths/~1goods~1{location_id}/parameters/0 example",
        "/paths/~1goods~1{location_id}/get/parameters/0 examples.first",
        "/paths/~1goods~1{location_id}/get/responses/200/content/application~1json examples.one",
        "/paths/~1auth/post/requestBody/content/application~1json example",
        "/paths/~1auth/post/requestBody/content/application~1json/schema/properties/login example",
        "/components/schemas/Product/properties/good_id example",
        "/components/schemas/Product/properties/category_id examples[1]",
      ]),
    );
    const validate = makeExampleValidator(fixture.document);
    for (const c of collectExamples(fixture.document)) expect(validate(c), c.where).toBeUndefined();
  });

  it("reports an example that contradicts its schema", () => {
    const validate = makeExampleValidator(fixture.document);
    const error = validate({
      where: "test",
      value: { success: true, data: [{ good_id: "123" }] },
      schemaPointer:
        "/paths/~1goods~1{location_id}/get/responses/200/content/application~1json/schema",
    });
    expect(error).toMatch(/good_id must be integer/);
  });
});
