// Import files (CSV or NDJSON) to product rows. Only the file's shape is checked here (columns, JSON, field counts);
// the field rules are the library's, so a value that is not a number stays a string and the import names it.
import { AltegioInputError, type ProductInput } from "../index.js";
import { parseCsv } from "./csv.js";

/** The formats `products import` reads. */
export type RowFormat = "csv" | "ndjson";

/** Rows of an import file, with the line each one starts on. */
export interface RowFile {
  rows: ProductInput[];
  lines: number[];
}

// Which CSV columns hold numbers; every ProductInput field is a column, and the compiler keeps the list complete.
const NUMERIC: Record<keyof ProductInput, boolean> = {
  title: false,
  print_title: false,
  article: false,
  barcode: false,
  category_id: true,
  sale_unit_id: true,
  service_unit_id: true,
  cost: true,
  actual_cost: true,
  unit_equals: true,
  critical_amount: true,
  desired_amount: true,
  netto: true,
  brutto: true,
  comment: false,
  tax_variant: true,
  vat_id: true,
};

/** The CSV columns an import file may have: the ProductInput field names. */
export const IMPORT_COLUMNS = Object.keys(NUMERIC) as (keyof ProductInput)[];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Picks the format from `--format`, else from the file name (`.ndjson`, `.jsonl`), else CSV. */
export function rowFormat(given: string | undefined, file: string): RowFormat {
  if (given === undefined && /\.json$/i.test(file)) {
    // Most likely `products export --format json`: one array, which is neither import format.
    throw new AltegioInputError(
      `${file}: a .json file; import reads CSV or NDJSON (one product object per line). ` +
        "Convert an array with `jq -c '.[]'`, or pass --format",
    );
  }
  if (given === undefined) return /\.(ndjson|jsonl)$/i.test(file) ? "ndjson" : "csv";
  if (given === "csv" || given === "ndjson") return given;
  throw new AltegioInputError(`--format must be csv or ndjson, got ${JSON.stringify(given)}`);
}

/** Reads rows; throws one AltegioInputError listing every problem of the file's shape. */
export function readRows(text: string, format: RowFormat): RowFile {
  return format === "csv" ? csvRows(text) : ndjsonRows(text);
}

function csvRows(text: string): RowFile {
  const { records, lines } = parseCsv(text);
  const [header, ...body] = records;
  if (!header)
    throw new AltegioInputError("the file is empty: expected a header line of column names");
  const columns = header.map((name) => name.trim());
  const issues: string[] = [];
  columns.forEach((name, i) => {
    if (!(name in NUMERIC)) {
      issues.push(
        `line 1: column ${i + 1} ${JSON.stringify(name)} is not a product field ` +
          `(known: ${IMPORT_COLUMNS.join(", ")})`,
      );
    } else if (columns.indexOf(name) !== i) {
      issues.push(`line 1: column ${JSON.stringify(name)} appears twice`);
    }
  });
  const rows: ProductInput[] = [];
  const rowLines: number[] = [];
  body.forEach((record, i) => {
    const line = lines[i + 1]!;
    if (record.length === 1 && record[0]!.trim() === "") return; // a blank line
    if (record.length !== columns.length) {
      issues.push(`line ${line}: ${record.length} fields, but the header has ${columns.length}`);
      return;
    }
    const row: Record<string, unknown> = {};
    columns.forEach((name, c) => {
      const raw = record[c]!;
      // An empty cell leaves the field out, as an absent key would.
      if (raw.trim() === "") return;
      const numeric = NUMERIC[name as keyof ProductInput];
      row[name] = numeric && NUMBER.test(raw.trim()) ? Number(raw.trim()) : raw;
    });
    rows.push(row as ProductInput);
    rowLines.push(line);
  });
  if (issues.length) throw new AltegioInputError(issues);
  return { rows, lines: rowLines };
}

function ndjsonRows(text: string): RowFile {
  const issues: string[] = [];
  const rows: ProductInput[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((source, i) => {
    if (source.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      issues.push(`line ${i + 1}: not valid JSON (${(error as Error).message})`);
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push(`line ${i + 1}: expected a JSON object of product fields`);
      return;
    }
    rows.push(value as ProductInput);
    lines.push(i + 1);
  });
  if (issues.length) throw new AltegioInputError(issues);
  return { rows, lines };
}
