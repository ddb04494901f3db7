// The bulk import against the embedded mock: what it checks up front, what it sends, and what it reports.
import { describe, expect, it } from "vitest";
import {
  AltegioAmbiguousMatchError,
  AltegioInputError,
  AltegioServerError,
  type ProductImportOutcome,
  type ProductInput,
} from "../../src/index.js";
import type { MockServer } from "../../src/mock/index.js";
import { mockLocation } from "./helpers.js";

const start = mockLocation();

const row = (article: string, extra: Partial<ProductInput> = {}): ProductInput => ({
  title: `Product ${article}`,
  article,
  category_id: 302,
  sale_unit_id: 1,
  service_unit_id: 1,
  ...extra,
});

const writes = (m: MockServer) => m.requests.filter((r) => r.method !== "GET");
const ofLocation = (m: MockServer) =>
  [...m.state.products.values()].filter((p) => p.location_id === 101);

async function all(iterable: AsyncIterable<ProductImportOutcome>) {
  const out: ProductImportOutcome[] = [];
  for await (const outcome of iterable) out.push(outcome);
  return out;
}

describe("products.import: checks before sending", () => {
  it("names every bad row in one AltegioInputError and sends nothing", async () => {
    const { mock, loc } = await start();
    const rows = [
      row("A-1"),
      { ...row("A-2"), title: "" },
      row("A-3", { cost: Number.NaN }),
      { ...row("x"), article: "  " },
      row("A-1"),
      { ...row("A-6"), colour: "red" } as ProductInput,
    ];
    let error: unknown;
    try {
      loc.products.import(rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AltegioInputError);
    const issues = (error as AltegioInputError).issues;
    expect(issues).toHaveLength(5);
    expect(issues[0]).toMatch(/^row 2: title must be a non-empty string/);
    expect(issues[1]).toMatch(/^row 3: cost must be a finite number/);
    expect(issues[2]).toMatch(/^row 4: article is required to match products by article/);
    expect(issues[3]).toBe('row 5: article "A-1" repeats row 1');
    expect(issues[4]).toMatch(/^row 6: colour is not a field of this request/);
    expect(mock.requests).toEqual([]);
  });

  it("matches by barcode when asked, requiring barcodes instead of articles", async () => {
    const { loc } = await start();
    const rows = [row("A-1", { barcode: "1" }), row("A-2")];
    expect(() =>
      loc.products.import(rows, { match: "barcode", rowLabel: (i) => `line ${i + 2}` }),
    ).toThrow(/line 3: barcode is required to match products by barcode/);
    expect(() => loc.products.import(rows, { match: "sku" as "article" })).toThrow(
      /match must be "article" or "barcode"/,
    );
  });

  it("sends nothing until iterated", async () => {
    const { mock, loc } = await start();
    loc.products.import([row("A-1")]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.requests).toEqual([]);
  });
});

describe("products.import: create, update, skip", () => {
  it("creates the new rows, updates the changed ones, skips the rest; a rerun creates nothing", async () => {
    const { mock, loc } = await start();
    const rows = [
      row("SH-001", { title: "Argan Shampoo", category_id: 302, cost: 25 }), // as seeded
      row("SH-002", { title: "Volume Shampoo XL", category_id: 302, cost: 22 }), // new title
      row("NEW-1", { cost: 5 }),
    ];
    const run = loc.products.import(rows);
    const outcomes = await all(run);
    expect(outcomes.map((o) => [o.row, o.action, o.changed])).toEqual([
      ["row 1", "unchanged", []],
      ["row 2", "updated", ["title"]],
      ["row 3", "created", []],
    ]);
    expect(outcomes[1]!.productId).toBe(402);
    const created = ofLocation(mock).find((p) => p.article === "NEW-1")!;
    expect(outcomes[2]!.productId).toBe(created.id);
    expect(run.summary).toEqual({
      total: 3,
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
      remaining: 0,
      aborted: false,
      dryRun: false,
    });
    // Every row reads its product once (service_unit_id, always given, is not in list items), and writes only
    // when something differs.
    const ops = mock.requests.map((r) => `${r.method} ${r.path}`);
    expect(ops.filter((o) => o.includes("/goods/101/401"))).toEqual(["GET /api/v1/goods/101/401"]);
    expect(ops.filter((o) => o.includes("/goods/101/402"))).toEqual([
      "GET /api/v1/goods/101/402",
      "PUT /api/v1/goods/101/402",
    ]);

    const before = mock.requests.length;
    const again = await loc.products.import(rows).run();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(writes(mock).length).toBe(2); // still only the first run's PUT and POST
    // The listing (one page and the empty one), then one read per row.
    expect(mock.requests.length - before).toBe(2 + 3);
  });

  it("keeps every field the API shows when it updates (PUT is a full replacement)", async () => {
    const { mock, loc } = await start();
    // 401 has a barcode, a cost price and stock; the row changes only its price.
    await loc.products.import([row("SH-001", { title: "Argan Shampoo", cost: 27 })]).run();
    const put = mock.requests.find((r) => r.method === "PUT")!;
    expect(put.body).toEqual({
      title: "Argan Shampoo",
      article: "SH-001",
      barcode: "4600000000011",
      category_id: 302,
      sale_unit_id: 1,
      service_unit_id: 1,
      cost: 27,
      actual_cost: 10,
      unit_equals: 1,
      critical_amount: 0,
      desired_amount: 0,
    });
    expect(mock.state.products.get(401)).toMatchObject({ cost: 27, barcode: "4600000000011" });
  });

  it("compares fields only the full product shows, and always sends fields the API never returns", async () => {
    const { mock, loc } = await start();
    const same = row("SH-001", { title: "Argan Shampoo", cost: 25, actual_cost: 10 });
    const [a] = await all(loc.products.import([same]));
    expect(a).toMatchObject({ action: "unchanged", changed: [] });
    expect(mock.requests.filter((r) => r.path === "/api/v1/goods/101/401")).toHaveLength(1);

    const [b] = await all(loc.products.import([{ ...same, actual_cost: 11 }]));
    expect(b).toMatchObject({ action: "updated", changed: ["actual_cost"] });

    // `comment` cannot be read back, so it can never be known to be unchanged.
    const commented = { ...same, actual_cost: 11, comment: "from the supplier" };
    const [c] = await all(loc.products.import([commented]));
    const [d] = await all(loc.products.import([commented]));
    expect([c!.changed, d!.changed]).toEqual([["comment"], ["comment"]]);
    expect(mock.state.products.get(401)!.comment).toBe("from the supplier");
  });

  it("matches by barcode", async () => {
    const { mock, loc } = await start();
    const rows = [
      row("", { title: "Nail Polish Red", barcode: "4600000000042", category_id: 303, cost: 13 }),
      row("", { title: "Fresh", barcode: "4600000000099" }),
    ].map(({ article: _, ...r }) => r);
    const outcomes = await all(loc.products.import(rows, { match: "barcode" }));
    expect(outcomes.map((o) => [o.action, o.productId === 404])).toEqual([
      ["updated", true],
      ["created", false],
    ]);
    expect(outcomes[0]!.changed).toEqual(["service_unit_id", "cost"]);
    expect(mock.state.products.get(404)).toMatchObject({ cost: 13, unit_equals: 15 });
    const second = await loc.products.import(rows, { match: "barcode" }).run();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("reports a row the API refuses and goes on with the others", async () => {
    const { mock, loc } = await start();
    const outcomes = await all(loc.products.import([row("A-1", { category_id: 999 }), row("A-2")]));
    expect(outcomes.map((o) => o.action)).toEqual(["failed", "created"]);
    expect(outcomes[0]!.error?.name).toBe("AltegioValidationError");
    expect(ofLocation(mock).some((p) => p.article === "A-2")).toBe(true);
  });

  it("refuses to guess when a key matches several products", async () => {
    const { mock, loc } = await start();
    mock.state.addProduct({
      id: 900,
      location_id: 101,
      title: "Twin",
      category_id: 302,
      article: "SH-002",
    });
    const [outcome] = await all(loc.products.import([row("SH-002")]));
    expect(outcome!.action).toBe("failed");
    expect(outcome!.error).toBeInstanceOf(AltegioAmbiguousMatchError);
    expect(outcome!.error?.message).toMatch(
      /2 products of this location have article "SH-002" \(ids 402, 900\)/,
    );
    expect(writes(mock)).toEqual([]);
  });

  it("stops on a failure that is not the row's (auth, network, server)", async () => {
    const { mock, loc } = await start();
    mock.fault({ method: "POST", path: "/goods/{location_id}", status: 500 });
    const run = loc.products.import([row("A-1"), row("A-2")]);
    await expect(run.run()).rejects.toBeInstanceOf(AltegioServerError);
    expect(run.summary).toMatchObject({ created: 0, remaining: 2 });
  });
});

describe("products.import: dry run and stopping", () => {
  it("reads but writes nothing in a dry run", async () => {
    const { mock, loc } = await start();
    const rows = [row("SH-002", { title: "Volume Shampoo XL" }), row("NEW-1")];
    const outcomes = await all(loc.products.import(rows, { dryRun: true }));
    expect(outcomes.map((o) => [o.action, o.productId])).toEqual([
      ["updated", 402],
      ["created", undefined],
    ]);
    expect(writes(mock)).toEqual([]);
  });

  it("finishes the row in flight when the signal fires, then ends with the summary", async () => {
    const { mock, loc } = await start();
    const controller = new AbortController();
    const run = loc.products.import([row("A-1"), row("A-2"), row("A-3")], {
      signal: controller.signal,
    });
    const seen: string[] = [];
    for await (const outcome of run) {
      seen.push(outcome.key);
      controller.abort();
    }
    expect(seen).toEqual(["A-1"]);
    expect(run.summary).toMatchObject({ created: 1, remaining: 2, aborted: true });
    expect(writes(mock)).toHaveLength(1);
    expect(() => run[Symbol.asyncIterator]()).toThrow(/already been run/);
  });

  it("ends at once, sending no write, when stopped while the catalog loads", async () => {
    const { mock, loc } = await start({ latencyMs: 50 });
    const controller = new AbortController();
    const run = loc.products.import([row("A-1")], { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect(await run.run()).toMatchObject({ aborted: true, remaining: 1, created: 0 });
    expect(writes(mock)).toEqual([]);
  });
});
