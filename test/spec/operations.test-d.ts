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
    expectTypeOf<paths["/auth"]["post"]>().toEqualTypeOf<operations["authorize_user"]>();
    expectTypeOf<paths["/companies"]["get"]>().toEqualTypeOf<operations["get_location_list"]>();
    expectTypeOf<paths["/company/{location_id}"]["get"]>().toEqualTypeOf<
      operations["get_location"]
    >();
    expectTypeOf<paths["/company/{location_id}/users"]["get"]>().toEqualTypeOf<
      operations["get_location_users"]
    >();
    expectTypeOf<paths["/storages/{location_id}"]["get"]>().toEqualTypeOf<
      operations["get_location_inventories"]
    >();
    expectTypeOf<paths["/goods/search/{location_id}"]["get"]>().toEqualTypeOf<
      operations["search_product"]
    >();
    expectTypeOf<paths["/goods/{location_id}/{product_id}"]["get"]>().toEqualTypeOf<
      operations["get_product"]
    >();
    expectTypeOf<paths["/goods/{location_id}/{product_id}"]["put"]>().toEqualTypeOf<
      operations["update_product"]
    >();
    expectTypeOf<paths["/goods/{location_id}/{product_id}"]["delete"]>().toEqualTypeOf<
      operations["delete_product"]
    >();
    expectTypeOf<paths["/goods/{location_id}"]["get"]>().toEqualTypeOf<
      operations["get_products_list"]
    >();
    expectTypeOf<paths["/goods/{location_id}"]["post"]>().toEqualTypeOf<
      operations["create_product"]
    >();
    expectTypeOf<
      paths["/company/{location_id}/goods_categories/{parent_category_id}"]["get"]
    >().toEqualTypeOf<operations["get_product_category_list"]>();
    expectTypeOf<paths["/goods/category_node/{location_id}/{category_id}"]["get"]>().toEqualTypeOf<
      operations["get_product_category_composition"]
    >();
    expectTypeOf<paths["/goods_categories/multiple/{location_id}"]["get"]>().toEqualTypeOf<
      operations["get_product_category_list_by_ids"]
    >();
    expectTypeOf<paths["/goods_categories/{location_id}"]["post"]>().toEqualTypeOf<
      operations["create_product_category"]
    >();
    expectTypeOf<paths["/goods_categories/{location_id}/{category_id}"]["put"]>().toEqualTypeOf<
      operations["update_product_category"]
    >();
    expectTypeOf<paths["/goods_categories/{location_id}/{category_id}"]["delete"]>().toEqualTypeOf<
      operations["delete_product_category"]
    >();
    expectTypeOf<paths["/goods_categories/{location_id}/{category_id}"]["get"]>().toEqualTypeOf<
      operations["deprecated_get_product_category_list"]
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
