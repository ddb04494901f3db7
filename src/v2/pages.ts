// v2's page/limit lists on the one paginator (src/internal/paginate.ts): a page source that asks for `page` and
// `limit`, joins each page's resources with that page's `included`, and tells resources apart by type and id.
import { AltegioInputError } from "../errors.js";
import type { PageSource } from "../internal/paginate.js";
import { joinIncluded, keyOf, type Joined, type V2Resource } from "./include.js";
import type { V2IncludedResource } from "./types.js";

/** The most resources a v2 list serves per page. */
export const MAX_V2_LIMIT = 250;

/** One v2 list page as read from the API. */
export interface V2Page<R> {
  data: R[];
  included?: V2IncludedResource[] | undefined;
}

/** Throws {@link AltegioInputError} unless `limit` is an integer from 1 to 250; nothing is sent. */
export function checkLimit(limit: unknown): number {
  if (typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= MAX_V2_LIMIT) {
    return limit;
  }
  throw new AltegioInputError(
    `limit must be an integer from 1 to ${MAX_V2_LIMIT}, got ${JSON.stringify(limit) ?? String(limit)}`,
  );
}

/** A {@link PageSource} over a v2 list: `fetchPage(page, limit)` reads one page. */
export function v2PageSource<R extends V2Resource, Types = object>(
  limit: number,
  fetchPage: (page: number, limit: number) => Promise<V2Page<R>>,
): PageSource<Joined<R, Types>> {
  return {
    pageSize: checkLimit(limit),
    async fetchPage({ page, count }) {
      const body = await fetchPage(page, count);
      return { items: joinIncluded<R, Types>(body.data, body.included) };
    },
    key: keyOf,
  };
}
