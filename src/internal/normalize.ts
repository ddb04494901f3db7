import { AltegioError } from "../errors.js";
import { describe } from "./ids.js";
import type {
  AnyShape,
  KnownKeys,
  ListRule,
  NormalizedBy,
  ObjectRule,
  Rule,
  RulesFor,
  ScalarRule,
  Shape,
} from "./wire-rules.js";

// Response normalization: convenience reads return every field in the one type their shape declares, whatever form
// the server used. Policy, the same for every object:
// - "number": a number, or a numeric string ("2.5", "-3", " 10 ") converted; fractional and negative values kept.
// - "boolean": true/false, or 0/1 (also "0"/"1") converted.
// - "string": a string, or a number converted to its decimal text.
// - object: `[]` (how the backend serialises an empty map) becomes `{}`; the fields follow the nested shape.
// - list: each item follows its rule; an object (a backend list with gaps in its keys) becomes its values.
// - null where the rule keeps null stays null; null or "" where it does not means "no value", so the field is left
//   out (every field of these wire types is optional).
// - Anything else cannot be put in the declared type without guessing, so the read fails with an AltegioError that
//   names the field and the value, instead of handing out a value of the wrong type.
// Fields an open object carries beyond its schema are passed through as sent.

/**
 * Declares the shape of wire type `Wire`: `rules` must name every field the schema gives `Wire`, each with a rule
 * its wire type admits (see wire-rules.ts); `extras` adds fields live servers send but the schema does not list.
 */
export function shape<Wire>() {
  return <const R extends RulesFor<Wire>, const X extends Record<string, ScalarRule> = {}>(
    rules: R & Record<Exclude<keyof R, KnownKeys<Wire>>, never>,
    extras?: X & Record<Extract<keyof X, KnownKeys<Wire>>, never>,
  ): Shape<Wire, R, NoInfer<X>> => ({ kind: "shape", rules, extras: (extras ?? {}) as X });
}

/** A nested object field normalized with `nested`. */
export function object<S extends AnyShape, N extends boolean = false>(
  nested: S,
  nullable?: N,
): ObjectRule<S, N> {
  return { kind: "object", shape: nested, nullable: (nullable ?? false) as N };
}

/** A list field whose items follow `item`. */
export function list<I extends AnyShape | ScalarRule>(item: I): ListRule<I> {
  return { kind: "list", item };
}

/** Normalizes one wire object with `s`; `path` names it in errors (e.g. "product", "products[3]"). */
export function normalize<S extends AnyShape>(s: S, value: unknown, path: string): NormalizedBy<S> {
  return normalizeObject(s, value, path) as NormalizedBy<S>;
}

/** Normalizes each item of a list answer; a `data` that is not an array becomes an error, not a crash later. */
export function normalizeList<S extends AnyShape>(
  s: S,
  data: unknown,
  what: string,
): NormalizedBy<S>[] {
  if (!Array.isArray(data)) {
    throw new AltegioError(`Unexpected answer: ${what} should be a list, got ${typeof data}`);
  }
  return data.map((item, i) => normalize(s, item, `${what}[${i}]`));
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const ABSENT = Symbol("absent");

function normalizeObject(s: AnyShape, value: unknown, path: string): Record<string, unknown> {
  if (Array.isArray(value) && value.length === 0) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw unexpected(path, value, "an object");
  }
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const apply = (rules: Record<string, Rule>) => {
    for (const [key, rule] of Object.entries(rules)) {
      if (!(key in out) || out[key] === undefined) continue;
      const next = normalizeField(rule, out[key], `${path}.${key}`);
      if (next === ABSENT) delete out[key];
      else out[key] = next;
    }
  };
  apply(s.rules as Record<string, Rule>);
  apply(s.extras as Record<string, Rule>);
  return out;
}

function normalizeField(rule: Rule, value: unknown, path: string): unknown {
  if (rule === "keep") return value;
  if (typeof rule === "string") return normalizeScalar(rule, value, path);
  if (rule.kind === "object") {
    if (value === null) return rule.nullable ? null : ABSENT;
    return normalizeObject(rule.shape, value, path);
  }
  if (value === null) return ABSENT;
  const items = Array.isArray(value)
    ? value
    : typeof value === "object"
      ? Object.values(value as object)
      : undefined;
  if (items === undefined) throw unexpected(path, value, "a list");
  const item = rule.item;
  return items.map((v, i) =>
    typeof item === "string"
      ? normalizeScalar(item, v, `${path}[${i}]`)
      : normalizeObject(item, v, `${path}[${i}]`),
  );
}

function normalizeScalar(rule: ScalarRule, value: unknown, path: string): unknown {
  const nullable = rule.endsWith("|null");
  if (value === null) return nullable ? null : ABSENT;
  const type = nullable ? rule.slice(0, -"|null".length) : rule;
  if (type === "string") {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    throw unexpected(path, value, "a string");
  }
  if (value === "") return nullable ? null : ABSENT;
  if (type === "number") {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && NUMERIC.test(value)) return Number(value);
    throw unexpected(path, value, "a number");
  }
  if (typeof value === "boolean") return value;
  if (value === 0 || value === "0") return false;
  if (value === 1 || value === "1") return true;
  throw unexpected(path, value, "a boolean (or 0/1)");
}

function unexpected(path: string, value: unknown, expected: string): AltegioError {
  return new AltegioError(
    `Unexpected answer: ${path} is ${describe(value)}, where ${expected} is documented`,
  );
}
