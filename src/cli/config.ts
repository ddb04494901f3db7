// Configuration of every command: the environment first, flags over it. Secrets come from the environment only
// (a flag would show them in `ps` and shell history), and no message ever repeats one.
import { readFileSync } from "node:fs";
import {
  AltegioInputError,
  createAltegioClient,
  type AltegioClient,
  type AltegioClientOptions,
} from "../index.js";

/** Options every command accepts (declared on the program). */
export interface GlobalOptions {
  baseUrl?: string;
  location?: string;
  login?: string;
  rateLimit?: string;
  progress?: boolean;
}

/** Builds the client; throws AltegioInputError (exit 2) for missing or bad settings, before anything is sent. */
export function clientFrom(options: GlobalOptions): AltegioClient {
  const env = process.env;
  const partnerToken = env.ALTEGIO_PARTNER_TOKEN;
  const issues: string[] = [];
  if (!partnerToken)
    issues.push("ALTEGIO_PARTNER_TOKEN is not set: export your Altegio partner token");
  const login = options.login ?? env.ALTEGIO_LOGIN;
  const password = env.ALTEGIO_PASSWORD;
  if (login && !password) issues.push("ALTEGIO_PASSWORD is not set, but a login is given");
  if (!login && password)
    issues.push("ALTEGIO_LOGIN (or --login) is not set, but ALTEGIO_PASSWORD is");
  const rateLimit = parseRateLimit(options.rateLimit ?? env.ALTEGIO_RATE_LIMIT, issues);
  if (issues.length) throw new AltegioInputError(issues);
  const client: AltegioClientOptions = {
    partnerToken: partnerToken!,
    ...(env.ALTEGIO_USER_TOKEN ? { userToken: env.ALTEGIO_USER_TOKEN } : {}),
    ...(login && password ? { credentials: { login, password } } : {}),
    ...((options.baseUrl ?? env.ALTEGIO_BASE_URL)
      ? { baseUrl: options.baseUrl ?? env.ALTEGIO_BASE_URL }
      : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  };
  return createAltegioClient(client);
}

/** The location id from `--location` or ALTEGIO_LOCATION_ID; throws AltegioInputError when absent or bad. */
export function locationFrom(options: GlobalOptions): number {
  const raw = options.location ?? process.env.ALTEGIO_LOCATION_ID;
  if (raw === undefined || raw === "") {
    throw new AltegioInputError("no location: pass --location <id> or set ALTEGIO_LOCATION_ID");
  }
  return intFlag("--location", raw, 1);
}

/** A whole number of at least `min` given to `flag` (surrounding spaces allowed); throws AltegioInputError otherwise. */
export function intFlag(flag: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) {
    const expected = min === 1 ? "a positive integer" : `an integer of at least ${min}`;
    throw new AltegioInputError(`${flag} must be ${expected}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The whole text of `file`, or of stdin for `-`; throws AltegioInputError naming `flag` (if any) and the file. */
export function readInput(flag: string | undefined, file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const what = flag ? `${flag} ${file}` : file;
    throw new AltegioInputError(`cannot read ${what}: ${(error as Error).message}`);
  }
}

/** `off`, `N/s`, `N/min` or both (`5/s,200/min`); a bare number means per second. */
function parseRateLimit(
  raw: string | undefined,
  issues: string[],
): AltegioClientOptions["rateLimit"] | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.trim() === "off") return false;
  const limit: Exclude<AltegioClientOptions["rateLimit"], false | undefined> = {};
  for (const part of raw.split(",")) {
    const m = /^\s*(\d+)\s*(?:\/\s*(s|min))?\s*$/.exec(part);
    if (!m || Number(m[1]) <= 0) {
      issues.push(`--rate-limit must be off, N/s, N/min or N/s,M/min, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    if (m[2] === "min") limit.perMinute = Number(m[1]);
    else limit.perSecond = Number(m[1]);
  }
  return limit;
}
