// Field rules for category answers and product tree elements (the policy is in internal/normalize.ts, the allowed
// rules in internal/wire-rules.ts). Every field the generated types declare is listed; the compiler holds each
// shape to exactly those fields, so a change in the vendor's file fails type checking here until its rule is decided.
import { list, shape } from "../../internal/normalize.js";
import type { WireCategoryNode, WireProductCategory, WireProductTreeElement } from "../../types.js";

/** A search result or a category composition child. */
export const treeElementShape = shape<WireProductTreeElement>()({
  parent_id: "number",
  item_id: "number",
  category_id: "number",
  title: "string",
  is_chain: "boolean",
  is_category: "boolean",
  is_item: "boolean",
});

/** A category composition page: the category and one page of its children. */
export const categoryNodeShape = shape<WireCategoryNode>()({
  ...treeElementShape.rules,
  children: list(treeElementShape),
  children_count: "number",
});

/** A product category; `parent_category_id` is null at the top level. */
export const categoryShape = shape<WireProductCategory>()({
  id: "number",
  title: "string",
  parent_category_id: "number|null",
  is_chain: "boolean",
});
