// Runtime normalizers for product answers (the policy is in normalize.ts). Each shape lists exactly
// the fields the generated types declare as plain numbers or booleans; the compiler holds the lists to that.
import { shape } from "../../internal/normalize.js";
import type { Product, ProductListItem, ProductStockAmount } from "../../types.js";

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
