// The snapshot is the vendor's own OpenAPI file: its facts exactly, our prose. These tests pull the verbatim file
// from a server on 127.0.0.1 the way the weekly drift job does, and prove it drops in: the same snapshot, the same
// types, the same operations. They read the vendor file from the shared reference folder beside the checkout (CI
// has it), for v1 and v2 alike; without it they are skipped, and the lock's sha256 still names the file the snapshot came from.
import { existsSync } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocument, renderTypes } from "../../scripts/generate.js";
import {
  factsOf,
  PROSE_KEYS,
  unwalkedProse,
  walkProse,
  wordingMatcher,
} from "../../scripts/lib/prose.js";
import { listOperations, parseSpecText, sha256, type JsonObject } from "../../scripts/lib/spec.js";
import { pullSpec, type SpecLockFile } from "../../scripts/pull-spec.js";
import { SPECS } from "../../scripts/lib/specs.js";
import { makeTempDir, REPO_ROOT, startServer, type TestServer } from "./helpers.js";

const REFERENCE = join(REPO_ROOT, "..", "shared", "reference");
const lockFile = JSON.parse(
  await readFile(join(REPO_ROOT, "openapi", "spec-lock.json"), "utf8"),
) as SpecLockFile;

/** Each spec: the verbatim vendor file, its operation count and how many it marks deprecated. */
const CASES = [
  {
    spec: "v1",
    vendor: join(REFERENCE, "altegio-b2b-v1", "vendor", "openapi.yaml"),
    ops: 260,
    deprecated: 16,
  },
  { spec: "v2", vendor: join(REFERENCE, "altegio-b2b-v2", "openapi.yaml"), ops: 42, deprecated: 0 },
] as const;

/** The source with every comment dropped: types compared "JSDoc aside". */
function withoutComments(source: string): string {
  const file = ts.createSourceFile("types.ts", source, ts.ScriptTarget.Latest);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

function proseStrings(doc: JsonObject): string[] {
  const out: string[] = [];
  walkProse(doc, (node) => {
    for (const k of PROSE_KEYS) {
      if (typeof node[k] === "string" && !(k === "title" && node === doc["info"])) {
        out.push(node[k]);
      }
    }
  });
  return out;
}

/** `METHOD /path` of every operation marked deprecated. */
const deprecated = (doc: JsonObject) =>
  listOperations(doc)
    .filter((op) => (JSON.parse(op.canonical) as { operation: JsonObject }).operation["deprecated"])
    .map((op) => op.key);

/** `METHOD /path` of every operation whose generated `paths` entry carries a @deprecated tag. */
function deprecatedInTypes(source: string): string[] {
  const file = ts.createSourceFile("types.ts", source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  file.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "paths") return;
    for (const path of node.members) {
      if (!ts.isPropertySignature(path) || !path.type || !ts.isTypeLiteralNode(path.type)) continue;
      const template = (path.name as ts.StringLiteral).text;
      for (const op of path.type.members) {
        if (ts.getJSDocTags(op).some((tag) => tag.tagName.text === "deprecated")) {
          out.push(`${(op.name as ts.Identifier).text.toUpperCase()} ${template}`);
        }
      }
    }
  });
  return out.sort();
}

