// Tokens and passwords this process has been given. Errors and logs pass through `redactSecrets` so that a
// server echoing a credential back (or a message built from a request) cannot leak it into logs.
const secrets = new Set<string>();

/** The text that replaces a secret wherever it would appear. */
export const REDACTED = "[redacted]";

/** Registers a credential so it is masked in every error and log line from now on. */
export function rememberSecret(value: string | undefined): void {
  // Very short values would mask ordinary words; real tokens and passwords are longer.
  if (value && value.length >= 4) secrets.add(value);
}

/** Masks every registered secret in a string. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Masks registered secrets in strings anywhere inside a JSON-like value (returns a copy when needed). */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item);
    return out as T;
  }
  return value;
}
