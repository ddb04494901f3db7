// Matching and comparing for the bulk import (import.ts): finding a row's product by its key, telling which of the
// row's fields differ from it, and building the full-replacement body of an update.
import { AltegioAmbiguousMatchError } from "../../errors.js";
import type { Product, ProductInput, ProductListItem, ProductUpdateInput } from "../../types.js";
import type { ProductImportMatch } from "./import.js";
import type { Products } from "./index.js";

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

/** A row's product, as matching found it. */
export interface Found {
  item: ProductListItem;
  /** The full product, when matching had to read it anyway (barcode). */
  full?: Product;
}

/** Finds the location's product for a key: articles from one listing, barcodes by a search per row. */
export class Matcher {
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
    const options = this.signal ? { signal: this.signal } : {};
    for await (const item of this.products.list({ term: key }, options)) {
      if (item.good_id === undefined) continue;
      const full = await this.products.get(item.good_id, options);
      if (typeof full.barcode === "string" && full.barcode.trim() === key) {
        candidates.push({ item, full });
      }
    }
    return this.#one(key, candidates);
  }

  #one(key: string, found: Found[]): Found | undefined {
    if (found.length <= 1) return found[0];
    const ids = found.map((f) => f.item.good_id).join(", ");
    throw new AltegioAmbiguousMatchError(
      `${found.length} products of this location have ${this.field} ${JSON.stringify(key)} ` +
        `(ids ${ids}); the row was not applied to any of them`,
    );
  }
}

/**
 * The fields of `row` whose value differs from the product's, and the full product when it had to be read (the list
 * item cannot show every field, and an update needs all of them).
 */
export async function compareRow(
  products: Products,
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
  const needFull = differsInList || fields.some((field) => !listed(field) && READ_BACK[field].full);
  const hasWriteOnly = fields.some((field) => !listed(field) && !READ_BACK[field].full);
  const full = known ?? (needFull || hasWriteOnly ? await products.get(item.good_id!) : undefined);
  const changed = fields.filter((field) => {
    if (listed(field)) return !same(row[field], item[READ_BACK[field].list!]);
    const from = READ_BACK[field].full;
    // Never returned by the API, so it cannot be known to be equal: always sent.
    if (!from) return true;
    return !same(row[field], full?.[from]);
  });
  return { changed, full };
}

/**
 * The PUT body: the product as the API shows it, with the row on top. PUT replaces the whole product, so every
 * readable field is resent; fields the API never returns are kept only when the row gives them.
 */
export function mergeForUpdate(
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
