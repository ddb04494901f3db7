// The one place that locates the OpenAPI description the mock validates against.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A parsed OpenAPI document (only the parts the validator reads are typed loosely). */
export type OpenApiDocument = Record<string, unknown>;

/** The two descriptions the mock serves: v1 under /api/v1, v2 under /api/v2. */
export type SpecVersion = "v1" | "v2";

const specFile = (version: SpecVersion) => `b2b-${version}.openapi.json`;

// Tried in order, relative to this module. The build bundles this file into
// dist/mock/index.{js,cjs} and copies the specs next to it; from source (tsx / vitest) they sit in
// generated/.
const candidates = (file: string) => [`./${file}`, `../../generated/${file}`];

// The CJS bundle has no real `import.meta`; its module wrapper's __filename is exact (tsup's shim
// for `import.meta.url` mangles paths containing `#` or `%`). ESM (source or dist) uses
// import.meta.url.
const moduleUrl = typeof __filename === "string" ? pathToFileURL(__filename).href : import.meta.url;

const cached = new Map<SpecVersion, OpenApiDocument>();

/** Finds the spec JSON on disk; throws with every path tried when it is missing. */
export function specPath(version: SpecVersion = "v1"): string {
  const file = specFile(version);
  const tried = candidates(file).map((candidate) => fileURLToPath(new URL(candidate, moduleUrl)));
  const found = tried.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`altegio-b2b/mock: ${file} not found (looked in ${tried.join(", ")})`);
  }
  return found;
}

/** Reads `b2b-v1.openapi.json` (or v2's; overlay applied, normalized) once and caches it. */
export function loadSpec(version: SpecVersion = "v1"): OpenApiDocument {
  let doc = cached.get(version);
  if (!doc) {
    doc = JSON.parse(readFileSync(specPath(version), "utf8")) as OpenApiDocument;
    cached.set(version, doc);
  }
  return doc;
}