describe.each(CASES)("$spec", ({ spec, vendor: VENDOR, ops, deprecated: deprecations }) => {
  const SNAPSHOT = join(REPO_ROOT, "openapi", SPECS[spec].snapshot);
  const TYPES = join(REPO_ROOT, "generated", SPECS[spec].types);
  const hasVendor = existsSync(VENDOR);
  const lock = lockFile[spec]!;
  let snapshotText: string;
  let snapshot: JsonObject;
  beforeAll(async () => {
    snapshotText = await readFile(SNAPSHOT, "utf8");
    snapshot = parseSpecText(snapshotText);
  });

  describe("generated types", () => {
    it("have no closed object type (Record<string, never>)", async () => {
      expect(await readFile(TYPES, "utf8")).not.toContain("Record<string, never>");
    });

    it("mark every deprecated operation @deprecated, naming what replaces it", async () => {
      const document = JSON.parse(
        await readFile(join(REPO_ROOT, "generated", SPECS[spec].document), "utf8"),
      ) as JsonObject;
      const marked = deprecated(document).sort();
      expect(marked).toHaveLength(deprecations);
      expect(deprecatedInTypes(await readFile(TYPES, "utf8"))).toEqual(marked);
      for (const op of listOperations(snapshot)) {
        const operation = (JSON.parse(op.canonical) as { operation: JsonObject }).operation;
        if (operation["deprecated"])
          expect(String(operation["summary"]), op.key).toMatch(/Deprecated/);
      }
    });
  });

  describe.skipIf(!hasVendor)("the vendor's verbatim file", () => {
    let vendorText: string;
    let vendor: JsonObject;
    let server: TestServer;
    beforeAll(async () => {
      vendorText = await readFile(VENDOR, "utf8");
      vendor = parseSpecText(vendorText);
      server = await startServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/yaml" });
        res.end(vendorText);
      });
    });
    afterAll(() => server.close());

    it("is the file the lock names", () => {
      expect(sha256(vendorText)).toBe(lock.sha256);
      expect(sha256(snapshotText)).toBe(lock.snapshotSha256);
    });

    it("pulled from 127.0.0.1 onto the committed snapshot, reproduces it byte for byte", async () => {
      const { dir, cleanup } = await makeTempDir("dropin");
      try {
        await copyFile(SNAPSHOT, join(dir, SPECS[spec].snapshot));
        const lines: string[] = [];
        const result = await pullSpec({
          spec,
          url: server.url,
          outDir: dir,
          log: (l) => lines.push(l),
        });
        expect(await readFile(join(dir, SPECS[spec].snapshot), "utf8")).toBe(snapshotText);
        expect(result.diff).toEqual({ added: [], removed: [], changed: [] });
        // …so generating from it gives the committed types exactly (the header names the file it was read from).
        const types = await renderTypes(
          await buildDocument({ spec, specPath: join(dir, SPECS[spec].snapshot) }),
        );
        const body = (text: string) => text.slice(text.indexOf(" */") + 3);
        expect(body(types)).toBe(body(await readFile(TYPES, "utf8")));
      } finally {
        await cleanup();
      }
    }, 120_000);

    it("generated as it is, gives the committed types (JSDoc aside)", async () => {
      const built = await buildDocument({ spec, specPath: VENDOR });
      const types = await renderTypes(built);
      expect(withoutComments(types)).toBe(withoutComments(await readFile(TYPES, "utf8")));
    }, 120_000);

    it("has exactly the snapshot's facts: paths, operations, parameters, schemas, examples", () => {
      expect(factsOf(snapshot)).toEqual(factsOf(vendor));
      expect(listOperations(vendor)).toHaveLength(ops);
      expect(deprecated(vendor)).toEqual(deprecated(snapshot));
    });

    it("lends the snapshot none of its wording", () => {
      // The walker must reach every place prose stands, or both the stripping and this check would miss it.
      expect(unwalkedProse(vendor)).toEqual([]);
      expect(unwalkedProse(snapshot)).toEqual([]);
      const repeats = wordingMatcher(proseStrings(vendor));
      expect(proseStrings(snapshot).filter(repeats)).toEqual([]);
    });
  });
});

describe("the prose walker", () => {
  it("reports prose in a place it does not know", () => {
    const doc = parseSpecText(
      [
        "openapi: 3.1.0",
        "info: { title: T, version: '1' }",
        "externalDocs: { description: Somewhere else, url: 'https://example.invalid' }",
        "paths:",
        "  /a:",
        "    get:",
        "      summary: Known place",
        "      responses:",
        "        '200':",
        "          content:",
        "            application/json:",
        "              examples:",
        "                one: { summary: Also known, value: { description: data, not prose } }",
      ].join("\n"),
    );
    expect(unwalkedProse(doc)).toEqual(["/externalDocs/description"]);
  });
});
