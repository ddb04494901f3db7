import { createHash } from "node:crypto";
import { AltegioError, AltegioInputError, defaults } from "../index.js";

/**
 * The part of a node-redis client (`createClient()` from `redis`) this entry point uses; any connected node-redis
 * v6 client fits.
 */
export interface RedisClient {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  on(event: "ready", listener: () => void): unknown;
  off(event: "ready", listener: () => void): unknown;
  close(): Promise<unknown>;
}

/** How to reach Redis, shared by both factories. */
export interface RedisConnectionOptions {
  /**
   * Redis URL to connect to (lazily, on first use), e.g. `process.env.REDIS_URL`; `rediss://` for TLS.
   * Give this or `client`.
   * @default undefined — then `client` is required
   * @example "redis://altegio:secret@10.0.0.5:6379/0"
   */
  url?: string | undefined;
  /**
   * A node-redis client to use instead of opening a connection; connected on first use if it is not yet, and left
   * open by `close()` (it is yours). Give this or `url`.
   * @default undefined — then `url` is required
   */
  client?: RedisClient | undefined;
  /**
   * How long one Redis command may take before Redis counts as unreachable, in milliseconds.
   * @default 1000
   */
  commandTimeoutMs?: number;
  /**
   * Called with a message when Redis becomes unreachable (once per outage) and when it answers again.
   * @default console.warn
   */
  onWarning?: (message: string) => void;
}

/** A Lua script run with EVALSHA, falling back to EVAL once when Redis does not know it (a restart flushes it). */
export interface Script {
  source: string;
  sha: string;
}

export function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/** Thrown when Redis cannot be asked right now (not connected, a command failed or timed out). */
export class RedisUnavailableError extends AltegioError {
  override readonly name = "RedisUnavailableError";
}

/**
 * One lazily opened connection. Commands never queue while Redis is away: they fail at once (or after
 * `commandTimeoutMs`), so callers can fall back instead of waiting for a reconnect.
 */
export class Connection {
  readonly #options: RedisConnectionOptions;
  readonly #timeoutMs: number;
  #client: RedisClient | undefined;
  #opening: Promise<RedisClient> | undefined;
  #closed = false;
  #lastError: unknown;
  readonly #readyListeners = new Set<() => void>();
  #wasReady = false;
  readonly #onReady = () => {
    if (this.#wasReady) this.#readyListeners.forEach((listener) => listener());
    this.#wasReady = true;
  };

  constructor(factory: string, options: RedisConnectionOptions) {
    checkConnectionOptions(factory, options);
    this.#options = options;
    this.#timeoutMs = options.commandTimeoutMs ?? defaults.fleet.commandTimeoutMs;
  }

  readonly warn = (message: string): void => {
    (this.#options.onWarning ?? console.warn)(`altegio-b2b/redis: ${message}`);
  };

  /**
   * Calls `listener` whenever the connection is ready again after a drop, even if no command failed: Redis may have
   * restarted empty in between.
   */
  onReady(listener: () => void): void {
    this.#readyListeners.add(listener);
  }

  /** Sends one command; rejects with {@link RedisUnavailableError} when Redis cannot answer in time. */
  async command(args: string[]): Promise<unknown> {
    const client = await this.#open();
    if (!client.isReady) {
      const reason = this.#lastError === undefined ? "" : ` (${String(this.#lastError)})`;
      throw new RedisUnavailableError(`Redis is not connected${reason}`);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RedisUnavailableError(`Redis did not answer in ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([client.sendCommand(args), timeout]);
    } catch (error) {
      // An error reply counts too: LOADING, READONLY after a failover, BUSY... are outages to wait out.
      if (error instanceof RedisUnavailableError) throw error;
      throw new RedisUnavailableError(`Redis failed: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a script in one round trip (two the first time after Redis lost its script cache). */
  async eval(s: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    try {
      return await this.command(["EVALSHA", s.sha, ...rest]);
    } catch (error) {
      const reply = (error as { cause?: unknown }).cause;
      if (!isReplyError(reply) || !String((reply as Error).message).startsWith("NOSCRIPT")) {
        throw error;
      }
      return this.command(["EVAL", s.source, ...rest]);
    }
  }

  /** Closes the connection this object opened; a client that was passed in stays open. */
  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client ?? (await this.#opening?.catch(() => undefined));
    client?.off("ready", this.#onReady);
    if (client && !this.#options.client && client.isOpen) await client.close().catch(() => {});
  }

  #open(): Promise<RedisClient> {
    if (this.#closed) return Promise.reject(new AltegioError("This Redis helper was closed"));
    if (this.#client) return Promise.resolve(this.#client);
    this.#opening ??= this.#connect().then((client) => (this.#client = client));
    return this.#opening;
  }

  async #connect(): Promise<RedisClient> {
    const client = this.#options.client ?? (await this.#create(this.#options.url!));
    this.#wasReady = client.isReady;
    client.on("ready", this.#onReady);
    // The first connection is waited for (briefly); after that node-redis reconnects in the background.
    if (!client.isOpen) {
      const connecting = client.connect().catch(() => {});
      const waited = new Promise<void>((resolve) => setTimeout(resolve, this.#timeoutMs).unref());
      await Promise.race([connecting, waited]);
    }
    return client;
  }

  async #create(url: string): Promise<RedisClient> {
    let redis: typeof import("redis");
    try {
      redis = await import("redis");
    } catch (error) {
      // A setup mistake, not an outage: calls fail with it instead of falling back.
      throw new AltegioInputError(
        "altegio-b2b/redis needs the `redis` package (node-redis) to connect to `url`: npm install redis",
      );
    }
    const client = redis.createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: this.#timeoutMs,
        // Short, capped steps: every process is back within half a second of Redis (see `recoveryMs`).
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500),
      },
    });
    // Without a listener an "error" event would crash the process; the reason goes into the outage warning.
    client.on("error", (error: unknown) => (this.#lastError = error));
    return client as unknown as RedisClient;
  }
}

function isReplyError(error: unknown): boolean {
  // node-redis turns "-ERR ..." replies into SimpleError / BlobError; they mean Redis answered.
  const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name === "SimpleError" || name === "BlobError" || name === "ErrorReply";
}

function checkConnectionOptions(factory: string, options: RedisConnectionOptions): void {
  const issues: string[] = [];
  const { url, client } = options ?? {};
  if (url !== undefined && client !== undefined) issues.push("give either url or client, not both");
  else if (client !== undefined) {
    if (typeof client?.sendCommand !== "function") {
      issues.push("client must be a node-redis client (from createClient() of the redis package)");
    }
  } else if (url === undefined) {
    issues.push("url (e.g. redis://127.0.0.1:6379) or client is required; is REDIS_URL set?");
  } else if (typeof url !== "string" || !/^rediss?:$/.test(safeProtocol(url))) {
    issues.push("url must be a redis:// or rediss:// URL");
  }
  const timeout = options?.commandTimeoutMs;
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    issues.push(`commandTimeoutMs must be a positive number, got ${String(timeout)}`);
  }
  if (options?.onWarning !== undefined && typeof options.onWarning !== "function") {
    issues.push("onWarning must be a function");
  }
  if (issues.length) {
    throw new AltegioInputError(issues.map((issue) => `${factory}: ${issue}`));
  }
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

export function checkKey(factory: string, key: unknown): string {
  if (key === undefined) return "altegio-b2b";
  if (typeof key !== "string" || key.trim() === "") {
    throw new AltegioInputError(`${factory}: key must be a non-empty string`);
  }
  return key;
}
