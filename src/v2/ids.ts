import { AltegioInputError } from "../errors.js";
import { describe } from "../internal/ids.js";

/**
 * v2 names resources by string ids (`"100"`) where its paths take the number. Returns that number, or throws
 * {@link AltegioInputError} (nothing sent) for anything but the string of a positive integer — a v1 numeric id
 * included, so the two are never mixed up silently.
 */
export function v2PathId(name: string, id: unknown): number {
  if (typeof id === "string" && /^[1-9]\d*$/.test(id) && Number.isSafeInteger(Number(id))) {
    return Number(id);
  }
  const hint = typeof id === "number" ? ` (v2 ids are strings: pass "${String(id)}")` : "";
  throw new AltegioInputError(
    `${name} must be a v2 resource id (the string of a positive integer), got ${describe(id)}${hint}`,
  );
}
