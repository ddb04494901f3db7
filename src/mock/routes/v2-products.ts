// v2 product, unit and category reads, served from the same state as v1: a product created through v1 reads back
// here as a `good` resource with its id as a string. Answers are v2 documents (`{ data, included?, meta? }`).
import {
  idParam,
  intParam,
  paginate,
  type MockReply,
  type Route,
  type RouteContext,
  v2NotFound,
} from "../http.js";
import type { MockCategory, MockProduct } from "../types.js";
import { matches } from "./tree.js";

const doc = (body: Record<string, unknown>): MockReply => ({ status: 200, body });
const missing = v2NotFound;

/** The `include` values asked for (`include=a&include=b`, or `include=a,b`). */
const includes = (ctx: RouteContext) =>
  new Set(
    ctx.query
      .getAll("include")
      .flatMap((v) => v.split(","))
      .filter(Boolean),
  );

function storageAmounts(ctx: RouteContext, p: MockProduct) {
  return [...ctx.state.storages.values()]
    .filter((s) => s.location_id === p.location_id)
    .sort((a, b) => a.id - b.id)
    .map((s) => {
      const amount = p.actual_amounts.find((a) => a.storage_id === s.id)?.amount ?? 0;
      return {
        type: "good_storage_amount",
        id: `${p.id}_${s.id}`,
        attributes: {
          good_id: p.id,
          storage_id: s.id,
          sale_amount: amount,
          consumable_amount: amount * (p.unit_equals || 1),
        },
      };
    });
}

/** A product as v2 shows it, with the resources `include` asks for collected into `included`. */
function productResource(
  ctx: RouteContext,
  p: MockProduct,
  wanted: Set<string>,
  included: unknown[],
) {
  const resource: Record<string, unknown> = {
    type: "good",
    id: String(p.id),
    attributes: {
      category_id: p.category_id,
      title: p.title,
      sale_unit_id: p.sale_unit_id,
      consumable_unit_id: p.service_unit_id,
      sale_unit_to_consumable_unit_ratio: p.unit_equals,
      loyalty_abonement_type_id: p.loyalty_abonement_type_id || null,
      loyalty_certificate_type_id: p.loyalty_certificate_type_id || null,
      cost: p.cost,
      actual_cost: wanted.has("actual_cost") ? p.actual_cost : null,
      is_chain: false,
    },
  };
  if (wanted.has("storage_amounts")) {
    const amounts = storageAmounts(ctx, p);
    included.push(...amounts);
    resource["relationships"] = {
      storage_amounts: { data: amounts.map(({ type, id }) => ({ type, id })) },
    };
  }
  return resource;
}

function categoryResource(
  ctx: RouteContext,
  c: MockCategory,
  wanted: Set<string>,
  included: unknown[],
) {
  const resource: Record<string, unknown> = {
    type: "good_category",
    id: String(c.id),
    attributes: { title: c.title, is_chain: c.is_chain, parent_category_id: c.parent_category_id },
  };
  const relationships: Record<string, unknown> = {};
  if (wanted.has("child_categories")) {
    const children = [...ctx.state.categories.values()]
      .filter((k) => k.location_id === c.location_id && k.parent_category_id === c.id)
      .sort((a, b) => a.id - b.id)
      .map((k) => categoryResource(ctx, k, new Set(), included));
    included.push(...children);
    relationships["child_categories"] = { data: children.map(({ type, id }) => ({ type, id })) };
  }
  if (wanted.has("goods")) {
    const goods = productsOf(ctx, c.location_id)
      .filter((p) => p.category_id === c.id)
      .map((p) => productResource(ctx, p, new Set(), included));
    included.push(...goods);
    relationships["goods"] = { data: goods.map(({ type, id }) => ({ type, id })) };
  }
  if (Object.keys(relationships).length) resource["relationships"] = relationships;
  return resource;
}

const productsOf = (ctx: RouteContext, locationId: number) =>
  [...ctx.state.products.values()]
    .filter((p) => p.location_id === locationId)
    .sort((a, b) => a.id - b.id);

function findProduct(ctx: RouteContext): MockProduct | undefined {
  const p = ctx.state.products.get(idParam(ctx, "product_id"));
  return p && p.location_id === idParam(ctx, "location_id") ? p : undefined;
}

/** A page of products: `page` from 1, `limit` up to 250 (the validator refuses more). */
function productPage(ctx: RouteContext, list: MockProduct[]): MockReply {
  const page = intParam(ctx.query, "page", 1);
  const limit = intParam(ctx.query, "limit", 250);
  const wanted = includes(ctx);
  const included: unknown[] = [];
  const data = paginate(list, page, limit, ctx.pageSizeCap).map((p) =>
    productResource(ctx, p, wanted, included),
  );
  return doc({
    data,
    ...(included.length ? { included } : {}),
    meta: { pagination: { page, offset: (page - 1) * limit, limit } },
  });
}

const route = (template: string, handle: (ctx: RouteContext) => MockReply): Route => ({
  method: "GET",
  template,
  auth: "user",
  locationParam: "location_id",
  handle,
});

export const v2ProductRoutes: Route[] = [
  route("/locations/{location_id}/products", (ctx) => {
    const ids = new Set(ctx.query.getAll("filter[ids][]").map(Number));
    const list = productsOf(ctx, idParam(ctx, "location_id")).filter(
      (p) => !ids.size || ids.has(p.id),
    );
    return productPage(ctx, list);
  }),
  route("/locations/{location_id}/products/autocomplete", (ctx) => {
    const term = ctx.query.get("filter[term]") ?? "";
    const list = productsOf(ctx, idParam(ctx, "location_id")).filter((p) =>
      matches(term, p.title, p.article, p.barcode),
    );
    return productPage(ctx, list);
  }),
  route("/locations/{location_id}/products/{product_id}", (ctx) => {
    const p = findProduct(ctx);
    if (!p) return missing();
    const included: unknown[] = [];
    const data = productResource(ctx, p, includes(ctx), included);
    return doc({ data, ...(included.length ? { included } : {}) });
  }),
  route("/locations/{location_id}/products/{product_id}/storage_amounts", (ctx) => {
    const p = findProduct(ctx);
    return p ? doc({ data: storageAmounts(ctx, p) }) : missing();
  }),
  route("/locations/{location_id}/units", (ctx) =>
    doc({
      data: [...ctx.state.units.values()]
        .sort((a, b) => a.id - b.id)
        .map((u) => ({
          type: "unit",
          id: String(u.id),
          attributes: {
            company_id: idParam(ctx, "location_id"),
            title: u.title,
            short_title: u.short_title,
          },
        })),
    }),
  ),
  route("/locations/{location_id}/product_categories", (ctx) => {
    const parent = intParam(ctx.query, "filter[parent_category_id]", 0);
    const wanted = includes(ctx);
    const included: unknown[] = [];
    const data = [...ctx.state.categories.values()]
      .filter((c) => c.location_id === idParam(ctx, "location_id"))
      .filter((c) => (c.parent_category_id ?? 0) === parent)
      .sort((a, b) => a.id - b.id)
      .map((c) => categoryResource(ctx, c, wanted, included));
    return doc({ data, ...(included.length ? { included } : {}) });
  }),
  route("/locations/{location_id}/product_categories/{product_category_id}", (ctx) => {
    const c = ctx.state.categories.get(idParam(ctx, "product_category_id"));
    if (!c || c.location_id !== idParam(ctx, "location_id")) return missing();
    const included: unknown[] = [];
    const data = categoryResource(ctx, c, includes(ctx), included);
    return doc({ data, ...(included.length ? { included } : {}) });
  }),
];
