// A value that satisfies a schema, built from what the spec documents (example, default, const, enum) and, where it
// documents nothing, the plainest value of the type. Like Prism's static mode; used for answers with no example.
import { isObject, resolve, type Json } from "./validate.js";

// Dates in the shapes the specs' string patterns ask for; the first one a pattern accepts is used.
const PATTERNED = [
  "2026-01-01T12:00:00",
  "2026-01-01T12:00:00-0500",
  "2026-01-01T12:00:00-05:00",
  "2026-01-01 12:00:00.000000",
  "2026-01-01 12:00:00",
  "2026-01-01",
  "12:00",
];

function plainString(schema: Json): string {
  const pattern =
    typeof schema["pattern"] === "string" ? new RegExp(schema["pattern"], "u") : undefined;
  if (pattern) return PATTERNED.find((candidate) => pattern.test(candidate)) ?? "string";
  if (schema["format"] === "date") return "2026-01-01";
  if (schema["format"] === "date-time") return "2026-01-01T12:00:00Z";
  return "string";
}

const PLAIN: Record<string, (schema: Json) => unknown> = {
  string: plainString,
  integer: (s) => (typeof s["minimum"] === "number" ? Math.ceil(s["minimum"]) : 0),
  number: (s) => (typeof s["minimum"] === "number" ? s["minimum"] : 0),
  boolean: () => false,
  null: () => null,
};

/**
 * Samples `schema`: objects get their required properties and every property the spec gives a value for; arrays
 * hold `minItems` sampled items (none unless the spec asks for some). `depth` stops self-referencing schemas.
 */
export function sampleValue(doc: Json, rawSchema: unknown, depth = 0): unknown {
  if (depth > 12) return null;
  const schema = resolve(doc, rawSchema);
  for (const key of ["example", "default", "const"]) if (key in schema) return schema[key];
  if (Array.isArray(schema["enum"]) && schema["enum"].length) return schema["enum"][0];
  const parts = (schema["allOf"] as unknown[] | undefined) ?? [];
  const branch = ((schema["anyOf"] ?? schema["oneOf"]) as unknown[] | undefined)?.[0];
  if (parts.length || branch !== undefined) {
    const samples = [...parts, ...(branch === undefined ? [] : [branch])].map((s) =>
      sampleValue(doc, s, depth + 1),
    );
    if (samples.every(isObject))
      return Object.assign({}, ...samples, sampleObject(doc, schema, depth));
    return samples[0];
  }
  const types = ([] as unknown[]).concat(schema["type"] ?? []).map(String);
  const type = types.find((t) => t !== "null") ?? types[0];
  if (type === "object" || (type === undefined && isObject(schema["properties"]))) {
    return sampleObject(doc, schema, depth);
  }
  if (type === "array") {
    const count = typeof schema["minItems"] === "number" ? schema["minItems"] : 0;
    return Array.from({ length: count }, () => sampleValue(doc, schema["items"], depth + 1));
  }
  return type === undefined ? null : (PLAIN[type]?.(schema) ?? null);
}

function sampleObject(doc: Json, schema: Json, depth: number): Json {
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const required = new Set((schema["required"] as string[] | undefined) ?? []);
  const out: Json = {};
  for (const [key, property] of Object.entries(properties)) {
    const documented = resolve(doc, property);
    if (required.has(key) || "example" in documented || "default" in documented) {
      out[key] = sampleValue(doc, property, depth + 1);
    }
  }
  return out;
}
