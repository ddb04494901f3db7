import { describe, expectTypeOf, it } from "vitest";
import {
  createAltegioClient,
  type AltegioClient,
  type AltegioLocation,
  type Credentials,
  type Location,
  type LocationListItem,
  type Storage,
} from "../../src/index.js";
import type { ScopedPaths } from "../../src/internal/schema-types.js";
import type { ScopedRawClient } from "../../src/internal/scope.js";

declare const altegio: AltegioClient;
declare const loc: AltegioLocation;

describe("pinned signatures", () => {
  it("createAltegioClient", () => {
    expectTypeOf(createAltegioClient)
      .parameter(0)
      .toHaveProperty("partnerToken")
      .toEqualTypeOf<string>();
    createAltegioClient({ partnerToken: "p", userToken: "u" });
    createAltegioClient({
      partnerToken: "p",
      credentials: { login: "+1", password: "x" },
      onUserToken: async () => {},
    });
    // @ts-expect-error partnerToken is required
    createAltegioClient({ userToken: "u" });
    // @ts-expect-error rateLimit takes an object or false
    createAltegioClient({ partnerToken: "p", rateLimit: true });
  });

  it("auth", () => {
    expectTypeOf(altegio.auth.login).parameter(0).toEqualTypeOf<Credentials | undefined>();
    expectTypeOf(altegio.auth.login)
      .returns.resolves.toHaveProperty("userToken")
      .toEqualTypeOf<string>();
    expectTypeOf(altegio.auth.userToken).toEqualTypeOf<string | undefined>();
    expectTypeOf(altegio.auth.logout).returns.toEqualTypeOf<void>();
  });

  it("locations and scoping", () => {
    expectTypeOf(altegio.locations.list).returns.resolves.toEqualTypeOf<LocationListItem[]>();
    expectTypeOf(altegio.locations.get).returns.resolves.toEqualTypeOf<Location>();
    expectTypeOf(altegio.location).returns.toEqualTypeOf<AltegioLocation>();
    expectTypeOf(loc.id).toEqualTypeOf<number>();
    expectTypeOf(loc.storages.list).returns.resolves.toEqualTypeOf<Storage[]>();
    expectTypeOf<Storage>().toHaveProperty("id");
  });
});

describe("loc.raw", () => {
  it("fills location_id: it is not required, other params still are", async () => {
    await loc.raw.GET("/storages/{location_id}");
    await loc.raw.GET("/goods/{location_id}/{product_id}", { params: { path: { product_id: 1 } } });
    // @ts-expect-error product_id is still required
    await loc.raw.GET("/goods/{location_id}/{product_id}", { params: { path: {} } });
    const textId = { product_id: "1" };
    // @ts-expect-error product_id must be a number
    await loc.raw.GET("/goods/{location_id}/{product_id}", { params: { path: textId } });
    // Paths without {location_id} are not on the scoped client. (Checked on the path list: a call with a wrong
    // path makes the compiler try every scoped operation, which costs more than the rest of the project.)
    expectTypeOf<AltegioLocation["raw"]>().toEqualTypeOf<ScopedRawClient>();
    expectTypeOf<"/companies">().not.toExtend<keyof ScopedPaths>();
    expectTypeOf<"/staff/{location_id}">().toExtend<keyof ScopedPaths>();
  });

  it("raw keeps full typing and needs location_id", async () => {
    await altegio.raw.GET("/storages/{location_id}", { params: { path: { location_id: 1 } } });
    // @ts-expect-error location_id is required on the unscoped client
    await altegio.raw.GET("/storages/{location_id}", { params: { path: {} } });
    const { data } = await altegio.raw.GET("/companies");
    expectTypeOf(data).not.toBeAny();
  });
});
