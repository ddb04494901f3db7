// `altegio products export`: the location's products, as `products.list()` yields them, in NDJSON, CSV or JSON.
import { Command } from "commander";
import { AltegioInputError, type ProductListItem } from "../index.js";
import { clientFrom, locationFrom, type GlobalOptions } from "./config.js";
import { cell, csvRecord } from "./csv.js";
import { EXIT, interruption } from "./exit.js";
import { openOutput } from "./output.js";
import { Progress } from "./progress.js";

type ExportFormat = "ndjson" | "csv" | "json";

/** The declared fields of `T`, without the index signature of an open object. */
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};
type Column = KnownKeys<ProductListItem> & string;

// CSV columns: every declared field of a list item, in a reading order; the compiler keeps the list complete.
// Fields a server adds beyond the schema appear in NDJSON and JSON only.
const COLUMN_SET: Record<Column, true> = {
  good_id: true,
  title: true,
  article: true,
  category_id: true,
  category: true,
  cost: true,
  unit_id: true,
  unit_short_title: true,
  salon_id: true,
  value: true,
  label: true,
};
export const EXPORT_COLUMNS = Object.keys(COLUMN_SET) as Column[];

interface ExportOptions {
  format?: string;
  output?: string;
  changedAfter?: string;
}

export function productsExportCommand(): Command {
  return new Command("export")
    .summary("Print every product of the location (NDJSON, CSV or JSON)")
    .description(
      "Print every product of the location, as the product list gives them (good_id, title, article, category_id, cost, unit_id, …), one per line (NDJSON), as CSV, or as one JSON array.",
    )
    .option(
      "--format <format>",
      "ndjson, csv or json (default: from --output's extension, else ndjson)",
    )
    .option(
      "-o, --output <file>",
      "write to this file, put in place only once complete (default: stdout)",
    )
    .option(
      "--changed-after <iso>",
      "only products created or changed since then, e.g. 2026-01-01T00:00:00Z",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ altegio products export > products.ndjson
  $ altegio products export --format csv --output products.csv
  $ altegio products export --changed-after 2026-01-01T00:00:00Z --format json`,
    )
    .action(async (options: ExportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = exportFormat(options.format, options.output);
      const loc = clientFrom(globals).location(locationFrom(globals));
      const stop = interruption();
      // list() checks its filters at once, so a bad --changed-after fails before any output.
      const products = loc.products.list(
        options.changedAfter !== undefined ? { changed_after: options.changedAfter } : {},
        { signal: stop.signal },
      );
      const out = openOutput(options.output);
      const showProgress = Progress.enabled(globals);
      const progress = new Progress("export", "products", showProgress);
      let count = 0;
      try {
        if (format === "csv") await out.write(csvRecord(EXPORT_COLUMNS));
        if (format === "json") await out.write("[");
        for await (const product of products) {
          await out.write(line(format, product, count));
          progress.update(++count);
        }
        if (format === "json") await out.write(count ? "\n]\n" : "]\n");
        await out.close();
      } catch (error) {
        await out.discard();
        if (!stop.signal.aborted) throw error;
        progress.note(
          `export: stopped after ${count} products${options.output ? `; ${options.output} was not written` : ""}`,
        );
        process.exitCode = EXIT.interrupted;
        return;
      } finally {
        stop.dispose();
      }
      if (showProgress) progress.note(`export: ${count} products`);
    });
}

function line(format: ExportFormat, product: ProductListItem, index: number): string {
  if (format === "ndjson") return `${JSON.stringify(product)}\n`;
  if (format === "json") return `${index ? "," : ""}\n${JSON.stringify(product)}`;
  return csvRecord(EXPORT_COLUMNS.map((column) => cell(product[column])));
}

function exportFormat(given: string | undefined, output: string | undefined): ExportFormat {
  if (given === undefined) {
    const ext = /\.(csv|json|ndjson|jsonl)$/i.exec(output ?? "")?.[1]?.toLowerCase();
    return ext === "csv" ? "csv" : ext === "json" ? "json" : "ndjson";
  }
  if (given === "ndjson" || given === "csv" || given === "json") return given;
  throw new AltegioInputError(`--format must be ndjson, csv or json, got ${JSON.stringify(given)}`);
}
