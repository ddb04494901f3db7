import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/b2b-v1.js";
import type { ScopedPaths } from "./schema-types.js";

/** openapi-fetch's call surface over `Paths` (v1's or v2's, with the location filled in). */
export type ScopedClientOf<Paths extends object> = Pick<
  Client<Paths>,
  "GET" | "PUT" | "POST" | "DELETE" | "PATCH"
>;

/** openapi-fetch's call surface over the location-scoped paths. */
export type ScopedRawClient = ScopedClientOf<ScopedPaths>;

type AnyInit = { params?: { path?: Record<string, unknown> } & Record<string, unknown> } & Record<
  string,
  unknown
>;
type AnyMethod = (url: string, init?: AnyInit) => Promise<unknown>;

/**
 * Wraps the raw client so every call fills in `location_id` (or another of `names`, whichever the path template
 * names); the types drop it from `params.path`.
 */
export function scopeRawClient(raw: Client<paths>, locationId: number): ScopedRawClient;
export function scopeRawClient<Scoped>(
  raw: object,
  locationId: number,
  names: readonly string[],
): Scoped;
export function scopeRawClient(
  raw: object,
  locationId: number,
  names: readonly string[] = ["location_id"],
): unknown {
  // Which of `names` a template names, per template: the templates are the spec's few hundred literals.
  const filledBy = new Map<string, readonly string[]>();
  const forward =
    (method: AnyMethod): AnyMethod =>
    (url, init) => {
      let filled = filledBy.get(url);
      if (filled === undefined) {
        filled = names.filter((name) => url.includes(`{${name}}`));
        if (filledBy.size >= 1024) filledBy.clear(); // only an untyped caller builds templates at run time
        filledBy.set(url, filled);
      }
      const path: Record<string, unknown> = { ...init?.params?.path };
      for (const name of filled) path[name] = locationId;
      return method(
        url,
        init ? { ...init, params: { ...init.params, path } } : { params: { path } },
      );
    };
  const base = raw as unknown as Record<"GET" | "PUT" | "POST" | "DELETE" | "PATCH", AnyMethod>;
  return {
    GET: forward(base.GET),
    PUT: forward(base.PUT),
    POST: forward(base.POST),
    DELETE: forward(base.DELETE),
    PATCH: forward(base.PATCH),
  };
}
