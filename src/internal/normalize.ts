import { AltegioError } from "../errors.js";

// Response normalization: makes what the API sends match the generated types at runtime.
//
// Policy (the same for every product and category object):
// - A field the schema declares as a plain number gets numeric strings converted (`"123456"` -> 123456): older
//   answers send every number as a string. Anything else (a non-numeric string, null) is left as sent; we never
//   invent a value.
// - A field the schema declares as a plain boolean gets 0/1 (and "0"/"1") converted to false/true.
// - A field the schema declares as a union (the overlay's honest `number | string` for loyalty_abonement_type_id and
//   loyalty_certificate_type_id, `boolean | number` for loyalty_allow_empty_code) is passed through unchanged: the
//   type already tells callers to handle both forms.
// Which fields are plain numbers or booleans is computed from the generated types, and each shape below must list
// exactly those fields, so a schema change that adds, removes or widens a field fails type checking here.

type Plain<T, V> = { [K in keyof T]-?: [NonNullable<T[K]>] extends [V] ? K : never }[keyof T];
/** Fields typed as a plain number (nullable or optional allowed). */
export type NumberKeys<T> = Plain<T, number>;
/** Fields typed as a plain boolean (nullable or optional allowed). */
export type BooleanKeys<T> = Plain<T, boolean>;

/** How one object type is normalized. */
export interface Shape<T> {
  numbers: Record<NumberKeys<T>, true>;
  booleans: Record<BooleanKeys<T>, true>;
  /** Array fields whose items are normalized with their own shape. */
  arrays?: { [K in keyof T]?: (item: never) => unknown };
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** Builds a normalizer for objects of type `T`; it fixes values in place and returns the same object. */
export function shape<T>(spec: Shape<T>): (value: T) => T {
  const numbers = Object.keys(spec.numbers);
  const booleans = Object.keys(spec.booleans);
  const arrays = Object.entries(spec.arrays ?? {}) as [string, (item: unknown) => unknown][];
  return (value) => {
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    for (const key of numbers) {
      const v = record[key];
      if (typeof v === "string" && NUMERIC.test(v)) record[key] = Number(v);
    }
    for (const key of booleans) {
      const v = record[key];
      if (v === 0 || v === 1 || v === "0" || v === "1") record[key] = v === 1 || v === "1";
    }
    for (const [key, normalizeItem] of arrays) {
      const v = record[key];
      if (Array.isArray(v)) v.forEach((item) => normalizeItem(item));
    }
    return value;
  };
}

/** Normalizes each item of a list answer; a `data` that is not an array becomes an error, not a crash later. */
export function normalizeList<T>(data: unknown, normalize: (item: T) => T, what: string): T[] {
  if (!Array.isArray(data)) {
    throw new AltegioError(`Unexpected answer: ${what} should be a list, got ${typeof data}`);
  }
  return (data as T[]).map(normalize);
}
