// Shared helpers for the mock-server tests: plain fetch calls with the default seed's credentials.
import { DEFAULT_CREDENTIALS as C, type MockServer } from "../../src/mock/index.js";

export const PARTNER_AUTH = `Bearer ${C.partnerToken}`;
export const USER_AUTH = `Bearer ${C.partnerToken}, User ${C.userToken}`;

export interface CallResult {
  status: number;
  // Tests inspect arbitrary JSON; `any` keeps the assertions short.
  body: any;
  headers: Headers;
}

/** One request over real HTTP; `auth: null` sends no Authorization header. */
export async function call(
  server: MockServer,
  method: string,
  path: string,
  options: { body?: unknown; auth?: string | null; rawBody?: string; base?: string } = {},
): Promise<CallResult> {
  const auth = options.auth === undefined ? USER_AUTH : options.auth;
  const headers: Record<string, string> = { accept: "application/vnd.api.v2+json" };
  if (auth !== null) headers["authorization"] = auth;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch((options.base ?? server.url) + path, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

/** A valid product create/update body for the default seed's location 101. */
export const productBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Test Serum",
  category_id: 302,
  sale_unit_id: 1,
  service_unit_id: 1,
  ...overrides,
});
