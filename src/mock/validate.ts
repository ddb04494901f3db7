// Request validation derived from the OpenAPI snapshot: finds the operation by method + path template and checks
// path params, query params and the JSON body against the declared schemas. Covers the JSON-Schema subset the
// spec uses (type incl. arrays / nullable, required, properties, additionalProperties, items, enum, const,
// numeric and length bounds, pattern, anyOf / oneOf / allOf, local $ref); `format` is ignored on purpose because
// the vendor's dates do not follow RFC 3339.
import { bestMatch } from "./http.js";
import type { OpenApiDocument } from "./spec.js";

export type Json = Record<string, unknown>;
/** One failed check; `path` is Symfony-style (`[field][0][sub]`), empty for the value itself. */
export interface FieldError {
  path: string;
  message: string;
}

export const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
/** Operation keys of a path item. */
export const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** Follows a local `#/...` JSON pointer. */
export function resolve(doc: Json, value: unknown): Json {
  let current = value;
  for (
    let hops = 0;
    isObject(current) && typeof current["$ref"] === "string" && hops < 32;
    hops++
  ) {
    const ref = current["$ref"];
    const { $ref: _, ...siblings } = current;
    let target: unknown = doc;
    for (const raw of ref.replace(/^#\//, "").split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      target = isObject(target) ? target[key] : undefined;
    }
    current = Object.keys(siblings).length ? { allOf: [target], ...siblings } : target;
  }
  return isObject(current) ? current : {};
}

function typesOf(schema: Json): string[] {
  const t = schema["type"];
  const types = Array.isArray(t) ? t.map(String) : typeof t === "string" ? [t] : [];
  if (schema["nullable"] === true && types.length) types.push("null");
  return types;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    default:
      return true;
  }
}

/** Validates `value` against `schema`; returns every failure found. */
export function validateValue(
  doc: Json,
  rawSchema: unknown,
  value: unknown,
  path = "",
): FieldError[] {
  if (rawSchema === true || rawSchema === undefined) return [];
  if (rawSchema === false) return [{ path, message: "This field was not expected." }];
  const schema = resolve(doc, rawSchema);
  const fail = (message: string): FieldError[] => [{ path, message }];
  const types = typesOf(schema);
  if (types.length && !types.some((t) => hasType(value, t))) {
    return fail(`This value should be of type ${types.join("|")}.`);
  }
  const errors: FieldError[] = [];
  for (const part of (schema["allOf"] as unknown[] | undefined) ?? []) {
    errors.push(...validateValue(doc, part, value, path));
  }
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key] as unknown[] | undefined;
    if (!branches?.length) continue;
    const results = branches.map((b) => validateValue(doc, b, value, path));
    // oneOf is treated like anyOf: vendor schemas overlap (e.g. boolean vs 0/1) and the server is lenient.
    if (!results.some((r) => r.length === 0)) {
      errors.push(...results.reduce((a, b) => (b.length < a.length ? b : a)));
    }
  }
  const allowed = schema["enum"];
  if (Array.isArray(allowed) && !allowed.some((a) => a === value)) {
    errors.push({ path, message: "The value you selected is not a valid choice." });
  }
  if ("const" in schema && schema["const"] !== value) {
    errors.push({
      path,
      message: `This value should be equal to ${JSON.stringify(schema["const"])}.`,
    });
  }
  if (typeof value === "number") errors.push(...checkNumber(schema, value, path));
  if (typeof value === "string") errors.push(...checkString(schema, value, path));
  if (Array.isArray(value)) {
    const { minItems, maxItems } = schema as { minItems?: number; maxItems?: number };
    if (minItems !== undefined && value.length < minItems) {
      errors.push({
        path,
        message: `This collection should contain ${minItems} elements or more.`,
      });
    }
    if (maxItems !== undefined && value.length > maxItems) {
      errors.push({
        path,
        message: `This collection should contain ${maxItems} elements or less.`,
      });
    }
    if (schema["items"] !== undefined) {
      value.forEach((item, i) =>
        errors.push(...validateValue(doc, schema["items"], item, `${path}[${i}]`)),
      );
    }
  }
  if (isObject(value)) errors.push(...checkObject(doc, schema, value, path));
  return errors;
}

function checkNumber(schema: Json, value: number, path: string): FieldError[] {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as Record<
    string,
    unknown
  >;
  const out: FieldError[] = [];
  if (typeof minimum === "number" && value < minimum) {
    out.push({ path, message: `This value should be ${minimum} or more.` });
  }
  if (typeof maximum === "number" && value > maximum) {
    out.push({ path, message: `This value should be ${maximum} or less.` });
  }
  if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum) {
    out.push({ path, message: `This value should be greater than ${exclusiveMinimum}.` });
  }
  if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum) {
    out.push({ path, message: `This value should be less than ${exclusiveMaximum}.` });
  }
  return out;
}

function checkString(schema: Json, value: string, path: string): FieldError[] {
  const { minLength, maxLength, pattern } = schema as Record<string, unknown>;
  const out: FieldError[] = [];
  if (typeof minLength === "number" && value.length < minLength) {
    out.push({
      path,
      message: `This value is too short. It should have ${minLength} characters or more.`,
    });
  }
  if (typeof maxLength === "number" && value.length > maxLength) {
    out.push({
      path,
      message: `This value is too long. It should have ${maxLength} characters or less.`,
    });
  }
  if (typeof pattern === "string" && !new RegExp(pattern, "u").test(value)) {
    out.push({ path, message: "This value is not valid." });
  }
  return out;
}

