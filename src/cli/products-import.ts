// `altegio products import FILE`: the library's bulk import over a CSV or NDJSON file. One JSON line per row on
// stdout, progress and the summary on stderr.
import { Command } from "commander";
import {
  type ProductImportMatch,
  type ProductImportOutcome,
  type ProductImportSummary,
} from "../index.js";
import { clientFrom, locationFrom, readInput, type GlobalOptions } from "./config.js";
import { describeError, EXIT, interruption } from "./exit.js";
import { openOutput } from "./output.js";
import { Progress } from "./progress.js";
import { IMPORT_COLUMNS, readRows, rowFormat } from "./rows.js";

interface ImportOptions {
  format?: string;
  match: string;
  dryRun?: boolean;
}

export function productsImportCommand(): Command {
  return new Command("import")
    .summary("Create and update products from a CSV or NDJSON file, without duplicates")
    .description(
      "Create and update the location's products from a file: every row is checked first (nothing is sent if any is bad), then matched to a product by article (or barcode): new ones are created, changed ones updated, the rest skipped. Running it again, even after an interruption, creates no duplicate.\n" +
        `CSV columns are product fields: ${IMPORT_COLUMNS.join(", ")}.`,
    )
    .argument("<file>", "a CSV or NDJSON file, or - for stdin")
    .option("--format <format>", "csv or ndjson (default: from the file name, else csv)")
    .option(
      "--match <field>",
      "article or barcode: the field that finds a row's product",
      "article",
    )
    .option("--dry-run", "read and compare, report what would change, write nothing")
    .addHelpText(
      "after",
      `
Examples:
  $ altegio products import supplier.csv --dry-run
  $ altegio products import supplier.csv
  $ altegio products import items.ndjson --match barcode > outcomes.ndjson

A CSV file:
  title,article,category_id,sale_unit_id,service_unit_id,cost
  Argan Shampoo,SH-001,302,1,1,25
  "Mask, repair",MK-7,301,1,1,30`,
    )
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { rows, lines } = readRows(readInput(undefined, file), rowFormat(options.format, file));
      const loc = clientFrom(globals).location(locationFrom(globals));
      const stop = interruption();
      const run = loc.products.import(rows, {
        match: options.match as ProductImportMatch,
        dryRun: options.dryRun === true,
        signal: stop.signal,
        rowLabel: (index) => `line ${lines[index]}`,
      });
      const label = "import";
      const progress = new Progress(label, "rows", Progress.enabled(globals), rows.length);
      const out = openOutput();
      try {
        for await (const outcome of run) {
          if (process.stdout.isTTY) progress.clear();
          await out.write(`${JSON.stringify(outcomeLine(outcome, lines))}\n`);
          if (outcome.error)
            progress.note(`${outcome.row}: failed: ${describeError(outcome.error)}`);
          progress.update(run.summary.total - run.summary.remaining, counts(run.summary));
        }
      } finally {
        stop.dispose();
        // Also when the run failed: what was done before the failure is told before the error.
        progress.note(`${label}: ${summaryLine(run.summary)}`);
      }
      if (run.summary.aborted) {
        progress.note(
          "Run the same command again to finish: rows already done are matched, not created twice.",
        );
        process.exitCode = EXIT.interrupted;
      } else if (run.summary.failed > 0) process.exitCode = EXIT.failed;
    });
}

function outcomeLine(outcome: ProductImportOutcome, lines: number[]) {
  return {
    line: lines[outcome.index],
    action: outcome.action,
    key: outcome.key,
    ...(outcome.productId !== undefined ? { product_id: outcome.productId } : {}),
    ...(outcome.changed.length ? { changed: outcome.changed } : {}),
    ...(outcome.error ? { error: describeError(outcome.error) } : {}),
  };
}

function counts(s: ProductImportSummary): string {
  return `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
}

function summaryLine(s: ProductImportSummary): string {
  const done = s.total - s.remaining;
  const head = s.remaining ? `${done} of ${s.total} rows done` : `${s.total} rows`;
  return `${head}: ${counts(s)}${s.dryRun ? " (dry run: nothing was written)" : ""}`;
}
