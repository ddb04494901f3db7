// `include` resolution: v2 answers with resources whose relationships point (`{ type, id }`) into the document's
// `included` list. `joinIncluded` puts the pointed-at resources next to each resource, so callers never walk that
// list themselves.
import type { V2IncludedResource, V2ResourceIdentifier } from "./types.js";

/** What every v2 resource has. */
export interface V2Resource {
  type: string;
  id: string;
  relationships?:
    | Record<string, { data: V2ResourceIdentifier | V2ResourceIdentifier[] | null } | undefined>
    | undefined;
}

type Relationships<R> = R extends { relationships?: infer Rel } ? NonNullable<Rel> : never;

/**
 * The resources a relationship points at: a list for a to-many relationship, one resource or null for a to-one.
 * `Types` names the resource type of relationships whose type is known; others are open included resources.
 */
export type Related<R, Types = object> = {
  [K in keyof Relationships<R>]?: Relationships<R>[K] extends { data: infer D } | undefined
    ? D extends readonly unknown[]
      ? (K extends keyof Types ? Types[K] : V2IncludedResource)[]
      : (K extends keyof Types ? Types[K] : V2IncludedResource) | null
    : never;
};

/** A resource with the resources its relationships point at, from the same document. */
export type Joined<R, Types = object> = R & {
  /** The related resources that the answer carried (ask for them with `include`); those it did not are left out. */
  related: Related<R, Types>;
};

/** Tells resources apart: by type and id together (ids are unique per type only). */
export const keyOf = (ref: { type: string; id: string }) => `${ref.type}\u0000${ref.id}`;

/**
 * Joins each of `data` with the resources its relationships point at, found in `included` (or in `data` itself, as
 * JSON:API allows). A relationship whose resources are not in the document is left out of `related`.
 */
export function joinIncluded<R extends V2Resource, Types = object>(
  data: readonly R[],
  included: readonly { type: string; id: string }[] | undefined,
): Joined<R, Types>[] {
  const byKey = new Map<string, unknown>();
  for (const resource of [...data, ...(included ?? [])]) byKey.set(keyOf(resource), resource);
  return data.map((resource) => {
    const related: Record<string, unknown> = {};
    for (const [name, rel] of Object.entries(resource.relationships ?? {})) {
      if (!rel || rel.data === undefined) continue;
      if (rel.data === null) {
        related[name] = null;
      } else if (Array.isArray(rel.data)) {
        const found = rel.data.map((ref) => byKey.get(keyOf(ref))).filter((r) => r !== undefined);
        if (found.length > 0 || rel.data.length === 0) related[name] = found;
      } else {
        const found = byKey.get(keyOf(rel.data));
        if (found !== undefined) related[name] = found;
      }
    }
    return { ...resource, related } as Joined<R, Types>;
  });
}