function checkObject(doc: Json, schema: Json, value: Json, path: string): FieldError[] {
  const out: FieldError[] = [];
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  for (const key of (schema["required"] as string[] | undefined) ?? []) {
    if (value[key] === undefined)
      out.push({ path: `${path}[${key}]`, message: "This field is missing." });
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (key in properties)
      out.push(...validateValue(doc, properties[key], item, `${path}[${key}]`));
    else if (schema["additionalProperties"] !== undefined) {
      out.push(...validateValue(doc, schema["additionalProperties"], item, `${path}[${key}]`));
    }
  }
  return out;
}

/** One operation of the spec, as the request checks read it. */
export interface SpecOperation {
  /** Path template, e.g. `/goods/{location_id}/{product_id}`. */
  template: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path, query and header parameters (path-level ones included), `$ref`s resolved. */
  parameters: Json[];
  /** The JSON request body, when the operation takes one. */
  body: { schema: unknown; required: boolean } | undefined;
}

/** The spec's operations, ready for lookup by method and concrete path. */
export function indexOperations(doc: OpenApiDocument): SpecOperation[] {
  const out: SpecOperation[] = [];
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = resolve(doc, rawItem);
    for (const method of METHODS) {
      if (!isObject(item[method])) continue;
      const op = item[method];
      const params = new Map<string, Json>();
      for (const p of [
        ...((item["parameters"] as unknown[]) ?? []),
        ...((op["parameters"] as unknown[]) ?? []),
      ]) {
        const param = resolve(doc, p);
        params.set(`${String(param["in"])}:${String(param["name"])}`, param);
      }
      const requestBody = op["requestBody"] ? resolve(doc, op["requestBody"]) : undefined;
      const content = isObject(requestBody?.["content"]) ? requestBody["content"] : {};
      const json = Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
      out.push({
        template,
        method: method.toUpperCase(),
        parameters: [...params.values()],
        body: isObject(json)
          ? { schema: json["schema"], required: requestBody?.["required"] === true }
          : undefined,
      });
    }
  }
  return out;
}

/** Turns a query or path string into the JSON value the schema most likely means. */
function coerce(doc: Json, rawSchema: unknown, raw: string): unknown {
  const schema = resolve(doc, rawSchema);
  const branches = [
    schema,
    ...[...((schema["anyOf"] as unknown[]) ?? []), ...((schema["oneOf"] as unknown[]) ?? [])].map(
      (s) => resolve(doc, s),
    ),
  ];
  const types = new Set(branches.flatMap(typesOf));
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(raw))
    return Number(raw);
  if (types.has("boolean") && /^(true|false)$/.test(raw)) return raw === "true";
  if (types.has("boolean") && !types.has("integer") && /^[01]$/.test(raw)) return raw === "1";
  return raw;
}

/** The operation a concrete path (relative to `/api/v1`) belongs to, with its raw path params. */
export function findOperation(
  operations: SpecOperation[],
  method: string,
  path: string,
): { item: SpecOperation; params: Record<string, string> } | undefined {
  return bestMatch(
    operations.filter((o) => o.method === method),
    path,
  );
}

/** Every failure of one request against its operation, or undefined when the spec has no such operation. */
export function validateRequest(
  doc: OpenApiDocument,
  operations: SpecOperation[],
  request: { method: string; path: string; query: URLSearchParams; body: unknown },
): FieldError[] | undefined {
  const match = findOperation(operations, request.method, request.path);
  if (!match) return undefined;
  const { item: op, params: pathParams } = match;
  const errors: FieldError[] = [];
  for (const param of op.parameters) {
    const name = String(param["name"]);
    const where = param["in"];
    const schema = resolve(doc, param["schema"]);
    let raw: string[];
    if (where === "path") raw = pathParams[name] === undefined ? [] : [pathParams[name] as string];
    else if (where === "query") {
      // Arrays may arrive as `ids[]=1&ids[]=2` or `ids=1&ids=2`, whichever name the spec declares.
      const base = name.replace(/\[\]$/, "");
      raw = typesOf(schema).includes("array")
        ? [...request.query.getAll(`${base}[]`), ...request.query.getAll(base)]
        : request.query.getAll(name);
    } else continue; // headers (Accept, Authorization...) are checked by the server itself
    if (!raw.length) {
      if (param["required"] === true)
        errors.push({ path: `[${name}]`, message: "This field is missing." });
      continue;
    }
    const value = typesOf(schema).includes("array")
      ? raw.map((r) => coerce(doc, schema["items"], r))
      : coerce(doc, schema, raw[raw.length - 1] as string);
    errors.push(...validateValue(doc, schema, value, `[${name.replace(/\[\]$/, "")}]`));
  }
  if (op.body && (request.body !== undefined || op.body.required)) {
    errors.push(...validateValue(doc, op.body.schema, request.body ?? {}));
  }
  return errors;
}

/** Groups failures into the vendor's `meta.errors` items: `{ message }`s plus one `{ "[field]": [...] }` map. */
export function toVendorErrors(
  errors: FieldError[],
): Array<Record<string, string[]> | { message: string }> {
  const fields: Record<string, string[]> = {};
  const general: Array<{ message: string }> = [];
  for (const e of errors) {
    if (!e.path) general.push({ message: e.message });
    else (fields[e.path] ??= []).push(e.message);
  }
  return Object.keys(fields).length ? [...general, fields] : general;
}
