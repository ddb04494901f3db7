import type { OperationRef } from "./operations.js";

// Operations the spec marks `deprecated: true`; calling one logs a warning once per client. The core carries these
// few templates instead of the whole document, and test/core/deprecated.test.ts keeps them equal to
// generated/b2b-v1.openapi.json (printing the new lists when a pulled spec changes them).
export const deprecatedOperations: readonly OperationRef[] = [
  ["GET", "/service_categories/{location_id}/{id}"],
  ["GET", "/services/{location_id}/{service_id}"],
  ["GET", "/company/{location_id}/staff/positions"],
  ["POST", "/company/{location_id}/positions/quick"],
  ["GET", "/clients/{location_id}"],
  ["GET", "/company_users/{location_id}"],
  ["GET", "/activity/{location_id}/{event_id}"],
  ["PUT", "/activity/{location_id}/{event_id}"],
  ["DELETE", "/activity/{location_id}/{event_id}"],
  ["POST", "/activity/{location_id}"],
  ["PUT", "/schedule/{location_id}/{team_member_id}"],
  ["GET", "/goods_categories/{location_id}/{category_id}"],
  ["POST", "/labels/{location_id}"],
  ["GET", "/labels/{location_id}/{entity}"],
  ["PUT", "/labels/{location_id}/{tag_id}"],
  ["DELETE", "/labels/{location_id}/{tag_id}"],
];

// Current operations whose literal segments a deprecated template would otherwise swallow.
export const deprecatedLookalikes: readonly OperationRef[] = [
  ["GET", "/activity/{location_id}/search"],
  ["GET", "/activity/{location_id}/search_dates"],
  ["GET", "/activity/{location_id}/search_dates_range"],
  ["GET", "/activity/{location_id}/filters"],
  ["GET", "/activity/{location_id}/services"],
  ["GET", "/activity/{location_id}/duplication_strategy"],
  ["GET", "/goods_categories/multiple/{location_id}"],
];
