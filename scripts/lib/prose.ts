// Keeps the vendor's facts and our own words. The vendor's OpenAPI file is the ground truth for every fact (paths,
// names, types, enums, examples, deprecation); its prose (description, summary and title strings) is the vendor's
// writing, which we do not republish. `replaceProse` strips every prose string from a freshly pulled document and
// puts back the text our previous snapshot had at the same place, so a pull keeps our descriptions and leaves new
// places without one.
//
// "The same place" is semantic, not a JSON pointer: an operation's parameter is found by `in` and `name`, a tag by
// its name, and a schema node by the route that reaches it from an operation (following `$ref`s), so prose
// carries over even when the two documents name or share their component schemas differently.
import { eachOperation, isObject, resolvePointer as resolve, type JsonObject } from "./spec.js";

/** Keywords whose string values are prose. */
export const PROSE_KEYS = ["description", "summary", "title"] as const;

type Visit = (node: JsonObject, key: string) => void;

const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"] as const;
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "contains", "if", "then", "else"];

/**
 * Walks every prose-bearing node of an OpenAPI document, calling `visit` with the node and a semantic key for each
 * route that reaches it. A `$ref` holder is visited under `key@ref`, its target under `key`.
 */
export function walkProse(doc: JsonObject, visit: Visit): void {
  const stack = new Set<unknown>();
  const follow = (node: unknown, key: string, inner: (n: JsonObject, k: string) => void) => {
    if (!isObject(node) || stack.has(node)) return;
    stack.add(node);
    if (typeof node["$ref"] === "string") {
      visit(node, `${key}@ref`);
      follow(resolve(doc, node["$ref"]), key, inner);
    } else {
      inner(node, key);
    }
    stack.delete(node);
  };

  const schema = (node: unknown, key: string): void =>
    follow(node, key, (s, k) => {
      visit(s, k);
      if (isObject(s["properties"])) {
        for (const [name, sub] of Object.entries(s["properties"])) schema(sub, `${k}.${name}`);
      }
      if (isObject(s["patternProperties"])) {
        for (const [name, sub] of Object.entries(s["patternProperties"])) {
          schema(sub, `${k}~${name}`);
        }
      }
      for (const list of SCHEMA_LISTS) {
        const items = s[list];
        if (Array.isArray(items)) items.forEach((sub, i) => schema(sub, `${k}/${list}/${i}`));
      }
      for (const single of SCHEMA_SINGLES) schema(s[single], `${k}/${single}`);
    });

  // An Example object (media types' `examples` maps, components.examples) has a summary and a description too.
  const example = (node: unknown, key: string): void => follow(node, key, (e, k) => visit(e, k));

  const content = (node: unknown, key: string): void => {
    if (!isObject(node)) return;
    for (const [type, media] of Object.entries(node)) {
      if (!isObject(media)) continue;
      schema(media["schema"], `${key}/${type}`);
      if (isObject(media["examples"])) {
        for (const [name, e] of Object.entries(media["examples"])) {
          example(e, `${key}/${type}/examples:${name}`);
        }
      }
    }
  };

  const parameter = (node: unknown, key: string, at: string): void =>
    follow(node, key, (p, k) => {
      visit(p, k);
      schema(p["schema"], `${at}/schema`);
      content(p["content"], `${at}/content`);
    });

  const parameters = (list: unknown, key: string): void => {
    if (!Array.isArray(list)) return;
    for (const p of list) {
      const target = isObject(p) && typeof p["$ref"] === "string" ? resolve(doc, p["$ref"]) : p;
      if (!isObject(target)) continue;
      const at = `${key}/parameters/${String(target["in"])}:${String(target["name"])}`;
      parameter(p, at, at);
    }
  };

  const response = (node: unknown, key: string): void =>
    follow(node, key, (r, k) => {
      visit(r, k);
      content(r["content"], `${k}/content`);
      if (isObject(r["headers"])) {
        for (const [name, header] of Object.entries(r["headers"])) {
          parameter(header, `${k}/headers/${name.toLowerCase()}`, `${k}/headers/${name}`);
        }
      }
    });

  const operation = (op: JsonObject, key: string): void => {
    visit(op, key);
    parameters(op["parameters"], key);
    follow(op["requestBody"], `${key}/body`, (b, k) => {
      visit(b, k);
      content(b["content"], `${k}/content`);
    });
    if (isObject(op["responses"])) {
      for (const [status, r] of Object.entries(op["responses"])) {
        response(r, `${key}/responses/${status}`);
      }
    }
  };

  if (isObject(doc["info"])) visit(doc["info"], "info");
  for (const list of ["tags", "x-tagGroups"] as const) {
    const items = doc[list];
    if (Array.isArray(items)) {
      for (const t of items) if (isObject(t)) visit(t, `${list}:${String(t["name"])}`);
    }
  }
  if (Array.isArray(doc["servers"])) {
    for (const s of doc["servers"]) if (isObject(s)) visit(s, `servers:${String(s["url"])}`);
  }
  const items = new Set<JsonObject>();
  for (const { path, method, item, op } of eachOperation(doc)) {
    if (!items.has(item)) {
      items.add(item);
      visit(item, `paths:${path}`);
      parameters(item["parameters"], `paths:${path}`);
    }
    operation(op, `paths:${path}:${method}`);
  }
  // Components are walked by name too, so two documents with the same component names match directly.
  const components = isObject(doc["components"]) ? doc["components"] : {};
  const section = (name: string) => (isObject(components[name]) ? components[name] : {});
  for (const [name, s] of Object.entries(section("schemas"))) schema(s, `#schema:${name}`);
  for (const [name, r] of Object.entries(section("responses"))) response(r, `#response:${name}`);
  for (const [name, p] of Object.entries(section("parameters"))) {
    parameter(p, `#parameter:${name}`, `#parameter:${name}`);
  }
  for (const [name, s] of Object.entries(section("securitySchemes"))) {
    if (isObject(s)) visit(s, `#security:${name}`);
  }
  for (const [name, e] of Object.entries(section("examples"))) example(e, `#example:${name}`);
}

