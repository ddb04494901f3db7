import { AltegioApiError, fromResponse } from "../errors.js";
import { parseRetryAfter } from "./retry.js";

/** What openapi-fetch resolves with when asked for `parseAs: "text"`. */
interface TextResult {
  data?: string | undefined;
  error?: unknown;
  response: Response;
}

/** Altegio's response envelope. */
export interface Envelope<Data = unknown, Meta = unknown> {
  success: boolean;
  data: Data;
  meta: Meta;
}

/** A checked success envelope: the spec marks every field optional, `readData` proves `data` is there. */
export interface Unwrapped<Body> {
  data: NonNullable<Body extends { data?: infer D } ? D : never>;
  meta: Body extends { meta?: infer M } ? M : unknown;
}

/** The answer's parsed JSON body, or the error class for its status; undefined for an allowed empty body. */
async function readJsonBody(
  method: string,
  pending: Promise<TextResult>,
  allowEmpty: boolean,
): Promise<{
  body: unknown;
  status: number;
  fail: (body: unknown, message?: string) => AltegioApiError;
}> {
  const { data, error, response } = await pending;
  const fail = (body: unknown, message?: string): AltegioApiError =>
    fromResponse({
      status: response.status,
      method,
      url: response.url,
      body,
      headers: response.headers,
      ...(message ? { message } : {}),
      ...retryAfter(response),
    });

  if (!response.ok) throw fail(error ?? "");
  if (data === undefined || data === "") {
    if (allowEmpty) return { body: undefined, status: response.status, fail };
    throw fail(
      "",
      `Empty response (HTTP ${response.status}) where the operation promises a JSON body`,
    );
  }
  try {
    return { body: JSON.parse(data) as unknown, status: response.status, fail };
  } catch {
    throw fail(data);
  }
}

/**
 * Turns a raw answer into its envelope, or throws the error class for its status: a non-2xx status, a body that is
 * not JSON, or `success: false` at any status. `allowEmpty` accepts the bodiless 202/204 that deletes may answer.
 */
export async function readEnvelope<Body>(
  method: string,
  pending: Promise<TextResult>,
  allowEmpty = false,
): Promise<Body | undefined> {
  const { body, status, fail } = await readJsonBody(method, pending, allowEmpty);
  if (body === undefined) return undefined;
  if (!isEnvelope(body)) {
    throw fail(body, `Unexpected response (HTTP ${status}): not an Altegio envelope`);
  }
  if (body.success !== true) throw fail(body);
  if (!allowEmpty && (body.data === undefined || body.data === null)) {
    throw fail(body, `Unexpected response (HTTP ${status}): the envelope has no data`);
  }
  return body as Body;
}

/**
 * Reads a v2 (JSON:API-style) answer: `{ data, included?, meta? }` on success, without v1's `success` flag; its
 * errors are the v1 envelope (`success: false`, `meta.message`, `meta.errors` as field -> messages) and map onto the
 * same error classes. `allowEmpty` accepts a bodiless 204.
 */
export async function readDocument<Body>(
  method: string,
  pending: Promise<TextResult>,
  allowEmpty = false,
): Promise<Body | undefined> {
  const { body, status, fail } = await readJsonBody(method, pending, allowEmpty);
  if (body === undefined) return undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw fail(body, `Unexpected response (HTTP ${status}): not a v2 document`);
  }
  if ((body as { success?: unknown }).success === false) throw fail(body);
  if (!("data" in body) || (body as { data: unknown }).data === undefined) {
    throw fail(body, `Unexpected response (HTTP ${status}): the v2 document has no data`);
  }
  return body as Body;
}

/** Like {@link readEnvelope}, for operations whose success always carries `data`. */
export async function readData<Body>(
  method: string,
  pending: Promise<TextResult>,
): Promise<Unwrapped<Body>> {
  return (await readEnvelope<Body>(method, pending)) as unknown as Unwrapped<Body>;
}

function isEnvelope(body: unknown): body is Partial<Envelope> {
  return typeof body === "object" && body !== null && !Array.isArray(body) && "success" in body;
}

function retryAfter(response: Response): { retryAfterMs?: number } {
  if (response.status !== 429) return {};
  const ms = parseRetryAfter(response.headers.get("Retry-After"), Date.now());
  return ms === undefined ? {} : { retryAfterMs: ms };
}
