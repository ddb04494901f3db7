// The 18 operations this client covers, as the vendor snapshot names them. operations.test.ts
// checks the snapshot against this list; operations.test-d.ts checks the generated types.
export const EXPECTED_OPERATIONS = [
  { operationId: "authorize_user", method: "post", path: "/auth" },
  { operationId: "get_location_list", method: "get", path: "/companies" },
  { operationId: "get_location", method: "get", path: "/company/{location_id}" },
  { operationId: "get_location_users", method: "get", path: "/company/{location_id}/users" },
  { operationId: "get_location_inventories", method: "get", path: "/storages/{location_id}" },
  { operationId: "search_product", method: "get", path: "/goods/search/{location_id}" },
  { operationId: "get_product", method: "get", path: "/goods/{location_id}/{product_id}" },
  { operationId: "update_product", method: "put", path: "/goods/{location_id}/{product_id}" },
  { operationId: "delete_product", method: "delete", path: "/goods/{location_id}/{product_id}" },
  { operationId: "get_products_list", method: "get", path: "/goods/{location_id}" },
  { operationId: "create_product", method: "post", path: "/goods/{location_id}" },
  {
    operationId: "get_product_category_list",
    method: "get",
    path: "/company/{location_id}/goods_categories/{parent_category_id}",
  },
  {
    operationId: "get_product_category_composition",
    method: "get",
    path: "/goods/category_node/{location_id}/{category_id}",
  },
  {
    operationId: "get_product_category_list_by_ids",
    method: "get",
    path: "/goods_categories/multiple/{location_id}",
  },
  {
    operationId: "create_product_category",
    method: "post",
    path: "/goods_categories/{location_id}",
  },
  {
    operationId: "update_product_category",
    method: "put",
    path: "/goods_categories/{location_id}/{category_id}",
  },
  {
    operationId: "delete_product_category",
    method: "delete",
    path: "/goods_categories/{location_id}/{category_id}",
  },
  {
    operationId: "deprecated_get_product_category_list",
    method: "get",
    path: "/goods_categories/{location_id}/{category_id}",
  },
] as const;
