import { redactDeep, redactSecrets } from "./internal/redact.js";
import { parseRetryAfter } from "./internal/retry.js";

/** Every error this package throws extends this class. */
export class AltegioError extends Error {
  override name = "AltegioError";
}

/** Options for building an {@link AltegioApiError}. */
export interface AltegioApiErrorInit {
  status: number;
  method: string;
  url: string;
  body: unknown;
  headers: Headers;
  message?: string;
  /** For a 429: the wait the server asked for; read from the `Retry-After` header when omitted. */
  retryAfterMs?: number;
}

/** The server answered, but not with the success the operation promises. */
export class AltegioApiError extends AltegioError {
  override name = "AltegioApiError";
  /** HTTP status of the answer (200 when the envelope said `success: false` or the body was unreadable). */
  readonly status: number;
  /** HTTP method of the request that failed. */
  readonly method: string;
  /** Full URL of the request that failed. */
  readonly url: string;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  /** Response headers. */
  readonly headers: Headers;
  /** Field-level messages, normalized from every documented `meta.errors` shape. */
  readonly fieldErrors: Record<string, string[]>;
  /** Every message the server sent (`meta.message` and `meta.errors`), in order. */
  readonly messages: string[];

  constructor(init: AltegioApiErrorInit) {
    const details = readErrorDetails(init.body);
    super(
      redactSecrets(init.message ?? details.message ?? fallbackMessage(init.status, init.body)),
    );
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.body = redactDeep(init.body);
    this.headers = init.headers;
    this.fieldErrors = redactDeep(details.fieldErrors);
    this.messages = redactDeep(details.messages);
  }
}

/** 401: the partner or user token is missing, wrong or expired. */
export class AltegioAuthenticationError extends AltegioApiError {
  override name = "AltegioAuthenticationError";
}
/** 403: the user may not access this location or resource. */
export class AltegioPermissionError extends AltegioApiError {
  override name = "AltegioPermissionError";
}
/** 404: the resource does not exist (or is not visible to this user). */
export class AltegioNotFoundError extends AltegioApiError {
  override name = "AltegioNotFoundError";
}
/** 409: the change conflicts with existing data. */
export class AltegioConflictError extends AltegioApiError {
  override name = "AltegioConflictError";
}
/** 422: the server rejected the request's fields; see `fieldErrors`. */
export class AltegioValidationError extends AltegioApiError {
  override name = "AltegioValidationError";
}
/** 429: too many requests. */
export class AltegioRateLimitError extends AltegioApiError {
  override name = "AltegioRateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), when it said. */
  readonly retryAfterMs?: number;
  constructor(init: AltegioApiErrorInit) {
    super(init);
    // Read here, so every error built from a 429 carries it (readers of envelopes and the CLI alike).
    const ms = init.retryAfterMs ?? parseRetryAfter(init.headers.get("Retry-After"), Date.now());
    if (ms !== undefined) this.retryAfterMs = ms;
  }
}
/** 5xx: the server or a proxy in front of it failed. */
export class AltegioServerError extends AltegioApiError {
  override name = "AltegioServerError";
}

/** The request could not be completed at the network level (refused, reset, DNS, TLS, …). */
export class AltegioConnectionError extends AltegioError {
  override name = "AltegioConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactSecrets(message), options);
  }
}
/** An attempt took longer than `timeoutMs`. */
export class AltegioTimeoutError extends AltegioConnectionError {
  override name = "AltegioTimeoutError";
}

/**
 * A bulk-import row whose match key (article or barcode) belongs to several products of the location: guessing could
 * overwrite the wrong one, so the row fails and the import goes on.
 */
export class AltegioAmbiguousMatchError extends AltegioError {
  override name = "AltegioAmbiguousMatchError";
}

/** Bad arguments caught before anything was sent. */
export class AltegioInputError extends AltegioError {
  override name = "AltegioInputError";
  /** Every problem found, one sentence each. */
  readonly issues: string[];
  constructor(issues: string[] | string) {
    const list = typeof issues === "string" ? [issues] : issues;
    super(redactSecrets(list.length === 1 ? list[0]! : `Invalid input:\n- ${list.join("\n- ")}`));
    this.issues = list;
  }
}

const classByStatus: Record<number, typeof AltegioApiError> = {
  401: AltegioAuthenticationError,
  403: AltegioPermissionError,
  404: AltegioNotFoundError,
  409: AltegioConflictError,
  422: AltegioValidationError,
};

/** Picks the error class for a status: one place maps statuses to classes. */
export function errorClassForStatus(status: number): typeof AltegioApiError {
  if (status === 429) return AltegioRateLimitError;
  if (status >= 500) return AltegioServerError;
  return classByStatus[status] ?? AltegioApiError;
}

/** Builds the right {@link AltegioApiError} subclass for a failed answer. */
export function fromResponse(init: AltegioApiErrorInit): AltegioApiError {
  const ErrorClass = errorClassForStatus(init.status);
  return new ErrorClass(init);
}

interface ErrorDetails {
  message: string | undefined;
  fieldErrors: Record<string, string[]>;
  messages: string[];
}

// Altegio documents three error shapes: `meta.message`, `meta.errors` as an array of `{ message }` or
// `{ "[field]": [..] }`, and get_location's `{ errors: { code, message } }`. Read them all into one form.
function readErrorDetails(body: unknown): ErrorDetails {
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  let message: string | undefined;
  if (!isRecord(body)) return { message, fieldErrors, messages };
  const meta = isRecord(body.meta) ? body.meta : {};
  if (typeof meta.message === "string" && meta.message) {
    message = meta.message;
    messages.push(meta.message);
  }
  for (const source of [meta.errors, body.errors]) {
    for (const item of Array.isArray(source) ? source : isRecord(source) ? [source] : []) {
      if (!isRecord(item)) {
        if (typeof item === "string") messages.push(item);
        continue;
      }
      for (const [key, value] of Object.entries(item)) {
        if (key === "code") continue;
        if (key === "message" && typeof value === "string") {
          messages.push(value);
          continue;
        }
        const texts = (Array.isArray(value) ? value : [value]).filter(
          (v): v is string => typeof v === "string",
        );
        if (texts.length === 0) continue;
        const field = key.replace(/^\[(.*)\]$/, "$1");
        (fieldErrors[field] ??= []).push(...texts);
        messages.push(...texts.map((t) => `${field}: ${t}`));
      }
    }
  }
  message ??= messages[0];
  return { message, fieldErrors, messages };
}

function fallbackMessage(status: number, body: unknown): string {
  if (status >= 200 && status < 300) {
    return typeof body === "string"
      ? `Unreadable response (HTTP ${status}): the body is not the JSON the operation promises`
      : `The API reported failure (HTTP ${status}, success: false) without a message`;
  }
  const kind =
    typeof body === "string" && /^\s*</.test(body) ? " (an HTML page, likely a proxy)" : "";
  return `HTTP ${status}${kind}${body === "" || body === undefined ? " with an empty body" : ""}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
