// Runtime side of the operations check: the real snapshot, the generated document and the
// expected list agree, and no client-owned header parameter survives normalization.
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

describe("operations", () => {
  it("the snapshot holds exactly the expected operations", () => {
    expect(summary(snapshot)).toEqual(expected);
  });

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
