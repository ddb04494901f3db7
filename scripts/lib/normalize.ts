// Normalization applied after the overlay: removes per-operation header parameters the client
// always sets itself, so generated call signatures do not ask callers for them, and wraps the response schemas the
// overlay marks `x-altegio-envelope` in the envelope the API really answers with.
import {
  decodePointerToken,
  eachOperation,
  HTTP_METHODS,
  isObject,
  type JsonObject,
} from "./spec.js";

/** Header parameters dropped from every operation (compared case-insensitively). */
export const CLIENT_OWNED_HEADERS = ["accept", "content-type", "authorization"] as const;

const COMPONENT_PARAM_PREFIX = "#/components/parameters/";

function resolveParameter(doc: JsonObject, param: unknown, depth = 0): JsonObject | undefined {
  if (!isObject(param) || depth > 10) return undefined;
  const ref = param["$ref"];
  if (typeof ref !== "string") return param;
  if (!ref.startsWith(COMPONENT_PARAM_PREFIX)) return undefined;
  const components = isObject(doc["components"]) ? doc["components"] : {};
  const params = isObject(components["parameters"]) ? components["parameters"] : {};
  const name = decodePointerToken(ref.slice(COMPONENT_PARAM_PREFIX.length));
  return resolveParameter(doc, params[name], depth + 1);
}

/** True for an inline or $ref'd header parameter named Accept / Content-Type / Authorization. */
export function isClientOwnedHeader(doc: JsonObject, param: unknown): boolean {
  const resolved = resolveParameter(doc, param);
  if (!resolved || resolved["in"] !== "header" || typeof resolved["name"] !== "string")
    return false;
  return (CLIENT_OWNED_HEADERS as readonly string[]).includes(resolved["name"].toLowerCase());
}

function filterParameters(doc: JsonObject, owner: JsonObject): number {
  const params = owner["parameters"];
  if (!Array.isArray(params)) return 0;
  const kept = params.filter((p) => !isClientOwnedHeader(doc, p));
  const removed = params.length - kept.length;
  if (kept.length === 0) delete owner["parameters"];
  else owner["parameters"] = kept;
  return removed;
}

/**
 * Drops client-owned header parameters from path items and operations (mutates `doc`), then
 * deletes component parameters of that kind that nothing references any more.
 * Returns how many parameter entries were removed.
 */
export function normalizeDocument(doc: JsonObject): number {
  let removed = 0;
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    removed += filterParameters(doc, item);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) removed += filterParameters(doc, op);
    }
  }

  const components = doc["components"];
  const params = isObject(components) ? components["parameters"] : undefined;
  if (isObject(components) && isObject(params)) {
    const dropped = Object.keys(params).filter((name) => isClientOwnedHeader(doc, params[name]));
    for (const name of dropped) {
      const pointer = COMPONENT_PARAM_PREFIX + name.replace(/~/g, "~0").replace(/\//g, "~1");
      const { [name]: _self, ...others } = params;
      const stillUsed = JSON.stringify({
        ...doc,
        components: { ...components, parameters: others },
      }).includes(JSON.stringify(pointer));
      if (!stillUsed) delete params[name];
    }
    if (Object.keys(params).length === 0) delete components["parameters"];
  }
  return removed;
}

/** The overlay's marker for a response schema that describes only the envelope's `data`. */
export const ENVELOPE_MARKER = "x-altegio-envelope";

/**
 * Some vendor operations document the bare `data` item as the whole response, while their examples (and the API)
 * answer `{ success, data, meta }`. The overlay marks such a schema `x-altegio-envelope: object | list` (an overlay
 * cannot move a node into a new parent); this wraps it, so the vendor's item schema stays the one that is used and a
 * change to it still shows. Returns how many schemas were wrapped.
 */
export function wrapEnvelopes(doc: JsonObject): number {
  let wrapped = 0;
  for (const { op } of eachOperation(doc)) {
    const responses = op["responses"];
    if (!isObject(responses)) continue;
    for (const response of Object.values(responses)) {
      const content = isObject(response) ? response["content"] : undefined;
      if (!isObject(content)) continue;
      for (const media of Object.values(content)) {
        const schema = isObject(media) ? media["schema"] : undefined;
        if (!isObject(media) || !isObject(schema) || !(ENVELOPE_MARKER in schema)) continue;
        const { [ENVELOPE_MARKER]: shape, ...inner } = schema;
        if (shape !== "object" && shape !== "list") {
          throw new Error(
            `${ENVELOPE_MARKER} must be "object" or "list", got ${JSON.stringify(shape)}`,
          );
        }
        media["schema"] = {
          type: "object",
          properties: {
            success: { type: "boolean" },
            data: shape === "list" ? { type: "array", items: inner } : inner,
            meta: { type: ["array", "object"] },
          },
        };
        wrapped += 1;
      }
    }
  }
  return wrapped;
}
