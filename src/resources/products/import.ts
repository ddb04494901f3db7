// Bulk import: match rows to a location's products by article or barcode, then create, update or skip each.
// Idempotence comes from matching, not from state kept by the importer: a rerun after any interruption finds what
// the first run created, so it can never create a product twice (rows without a key or with a repeated key are
// refused up front for that reason).
import {
  AltegioConflictError,
  AltegioAmbiguousMatchError,
  AltegioError,
  AltegioInputError,
  AltegioNotFoundError,
  AltegioValidationError,
} from "../../errors.js";
import { describe, throwIfProblems } from "../../internal/ids.js";
import { checkInput } from "../../internal/input-check.js";
import type { ProductInput } from "../../types.js";
import { compareRow, Matcher, mergeForUpdate } from "./import-match.js";
import type { Products } from "./index.js";
import { productInputSpec } from "./input.js";

/** The field that identifies a product across runs of an import. */
export type ProductImportMatch = "article" | "barcode";

/** Options of {@link Products.import}. */
export interface ProductImportOptions {
  /**
   * The row field matched against the location's products: equal values (trimmed) mean the same product.
   * @default "article"
   */
  match?: ProductImportMatch;
  /**
   * Read and compare as usual but send no create or update; outcomes say what would happen.
   * @default false
   */
  dryRun?: boolean;
  /**
   * Stops the import before its next row (the row in flight finishes, so no product is left half-written); the
   * iteration then ends normally with `summary.aborted` set.
   * @default undefined — runs to the end
   */
  signal?: AbortSignal;
  /**
   * How a row is named in problems and outcomes, from its position in `rows`.
   * @default (index) => `row ${index + 1}`
   * @example (index) => `line ${lines[index]}`
   */
  rowLabel?: (index: number) => string;
}

/** What happened to one row (in a dry run: what would have happened). */
export type ProductImportAction = "created" | "updated" | "unchanged" | "failed";

/** The outcome of one row, reported as soon as the row is done. */
export interface ProductImportOutcome {
  /** Position of the row in `rows`, from 0. */
  index: number;
  /** The row's name from `rowLabel`, e.g. `row 3`. */
  row: string;
  /** What was done with the row. */
  action: ProductImportAction;
  /** The row's match key (trimmed), e.g. its article. */
  key: string;
  /** The product's `good_id`; absent for a failed or dry-run create. */
  productId?: number;
  /** Fields whose value differs from the product's (what an update changes); empty otherwise. */
  changed: string[];
  /** Why the row failed: the API refused it (404, 409, 422) or its key matches several products. */
  error?: AltegioError;
}

/** Counts of an import; final once the iteration has ended. */
export interface ProductImportSummary {
  /** Rows given. */
  total: number;
  /** Rows that created a product. */
  created: number;
  /** Rows that updated their product. */
  updated: number;
  /** Rows whose product already had their values. */
  unchanged: number;
  /** Rows the API refused, or whose key matched several products. */
  failed: number;
  /** Rows not reached because the import was stopped by its signal (or by an error). */
  remaining: number;
  /** Whether the signal stopped the import before every row was done. */
  aborted: boolean;
  /** Whether this was a dry run (nothing was written). */
  dryRun: boolean;
}

/** A bulk import: iterate it (once) for each row's outcome, or `run()` it for the summary alone. */
export interface ProductImport extends AsyncIterable<ProductImportOutcome> {
  /** Live counts, updated as rows are done. */
  readonly summary: Readonly<ProductImportSummary>;
  /** Runs every row and resolves with the summary; rejects like the iteration does. */
  run(): Promise<ProductImportSummary>;
}

// A row the API refused is reported and the import goes on; anything else (auth, network, 5xx) stops it.
const ROW_ERRORS = [
  AltegioValidationError,
  AltegioConflictError,
  AltegioNotFoundError,
  AltegioAmbiguousMatchError,
];

