/** An operation as the spec names it: an upper-case method and a path template such as `/goods/{location_id}`. */
export type OperationRef = readonly [method: string, template: string];

/** Finds which of a fixed set of operations a concrete request is; `undefined` when none. */
export type OperationMatcher = (method: string, path: string) => string | undefined;

interface Candidate {
  segments: (string | null)[];
  literals: number;
  template: string;
  wanted: boolean;
}

/**
 * Compiles a list of operations into a matcher cheap enough for every call: candidates are bucketed by method and
 * segment count, then compared segment by segment (`{param}` matches any one segment). Returns the matched
 * template. `others` are operations outside the list whose literal segments win over a list entry's parameter,
 * as in OpenAPI (`/goods_categories/multiple/{id}` is not `/goods_categories/{location_id}/{category_id}`).
 */
export function operationMatcher(
  operations: readonly OperationRef[],
  others: readonly OperationRef[] = [],
): OperationMatcher {
  const buckets = new Map<string, Candidate[]>();
  const add = ([method, template]: OperationRef, wanted: boolean) => {
    const segments = template.split("/").map((part) => (/^\{[^}]+\}$/.test(part) ? null : part));
    const key = `${method} ${segments.length}`;
    const bucket = buckets.get(key) ?? [];
    bucket.push({
      segments,
      literals: segments.filter((s) => s !== null).length,
      template,
      wanted,
    });
    // Most literal segments first: the first match is the most specific one.
    bucket.sort((a, b) => b.literals - a.literals);
    buckets.set(key, bucket);
  };
  for (const operation of operations) add(operation, true);
  for (const operation of others) add(operation, false);
  return (method, path) => {
    const parts = path.split("/");
    const bucket = buckets.get(`${method} ${parts.length}`);
    if (!bucket) return undefined;
    for (const { segments, template, wanted } of bucket) {
      if (segments.every((s, i) => (s === null ? parts[i] !== "" : s === parts[i]))) {
        return wanted ? template : undefined;
      }
    }
    return undefined;
  };
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
