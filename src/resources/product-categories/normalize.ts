// Runtime normalizers for category answers and category composition children (the policy is in
// internal/normalize.ts). Each shape lists exactly the fields the generated types declare as plain numbers or
// booleans; the compiler holds the lists to that.
import { shape } from "../../internal/normalize.js";
import type { CategoryNode, ProductCategory, ProductTreeElement } from "../../types.js";

/** Normalizes a search result or a category composition child. */
export const normalizeTreeElement = shape<ProductTreeElement>({
  numbers: { parent_id: true, item_id: true, category_id: true },
  booleans: { is_chain: true, is_category: true, is_item: true },
});

/** Normalizes a category composition page (the category and its children). */
export const normalizeNode = shape<CategoryNode>({
  numbers: { parent_id: true, item_id: true, category_id: true, children_count: true },
  booleans: { is_chain: true, is_category: true, is_item: true },
  arrays: { children: normalizeTreeElement },
});

/** Normalizes a product category. */
export const normalizeCategory = shape<ProductCategory>({
  numbers: { id: true, parent_category_id: true },
  booleans: { is_chain: true },
});