const NAMED_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "paths",
  "responses",
  "content",
  "headers",
  "schemas",
  "parameters",
  "securitySchemes",
  "requestBodies",
  "examples",
  "links",
  "callbacks",
  "encoding",
  "variables",
  "mapping",
]);
const LISTS_OF_OBJECTS = new Set([
  "parameters",
  "tags",
  "servers",
  "allOf",
  "oneOf",
  "anyOf",
  "prefixItems",
  "x-tagGroups",
]);
const DATA_KEYS = new Set(["example", "default", "enum", "const", "value"]);

/**
 * JSON pointers of prose strings that {@link walkProse} does not reach, found by a plain scan of every object
 * (skipping example data and the names in maps). Empty when the walker knows every place prose can stand.
 */
export function unwalkedProse(doc: JsonObject): string[] {
  const walked = new Set<JsonObject>();
  walkProse(doc, (node) => walked.add(node));
  const out: string[] = [];
  const scan = (node: unknown, parentKey: string | undefined, at: string): void => {
    if (Array.isArray(node)) {
      const inner =
        parentKey !== undefined && LISTS_OF_OBJECTS.has(parentKey) ? undefined : parentKey;
      node.forEach((item, i) => scan(item, inner, `${at}/${i}`));
      return;
    }
    if (!isObject(node)) return;
    const isMap = parentKey !== undefined && NAMED_MAPS.has(parentKey);
    for (const [key, value] of Object.entries(node)) {
      const at2 = `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!isMap && (DATA_KEYS.has(key) || (key === "examples" && Array.isArray(value)))) continue;
      if (!isMap && (PROSE_KEYS as readonly string[]).includes(key) && typeof value === "string") {
        if (!walked.has(node)) out.push(at2);
        continue;
      }
      scan(value, isMap ? undefined : key, at2);
    }
  };
  scan(doc, undefined, "");
  return out;
}

function proseOf(node: JsonObject): Partial<Record<(typeof PROSE_KEYS)[number], string>> {
  const out: Partial<Record<(typeof PROSE_KEYS)[number], string>> = {};
  for (const k of PROSE_KEYS) if (typeof node[k] === "string") out[k] = node[k];
  return out;
}

/** Every prose string of `doc`, by semantic key (the first route that reaches a node wins). */
export function collectProse(doc: JsonObject): Map<string, ReturnType<typeof proseOf>> {
  const out = new Map<string, ReturnType<typeof proseOf>>();
  walkProse(doc, (node, key) => {
    const prose = proseOf(node);
    if (Object.keys(prose).length > 0 && !out.has(key)) out.set(key, prose);
  });
  return out;
}

export interface ProseReport {
  /** Prose strings removed from the new document. */
  stripped: number;
  /** Prose strings put back from the previous document. */
  kept: number;
  /** Strings of the previous document not put back because they repeat the vendor's wording. */
  refused: number;
}

/** How many consecutive words two texts may share before one counts as copying the other. */
export const MAX_SHARED_WORDS = 5;

// Paths, names and code are facts, not wording: they are left out before texts are compared.
function words(text: string): string[] {
  return text
    .replace(/`[^`]*`/g, " ")
    .replace(/\S*[/{}_]\S*/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A test of "this text repeats the vendor's wording": equal to one of `texts` (after folding case and
 * punctuation), or sharing a run of more than MAX_SHARED_WORDS words with one.
 */
export function wordingMatcher(texts: Iterable<string>): (text: string) => boolean {
  const whole = new Set<string>();
  const runs = new Set<string>();
  const n = MAX_SHARED_WORDS + 1;
  for (const text of texts) {
    const w = words(text);
    whole.add(w.join(" "));
    for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(" "));
  }
  return (text) => {
    const w = words(text);
    if (whole.has(w.join(" "))) return true;
    for (let i = 0; i + n <= w.length; i++) if (runs.has(w.slice(i, i + n).join(" "))) return true;
    return false;
  };
}

/**
 * Removes every prose string from `doc` (mutating it) and sets, on each node, the prose `previous` had at the first
 * of its semantic keys that `previous` knows. Component keys are tried before routes through operations.
 */
export function replaceProse(doc: JsonObject, previous: JsonObject | undefined): ProseReport {
  const known = previous ? collectProse(previous) : new Map<string, ReturnType<typeof proseOf>>();
  const keysOf = new Map<JsonObject, string[]>();
  walkProse(doc, (node, key) => {
    const keys = keysOf.get(node) ?? [];
    keys.push(key);
    keysOf.set(node, keys);
  });
  const report: ProseReport = { stripped: 0, kept: 0, refused: 0 };
  const vendorWords: string[] = [];
  for (const node of keysOf.keys()) {
    for (const k of PROSE_KEYS) {
      // info.title is the API's name (and required by OpenAPI), not prose.
      if (k === "title" && node === doc["info"]) continue;
      if (typeof node[k] === "string") {
        vendorWords.push(node[k]);
        delete node[k];
        report.stripped += 1;
      }
    }
  }
  // Our earlier text may have drifted close to the vendor's (or the vendor may have adopted ours): never republish it.
  const repeatsVendor = wordingMatcher(vendorWords);
  for (const [node, keys] of keysOf) {
    const ordered = [
      ...keys.filter((k) => k.startsWith("#")),
      ...keys.filter((k) => !k.startsWith("#")),
    ];
    const found = ordered.map((k) => known.get(k)).find((p) => p !== undefined);
    for (const [k, text] of Object.entries(found ?? {})) {
      if (k === "title" && node === doc["info"]) continue;
      if (repeatsVendor(text)) {
        report.refused += 1;
        continue;
      }
      node[k] = text;
      report.kept += 1;
    }
  }
  return report;
}

/** A copy of `doc` with every prose string removed: what two documents are compared on. */
export function factsOf<T extends JsonObject>(doc: T): T {
  const copy = structuredClone(doc);
  replaceProse(copy, undefined);
  return copy;
}
