// Field rules for product answers (the policy is in internal/normalize.ts, the allowed rules in
// internal/wire-rules.ts). Every field the generated types declare is listed; the compiler holds each shape to
// exactly those fields, so a change in the vendor's file fails type checking here until its rule is decided.
import { list, shape } from "../../internal/normalize.js";
import type { WireProduct, WireProductListItem, WireProductStockAmount } from "../../types.js";

/** Stock in one storage: amounts may be negative or fractional, and some servers send them as strings. */
export const stockAmountShape = shape<WireProductStockAmount>()({
  storage_id: "number",
  amount: "number",
});

/** A product from get/create/update. */
export const productShape = shape<WireProduct>()(
  {
    title: "string",
    value: "string",
    label: "string",
    good_id: "number",
    cost: "number",
    unit_id: "number",
    unit_short_title: "string",
    service_unit_id: "number",
    service_unit_short_title: "string",
    actual_cost: "number",
    unit_actual_cost: "number",
    unit_actual_cost_format: "string",
    unit_equals: "number",
    // Text even when it looks numeric (leading zeros matter); "" when the product has none.
    barcode: "string",
    // Typed number, sent as "150" / "0" in the vendor's own examples: ids, so numbers.
    loyalty_abonement_type_id: "number",
    loyalty_certificate_type_id: "number",
    // Typed boolean | number; live servers send 1/0.
    loyalty_allow_empty_code: "boolean",
    critical_amount: "number",
    desired_amount: "number",
    // `[]` for a product without stock.
    actual_amounts: list(stockAmountShape),
    last_change_date: "string",
  },
  // Not in the schema, but live product objects carry it, as 1/0.
  { loyalty_serial_number_limited: "boolean" },
);

/** A product as the product list shows it. */
export const productListItemShape = shape<WireProductListItem>()({
  title: "string",
  value: "string",
  label: "string",
  article: "string",
  category: "string",
  category_id: "number",
  salon_id: "number",
  good_id: "number",
  cost: "number",
  unit_id: "number",
  unit_short_title: "string",
});
