// Rules for category bodies, checked before anything is sent (see internal/input-check.ts for the checker).
import { type InputSpec } from "../../internal/input-check.js";
import type { ProductCategoryInput } from "../../types.js";

/** Rules for a category create or update body. */
export const categoryInputSpec: InputSpec<ProductCategoryInput> = {
  title: { kind: "title", required: true },
  parent_category_id: { kind: "parent", required: false },
  article: { kind: "string", required: false },
  comment: { kind: "string", required: false },
};
