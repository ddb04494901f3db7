import { readCallOptions } from "./call-options.js";
import { deprecatedLookalikes, deprecatedOperations } from "./deprecated.js";
import type { Log } from "./log.js";
import { operationTable, relativePath, type OperationRef } from "./operations.js";
import type { SendCall, Sender } from "./send.js";
import type { Session } from "./session.js";

/** Who a request speaks for: `login` and `partner` may go without a user token, `user` may not. */
export type AuthLevel = "login" | "partner" | "user";

/** Which API a request goes to; the partner-level table below holds v1 paths only. */
export type ApiVersion = "v1" | "v2";

// Operations whose spec security is the partner token alone (BearerPartner), as path templates; a test keeps this
// list equal to the spec's. They still carry the user token when one is known, since some answer more with it
// (e.g. `my=1`).
export const partnerLevelOperations: readonly OperationRef[] = [
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

/** Who a request speaks for, and the template of the deprecated operation it is, if it is one. */
interface Classified {
  readonly level: AuthLevel;
  readonly deprecated?: string;
}

const USER: Classified = { level: "user" };
const LOGIN: Classified = { level: "login" };

// One cached lookup per call answers both questions; an operation may be both (GET /activity/{location_id}/{event_id}).
const v1Operations = operationTable<Classified>(
  [
    ...partnerLevelOperations
      .filter((ref) => !listed(deprecatedOperations, ref))
      .map((ref) => [ref, { level: "partner" }] as const),
    ...deprecatedOperations.map((ref) => {
      const level = listed(partnerLevelOperations, ref) ? "partner" : "user";
      return [ref, { level, deprecated: ref[1] }] as const;
    }),
  ],
  deprecatedLookalikes.filter((ref) => !listed(partnerLevelOperations, ref)),
);

function listed(list: readonly OperationRef[], [method, template]: OperationRef): boolean {
  return list.some(([m, t]) => m === method && t === template);
}

/**
 * Classifies a request by method and path (relative to its API's base). Every v2 operation's spec security is the
 * partner plus user token (a test keeps that equal to the spec), login lives in v1 only, and so does deprecation.
 */
function classify(method: string, path: string, api: ApiVersion): Classified {
  if (api === "v2") return USER;
  if (method === "POST" && path === "/auth") return LOGIN;
  return v1Operations(method, path) ?? USER;
}

/** Who a request speaks for (see {@link classify}). */
export function authLevel(method: string, path: string, api: ApiVersion = "v1"): AuthLevel {
  return classify(method, path, api).level;
}

/** The template of the deprecated v1 operation a request is, if it is one (the v2 spec deprecates nothing). */
export function deprecatedTemplate(method: string, path: string): string | undefined {
  return classify(method, path, "v1").deprecated;
}

interface AuthLayerOptions {
  /** @default "v1" */
  api?: ApiVersion;
  partnerToken: string;
  accept: string;
  basePath: string;
  session: Session<unknown>;
  send: Sender;
  log: Log;
}

/**
 * The auth piece of the pipeline: sets the headers every request needs, logs in before the first user-level call
 * when only credentials are known, and after a 401 logs in again and replays the request once. The first call of a
 * deprecated operation logs a warning. Headers are set on the request openapi-fetch built rather than on a copy: a
 * copy costs a Request construction per call, about as much as the rest of this layer.
 */
export function createAuthLayer(
  options: AuthLayerOptions,
): (request: Request) => Promise<Response> {
  const { session, send, log } = options;
  const api = options.api ?? "v1";
  const partner = `Bearer ${options.partnerToken}`;
  const warned = new Set<string>();
  // Not an async function: the usual call (token known) hands back the sender's own promise, without the extra
  // promise and turn an async wrapper costs on every call.
  return (request) => {
    try {
      const call: SendCall = readCallOptions(request);
      // Request.url serializes the URL on every read; the sender and its events reuse this one.
      const url = request.url;
      const method = request.method;
      const path = relativePath(url, options.basePath);
      call.url = url;
      call.path = path;
      call.api = api;
      const { level, deprecated } = classify(method, path, api);
      if (deprecated !== undefined) warnDeprecated(method, deprecated);
      const headers = request.headers;
      // Accept and User-Agent usually arrive from the client's default headers (set while openapi-fetch builds the
      // request, cheaper than setting them here); a call may still have overridden Accept.
      if (headers.get("Accept") !== options.accept) headers.set("Accept", options.accept);
      if (request.body === null) headers.delete("Content-Type");
      else if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");

      const dispatch = (token: string | undefined): Promise<Response> => {
        headers.set(
          "Authorization",
          level !== "login" && token ? `${partner}, User ${token}` : partner,
        );
        const pending = send(request, call);
        if (level === "login" || !session.canLogin) return pending;
        return pending.then(async (response) => {
          if (response.status !== 401) return response;
          // One fresh login and one replay; a second 401 goes back to the caller. The body is already in memory.
          log.info(`${method} ${path} → HTTP 401: logging in again and replaying it once`);
          headers.set(
            "Authorization",
            `${partner}, User ${await session.refresh(token, call.signal)}`,
          );
          return send(request, call);
        });
      };

      const token = session.token;
      if (level === "user" && !token) return session.ensureToken(call.signal).then(dispatch);
      return dispatch(token);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  function warnDeprecated(method: string, template: string): void {
    const key = `${method} ${template}`;
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(
      `${key} is deprecated by Altegio and may stop working; see the API reference for its replacement`,
    );
  }
}
