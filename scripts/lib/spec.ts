// Small helpers shared by the spec scripts and their tests: parsing, validation, operation listing,
// canonical JSON, hashing and atomic writes.
import { createHash, randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";

export type JsonObject = Record<string, unknown>;

/** HTTP methods an OpenAPI path item may hold, in the order the spec lists them. */
export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

export interface OperationInfo {
  /** `METHOD /path`, the identity used when comparing snapshots. */
  key: string;
  method: string;
  path: string;
  operationId: string | undefined;
  /** Canonical JSON of the operation (plus its path-level parameters, which apply to it). */
  canonical: string;
}

export interface OperationDiff {
  added: OperationInfo[];
  removed: OperationInfo[];
  changed: OperationInfo[];
}

/** Thrown for a document that is not an OpenAPI 3.x description; the message is one line. */
export class InvalidSpecError extends Error {
  override name = "InvalidSpecError";
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** True when the text looks like an HTML page (an error or login page served with status 200). */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
}

/** Parses YAML or JSON text and checks it is an OpenAPI 3.x document with a non-empty `paths`. */
export function parseSpecText(text: string): JsonObject {
  if (looksLikeHtml(text)) throw new InvalidSpecError("got an HTML page, not an OpenAPI document");
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    throw new InvalidSpecError(`not valid YAML/JSON: ${first}`);
  }
  validateSpec(doc);
  return doc;
}

export function validateSpec(doc: unknown): asserts doc is JsonObject {
  if (!isObject(doc)) throw new InvalidSpecError("document is not a YAML/JSON object");
  const version = doc["openapi"];
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?/.test(version)) {
    throw new InvalidSpecError(`"openapi" is ${JSON.stringify(version)}, expected a 3.x version`);
  }
  const paths = doc["paths"];
  if (!isObject(paths) || Object.keys(paths).length === 0) {
    throw new InvalidSpecError('"paths" is missing or empty');
  }
}

/** Recursively sorts object keys so semantically equal values serialize identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** Every operation of `doc` with its path item, in document order. */
export function* eachOperation(
  doc: JsonObject,
): Generator<{ path: string; method: string; item: JsonObject; op: JsonObject }> {
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) yield { path, method, item, op };
    }
  }
}

/** One token of a JSON pointer in a `$ref`: URI-decoded, then `~1` -> `/` and `~0` -> `~`. */
export function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The node a local `$ref` ("#/a/b~1c") points at, or undefined. */
export function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const token = decodePointerToken(raw);
    node = isObject(node) ? node[token] : undefined;
  }
  return node;
}

export function listOperations(doc: JsonObject): OperationInfo[] {
  return [...eachOperation(doc)].map(({ path, method, item, op }) => ({
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    operationId: typeof op["operationId"] === "string" ? op["operationId"] : undefined,
    canonical: canonicalJson({ pathParameters: item["parameters"] ?? null, operation: op }),
  }));
}

export function diffOperations(before: OperationInfo[], after: OperationInfo[]): OperationDiff {
  const old = new Map(before.map((op) => [op.key, op]));
  const now = new Map(after.map((op) => [op.key, op]));
  return {
    added: after.filter((op) => !old.has(op.key)),
    removed: before.filter((op) => !now.has(op.key)),
    changed: after.filter((op) => old.has(op.key) && old.get(op.key)?.canonical !== op.canonical),
  };
}

/** Writes via a temp file in the same directory plus rename, so readers never see half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
