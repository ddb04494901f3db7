// Finds every example in an OpenAPI document (schema `example`/`examples`, parameter, header and
// media-type `example`/`examples`) and validates each against its schema with Ajv.
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonObject } from "../../scripts/lib/spec.js";

export interface ExampleCase {
  /** Where the example sits, as a JSON pointer plus which example it is. */
  where: string;
  value: unknown;
  /** JSON pointer of the schema the example must satisfy. */
  schemaPointer: string;
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const token = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "if", "then", "else", "contains"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];

function resolveExample(doc: JsonObject, example: unknown): JsonObject | undefined {
  if (!isObject(example)) return undefined;
  const ref = example["$ref"];
  if (typeof ref !== "string") return example;
  const name = ref.replace("#/components/examples/", "");
  const examples = isObject(doc["components"]) ? doc["components"]["examples"] : undefined;
  return isObject(examples) ? resolveExample(doc, examples[name]) : undefined;
}

function walkSchema(schema: unknown, pointer: string, out: ExampleCase[]): void {
  if (!isObject(schema)) return;
  if ("example" in schema) {
    out.push({ where: `${pointer} example`, value: schema["example"], schemaPointer: pointer });
  }
  if (Array.isArray(schema["examples"])) {
    schema["examples"].forEach((value, i) =>
      out.push({ where: `${pointer} examples[${i}]`, value, schemaPointer: pointer }),
    );
  }
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (!isObject(map)) continue;
    for (const [name, sub] of Object.entries(map)) {
      walkSchema(sub, `${pointer}/${key}/${token(name)}`, out);
    }
  }
  for (const key of SCHEMA_SINGLES) walkSchema(schema[key], `${pointer}/${key}`, out);
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list))
      list.forEach((sub, i) => walkSchema(sub, `${pointer}/${key}/${i}`, out));
  }
}

function walk(doc: JsonObject, node: unknown, pointer: string, out: ExampleCase[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(doc, item, `${pointer}/${i}`, out));
    return;
  }
  if (!isObject(node)) return;
  // Parameter, header or media type object: its examples are checked against its `schema`.
  if (isObject(node["schema"])) {
    const schemaPointer = `${pointer}/schema`;
    if ("example" in node) {
      out.push({ where: `${pointer} example`, value: node["example"], schemaPointer });
    }
    if (isObject(node["examples"])) {
      for (const [name, raw] of Object.entries(node["examples"])) {
        const example = resolveExample(doc, raw);
        if (example && "value" in example) {
          out.push({
            where: `${pointer} examples.${name}`,
            value: example["value"],
            schemaPointer,
          });
        }
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${token(key)}`;
    if (key.startsWith("x-") || key === "example" || key === "examples") continue;
    if (key === "schema") walkSchema(value, at, out);
    else if (key === "schemas" && pointer === "/components" && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        walkSchema(schema, `${at}/${token(name)}`, out);
      }
    } else walk(doc, value, at, out);
  }
}

export function collectExamples(doc: JsonObject): ExampleCase[] {
  const out: ExampleCase[] = [];
  walk(doc, doc, "", out);
  return out;
}

const DOC_ID = "https://spec.invalid/openapi.json";

/** Returns a checker that gives `undefined` for a valid example, else Ajv's error text. */
export function makeExampleValidator(doc: JsonObject): (c: ExampleCase) => string | undefined {
  const version = String(doc["openapi"]);
  const options = { strict: false, allErrors: true, logger: false as const };
  const ajv = version.startsWith("3.0") ? new Ajv(options) : new Ajv2020(options);
  const addFormats = addFormatsModule as unknown as (a: typeof ajv) => void;
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const cache = new Map<string, ValidateFunction>();
  return (c) => {
    const fragment = c.schemaPointer
      .split("/")
      .map((part) => encodeURIComponent(part))
      .join("/");
    let validate = cache.get(fragment);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOC_ID}#${fragment}` });
      cache.set(fragment, validate);
    }
    return validate(c.value) ? undefined : ajv.errorsText(validate.errors);
  };
}
