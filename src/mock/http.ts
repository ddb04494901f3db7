// Shared building blocks for route handlers: the reply type, vendor envelopes, path templates, paging, dates.
import type { MockState } from "./state.js";
import type { MockUser } from "./types.js";
import type { FieldError } from "./validate.js";

/** What a handler answers; `body` undefined means no body (204). */
export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Everything a handler may look at. */
export interface RouteContext {
  method: string;
  /** Path params by the route template's names (raw strings). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
  state: MockState;
  /** The user of a `User <token>` credential, when one was sent and is valid. */
  user: MockUser | undefined;
  now: () => number;
  pageSizeCap: number | undefined;
  deleteStatus: 200 | 202 | 204;
}

/** One served operation. */
export interface Route {
  method: string;
  /** Path template relative to its API's base (`/api/v1` or `/api/v2`), e.g. `/goods/{location_id}/{product_id}`. */
  template: string;
  /** `partner`: the partner token alone suffices (a user token is optional); `user`: both are required. */
  auth: "partner" | "user";
  /** Path param holding a location id the user must have access to (403 otherwise, 404 when unknown). */
  locationParam?: string;
  /** `errors`: this page documents `{ errors: { code, message }, meta: { message } }` for its 401 and 404. */
  errorStyle?: "errors";
  handle(ctx: RouteContext): MockReply;
}

export const ok = (data: unknown, meta: unknown = [], status = 200): MockReply => ({
  status,
  body: { success: true, data, meta },
});

export const fail = (status: number, message: string): MockReply => ({
  status,
  body: { success: false, data: null, meta: { message } },
});

/** A successful DELETE in the configured style: 200 with an envelope, or 202 / 204 with no body. */
export const deleted = (ctx: RouteContext): MockReply =>
  ctx.deleteStatus === 200 ? ok(null) : { status: ctx.deleteStatus };

/** The alternative error shape `get_location` documents. */
export const errorsStyle = (status: number, message: string): MockReply => ({
  status,
  body: { errors: { code: status, message: message.replace(/\.$/, "") }, meta: { message } },
});

/** 404 as most pages document it: an empty `meta`. */
export const notFound = (): MockReply => ({
  status: 404,
  body: { success: false, data: null, meta: {} },
});

/** v2's 404: its error document always carries `meta.message` (error_response requires it). */
export const v2NotFound = (): MockReply => fail(404, MESSAGES[404]!);

/** 422 in the vendor's shape: `meta.errors` holds `{ message }` items or `{ "[field]": [...] }` maps. */
export const unprocessable = (
  errors: Array<Record<string, string[]> | { message: string }>,
  message = "Validation error.",
): MockReply => ({ status: 422, body: { success: false, data: null, meta: { message, errors } } });

/** v2's 422: the same envelope, its `meta.errors` one map of field -> messages. */
export function v2Unprocessable(errors: readonly FieldError[]): MockReply {
  const map: Record<string, string[]> = {};
  for (const { path, message } of errors) {
    // `[include][0]` -> `include`, `[filter[term]]` -> `filter[term]`: v2 names the parameter or field.
    const name = path ? path.replace(/^\[(.+?)\](\[\d+\])*$/, "$1") : "request";
    (map[name] ??= []).push(message);
  }
  return {
    status: 422,
    body: { success: false, data: null, meta: { message: "Validation error.", errors: map } },
  };
}

export const MESSAGES = {
  401: "Authentication needed.",
  403: "Access denied.",
  404: "Not found.",
  409: "The product already has inventory operations, you need to specify the rules for converting units of measure for inventory operations",
  429: "Too many requests.",
  500: "Internal server error.",
} as Record<number, string>;

/** Splits a path into non-empty segments. */
const segments = (path: string) => path.split("/").filter(Boolean);

/**
 * Matches a concrete path against a `{param}` template; returns the params or undefined. Literal segments must be
 * equal, each `{name}` takes one segment.
 */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const t = segments(template);
  const p = segments(path);
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const want = t[i] as string;
    const got = decodeURIComponent(p[i] as string);
    const name = /^\{(.+)\}$/.exec(want)?.[1];
    if (name !== undefined) params[name] = got;
    else if (want !== got) return undefined;
  }
  return params;
}

/** Literal segments of a template; among several matching templates the most literal one wins. */
export const specificity = (template: string) =>
  segments(template).filter((s) => !s.startsWith("{")).length;

/** Picks the best template (most literal segments) that matches `path`. */
export function bestMatch<T extends { template: string }>(
  candidates: T[],
  path: string,
): { item: T; params: Record<string, string> } | undefined {
  let best: { item: T; params: Record<string, string> } | undefined;
  for (const item of candidates) {
    const params = matchTemplate(item.template, path);
    if (params && (!best || specificity(item.template) > specificity(best.item.template))) {
      best = { item, params };
    }
  }
  return best;
}

/** An integer query parameter, or `fallback` when absent or not a number. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.trunc(value) : fallback;
}

/** One page of `items`: pages start at 1; the silent cap shrinks the page size (and so the offsets). */
export function paginate<T>(items: T[], page: number, count: number, cap: number | undefined): T[] {
  const size = Math.max(0, Math.min(count, cap ?? Infinity));
  const start = (Math.max(1, page) - 1) * size;
  return items.slice(start, start + size);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** Formats like the vendor: `2026-01-01T12:00:00-0500`, in the given whole-hour UTC offset. */
export function formatDate(ms: number, offsetHours: number): string {
  const d = new Date(ms + offsetHours * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${offsetHours < 0 ? "-" : "+"}${pad(offsetHours)}00`;
}

/** Numeric path param (NaN when not a number). */
export const idParam = (ctx: RouteContext, name: string) => Number(ctx.params[name]);
