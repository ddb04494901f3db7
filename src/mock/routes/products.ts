// Products: list, search, get, create, full-replacement update, delete.
import {
  formatDate,
  idParam,
  intParam,
  MESSAGES,
  deleted,
  notFound,
  ok,
  paginate,
  unprocessable,
  type MockReply,
  type Route,
  type RouteContext,
} from "../http.js";
import type { MockProduct } from "../types.js";
import { categoryNode, childCategories, matches, productNode } from "./tree.js";

const round2 = (n: number) => Math.round(n * 100) / 100;

function unitTitle(ctx: RouteContext, id: number) {
  return ctx.state.units.get(id)?.short_title ?? "";
}

function label(p: MockProduct) {
  return p.article ? `${p.title} (${p.article})` : p.title;
}

/** The object get/create/update answer with: `good_id` and `unit_id`, and no `category_id`. */
function productObject(ctx: RouteContext, p: MockProduct) {
  const location = ctx.state.locations.get(p.location_id);
  const unitCost = p.unit_equals ? round2(p.actual_cost / p.unit_equals) : p.actual_cost;
  return {
    title: p.title,
    value: p.title,
    label: label(p),
    good_id: p.id,
    cost: p.cost,
    unit_id: p.sale_unit_id,
    unit_short_title: unitTitle(ctx, p.sale_unit_id),
    service_unit_id: p.service_unit_id,
    service_unit_short_title: unitTitle(ctx, p.service_unit_id),
    actual_cost: p.actual_cost,
    unit_actual_cost: unitCost,
    unit_actual_cost_format: `${unitCost} ${location?.currency_short_title ?? "$"}`,
    unit_equals: p.unit_equals,
    barcode: p.barcode,
    // Typed as numbers by the docs but sent as strings, as in every vendor example.
    loyalty_abonement_type_id: String(p.loyalty_abonement_type_id),
    loyalty_certificate_type_id: String(p.loyalty_certificate_type_id),
    loyalty_allow_empty_code: p.loyalty_allow_empty_code,
    critical_amount: p.critical_amount,
    desired_amount: p.desired_amount,
    actual_amounts: p.actual_amounts.map((a) => ({ ...a })),
    last_change_date: formatDate(p.last_change_ms, location?.timezone ?? 0),
    ...p.wire?.object,
  };
}

/** The shorter list item, which does carry `category_id`. */
function listItem(ctx: RouteContext, p: MockProduct) {
  return {
    title: p.title,
    value: p.title,
    label: label(p),
    article: p.article,
    category: ctx.state.categories.get(p.category_id)?.title ?? "",
    category_id: p.category_id,
    salon_id: p.location_id,
    good_id: p.id,
    cost: p.cost,
    unit_id: p.sale_unit_id,
    unit_short_title: unitTitle(ctx, p.sale_unit_id),
    ...p.wire?.list,
  };
}

function findProduct(ctx: RouteContext): MockProduct | undefined {
  const p = ctx.state.products.get(idParam(ctx, "product_id"));
  return p && p.location_id === idParam(ctx, "location_id") ? p : undefined;
}

type ProductBody = Partial<Omit<MockProduct, "id" | "location_id" | "actual_amounts">> & {
  correction_rules?: unknown[];
};

/** Applies a create/update body (a full replacement: absent optional fields fall back to defaults). */
function fromBody(
  ctx: RouteContext,
  body: ProductBody,
  base: Pick<MockProduct, "id" | "location_id" | "actual_amounts">,
): MockProduct | MockReply {
  const category = ctx.state.categories.get(Number(body.category_id));
  if (!category || category.location_id !== base.location_id) {
    return unprocessable([{ "[category_id]": ["Product category not found."] }]);
  }
  const title = String(body.title ?? "");
  return {
    ...base,
    title,
    print_title: body.print_title ?? title,
    article: body.article ?? "",
    barcode: body.barcode ?? "",
    category_id: category.id,
    sale_unit_id: Number(body.sale_unit_id),
    service_unit_id: Number(body.service_unit_id),
    cost: body.cost ?? 0,
    actual_cost: body.actual_cost ?? 0,
    unit_equals: body.unit_equals ?? 1,
    critical_amount: body.critical_amount ?? 0,
    desired_amount: body.desired_amount ?? 0,
    netto: body.netto ?? 0,
    brutto: body.brutto ?? 0,
    comment: body.comment ?? "",
    tax_variant: body.tax_variant ?? null,
    vat_id: body.vat_id ?? null,
    loyalty_abonement_type_id: 0,
    loyalty_certificate_type_id: 0,
    loyalty_allow_empty_code: false,
    last_change_ms: ctx.now(),
  };
}

