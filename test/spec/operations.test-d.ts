// Type-level checks on generated/b2b-v1.ts: every snapshot operation sits under the right path and
// method, no other methods exist, and no operation asks the caller for Accept / Content-Type /
// Authorization (the client sets those itself).
import { describe, expectTypeOf, test } from "vitest";
import type { operations, paths } from "../../generated/b2b-v1.js";
import type { EXPECTED_OPERATIONS } from "./expected-operations.js";

type Expected = (typeof EXPECTED_OPERATIONS)[number];
type ClientOwned = "accept" | "content-type" | "authorization";
type HeaderOf<Op> = Op extends { parameters: { header?: infer H } } ? NonNullable<H> : never;
/** Header parameter names that are Accept / Content-Type / Authorization in any casing. */
type OwnedHeaderKeys<Op> = keyof HeaderOf<Op> extends infer K
  ? K extends string
    ? Lowercase<K> extends ClientOwned
      ? K
      : never
    : never
  : never;
/** Methods of a path item that hold an operation (openapi-typescript marks the rest `?: never`). */
type DefinedMethods<P> = {
  [M in keyof P]-?: M extends "parameters"
    ? never
    : [NonNullable<P[M]>] extends [never]
      ? never
      : M;
}[keyof P];

describe("generated paths", () => {
  test("has exactly the expected paths, each with exactly the expected methods", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<Expected["path"]>();
    expectTypeOf<{ [P in keyof paths]: DefinedMethods<paths[P]> }>().toEqualTypeOf<{
      [P in keyof paths]: Extract<Expected, { path: P }>["method"];
    }>();
  });

  test("each operation sits under its path and method", () => {
    // Keyed by operationId: what the path item holds at that method, and the operation itself
    // (`never` for anything missing, which the equality then reports).
    type At<P, M> = P extends keyof paths
      ? M extends keyof paths[P]
        ? NonNullable<paths[P][M]>
        : never
      : never;
    type Placed = { [E in Expected as E["operationId"]]: At<E["path"], E["method"]> };
    type ById = {
      [E in Expected as E["operationId"]]: E["operationId"] extends keyof operations
        ? operations[E["operationId"]]
        : never;
    };
    expectTypeOf<Placed>().toEqualTypeOf<ById>();
    // Spot checks that the mapping above is not vacuous.
    expectTypeOf<paths["/goods/{location_id}/{product_id}"]["put"]>().toEqualTypeOf<
      operations["update_product"]
    >();
    expectTypeOf<paths["/goods/{location_id}/{product_id}"]["put"]>().not.toEqualTypeOf<
      operations["get_product"]
    >();
  });

  test("no operation has Accept / Content-Type / Authorization header parameters", () => {
    expectTypeOf<keyof operations>().toEqualTypeOf<Expected["operationId"]>();
    expectTypeOf<{ [Id in keyof operations]: OwnedHeaderKeys<operations[Id]> }>().toEqualTypeOf<{
      [Id in keyof operations]: never;
    }>();
    // The header object may be left out entirely...
    const params: Omit<operations["get_product"]["parameters"], "header"> = {
      path: { location_id: 1, product_id: 2 },
    };
    expectTypeOf(params).not.toBeNever();
    // ...and nothing may be put in it.
    // @ts-expect-error Accept is not a parameter any more
    const accept: HeaderOf<operations["get_product"]> = { Accept: "application/vnd.api.v2+json" };
    // @ts-expect-error Authorization is not a parameter any more
    const auth: HeaderOf<operations["get_location_list"]> = { Authorization: "Bearer x" };
    void accept;
    void auth;
  });
});
