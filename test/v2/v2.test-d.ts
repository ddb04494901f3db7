// Type-level checks of the v2 surface: string ids for v2, numeric ids for v1, never interchangeable; typed joins;
// the location filled in on v2 paths that name it location_id or company_id; both schema sets side by side.
import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type {
  AltegioClient,
  AltegioLocation,
  V2Paths,
  V2Product,
  V2ProductCategory,
  V2StorageAmount,
  V2JoinedProduct,
} from "../../src/index.js";
import type { paths, V2paths, v2 } from "../../src/schema/index.js";

declare const altegio: AltegioClient;
declare const loc: AltegioLocation;

describe("v2 ids and v1 ids", () => {
  it("v2 reads take string ids, v1 reads numeric ones", () => {
    expectTypeOf(loc.v2.products.get).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(loc.products.get).parameter(0).toEqualTypeOf<number>();
    // @ts-expect-error a v1 numeric id is not a v2 id
    void loc.v2.products.get(401);
    // @ts-expect-error a v2 string id is not a v1 id
    void loc.products.get("401");
    expectTypeOf<V2Product["id"]>().toEqualTypeOf<string>();
    expectTypeOf<V2Product["type"]>().toEqualTypeOf<"good">();
  });
});

describe("include joins", () => {
  it("type the related resources a product and a category point at", async () => {
    const product = await loc.v2.products.get("401", { include: ["storage_amounts"] });
    expectTypeOf(product).toEqualTypeOf<V2JoinedProduct>();
    expectTypeOf(product.related.storage_amounts).toEqualTypeOf<V2StorageAmount[] | undefined>();
    const [category] = await loc.v2.productCategories.list({
      include: ["child_categories", "goods"],
    });
    expectTypeOf(category!.related.goods).toEqualTypeOf<V2Product[] | undefined>();
    expectTypeOf(category!.related.child_categories).toEqualTypeOf<
      V2ProductCategory[] | undefined
    >();
    // @ts-expect-error not an include the product list offers
    void loc.v2.products.list({ include: ["storage_amounts"] });
  });
});

describe("raw v2 clients", () => {
  it("altegio.v2 is openapi-fetch over the v2 paths", () => {
    expectTypeOf(altegio.v2).toEqualTypeOf<Client<V2Paths>>();
    void altegio.v2.GET("/locations/{location_id}/units", { params: { path: { location_id: 1 } } });
    // @ts-expect-error the unscoped client needs the location
    void altegio.v2.GET("/locations/{location_id}/units", {});
  });

  it("location(id).v2 fills in location_id and company_id", () => {
    void loc.v2.GET("/locations/{location_id}/units");
    void loc.v2.GET("/locations/{company_id}/positions");
    void loc.v2.GET("/locations/{company_id}/tags/{tag_id}", { params: { path: { tag_id: 3 } } });
    // @ts-expect-error v1 paths are not v2 paths
    void loc.v2.GET("/goods/{location_id}");
  });
});

describe("altegio-b2b/schema", () => {
  it("exports both type sets without a clash", () => {
    expectTypeOf<V2paths>().toEqualTypeOf<V2Paths>();
    expectTypeOf<v2.paths>().toEqualTypeOf<V2Paths>();
    expectTypeOf<keyof paths>().not.toEqualTypeOf<keyof V2paths>();
    expectTypeOf<v2.components["schemas"]["product_resource"]>().toEqualTypeOf<V2Product>();
  });
});
