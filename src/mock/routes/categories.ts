// Product categories: lists (by parent, by ids, deprecated), composition, create, update, delete.
import {
  idParam,
  intParam,
  deleted,
  notFound,
  ok,
  paginate,
  unprocessable,
  type MockReply,
  type Route,
  type RouteContext,
} from "../http.js";
import type { MockCategory } from "../types.js";
import { categoryNode, childCategories, productNode } from "./tree.js";

const ROOT_NODE = {
  parent_id: 0,
  item_id: 0,
  category_id: 0,
  title: "",
  is_chain: false,
  is_category: true,
  is_item: false,
};

const listItem = (c: MockCategory) => ({
  id: c.id,
  title: c.title,
  parent_category_id: c.parent_category_id,
  is_chain: c.is_chain,
  ...c.wire?.list,
});

const written = (c: MockCategory) => ({
  id: c.id,
  title: c.title,
  parent_category_id: c.parent_category_id,
});

function findCategory(ctx: RouteContext, param = "category_id"): MockCategory | undefined {
  const c = ctx.state.categories.get(idParam(ctx, param));
  return c && c.location_id === idParam(ctx, "location_id") ? c : undefined;
}

interface CategoryBody {
  title?: string;
  parent_category_id?: number | null;
  article?: string;
  comment?: string;
}

/** Resolves `parent_category_id` (0 and null both mean top level); a reply when the parent is unknown. */
function parentOf(ctx: RouteContext, body: CategoryBody, self?: number): number | null | MockReply {
  const parent = body.parent_category_id ?? 0;
  if (!parent) return null;
  const found = ctx.state.categories.get(Number(parent));
  if (!found || found.location_id !== idParam(ctx, "location_id") || found.id === self) {
    return unprocessable([{ "[parent_category_id]": ["Parent category not found."] }]);
  }
  return found.id;
}

const isReply = (v: unknown): v is MockReply => typeof v === "object" && v !== null;

export const categoryRoutes: Route[] = [
  {
    method: "GET",
    template: "/company/{location_id}/goods_categories/{parent_category_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const list = childCategories(
        ctx.state.categories.values(),
        idParam(ctx, "location_id"),
        idParam(ctx, "parent_category_id") || 0,
      ).map(listItem);
      return ok(list, { count: list.length });
    },
  },
  {
    method: "GET",
    template: "/goods_categories/{location_id}/{category_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      // The deprecated list: children of the given category, `meta: []`. The older edition of the docs shows string
      // ids; the vendor's current file gives it the category objects of the by-ids list, which the mock follows.
      const list = childCategories(
        ctx.state.categories.values(),
        idParam(ctx, "location_id"),
        idParam(ctx, "category_id") || 0,
      ).map(listItem);
      return ok(list);
    },
  },
  {
    method: "GET",
    template: "/goods_categories/multiple/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const raw = [...ctx.query.getAll("ids[]"), ...ctx.query.getAll("ids")];
      const ids = [...new Set(raw.flatMap((v) => v.split(",")).map(Number))];
      const locationId = idParam(ctx, "location_id");
      const list = ids
        .map((id) => ctx.state.categories.get(id))
        .filter((c): c is MockCategory => !!c && c.location_id === locationId)
        .map(listItem);
      return ok(list, { count: list.length });
    },
  },
  {
    method: "GET",
    template: "/goods/category_node/{location_id}/{category_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const locationId = idParam(ctx, "location_id");
      const id = idParam(ctx, "category_id");
      const category = id === 0 ? undefined : findCategory(ctx);
      if (id !== 0 && !category) return notFound();
      const children = [
        ...childCategories(ctx.state.categories.values(), locationId, id).map(categoryNode),
        ...[...ctx.state.products.values()]
          .filter((p) => p.location_id === locationId && p.category_id === id)
          .sort((a, b) => a.id - b.id)
          .map(productNode),
      ];
      const count = Math.min(intParam(ctx.query, "count", 1000), 1000);
      // Category 0 is the invisible root: its children are the top-level categories.
      const node = category ? categoryNode(category) : ROOT_NODE;
      // The composition page documents no `meta` at all.
      return {
        status: 200,
        body: {
          success: true,
          data: {
            ...node,
            children: paginate(children, intParam(ctx.query, "page", 1), count, ctx.pageSizeCap),
            children_count: children.length,
          },
        },
      };
    },
  },
  {
    method: "POST",
    template: "/goods_categories/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const body = (ctx.body ?? {}) as CategoryBody;
      const parent = parentOf(ctx, body);
      if (isReply(parent)) return parent;
      const category = ctx.state.addCategory({
        id: ctx.state.nextId(),
        location_id: idParam(ctx, "location_id"),
        title: String(body.title ?? ""),
        parent_category_id: parent,
        article: body.article ?? "",
        comment: body.comment ?? "",
      });
      return ok(written(category), [], 201);
    },
  },
  {
    method: "PUT",
    template: "/goods_categories/{location_id}/{category_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const current = findCategory(ctx);
      if (!current) return notFound();
      const body = (ctx.body ?? {}) as CategoryBody;
      const parent = parentOf(ctx, body, current.id);
      if (isReply(parent)) return parent;
      const next: MockCategory = {
        ...current,
        title: String(body.title ?? ""),
        parent_category_id: parent,
        article: body.article ?? "",
        comment: body.comment ?? "",
      };
      delete next.wire;
      ctx.state.categories.set(next.id, next);
      return ok(written(next));
    },
  },
  {
    method: "DELETE",
    template: "/goods_categories/{location_id}/{category_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const current = findCategory(ctx);
      if (!current) return notFound();
      const used =
        [...ctx.state.categories.values()].some((c) => c.parent_category_id === current.id) ||
        [...ctx.state.products.values()].some((p) => p.category_id === current.id);
      // Deleting a non-empty category would orphan its children; refuse like a careful server would.
      if (used) return unprocessable([{ message: "The category is not empty." }]);
      ctx.state.categories.delete(current.id);
      return deleted(ctx);
    },
  },
];
