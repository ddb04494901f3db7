// Contract tests of the v2 product reads: the client against Prism mocking the overlay-applied v2 spec. Prism checks
// every request (path, query, headers, security) and answers with the spec's static examples.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAltegioClient, type AltegioLocation } from "../../src/index.js";
import { acceptedBy, startPrism, type PrismServer } from "./prism.js";
import { createRecorder } from "./recorder.js";

const recorder = createRecorder();
let v1: PrismServer;
let v2: PrismServer;
let loc: AltegioLocation;

beforeAll(async () => {
  [v1, v2] = await Promise.all([startPrism("v1"), startPrism("v2")]);
  loc = createAltegioClient({
    partnerToken: "contract-partner-token",
    userToken: "contract-user-token",
    baseUrl: v1.url,
    v2BaseUrl: v2.url,
    fetch: recorder.fetch,
    rateLimit: false,
    maxRetries: 0,
  }).location(101);
}, 60_000);
afterAll(async () => {
  await Promise.all([v1?.stop(), v2?.stop()]);
});
afterEach(() => recorder.clear());

const accepted = acceptedBy(recorder);

describe("v2 product reads against Prism", () => {
  it("products.listPage, get (with include), storageAmounts, autocomplete", async () => {
    const page = await accepted(() =>
      loc.v2.products.listPage({
        page: 1,
        limit: 250,
        related_loyalty_entity_slug: "common",
        include: ["mark_settings"],
      }),
    );
    expect(page.data[0]?.type).toBe("good");
    expect(page.pagination.limit).toBeGreaterThan(0);
    const product = await accepted(() =>
      loc.v2.products.get("100", { include: ["storage_amounts"] }),
    );
    expect(typeof product.id).toBe("string");
    const amounts = await accepted(() => loc.v2.products.storageAmounts("100"));
    expect(amounts[0]?.type).toBe("good_storage_amount");
    const hits = await accepted(() => loc.v2.products.autocomplete("sham", { limit: 10 }));
    expect(Array.isArray(hits)).toBe(true);
  });

  it("units.list and productCategories.list / get", async () => {
    expect((await accepted(() => loc.v2.units.list()))[0]?.type).toBe("unit");
    const categories = await accepted(() =>
      loc.v2.productCategories.list({ include: ["child_categories"] }),
    );
    expect(categories[0]?.type).toBe("good_category");
    expect((await accepted(() => loc.v2.productCategories.get("5"))).type).toBe("good_category");
  });

  it("the raw scoped client on a company_id path", async () => {
    const { response } = await accepted(() => loc.v2.GET("/locations/{company_id}/positions"));
    expect(response.status).toBe(200);
  });
});
