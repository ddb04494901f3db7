// Bulk import: match rows to a location's products by article or barcode, then create, update or skip each.
// Idempotence comes from matching, not from state kept by the importer: a rerun after any interruption finds what
// the first run created, so it can never create a product twice (rows without a key or with a repeated key are
// refused up front for that reason).
import {
  AltegioConflictError,
  AltegioError,
  AltegioInputError,
  AltegioNotFoundError,
  AltegioValidationError,
} from "../../errors.js";
import { describe, throwIfProblems } from "../../internal/ids.js";
import { checkInput } from "../../internal/input-check.js";
import type { Product, ProductInput, ProductListItem, ProductUpdateInput } from "../../types.js";
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
  created: number;
  updated: number;
  unchanged: number;
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

// Where each input field can be read back: from a list item, from the full product, or nowhere (the API never
// returns it). The compiler holds this table to every ProductInput field.
const READ_BACK: Record<
  keyof ProductInput,
  { list?: keyof ProductListItem; full?: keyof Product }
> = {
  title: { list: "title", full: "title" },
  article: { list: "article" },
  category_id: { list: "category_id" },
  sale_unit_id: { list: "unit_id", full: "unit_id" },
  service_unit_id: { full: "service_unit_id" },
  cost: { list: "cost", full: "cost" },
  barcode: { full: "barcode" },
  actual_cost: { full: "actual_cost" },
  unit_equals: { full: "unit_equals" },
  critical_amount: { full: "critical_amount" },
  desired_amount: { full: "desired_amount" },
  print_title: {},
  netto: {},
  brutto: {},
  comment: {},
  tax_variant: {},
  vat_id: {},
};

// A row the API refused is reported and the import goes on; anything else (auth, network, 5xx) stops it.
const ROW_ERRORS = [AltegioValidationError, AltegioConflictError, AltegioNotFoundError];

/** Checks every row before anything is sent; throws one AltegioInputError naming each bad row. */
export function checkImportRows(
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
      const { changed, full } = await this.#compare(found.item, found.full, row);
      if (changed.length === 0) return { ...base, action: "unchanged", productId: id, changed };
      if (!dryRun) await this.matcher.products.update(id, mergeForUpdate(found.item, full, row));
      return { ...base, action: "updated", productId: id, changed };
    } catch (error) {
      if (!ROW_ERRORS.some((type) => error instanceof type) && !(error instanceof AmbiguousMatch)) {
        throw error;
      }
      return { ...base, action: "failed", changed: [], error: error as AltegioError };
    }
  }

  /** The fields of `row` that differ; reads the full product only when the list item cannot tell. */
  async #compare(
    item: ProductListItem,
    known: Product | undefined,
    row: ProductInput,
  ): Promise<{ changed: string[]; full: Product | undefined }> {
    const fields = (Object.keys(row) as (keyof ProductInput)[]).filter(
      (field) => row[field] !== undefined,
    );
    const listed = (field: keyof ProductInput) => {
      const from = READ_BACK[field].list;
      return from !== undefined && item[from] !== undefined && item[from] !== null;
    };
    const differsInList = fields.some(
      (field) => listed(field) && !same(row[field], item[READ_BACK[field].list!]),
    );
    // An update must resend what the list does not show, and some fields are only visible in the full product.
    const needFull =
      differsInList || fields.some((field) => !listed(field) && READ_BACK[field].full);
    const hasWriteOnly = fields.some((field) => !listed(field) && !READ_BACK[field].full);
    const full =
      known ??
      (needFull || hasWriteOnly ? await this.matcher.products.get(item.good_id!) : undefined);
    const changed = fields.filter((field) => {
      if (listed(field)) return !same(row[field], item[READ_BACK[field].list!]);
      const from = READ_BACK[field].full;
      // Never returned by the API, so it cannot be known to be equal: always sent.
      if (!from) return true;
      return !same(row[field], full?.[from]);
    });
    return { changed, full };
  }
}

/** Thrown for a row whose key matches several products: guessing could overwrite the wrong one. */
class AmbiguousMatch extends AltegioError {}

interface Found {
  item: ProductListItem;
  /** The full product, when matching had to read it anyway (barcode). */
  full?: Product;
}

/** Finds the location's product for a key: articles from one listing, barcodes by a search per row. */
class Matcher {
  #byArticle = new Map<string, ProductListItem[]>();

  constructor(
    readonly products: Products,
    readonly field: ProductImportMatch,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Lists the location's products once (article matching only: list items carry no barcode). */
  async load(): Promise<void> {
    if (this.field !== "article") return;
    const options = this.signal ? { signal: this.signal } : {};
    for await (const item of this.products.list({}, options)) {
      const article = typeof item.article === "string" ? item.article.trim() : "";
      if (!article || item.good_id === undefined) continue;
      const same = this.#byArticle.get(article);
      if (same) same.push(item);
      else this.#byArticle.set(article, [item]);
    }
  }

  async find(key: string): Promise<Found | undefined> {
    if (this.field === "article") {
      return this.#one(
        key,
        (this.#byArticle.get(key) ?? []).map((item) => ({ item })),
      );
    }
    // The list's `term` matches barcodes among other fields; the full product confirms an exact barcode.
    const candidates: Found[] = [];
    for await (const item of this.products.list({ term: key })) {
      if (item.good_id === undefined) continue;
      const full = await this.products.get(item.good_id);
      if (typeof full.barcode === "string" && full.barcode.trim() === key) {
        candidates.push({ item, full });
      }
    }
    return this.#one(key, candidates);
  }

  #one(key: string, found: Found[]): Found | undefined {
    if (found.length <= 1) return found[0];
    const ids = found.map((f) => f.item.good_id).join(", ");
    throw new AmbiguousMatch(
      `${found.length} products of this location have ${this.field} ${JSON.stringify(key)} ` +
        `(ids ${ids}); the row was not applied to any of them`,
    );
  }
}

/**
 * The PUT body: the product as the API shows it, with the row on top. PUT replaces the whole product, so every
 * readable field is resent; fields the API never returns are kept only when the row gives them.
 */
function mergeForUpdate(
  item: ProductListItem,
  full: Product | undefined,
  row: ProductInput,
): ProductUpdateInput {
  const current: Record<string, unknown> = {};
  for (const [field, from] of Object.entries(READ_BACK)) {
    const value =
      (from.full ? full?.[from.full] : undefined) ?? (from.list ? item[from.list] : undefined);
    if (value !== undefined && value !== null) current[field] = value;
  }
  return { ...current, ...definedFields(row) } as ProductUpdateInput;
}

function definedFields(row: ProductInput): Partial<ProductInput> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

function same(wanted: unknown, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof wanted === "number" && typeof actual === "number") return wanted === actual;
  return String(wanted) === String(actual);
}

const idOf = (id: number | undefined) => (id === undefined ? {} : { productId: id });
