/** An operation as the spec names it: an upper-case method and a path template such as `/goods/{location_id}`. */
export type OperationRef = readonly [method: string, template: string];

/** Finds which of a fixed set of operations a concrete request is; `undefined` when none. */
export type OperationMatcher = (method: string, path: string) => string | undefined;

interface Candidate<T> {
  segments: (string | null)[];
  literals: number;
  value: T | undefined;
}

/** Finds which of a fixed set of operations a concrete request is, answering with that operation's value. */
export type OperationTable<T> = (method: string, path: string) => T | undefined;

// Concrete paths repeat (the same location, the same few ids), so answers are remembered; the bound keeps a long
// run over many ids from growing the cache without end.
const CACHE_LIMIT = 1024;

/**
 * Compiles operations with a value each into a lookup cheap enough for every call: candidates are bucketed by
 * method and segment count, then compared segment by segment (`{param}` matches any one segment), and answers are
 * cached per concrete path. `others` are operations outside the table whose literal segments win over an entry's
 * parameter, as in OpenAPI (`/goods_categories/multiple/{id}` is not `/goods_categories/{location_id}/{id}`).
 */
export function operationTable<T>(
  entries: readonly (readonly [OperationRef, T])[],
  others: readonly OperationRef[] = [],
): OperationTable<T> {
  const buckets = new Map<string, Candidate<T>[]>();
  const add = ([method, template]: OperationRef, value: T | undefined) => {
    const segments = template.split("/").map((part) => (/^\{[^}]+\}$/.test(part) ? null : part));
    const key = `${method} ${segments.length}`;
    const bucket = buckets.get(key) ?? [];
    bucket.push({ segments, literals: segments.filter((s) => s !== null).length, value });
    // Most literal segments first: the first match is the most specific one.
    bucket.sort((a, b) => b.literals - a.literals);
    buckets.set(key, bucket);
  };
  for (const [operation, value] of entries) add(operation, value);
  for (const operation of others) add(operation, undefined);

  const match = (method: string, path: string): T | undefined => {
    const parts = path.split("/");
    const bucket = buckets.get(`${method} ${parts.length}`);
    if (!bucket) return undefined;
    for (const { segments, value } of bucket) {
      let same = true;
      for (let i = 0; i < segments.length && same; i++) {
        const s = segments[i];
        same = s === null ? parts[i] !== "" : s === parts[i];
      }
      if (same) return value;
    }
    return undefined;
  };
  const cache = new Map<string, T | undefined>();
  return (method, path) => {
    const key = `${method} ${path}`;
    if (cache.has(key)) return cache.get(key);
    const value = match(method, path);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/** A table whose value is the matched template (see {@link operationTable}). */
export function operationMatcher(
  operations: readonly OperationRef[],
  others: readonly OperationRef[] = [],
): OperationMatcher {
  return operationTable(
    operations.map((operation) => [operation, operation[1]] as const),
    others,
  );
}

/** The path of `url` below the base URL's path (`/api/v1/storages/1` -> `/storages/1`), without the query. */
export function relativePath(url: string, basePath: string): string {
  // `url` is a Request's, so already normalized: the path runs from the first "/" after the authority to "?" or "#".
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  let end = url.length;
  const query = url.indexOf("?", start);
  if (query >= 0) end = query;
  const hash = url.indexOf("#", start);
  if (hash >= 0 && hash < end) end = hash;
  return url.slice(start + basePath.length, end) || "/";
}
