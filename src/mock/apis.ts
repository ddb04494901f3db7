// The two APIs the mock serves: where each lives, which routes answer it (stateful ones first, then the documented
// examples of the rest of its spec) and the v2 form of a 422.
import type { Route } from "./http.js";
import { authRoutes } from "./routes/auth.js";
import { categoryRoutes } from "./routes/categories.js";
import { exampleRoutes } from "./routes/examples.js";
import { locationRoutes } from "./routes/locations.js";
import { productRoutes } from "./routes/products.js";
import { v2ProductRoutes } from "./routes/v2-products.js";
import { loadSpec, type SpecVersion } from "./spec.js";

/** Where the API lives on the mock, like production's `https://api.alteg.io/api/v1`. */
export const BASE_PATH = "/api/v1";
/** Where v2 lives on the mock, like production's `https://api.alteg.io/api/v2`. */
export const V2_BASE_PATH = "/api/v2";
/** The media type every v2 request must accept; without it v2 answers 400. */
export const V2_MEDIA_TYPE = "application/vnd.api.v2+json";

/** Operations the mock keeps state for; every other spec operation answers with its documented example. */
export const STATEFUL_ROUTES: readonly Route[] = [
  ...authRoutes,
  ...locationRoutes,
  ...productRoutes,
  ...categoryRoutes,
];

/** v2 operations served from the same state as v1 (product, unit and category reads). */
export const V2_STATEFUL_ROUTES: readonly Route[] = v2ProductRoutes;

const allRoutes = new Map<SpecVersion, Route[]>();
/** Stateful routes plus example routes for the rest of the spec (built once per spec; the v1 spec is large). */
export function routes(version: SpecVersion): Route[] {
  let list = allRoutes.get(version);
  if (!list) {
    const stateful = version === "v1" ? STATEFUL_ROUTES : V2_STATEFUL_ROUTES;
    const served = new Set(stateful.map((r) => `${r.method} ${r.template}`));
    list = [...stateful, ...exampleRoutes(loadSpec(version), served)];
    allRoutes.set(version, list);
  }
  return list;
}

/** Which API a path is for, and the path relative to that API's base. */
export function apiOf(pathname: string): { version: SpecVersion; path: string } | undefined {
  if (pathname.startsWith(`${BASE_PATH}/`)) {
    return { version: "v1", path: pathname.slice(BASE_PATH.length) };
  }
  if (pathname.startsWith(`${V2_BASE_PATH}/`)) {
    return { version: "v2", path: pathname.slice(V2_BASE_PATH.length) };
  }
  return undefined;
}