function dateFilter(ctx: RouteContext, name: string): number | undefined | MockReply {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms)
    ? unprocessable([{ [`[${name}]`]: ["This value is not a valid datetime."] }])
    : ms;
}

const isReply = (v: unknown): v is MockReply =>
  typeof v === "object" && v !== null && "status" in v;

export const productRoutes: Route[] = [
  {
    method: "GET",
    template: "/goods/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const q = ctx.query;
      const locationId = idParam(ctx, "location_id");
      const after = dateFilter(ctx, "changed_after");
      if (isReply(after)) return after;
      const before = dateFilter(ctx, "changed_before");
      if (isReply(before)) return before;
      const term = q.get("term") ?? "";
      const categoryId = intParam(q, "category_id", 0);
      const list = [...ctx.state.products.values()]
        .filter((p) => p.location_id === locationId)
        .filter((p) => !term || matches(term, p.title, p.article, p.barcode))
        .filter((p) => !categoryId || p.category_id === categoryId)
        .filter((p) => after === undefined || p.last_change_ms >= after)
        .filter((p) => before === undefined || p.last_change_ms <= before)
        .sort((a, b) => a.id - b.id);
      // Like live servers: at most 100 per page, and a larger count silently falls back to the default 25.
      const asked = intParam(q, "count", 25);
      const page = paginate(
        list,
        intParam(q, "page", 1),
        asked > 100 ? 25 : asked,
        ctx.pageSizeCap,
      );
      return ok(page.map((p) => listItem(ctx, p)));
    },
  },
  {
    method: "GET",
    template: "/goods/search/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const locationId = idParam(ctx, "location_id");
      const term = ctx.query.get("term") ?? "";
      const categories = ctx.state.categories.values();
      if (!term) {
        // Without a term the vendor lists root categories and ignores `count`.
        const roots = childCategories(categories, locationId, 0).map(categoryNode);
        return ok(roots, { count: roots.length });
      }
      const max = Math.min(intParam(ctx.query, "count", 100), 100);
      const found = [...categories]
        .filter((c) => c.location_id === locationId && matches(term, c.title, c.article))
        .sort((a, b) => a.id - b.id)
        .map(categoryNode);
      const products = [...ctx.state.products.values()]
        .filter((p) => p.location_id === locationId && matches(term, p.title, p.article, p.barcode))
        .sort((a, b) => a.id - b.id)
        .map(productNode);
      const data = [...found, ...products].slice(0, Math.max(0, max));
      return ok(data, { count: data.length });
    },
  },
  {
    method: "GET",
    template: "/goods/{location_id}/{product_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const product = findProduct(ctx);
      return product ? ok(productObject(ctx, product)) : notFound();
    },
  },
  {
    method: "POST",
    template: "/goods/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const base = {
        id: ctx.state.nextId(),
        location_id: idParam(ctx, "location_id"),
        actual_amounts: [],
      };
      const product = fromBody(ctx, (ctx.body ?? {}) as ProductBody, base);
      if (isReply(product)) return product;
      ctx.state.products.set(product.id, product);
      return ok(productObject(ctx, product), [], 201);
    },
  },
  {
    method: "PUT",
    template: "/goods/{location_id}/{product_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const current = findProduct(ctx);
      if (!current) return notFound();
      const body = (ctx.body ?? {}) as ProductBody;
      const next = fromBody(ctx, body, current);
      if (isReply(next)) return next;
      delete next.wire;
      const unitsChanged =
        next.sale_unit_id !== current.sale_unit_id ||
        next.service_unit_id !== current.service_unit_id;
      const rules = body.correction_rules;
      if (
        unitsChanged &&
        current.actual_amounts.length > 0 &&
        !(Array.isArray(rules) && rules.length)
      ) {
        return {
          status: 409,
          body: { success: false, data: null, meta: { message: MESSAGES[409], conflict: true } },
        };
      }
      ctx.state.products.set(next.id, next);
      return ok(productObject(ctx, next));
    },
  },
  {
    method: "DELETE",
    template: "/goods/{location_id}/{product_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const product = findProduct(ctx);
      if (!product) return notFound();
      ctx.state.products.delete(product.id);
      return deleted(ctx);
    },
  },
];
