import { AltegioInputError } from "../errors.js";
import { rememberSecret } from "./redact.js";
import { sessionKey, sharedLogin, type SessionStore } from "./session-store.js";

/** Login and password of an Altegio user (phone like `+13155550175`, or email). */
export interface Credentials {
  /** The user's phone number in international format, or their email. */
  login: string;
  /** The user's password. */
  password: string;
}

/** What a successful login returns. */
export interface LoginResult<User> {
  userToken: string;
  user: User;
}

export type LoginFn<User> = (credentials: Credentials) => Promise<LoginResult<User>>;

interface SessionOptions<User> {
  userToken?: string | undefined;
  credentials?: Credentials | undefined;
  onUserToken?: ((token: string) => void | Promise<void>) | undefined;
  login: LoginFn<User>;
  /** Shares the token with other clients; the partner token goes into the store key. */
  shared?: { store: SessionStore; partnerToken: string } | undefined;
}

/**
 * Holds the user token and logs in when needed. Concurrent callers share one login (single flight), and a
 * refresh after a 401 only happens once however many calls saw the stale token.
 */
export class Session<User> {
  #token: string | undefined;
  #credentials: Credentials | undefined;
  #pending: Promise<LoginResult<User>> | undefined;
  #sharing: Promise<string> | undefined;
  readonly #shared: SessionOptions<User>["shared"];
  readonly #onUserToken: SessionOptions<User>["onUserToken"];
  readonly #login: LoginFn<User>;

  constructor(options: SessionOptions<User>) {
    this.#token = options.userToken;
    this.#credentials = options.credentials;
    this.#onUserToken = options.onUserToken;
    this.#login = options.login;
    this.#shared = options.shared;
    rememberSecret(options.userToken);
    rememberSecret(options.credentials?.password);
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** True when the session can get a fresh token by itself. */
  get canLogin(): boolean {
    return this.#credentials !== undefined;
  }

  forget(): void {
    this.#token = undefined;
  }

  /** Returns the current token, logging in first when there is none but credentials are configured. */
  async ensureToken(signal?: AbortSignal): Promise<string> {
    if (this.#token) return this.#token;
    if (!this.#credentials) {
      throw new AltegioInputError(
        "This call needs a user token, and none is configured: pass `userToken` or `credentials` to " +
          "createAltegioClient, or call `altegio.auth.login({ login, password })` first.",
      );
    }
    return abortable(this.#obtain(undefined), signal);
  }

  /** Gets a new token unless another call already replaced `staleToken`. */
  async refresh(staleToken: string | undefined, signal?: AbortSignal): Promise<string> {
    if (this.#token && this.#token !== staleToken) return this.#token;
    return abortable(this.#obtain(staleToken), signal);
  }

  // Without a store: log in. With one: reuse the fleet's token unless it is `stale`, or be the one that logs in.
  #obtain(stale: string | undefined): Promise<string> {
    const shared = this.#shared;
    const creds = this.#credentials;
    if (!shared || !creds) return this.login().then((result) => result.userToken);
    this.#sharing ??= (async () => {
      const token = await sharedLogin({
        store: shared.store,
        key: await sessionKey(shared.partnerToken, creds.login),
        stale,
        login: async () => (await this.login()).userToken,
      });
      rememberSecret(token);
      this.#token = token;
      return token;
    })().finally(() => {
      this.#sharing = undefined;
    });
    return this.#sharing;
  }

  /** Logs in (joining a login already under way when no new credentials are given). */
  login(credentials?: Credentials): Promise<LoginResult<User>> {
    if (credentials) {
      rememberSecret(credentials.password);
      this.#credentials = credentials;
    } else if (this.#pending) {
      return this.#pending;
    }
    const creds = this.#credentials;
    if (!creds) {
      return Promise.reject(
        new AltegioInputError(
          "auth.login() needs credentials: pass { login, password } or configure `credentials`.",
        ),
      );
    }
    const pending = this.#run(creds).finally(() => {
      if (this.#pending === pending) this.#pending = undefined;
    });
    this.#pending = pending;
    return pending;
  }

  // The shared login ignores any one caller's signal: aborting one call must not fail the others waiting on it.
  async #run(credentials: Credentials): Promise<LoginResult<User>> {
    const result = await this.#login(credentials);
    rememberSecret(result.userToken);
    this.#token = result.userToken;
    await this.#onUserToken?.(result.userToken);
    return result;
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
