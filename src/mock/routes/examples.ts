// Every spec operation the stateful routes do not serve answers with what its page documents: the first
// success status and its example body. Requests are still authorized and validated like any other, so an
// integration can exercise the whole API surface offline, not just the products part.
import { ok, type MockReply, type Route } from "../http.js";
import type { OpenApiDocument } from "../spec.js";
import { sampleValue } from "../sample.js";
import { isObject, METHODS, resolve } from "../validate.js";

/**
 * The documented answer: lowest 2xx status with its JSON example, or a value sampled from its schema when the page
 * gives none. 204 never carries a body on the wire, whatever the page shows.
 */
function documentedReply(doc: OpenApiDocument, operation: Record<string, unknown>): MockReply {
  const responses = isObject(operation["responses"]) ? operation["responses"] : {};
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (status === undefined) return ok(null);
  const response = resolve(doc, responses[status]);
  const content = isObject(response["content"]) ? response["content"] : {};
  const json = Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
  if (!isObject(json) || status === "204") return { status: Number(status) };
  if ("example" in json) return { status: Number(status), body: json["example"] };
  return json["schema"] === undefined
    ? ok(null, [], Number(status))
    : { status: Number(status), body: sampleValue(doc, json["schema"]) };
}

/** Whether the operation may be called with the partner token alone. */
function partnerOnly(operation: Record<string, unknown>): boolean {
  const security = Array.isArray(operation["security"]) ? operation["security"] : [];
  return security.some((alt) => isObject(alt) && Object.keys(alt).join() === "BearerPartner");
}

// v2 keeps the name `company_id` for the location in its positions and tags paths (v1 has no such path).
const locationParamOf = (template: string) =>
  ["location_id", "company_id"].find((name) => template.includes(`{${name}}`));

/** Routes for the spec operations `served` (as `METHOD /template`) leaves out. */
export function exampleRoutes(doc: OpenApiDocument, served: ReadonlySet<string>): Route[] {
  const routes: Route[] = [];
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      const key = `${method.toUpperCase()} ${template}`;
      if (!isObject(operation) || served.has(key)) continue;
      const reply = documentedReply(doc, operation);
      routes.push({
        method: method.toUpperCase(),
        template,
        auth: partnerOnly(operation) ? "partner" : "user",
        ...(locationParamOf(template) ? { locationParam: locationParamOf(template)! } : {}),
        // A copy per request, so state never leaks from one answer into the next.
        handle: () => ({ ...reply, body: structuredClone(reply.body) }),
      });
    }
  }
  return routes;
}
