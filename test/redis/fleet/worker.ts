// One process of a fleet: a client sharing its rate budget and login through Redis makes CALLS user-level calls,
// CONCURRENCY at a time, and prints one JSON line with what happened. Run by ./run.ts (tests and the benchmark).
import { AltegioApiError, createAltegioClient } from "../../../src/index.js";
import { createRedisRateLimiter, createRedisSessionStore } from "../../../src/redis/index.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const calls = Number(env("CALLS"));
const concurrency = Number(process.env.CONCURRENCY ?? "4");
const warnings: string[] = [];
const onWarning = (message: string) => {
  warnings.push(message);
  console.error(message);
};
const url = env("REDIS_URL");
const key = env("KEY");
const rateLimiter = createRedisRateLimiter({
  url,
  key,
  perSecond: Number(env("PER_SECOND")),
  perMinute: Number(env("PER_MINUTE")),
  onWarning,
});
const sessionStore = createRedisSessionStore({ url, key, onWarning });
const altegio = createAltegioClient({
  baseUrl: env("MOCK_URL"),
  partnerToken: env("PARTNER_TOKEN"),
  credentials: { login: env("LOGIN"), password: env("PASSWORD") },
  rateLimiter,
  sessionStore,
});
const loc = altegio.location(Number(env("LOCATION_ID")));

let next = 0;
let ok = 0;
const errors: string[] = [];
async function lane(): Promise<void> {
  while (next < calls) {
    next++;
    try {
      await loc.storages.list();
      ok++;
    } catch (error) {
      errors.push(
        error instanceof AltegioApiError ? `${error.status} ${error.message}` : String(error),
      );
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, lane));
await rateLimiter.close();
await sessionStore.close();
console.log(JSON.stringify({ ok, failed: errors.length, errors: errors.slice(0, 5), warnings }));
