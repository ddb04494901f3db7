// The one place that locates the OpenAPI description the mock validates against (packaging may move it).
import { readFileSync } from "node:fs";

/** A parsed OpenAPI document (only the parts the validator reads are typed loosely). */
export type OpenApiDocument = Record<string, unknown>;

let cached: OpenApiDocument | undefined;

/** Reads `generated/b2b-v1.openapi.json` (overlay applied, normalized) once and caches it. */
export function loadSpec(): OpenApiDocument {
  cached ??= JSON.parse(
    readFileSync(new URL("../../generated/b2b-v1.openapi.json", import.meta.url), "utf8"),
  ) as OpenApiDocument;
  return cached;
}
