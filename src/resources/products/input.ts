// Rules for product bodies, checked before anything is sent (see internal/input-check.ts for the checker).
import { type InputSpec } from "../../internal/input-check.js";
import type { ProductInput, ProductUpdateInput } from "../../types.js";

/** Rules for a product create body (`POST /goods`). */
export const productInputSpec: InputSpec<ProductInput> = {
  title: { kind: "title", required: true },
  category_id: { kind: "id", required: true },
  sale_unit_id: { kind: "id", required: true },
  service_unit_id: { kind: "id", required: true },
  print_title: { kind: "string", required: false },
  article: { kind: "string", required: false },
  barcode: { kind: "string", required: false },
  cost: { kind: "number", required: false },
  actual_cost: { kind: "number", required: false },
  unit_equals: { kind: "number", required: false },
  critical_amount: { kind: "number", required: false },
  desired_amount: { kind: "number", required: false },
  netto: { kind: "number", required: false },
  brutto: { kind: "number", required: false },
  comment: { kind: "string", required: false },
  tax_variant: { kind: "integer", required: false },
  vat_id: { kind: "integer", required: false },
};

/** Rules for a product update body (`PUT /goods`, a full replacement). */
export const productUpdateSpec: InputSpec<ProductUpdateInput> = {
  ...productInputSpec,
  correction_rules: { kind: "rules", required: false },
};
