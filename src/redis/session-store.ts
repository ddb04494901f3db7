import { randomBytes } from "node:crypto";
import { AltegioInputError, defaults, type SessionLock, type SessionStore } from "../index.js";
import {
  checkKey,
  Connection,
  RedisUnavailableError,
  script,
  type RedisConnectionOptions,
} from "./connection.js";

/** Options of {@link createRedisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisConnectionOptions {
  /**
   * Prefix of the Redis keys. The rest of a key is a SHA-256 of the partner token and the login, never a secret.
   * @default "altegio-b2b"
   */
  key?: string;
  /**
   * How long the login lock lives unless its holder renews it (it does, every third of this, while logging in):
   * a crashed holder blocks the others for at most this long, in milliseconds.
   * @default 10000
   */
  lockTtlMs?: number;
  /**
   * How long a stored user token lives in Redis, in milliseconds (`Infinity` to keep it until replaced). Processes
   * already using it keep it; a later one logs in again.
   * @default 86400000 (24 hours)
   */
  tokenTtlMs?: number;
}

/** A {@link SessionStore} on Redis. */
export interface RedisSessionStore extends SessionStore {
  /** Closes the connection this store opened (a passed-in client stays open). */
  close(): Promise<void>;
}

const FACTORY = "createRedisSessionStore";

// ARGV[1] = op, ARGV[2] = lock owner. Only the owner may renew, release or commit, so a holder whose lock expired
// (and was taken by another) cannot overwrite the newer login.
const LOCK_SCRIPT = script(`
if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
local op = ARGV[1]
if op == 'renew' then return redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
if op == 'commit' then
  if ARGV[4] == '' then redis.call('SET', KEYS[1], ARGV[3])
  else redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4]) end
end
redis.call('DEL', KEYS[2])
return 1
`);

/**
 * Creates a session store on Redis for `createAltegioClient({ sessionStore })`. Returns at once; connects on first
 * use. While Redis is unreachable it answers "no token" and hands out locks that store nothing, so each process
 * logs in by itself rather than failing.
 * @example
 * const sessionStore = createRedisSessionStore({ url: process.env.REDIS_URL });
 * const altegio = createAltegioClient({ partnerToken, credentials, sessionStore });
 */
export function createRedisSessionStore(options: RedisSessionStoreOptions): RedisSessionStore {
  const { lockTtlMs, tokenTtlMs } = checkTtls(options);
  const prefix = checkKey(FACTORY, options.key);
  const connection = new Connection(FACTORY, options);
  const keysOf = (key: string) => [`${prefix}:session:${key}`, `${prefix}:session:${key}:lock`];
  let down = false;

  // Redis answering or not decides only whether the fleet shares the login, never whether a call works.
  async function attempt<T>(run: () => Promise<T>, offline: T): Promise<T> {
    try {
      const result = await run();
      if (down) connection.warn("Redis answers again; the session is shared again");
      down = false;
      return result;
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error;
      if (!down) {
        connection.warn(
          `Redis is unreachable, so each process logs in by itself: ${error.message}`,
        );
      }
      down = true;
      return offline;
    }
  }

  const offlineLock: SessionLock = { commit: async () => {}, release: async () => {} };
  // Renewal timers of the locks this store holds; close() stops them, so none fires on a closed connection.
  const renewals = new Set<ReturnType<typeof setInterval>>();

  return {
    get: (key) =>
      attempt(async () => {
        const token = await connection.command(["GET", keysOf(key)[0]!]);
        return typeof token === "string" && token ? token : undefined;
      }, undefined),

    lock: (key) =>
      attempt(async (): Promise<SessionLock | undefined> => {
        const keys = keysOf(key);
        const owner = randomBytes(16).toString("hex");
        const taken = await connection.command([
          "SET",
          keys[1]!,
          owner,
          "NX",
          "PX",
          `${lockTtlMs}`,
        ]);
        if (taken !== "OK") return undefined;
        const run = (op: string, ...rest: string[]) =>
          attempt(() => connection.eval(LOCK_SCRIPT, keys, [op, owner, ...rest]), 0);
        // A renewal that fails only lets the lock expire, which is what its TTL is for; it must not crash anything.
        const renew = setInterval(
          () => void run("renew", `${lockTtlMs}`).catch(() => {}),
          lockTtlMs / 3,
        );
        renew.unref?.();
        renewals.add(renew);
        const stop = () => {
          clearInterval(renew);
          renewals.delete(renew);
        };
        return {
          async commit(token) {
            stop();
            await run("commit", token, tokenTtlMs === Infinity ? "" : `${tokenTtlMs}`);
          },
          async release() {
            stop();
            await run("release");
          },
        };
      }, offlineLock),

    close: () => {
      for (const renew of renewals) clearInterval(renew);
      renewals.clear();
      return connection.close();
    },
  };
}

function checkTtls(options: RedisSessionStoreOptions) {
  const issues: string[] = [];
  const lockTtlMs = options?.lockTtlMs ?? defaults.fleet.lockTtlMs;
  const tokenTtlMs = options?.tokenTtlMs ?? defaults.fleet.tokenTtlMs;
  if (!(Number.isInteger(lockTtlMs) && lockTtlMs >= 30)) {
    issues.push(`${FACTORY}: lockTtlMs must be an integer >= 30, got ${String(lockTtlMs)}`);
  }
  if (!(tokenTtlMs === Infinity || (Number.isInteger(tokenTtlMs) && tokenTtlMs >= 1_000))) {
    issues.push(
      `${FACTORY}: tokenTtlMs must be an integer >= 1000 or Infinity, got ${String(tokenTtlMs)}`,
    );
  }
  if (issues.length) throw new AltegioInputError(issues);
  return { lockTtlMs, tokenTtlMs };
}
