// Runtime normalizers for product and category answers (the policy is in normalize.ts). Each shape lists exactly
// the fields the generated types declare as plain numbers or booleans; the compiler holds the lists to that.
import type {
  CategoryNode,
  Product,
  ProductCategory,
  ProductListItem,
  ProductStockAmount,
  ProductTreeElement,
} from "../types.js";
import { shape } from "./normalize.js";

const stockAmount = shape<ProductStockAmount>({
  numbers: { storage_id: true, amount: true },
  booleans: {},
});

/** Normalizes a product from get/create/update. */
export const normalizeProduct = shape<Product>({
  numbers: {
    good_id: true,
    cost: true,
    unit_id: true,
    service_unit_id: true,
    actual_cost: true,
    unit_actual_cost: true,
    unit_equals: true,
    critical_amount: true,
    desired_amount: true,
  },
  booleans: {},
  arrays: { actual_amounts: stockAmount },
});

/** Normalizes a product list item. */
export const normalizeListItem = shape<ProductListItem>({
  numbers: { category_id: true, salon_id: true, good_id: true, cost: true, unit_id: true },
  booleans: {},
});

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
