// Shape comparison between a documented example and a real answer, guided by the response schema.
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Schema navigation over $ref / allOf / anyOf / oneOf: every schema that may describe the value. */
export function flatten(doc: Json, schema: unknown, seen = 0): Json[] {
  if (!isObject(schema) || seen > 32) return [];
  if (typeof schema["$ref"] === "string") {
    const target = schema["$ref"]
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (node, key) => (isObject(node) ? node[key.replace(/~1/g, "/")] : undefined),
        doc,
      );
    return flatten(doc, target, seen + 1);
  }
  const parts = [schema];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    for (const sub of (schema[key] as unknown[] | undefined) ?? [])
      parts.push(...flatten(doc, sub, seen + 1));
  }
  return parts;
}

const property = (doc: Json, schemas: Json[], key: string) =>
  schemas.flatMap((s) => {
    const props = isObject(s["properties"]) ? s["properties"] : {};
    if (key in props) return flatten(doc, props[key]);
    return isObject(s["additionalProperties"]) ? flatten(doc, s["additionalProperties"]) : [];
  });
const declares = (schemas: Json[], key: string) =>
  schemas.some(
    (s) =>
      (isObject(s["properties"]) && key in s["properties"]) ||
      (s["additionalProperties"] !== undefined && s["additionalProperties"] !== false),
  );
const isMap = (schemas: Json[]) =>
  schemas.some((s) => isObject(s["additionalProperties"]) || s["additionalProperties"] === true);
const allowsNull = (schemas: Json[]) =>
  schemas.some(
    (s) =>
      s["nullable"] === true ||
      s["type"] === "null" ||
      (Array.isArray(s["type"]) && s["type"].includes("null")),
  );

/**
 * Differences between `example` and `actual`: same JSON kinds (null where the schema allows it); example keys must be
 * present unless the schema is an open map or the key is in `optional`; extra actual keys must be documented. For
 * arrays, every actual item must fit some example item, and some example item must fit an actual item.
 */
export function shapeDiff(
  doc: Json,
  schema: unknown,
  example: unknown,
  actual: unknown,
  optional: Set<string>,
  path = "$",
): string[] {
  const schemas = Array.isArray(schema)
    ? schema.flatMap((x) => flatten(doc, x))
    : flatten(doc, schema);
  const [ek, ak] = [kindOf(example), kindOf(actual)];
  if (ek !== ak) {
    if ((ek === "null" || ak === "null") && (allowsNull(schemas) || ek === "null")) return [];
    return [`${path}: example is ${ek}, mock sent ${ak}`];
  }
  if (isObject(example) && isObject(actual)) {
    const out: string[] = [];
    for (const key of Object.keys(example)) {
      if (key in actual)
        out.push(
          ...shapeDiff(
            doc,
            property(doc, schemas, key),
            example[key],
            actual[key],
            optional,
            `${path}.${key}`,
          ),
        );
      else if (!isMap(schemas) && !optional.has(key))
        out.push(`${path}.${key}: missing from the mock's answer`);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in example) && !declares(schemas, key))
        out.push(`${path}.${key}: sent by the mock but not documented`);
    }
    return out;
  }
  if (Array.isArray(example) && Array.isArray(actual) && example.length && actual.length) {
    const items = schemas.flatMap((s) => flatten(doc, s["items"]));
    const fits = (e: unknown, a: unknown) => shapeDiff(doc, items, e, a, optional, `${path}[]`);
    const out: string[] = [];
    for (const a of actual) {
      const diffs = example.map((e) => fits(e, a));
      if (!diffs.some((d) => d.length === 0))
        out.push(...diffs.reduce((x, y) => (y.length < x.length ? y : x)));
    }
    if (!example.some((e) => actual.some((a) => fits(e, a).length === 0)))
      out.push(`${path}: no example item fits`);
    return out;
  }
  return [];
}
