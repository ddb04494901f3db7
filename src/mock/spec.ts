// The one place that locates the OpenAPI description the mock validates against.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A parsed OpenAPI document (only the parts the validator reads are typed loosely). */
export type OpenApiDocument = Record<string, unknown>;

const SPEC_FILE = "b2b-v1.openapi.json";

// Tried in order, relative to this module. The build bundles this file into
// dist/mock/index.{js,cjs} and copies the spec next to it; from source (tsx / vitest) it sits in
// generated/.
const CANDIDATES = [`./${SPEC_FILE}`, `../../generated/${SPEC_FILE}`];

// The CJS bundle has no real `import.meta`; its module wrapper's __filename is exact (tsup's shim
// for `import.meta.url` mangles paths containing `#` or `%`). ESM (source or dist) uses
// import.meta.url.
const moduleUrl = typeof __filename === "string" ? pathToFileURL(__filename).href : import.meta.url;

let cached: OpenApiDocument | undefined;

/** Finds the spec JSON on disk; throws with every path tried when it is missing. */
export function specPath(): string {
  const tried = CANDIDATES.map((candidate) => fileURLToPath(new URL(candidate, moduleUrl)));
  const found = tried.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`altegio-b2b/mock: ${SPEC_FILE} not found (looked in ${tried.join(", ")})`);
  }
  return found;
}

/** Reads `b2b-v1.openapi.json` (overlay applied, normalized) once and caches it. */
export function loadSpec(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(specPath(), "utf8")) as OpenApiDocument;
  return cached;
}
