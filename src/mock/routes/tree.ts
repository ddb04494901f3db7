// Product tree elements (search results and category composition children).
import type { MockCategory, MockProduct } from "../types.js";

export const categoryNode = (c: MockCategory) => ({
  parent_id: c.parent_category_id ?? 0,
  item_id: 0,
  category_id: c.id,
  title: c.title,
  is_chain: c.is_chain,
  is_category: true,
  is_item: false,
  ...c.wire?.node,
});

export const productNode = (p: MockProduct) => ({
  parent_id: p.category_id,
  item_id: p.id,
  category_id: 0,
  title: p.title,
  is_chain: false,
  is_category: false,
  is_item: true,
  ...p.wire?.node,
});

/** Case-insensitive substring match on any of the given fields. */
export const matches = (term: string, ...fields: string[]) => {
  const needle = term.toLowerCase();
  return fields.some((f) => f.toLowerCase().includes(needle));
};

/** Direct children of `parentId` (0 or null = top level) in a location, ordered by id. */
export function childCategories(
  categories: Iterable<MockCategory>,
  locationId: number,
  parentId: number,
): MockCategory[] {
  return [...categories]
    .filter((c) => c.location_id === locationId && (c.parent_category_id ?? 0) === parentId)
    .sort((a, b) => a.id - b.id);
}
