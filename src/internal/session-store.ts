import { defaults } from "../defaults.js";
import { systemClock, type Clock } from "./clock.js";

/**
 * Where several clients (usually several processes) share one user token, so that one of them logs in and the rest
 * reuse its token. `altegio-b2b/redis` ships one on Redis; implement it to put the session on another store.
 * Errors thrown by the store fail the call that needed a token, so a store that should survive outages degrades
 * inside itself (the Redis one answers "no token" and hands out a lock that stores nothing).
 */
export interface SessionStore {
  /** The token stored under `key`, if any. */
  get(key: string): Promise<string | undefined>;
  /**
   * Tries to become the one caller that logs in for `key`. Resolves with a lock, or `undefined` while another
   * caller holds it. A lock must expire by itself when its holder dies, so a crashed process cannot block the rest.
   */
  lock(key: string): Promise<SessionLock | undefined>;
}

/** The right to log in for one key, from {@link SessionStore.lock}. */
export interface SessionLock {
  /** Stores `token` under the key, if this lock is still held, and releases the lock. */
  commit(token: string): Promise<void>;
  /** Releases the lock without storing anything (the login failed). */
  release(): Promise<void>;
}

/**
 * The key a session is stored under: a SHA-256 of the partner token and the login. It names the session without
 * revealing either, and cannot be guessed without the partner token.
 */
export async function sessionKey(partnerToken: string, login: string): Promise<string> {
  const bytes = new TextEncoder().encode(`altegio-b2b\n${partnerToken}\n${login}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

interface SharedLoginOptions {
  store: SessionStore;
  key: string;
  /** The token a 401 proved dead (`undefined` when there was none): anything else in the store is reused. */
  stale: string | undefined;
  login: () => Promise<string>;
  pollMs?: number;
  /** Longest wait for another holder's login before logging in without the lock. */
  maxWaitMs?: number;
  clock?: Clock;
}

/**
 * One login for everyone sharing `store`: reuse a stored token unless it is the stale one; otherwise take the lock,
 * look again (someone may have committed while we asked), log in and commit. Without the lock, wait and look again
 * until the holder commits or its lock expires.
 */
export async function sharedLogin(options: SharedLoginOptions): Promise<string> {
  const { store, key, stale } = options;
  const clock = options.clock ?? systemClock;
  const fresh = (token: string | undefined) => (token && token !== stale ? token : undefined);
  // A store whose lock never expires (a custom one without a TTL), or a holder stuck for good, must not hang every
  // other process: past this, log in alone, as when the store is unreachable.
  const giveUpAt = clock.now() + (options.maxWaitMs ?? defaults.fleet.loginWaitMs);
  for (;;) {
    const current = fresh(await store.get(key));
    if (current) return current;
    const lock = await store.lock(key);
    if (lock) {
      let token: string;
      try {
        const committed = fresh(await store.get(key));
        if (committed) {
          await lock.release();
          return committed;
        }
        token = await options.login();
      } catch (error) {
        await lock.release().catch(() => {});
        throw error;
      }
      await lock.commit(token);
      return token;
    }
    if (clock.now() >= giveUpAt) return options.login();
    await clock.sleep(options.pollMs ?? defaults.fleet.pollMs);
  }
}