/** Checks every row before anything is sent; throws one AltegioInputError naming each bad row. */
function checkImportRows(
  rows: readonly unknown[],
  match: ProductImportMatch,
  label: (index: number) => string,
): void {
  const issues: string[] = [];
  const seen = new Map<string, string>();
  rows.forEach((row, index) => {
    const name = label(index);
    const found: string[] = [];
    checkInput(row, productInputSpec, found);
    const raw = (row as Record<string, unknown> | null)?.[match];
    const key = typeof raw === "string" ? raw.trim() : "";
    if (typeof row === "object" && row !== null && !Array.isArray(row) && key === "") {
      found.push(
        `${match} is required to match products by ${match} (got ${describe(raw)}); without it a rerun ` +
          "could not find the product and would create it again",
      );
    }
    if (key !== "") {
      const first = seen.get(key);
      if (first !== undefined) found.push(`${match} ${JSON.stringify(key)} repeats ${first}`);
      else seen.set(key, name);
    }
    for (const problem of found) issues.push(`${name}: ${problem}`);
  });
  throwIfProblems(issues);
}

/** Starts a bulk import over `products`; rows are checked at once, nothing is sent until iteration begins. */
export function importProducts(
  products: Products,
  rows: Iterable<ProductInput>,
  options: ProductImportOptions = {},
): ProductImport {
  const match = options.match ?? "article";
  if (match !== "article" && match !== "barcode") {
    throw new AltegioInputError(`match must be "article" or "barcode", got ${describe(match)}`);
  }
  if (typeof (rows as Iterable<unknown> | null)?.[Symbol.iterator] !== "function") {
    throw new AltegioInputError(
      `rows must be an array (or iterable) of products, got ${describe(rows)}`,
    );
  }
  const list = [...rows];
  const label = options.rowLabel ?? ((index: number) => `row ${index + 1}`);
  checkImportRows(list, match, label);
  return new ImportRun(new Matcher(products, match, options.signal), list, label, options);
}

class ImportRun implements ProductImport {
  readonly summary: ProductImportSummary;
  #started = false;

  constructor(
    private readonly matcher: Matcher,
    private readonly rows: ProductInput[],
    private readonly label: (index: number) => string,
    private readonly options: ProductImportOptions,
  ) {
    const dryRun = options.dryRun === true;
    this.summary = {
      total: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      remaining: rows.length,
      aborted: false,
      dryRun,
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<ProductImportOutcome> {
    if (this.#started) throw new AltegioError("This import has already been run; start a new one");
    this.#started = true;
    return this.#outcomes();
  }

  async run(): Promise<ProductImportSummary> {
    for await (const _ of this) {
      // Outcomes are counted in the summary as they go.
    }
    return { ...this.summary };
  }

  async *#outcomes(): AsyncGenerator<ProductImportOutcome, void, undefined> {
    const { signal } = this.options;
    try {
      await this.matcher.load();
    } catch (error) {
      if (signal?.aborted) {
        this.summary.aborted = true;
        return;
      }
      throw error;
    }
    for (let index = 0; index < this.rows.length; index++) {
      if (signal?.aborted) {
        this.summary.aborted = true;
        return;
      }
      const outcome = await this.#one(index, this.rows[index]!);
      this.summary[outcome.action] += 1;
      this.summary.remaining -= 1;
      yield outcome;
    }
  }

  async #one(index: number, row: ProductInput): Promise<ProductImportOutcome> {
    const key = String(row[this.matcher.field]).trim();
    const base = { index, row: this.label(index), key };
    const dryRun = this.summary.dryRun;
    try {
      const found = await this.matcher.find(key);
      if (!found) {
        if (dryRun) return { ...base, action: "created", changed: [] };
        const created = await this.matcher.products.create(row);
        return { ...base, action: "created", changed: [], ...idOf(created.good_id) };
      }
      const id = found.item.good_id!;
      const { changed, full } = await compareRow(
        this.matcher.products,
        found.item,
        found.full,
        row,
      );
      if (changed.length === 0) return { ...base, action: "unchanged", productId: id, changed };
      if (!dryRun) await this.matcher.products.update(id, mergeForUpdate(found.item, full, row));
      return { ...base, action: "updated", productId: id, changed };
    } catch (error) {
      if (!ROW_ERRORS.some((type) => error instanceof type)) throw error;
      return { ...base, action: "failed", changed: [], error: error as AltegioError };
    }
  }
}

const idOf = (id: number | undefined) => (id === undefined ? {} : { productId: id });
