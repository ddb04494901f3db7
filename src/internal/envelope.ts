import { AltegioApiError, fromResponse } from "../errors.js";

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

type Fail = (body: unknown, message?: string) => AltegioApiError;

/**
 * The answer's parsed JSON body after `check` accepted it, or the error class for its status: a non-2xx status or a
 * body that is not JSON. Undefined for an empty body when `allowEmpty`.
 */
async function readChecked<Body>(
  method: string,
  pending: Promise<TextResult>,
  allowEmpty: boolean,
  check: (body: unknown, status: number, fail: Fail) => void,
): Promise<Body | undefined> {
  const { data, error, response } = await pending;
  const fail: Fail = (body, message) =>
    fromResponse({
      status: response.status,
      method,
      url: response.url,
      body,
      headers: response.headers,
      ...(message ? { message } : {}),
    });

  if (!response.ok) throw fail(error ?? "");
  if (data === undefined || data === "") {
    if (allowEmpty) return undefined;
    throw fail(
      "",
      `Empty response (HTTP ${response.status}) where the operation promises a JSON body`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw fail(data);
  }
  check(body, response.status, fail);
  return body as Body;
}

/**
 * Turns a raw answer into its envelope, or throws the error class for its status: a non-2xx status, a body that is
 * not JSON, or `success: false` at any status. `allowEmpty` accepts the bodiless 202/204 that deletes may answer.
 */
export function readEnvelope<Body>(
  method: string,
  pending: Promise<TextResult>,
  allowEmpty = false,
): Promise<Body | undefined> {
  return readChecked<Body>(method, pending, allowEmpty, (body, status, fail) => {
    if (!isEnvelope(body)) {
      throw fail(body, `Unexpected response (HTTP ${status}): not an Altegio envelope`);
    }
    if (body.success !== true) throw fail(body);
    if (!allowEmpty && (body.data === undefined || body.data === null)) {
      throw fail(body, `Unexpected response (HTTP ${status}): the envelope has no data`);
    }
  });
}

/**
 * Reads a v2 (JSON:API-style) answer: `{ data, included?, meta? }` on success, without v1's `success` flag; its
 * errors are the v1 envelope (`success: false`, `meta.message`, `meta.errors` as field -> messages) and map onto the
 * same error classes.
 */
export async function readDocument<Body>(
  method: string,
  pending: Promise<TextResult>,
): Promise<Body> {
  const body = await readChecked<Body>(method, pending, false, (body, status, fail) => {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw fail(body, `Unexpected response (HTTP ${status}): not a v2 document`);
    }
    if ((body as { success?: unknown }).success === false) throw fail(body);
    if ((body as { data?: unknown }).data === undefined) {
      throw fail(body, `Unexpected response (HTTP ${status}): the v2 document has no data`);
    }
  });
  return body!; // not allowEmpty: an empty body failed above
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
