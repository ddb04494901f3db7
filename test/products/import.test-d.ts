import { describe, expectTypeOf, it } from "vitest";
import {
  createAltegioClient,
  type ProductImport,
  type ProductImportAction,
  type ProductImportOutcome,
  type ProductImportSummary,
  type ProductInput,
} from "../../src/index.js";

const loc = createAltegioClient({ partnerToken: "p" }).location(1);
const rows: ProductInput[] = [
  { title: "T", article: "A-1", category_id: 1, sale_unit_id: 2, service_unit_id: 3 },
];

describe("products.import signature", () => {
  it("takes product inputs and options, and yields typed outcomes with a summary", () => {
    const run = loc.products.import(rows, {
      match: "barcode",
      dryRun: true,
      signal: AbortSignal.timeout(1),
    });
    expectTypeOf(run).toEqualTypeOf<ProductImport>();
    expectTypeOf(run).toExtend<AsyncIterable<ProductImportOutcome>>();
    expectTypeOf(run.run()).resolves.toEqualTypeOf<ProductImportSummary>();
    expectTypeOf<ProductImportOutcome["action"]>().toEqualTypeOf<ProductImportAction>();
    expectTypeOf<ProductImportAction>().toEqualTypeOf<
      "created" | "updated" | "unchanged" | "failed"
    >();
  });

  it("refuses other match fields and rows that are not product inputs", () => {
    // @ts-expect-error only article or barcode identify a product
    loc.products.import(rows, { match: "title" });
    // @ts-expect-error a row must be a ProductInput
    loc.products.import([{ title: "no category" }]);
    // @ts-expect-error the summary is read-only for callers
    run0().summary.created = 1;
  });
});

const run0 = () => loc.products.import(rows);
