import { AltegioError } from "../errors.js";

/** What a paginator asks for: one page, numbered from 1. */
export interface PageRequest {
  page: number;
  count: number;
}

/** One page as the resource read it. */
export interface PageResult<Item> {
  items: Item[];
  /**
   * The total number of items, when the API states one (e.g. `children_count`); lets the walk stop without asking
   * for the empty page.
   */
  total?: number | undefined;
}

/** How a resource plugs into {@link paginate}: how to fetch a page and how to tell items apart. */
export interface PageSource<Item> {
  /** Fetches one page. */
  fetchPage(request: PageRequest): Promise<PageResult<Item>>;
  /** A key that is equal for the same item on any page (its id); undefined when the item has none. */
  key(item: Item): unknown;
  /** Items to ask for per page. */
  pageSize: number;
}

/**
 * Walks page-numbered results (pages from 1) and yields every distinct item once, lazily.
 *
 * Stopping rule: the walk ends only at the first empty page, or earlier once the stated `total` of distinct items has
 * arrived. A short page is never taken as the end, because Altegio may silently serve fewer items than `count`.
 * Cost: with N items and an effective page size S (the smaller of `count` and any server cap), ceil(N / S) + 1
 * requests; the extra one is the empty page that proves the end (it is skipped when a total is stated and reached).
 *
 * Safety: when the very first page is short, later pages ask for that many items, so page offsets line up whether
 * the server computes them from the size it served or from the `count` it was asked for. An item already yielded
 * from the previous page is dropped (when a record is added while the walk runs, offsets shift by one and the
 * last item of a page comes again at the top of the next), and a non-empty page that brings nothing new fails the
 * walk instead of looping forever on a server that ignores `page`. Only the previous page's keys are kept, so
 * memory stays bounded by two pages however long the listing is.
 */
export async function* paginate<Item>(
  source: PageSource<Item>,
): AsyncGenerator<Item, void, undefined> {
  let previous = new Set<unknown>();
  let distinct = 0;
  let count = source.pageSize;
  for (let page = 1; ; page++) {
    const { items, total } = await source.fetchPage({ page, count });
    if (items.length === 0) return;
    const current = new Set<unknown>();
    let fresh = 0;
    for (const item of items) {
      // An item without a key cannot be matched, so it is never taken for a repeat.
      const key = source.key(item);
      if (key !== undefined) {
        if (previous.has(key) || current.has(key)) continue;
        current.add(key);
      }
      fresh++;
      distinct++;
      yield item;
    }
    if (fresh === 0) {
      throw new AltegioError(
        `Pagination stopped: page ${page} held only items from earlier pages, so the server seems to ignore ` +
          "`page`; the listing could not be completed.",
      );
    }
    previous = current;
    if (total !== undefined && distinct >= total) return;
    if (page === 1 && items.length < count) count = items.length;
  }
}

/** Collects an async iterable into an array. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of items) out.push(item);
  return out;
}
