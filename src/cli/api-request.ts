// `altegio api` input to a checked request. The operations come from the generated OpenAPI document, read through
// the mock's door like the mock itself reads it, so a new or replaced spec needs no change here; the same checks
// the mock applies refuse a bad request before it is sent.
import { AltegioInputError } from "../index.js";
import type { SpecOperation } from "../mock/index.js";

/** What the command line gave. */
export interface ApiInput {
  method: string;
  path: string;
  query: string[];
  fields: string[];
  rawFields: string[];
  /** The parsed `--input` body, when given. */
  body?: unknown;
  paginate: boolean;
  /** The configured location, asked for only when the path has `{location_id}`. */
  location: () => number;
}

/** A request that passed every check. */
export interface ApiRequest {
  method: string;
  /** Concrete path relative to the base URL, without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  operation: SpecOperation;
  /** The page-size query parameter of a paged list (`count`, `limit` or `page_size`), if it has one. */
  pageSizeParam?: string;
  /** The page size to ask for when paginating. */
  pageSize: number;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const PAGE_SIZE_PARAMS = ["count", "limit", "page_size"];
const DEFAULT_PAGE_SIZE = 100;

/** Resolves and checks the request; throws one AltegioInputError listing every problem. */
export async function buildRequest(input: ApiInput): Promise<ApiRequest> {
  const spec = await import("../mock/index.js");
  const doc = spec.loadSpec();
  const operations = spec.indexOperations(doc);
  const method = input.method.toUpperCase();
  if (!METHODS.includes(method)) {
    throw new AltegioInputError(
      `METHOD must be one of ${METHODS.join(", ")}, got ${JSON.stringify(input.method)}`,
    );
  }
  const [rawPath = "", inlineQuery = ""] = input.path.split(/\?(.*)/s);
  const path = concretePath(
    method,
    rawPath.startsWith("/") ? rawPath : `/${rawPath}`,
    operations,
    input,
  );
  const match = spec.findOperation(operations, method, path);
  if (!match)
    throw new AltegioInputError(unknownPath(method, path, operations, spec.findOperation));
  const operation = match.item;

  const issues: string[] = [];
  const query = new URLSearchParams(inlineQuery);
  for (const pair of input.query) {
    const kv = splitPair("--query", pair, issues);
    if (kv) query.append(kv[0], kv[1]);
  }
  const known = operation.parameters
    .filter((p) => p["in"] === "query")
    .map((p) => String(p["name"]));
  for (const name of new Set(query.keys())) {
    if (
      !known.includes(name) &&
      !known.includes(`${name}[]`) &&
      !known.includes(name.replace(/\[\]$/, ""))
    ) {
      issues.push(
        `query parameter ${JSON.stringify(name)} is not one of ${operation.method} ${operation.template}'s` +
          (known.length ? ` (known: ${known.join(", ")})` : " (it takes none)"),
      );
    }
  }
  const body = requestBody(input, operation, issues);
  const pageSizeParam = PAGE_SIZE_PARAMS.find((name) => known.includes(name));
  if (input.paginate) {
    if (method !== "GET" || !known.includes("page")) {
      issues.push(
        `--paginate needs a GET list with a \`page\` parameter; ${operation.method} ${operation.template} has none`,
      );
    } else if (query.has("page")) {
      issues.push("--paginate walks every page itself: leave out --query page=…");
    }
  }
  if (issues.length) throw new AltegioInputError(issues);

  const checked = new URLSearchParams(query);
  if (input.paginate && !checked.has("page")) checked.set("page", "1");
  const problems =
    spec.validateRequest(doc, operations, { method, path, query: checked, body }) ?? [];
  if (problems.length) {
    throw new AltegioInputError(
      problems.map(
        (p) => `${p.path || "body"}: ${p.message} (${operation.method} ${operation.template})`,
      ),
    );
  }
  return {
    method,
    path,
    query,
    body,
    operation,
    ...(pageSizeParam ? { pageSizeParam } : {}),
    pageSize: pageSize(operation, pageSizeParam, query),
  };
}

/** A template from the spec with `{location_id}` filled in, or the concrete path as given. */
function concretePath(
  method: string,
  path: string,
  operations: SpecOperation[],
  input: ApiInput,
): string {
  if (!path.includes("{")) return path;
  if (!operations.some((o) => o.template === path)) {
    throw new AltegioInputError(
      `${path} is not a path of the API description (see \`altegio api --help\`)`,
    );
  }
  const filled = path.replace(/\{location_id\}/g, () => String(input.location()));
  const left = [...filled.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (left.length) {
    throw new AltegioInputError(
      `${method} ${path}: put the value of ${left.map((n) => `{${n}}`).join(", ")} in PATH ` +
        "(only {location_id} is filled in, from --location or ALTEGIO_LOCATION_ID)",
    );
  }
  return filled;
}

function unknownPath(
  method: string,
  path: string,
  operations: SpecOperation[],
  find: (ops: SpecOperation[], method: string, path: string) => { item: SpecOperation } | undefined,
): string {
  const others = METHODS.filter((m) => m !== method && find(operations, m, path));
  return (
    `${method} ${path} matches no operation of the API description` +
    (others.length ? ` (that path takes ${others.join(", ")})` : "")
  );
}

function requestBody(input: ApiInput, operation: SpecOperation, issues: string[]): unknown {
  const given = input.body !== undefined || input.fields.length > 0 || input.rawFields.length > 0;
  if (!given) return undefined;
  if (!operation.body) {
    issues.push(
      `${operation.method} ${operation.template} takes no request body (drop --input / --field)`,
    );
    return undefined;
  }
  const base = input.body ?? {};
  const hasFields = input.fields.length > 0 || input.rawFields.length > 0;
  if (hasFields && (typeof base !== "object" || base === null || Array.isArray(base))) {
    issues.push("--field needs the --input body to be a JSON object");
    return base;
  }
  const body: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const pair of input.fields) {
    const kv = splitPair("--field", pair, issues);
    if (kv) body[kv[0]] = typed(kv[1]);
  }
  for (const pair of input.rawFields) {
    const kv = splitPair("--raw-field", pair, issues);
    if (kv) body[kv[0]] = kv[1];
  }
  return hasFields ? body : base;
}

/** `--field` values are JSON when they parse as JSON (numbers, true, null, [..], {..}), strings otherwise. */
function typed(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function splitPair(flag: string, pair: string, issues: string[]): [string, string] | undefined {
  const at = pair.indexOf("=");
  if (at <= 0) {
    issues.push(`${flag} takes key=value, got ${JSON.stringify(pair)}`);
    return undefined;
  }
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function pageSize(
  operation: SpecOperation,
  param: string | undefined,
  query: URLSearchParams,
): number {
  const given = param ? Number(query.get(param)) : NaN;
  if (Number.isSafeInteger(given) && given > 0) return given;
  const schema = operation.parameters.find((p) => p["name"] === param)?.["schema"] as
    { maximum?: unknown } | undefined;
  const max = typeof schema?.maximum === "number" ? schema.maximum : Infinity;
  return Math.min(DEFAULT_PAGE_SIZE, max);
}
