// Runtime side of the operations check: the real snapshot, the generated document and the
// expected list agree, and no client-owned header parameter survives normalization.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../../scripts/generate.js";
import { isClientOwnedHeader } from "../../scripts/lib/normalize.js";
import { isObject, listOperations, parseSpecText } from "../../scripts/lib/spec.js";
import { EXPECTED_OPERATIONS } from "./expected-operations.js";
import { REPO_ROOT } from "./helpers.js";

const snapshot = parseSpecText(await readFile(join(REPO_ROOT, "openapi", "b2b-v1.yaml"), "utf8"));
const generatedDoc = JSON.parse(
  await readFile(join(REPO_ROOT, "generated", "b2b-v1.openapi.json"), "utf8"),
) as Record<string, unknown>;
const summary = (doc: Record<string, unknown>) =>
  listOperations(doc)
    .map((op) => `${op.operationId} ${op.key}`)
    .sort();
const expected = EXPECTED_OPERATIONS.map(
  (op) => `${op.operationId} ${op.method.toUpperCase()} ${op.path}`,
).sort();

// The vendor reference's operation index (a byte-for-byte copy, so a clean clone can check against it).
const REFERENCE_INDEX = join(REPO_ROOT, "test", "fixtures", "reference", "INDEX.md");
// Where the reference lives on a workstation; absent on CI machines.
const SHARED_INDEX = join(REPO_ROOT, "..", "shared", "reference", "altegio-b2b-v1", "INDEX.md");

/** `slug METHOD /path` for every table row of INDEX.md. */
function indexRows(text: string): string[] {
  const row = /^\| [^|]+ \| `([^`]+)` \| (\w+) \| `([^`]+)` \| (?:yes|—) \|$/;
  return text
    .split("\n")
    .map((line) => row.exec(line))
    .filter((m) => m !== null)
    .map((m) => `${m[1]} ${m[2]!.toUpperCase()} ${m[3]}`);
}
const reference = indexRows(await readFile(REFERENCE_INDEX, "utf8"));

describe("operations", () => {
  it("the snapshot holds exactly INDEX.md's operations (slug, method, path)", () => {
    expect(reference).toHaveLength(260);
    expect(summary(snapshot)).toEqual([...reference].sort());
  });

  it("the expected list is INDEX.md's, in its order", () => {
    expect(
      EXPECTED_OPERATIONS.map((op) => `${op.operationId} ${op.method.toUpperCase()} ${op.path}`),
    ).toEqual(reference);
    expect(summary(snapshot)).toEqual(expected);
  });

  it.skipIf(!existsSync(SHARED_INDEX))(
    "the committed INDEX.md copy matches the shared reference",
    async () => {
      expect(await readFile(REFERENCE_INDEX, "utf8")).toBe(await readFile(SHARED_INDEX, "utf8"));
    },
  );

  it("operationIds are unique", () => {
    const ids = listOperations(snapshot).map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the generated document keeps every snapshot operation", () => {
    expect(summary(generatedDoc)).toEqual(summary(snapshot));
  });

  it("no Accept / Content-Type / Authorization header parameter is left", async () => {
    const { document } = await buildDocument();
    for (const doc of [document, generatedDoc]) {
      const left: string[] = [];
      const paths = doc["paths"] as Record<string, Record<string, unknown>>;
      for (const [path, item] of Object.entries(paths)) {
        for (const owner of [item, ...Object.values(item)]) {
          if (!isObject(owner) || !Array.isArray(owner["parameters"])) continue;
          for (const p of owner["parameters"]) {
            if (isClientOwnedHeader(doc, p)) left.push(`${path}: ${JSON.stringify(p)}`);
          }
        }
      }
      expect(left).toEqual([]);
    }
  });
});
