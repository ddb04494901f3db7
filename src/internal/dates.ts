import { describe } from "./ids.js";

/** A moment given as a `Date` or an ISO 8601 date-time string with an offset. */
export type DateTimeInput = Date | string;

// The one wire format we send: `2026-01-01T12:00:00-0500`. It is the documented `changed_before` example and the
// format `last_change_date` comes back in, so a stored `last_change_date` can be passed back as is.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Converts a `Date` or an ISO string to the API's date-time format, or records a problem in `issues`.
 * The API works in whole seconds: `floor` drops a fraction (for lower bounds) and `ceil` rounds it up (for upper
 * bounds), so a filter never excludes a moment the caller's value included. Strings keep their own offset; `Z` and
 * `Date`s are sent as `+0000`.
 */
export function toApiDateTime(
  name: string,
  value: unknown,
  round: "floor" | "ceil",
  issues: string[],
): string | undefined {
  const parsed = parseMoment(value);
  if (parsed === undefined) {
    issues.push(
      `${name} must be a valid Date or an ISO 8601 date-time with an offset ` +
        `(e.g. "2026-01-01T12:00:00-0500" or "2026-09-21T23:00:00.000-05:00"), got ${describeMoment(value)}`,
    );
    return undefined;
  }
  const seconds = round === "floor" ? Math.floor(parsed.ms / 1000) : Math.ceil(parsed.ms / 1000);
  const text = format(seconds * 1000, parsed.offsetMinutes);
  if (text === undefined) {
    issues.push(`${name} must fall within the years 0000–9999, got ${describeMoment(value)}`);
  }
  return text;
}

interface Moment {
  /** Epoch milliseconds. */
  ms: number;
  /** The offset to render the moment in, in minutes east of UTC. */
  offsetMinutes: number;
}

function parseMoment(value: unknown): Moment | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? { ms, offsetMinutes: 0 } : undefined;
  }
  if (typeof value !== "string") return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = "0"] = m.slice(1, 7).map((part) => Number(part ?? "0")) as number[];
  const fraction = Number(`0.${m[7] ?? "0"}`) * 1000;
  const offsetMinutes = parseOffset(m[8]!);
  if (offsetMinutes === undefined) return undefined;
  const local = Date.UTC(y!, mo! - 1, d, h, mi, Number(s));
  const check = new Date(local);
  // Date.UTC rolls 2026-02-30 over into March; a round trip catches impossible dates and times.
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo! - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return undefined;
  }
  return { ms: local + fraction - offsetMinutes * 60_000, offsetMinutes };
}

function parseOffset(text: string): number | undefined {
  if (text.toUpperCase() === "Z") return 0;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (text[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function format(ms: number, offsetMinutes: number): string | undefined {
  const d = new Date(ms + offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  return (
    `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offset}`
  );
}

function describeMoment(value: unknown): string {
  return value instanceof Date ? "an invalid Date" : describe(value);
}
