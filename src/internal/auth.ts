import type { CallOptions } from "./call-options.js";
import { readCallOptions } from "./call-options.js";
import type { Session } from "./session.js";

/** Sends one logical request (the attempt loop with rate limiting, retries and timeouts lives behind it). */
export type Send = (request: Request, call: CallOptions) => Promise<Response>;

/** Who a request speaks for: `login` and `partner` may go without a user token, `user` may not. */
export type AuthLevel = "login" | "partner" | "user";

/** Which API a request goes to; the partner-level table below holds v1 paths only. */
export type ApiVersion = "v1" | "v2";

// Operations whose spec security is the partner token alone (BearerPartner), as path templates; a test keeps this
// list equal to the spec's. They still carry the user token when one is known, since some answer more with it
// (e.g. `my=1`).
export const partnerLevelOperations: readonly (readonly [method: string, template: string])[] = [
  ["GET", "/companies"],
  ["GET", "/company/{location_id}"],
  ["GET", "/chain/{chain_id}/service_categories"],
  ["GET", "/activity/{location_id}/search"],
  ["GET", "/activity/{location_id}/search_dates"],
  ["GET", "/activity/{location_id}/search_dates_range"],
  ["GET", "/activity/{location_id}/filters"],
  ["GET", "/activity/{location_id}/{event_id}"],
  ["GET", "/activity/{location_id}/services"],
  ["GET", "/activity/{location_id}/duplication_strategy"],
  ["GET", "/user/loyalty_cards/{chain_id}"],
  ["GET", "/chain/{chain_id}/loyalty/card_types"],
  ["GET", "/loyalty/abonements"],
  ["GET", "/user/loyalty/abonements"],
  ["GET", "/chain/{chain_id}/loyalty/abonements"],
  [
    "GET",
    "/api/v1/company/{location_id}/client/{client_id}/loyalty/abonements/search_for_activity",
  ],
  [
    "GET",
    "/api/v1/company/{location_id}/client/{client_id}/loyalty/abonements/{membership_id}/check_for_activity",
  ],
  ["GET", "/loyalty/certificates"],
  ["GET", "/user/loyalty/certificates"],
  ["GET", "/groups"],
  ["GET", "/license/{location_id}"],
  ["GET", "/validation/validate_phone/{phone}"],
  ["GET", "/tips/{location_id}/settings"],
  ["GET", "/tips/{location_id}/settings/{master_tips_settings_id}/enable"],
];

/** `/company/{location_id}` -> a pattern where each `{param}` is one path segment. */
const templatePattern = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
      .join("[^/]+")}$`,
  );
const partnerLevelPatterns = partnerLevelOperations.map(
  ([method, template]) => [method, templatePattern(template)] as const,
);

/**
 * Classifies a request by method and path (relative to its API's base). Every v2 operation's spec security is the
 * partner plus user token (a test keeps that equal to the spec), and login lives in v1 only.
 */
export function authLevel(method: string, path: string, api: ApiVersion = "v1"): AuthLevel {
  if (api === "v2") return "user";
  if (method === "POST" && path === "/auth") return "login";
  return partnerLevelPatterns.some(([m, re]) => m === method && re.test(path)) ? "partner" : "user";
}

interface AuthLayerOptions {
  /** @default "v1" */
  api?: ApiVersion;
  partnerToken: string;
  accept: string;
  userAgent: string | undefined;
  basePath: string;
  session: Session<unknown>;
  send: Send;
}

/**
 * The auth piece of the pipeline: sets the headers every request needs, logs in before the first user-level call
 * when only credentials are known, and after a 401 logs in again and replays the request once.
 */
export function createAuthLayer(
  options: AuthLayerOptions,
): (request: Request) => Promise<Response> {
  const { session, send } = options;
  return async (request) => {
    const call = readCallOptions(request);
    const path = new URL(request.url).pathname.slice(options.basePath.length) || "/";
    const level = authLevel(request.method, path, options.api);
    const body = request.body ? await request.arrayBuffer() : undefined;
    const build = (userToken: string | undefined) =>
      new Request(request.url, {
        method: request.method,
        headers: buildHeaders(request.headers, body !== undefined, userToken, options, level),
        body,
        signal: request.signal,
        redirect: request.redirect,
      });

    const token = level === "user" ? await session.ensureToken(call.signal) : session.token;
    const response = await send(build(token), call);
    if (response.status !== 401 || level === "login" || !session.canLogin) return response;
    // One fresh login and one replay; a second 401 goes back to the caller.
    await response.body?.cancel();
    const fresh = await session.refresh(token, call.signal);
    return send(build(fresh), call);
  };
}

function buildHeaders(
  original: Headers,
  hasBody: boolean,
  userToken: string | undefined,
  options: AuthLayerOptions,
  level: AuthLevel,
): Headers {
  const headers = new Headers(original);
  headers.set("Accept", options.accept);
  const partner = `Bearer ${options.partnerToken}`;
  headers.set(
    "Authorization",
    level !== "login" && userToken ? `${partner}, User ${userToken}` : partner,
  );
  if (hasBody) {
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  } else {
    headers.delete("Content-Type");
  }
  if (options.userAgent && !headers.has("User-Agent")) headers.set("User-Agent", options.userAgent);
  return headers;
}
