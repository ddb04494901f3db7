// HTTP plumbing of the mock: recording, latency, faults, rate limit, auth, validation, location access, dispatch.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  bestMatch,
  errorsStyle,
  fail,
  MESSAGES,
  notFound,
  unprocessable,
  v2NotFound,
  v2Unprocessable,
  type MockReply,
  type Route,
} from "./http.js";
import { apiOf, BASE_PATH, routes, V2_BASE_PATH, V2_MEDIA_TYPE } from "./apis.js";
import { defaultSeed } from "./seed.js";
import { loadSpec, type SpecVersion } from "./spec.js";
import { createMockState, type MockState } from "./state.js";
import type { MockFault, MockRequest, MockServerOptions, MockUser } from "./types.js";
import { indexOperations, toVendorErrors, validateRequest } from "./validate.js";

export { BASE_PATH, STATEFUL_ROUTES, V2_BASE_PATH, V2_STATEFUL_ROUTES } from "./apis.js";

/** A running mock server. */
export interface MockServer {
  /** Base URL to hand to `createAltegioClient`, e.g. `http://127.0.0.1:4010/api/v1`. */
  url: string;
  /** Base URL of the mock's v2, e.g. `http://127.0.0.1:4010/api/v2` (the client derives it from `url`). */
  v2Url: string;
  port: number;
  /** The live store; read it in assertions or change it to seed directly. */
  state: MockState;
  /** Every request received, in arrival order. */
  requests: MockRequest[];
  /** Arms a fault for the next matching request(s). */
  fault(fault: MockFault): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** `{name}`, `*` match one segment, `**` the rest; anchored. */
function pathPattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern
    .split(/(\*\*|\*|\{[^}]+\})/)
    .map((part) =>
      part === "**"
        ? ".*"
        : part === "*" || /^\{.+\}$/.test(part)
          ? "[^/]+"
          : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}/?$`);
}

/** Reads `Bearer <partner>[, User <user>]`. */
function parseAuthorization(header: string | undefined) {
  const m = /^\s*Bearer\s+([^\s,]+)\s*(?:,\s*User\s+([^\s,]+))?\s*$/i.exec(header ?? "");
  return m ? { partner: m[1] as string, user: m[2] } : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

/**
 * Starts the mock on 127.0.0.1 with the default seed (or `options.seed`).
 * @example
 * const mock = await startMockServer({ pageSizeCap: 10 });
 * const altegio = createAltegioClient({ baseUrl: mock.url, partnerToken: DEFAULT_CREDENTIALS.partnerToken,
 *   credentials: { login: DEFAULT_CREDENTIALS.login, password: DEFAULT_CREDENTIALS.password } });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const clock = options.clock ?? Date.now;
  const state = createMockState({ ...defaultSeed(), ...options.seed }, clock);
  const requests: MockRequest[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));
  const stamps: number[] = [];
  const validations =
    options.validate === false ? undefined : { v1: loadValidation("v1"), v2: loadValidation("v2") };

  function takeFault(method: string, path: string) {
    const index = faults.findIndex(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (f.path === undefined || pathPattern(f.path).test(path)),
    );
    if (index < 0) return undefined;
    const fault = faults[index]!;
    if (--fault.left <= 0) faults.splice(index, 1);
    return fault;
  }

  /** Sliding windows over accepted requests; true when this one is over a limit. */
  function overLimit(now: number): boolean {
    const { perSecond, perMinute } = options.rateLimit ?? {};
    if (perSecond === undefined && perMinute === undefined) return false;
    while (stamps.length && stamps[0]! <= now - 60_000) stamps.shift();
    const lastSecond = stamps.filter((t) => t > now - 1000).length;
    if (perSecond !== undefined && lastSecond >= perSecond) return true;
    if (perMinute !== undefined && stamps.length >= perMinute) return true;
    stamps.push(now);
    return false;
  }

  function dispatch(entry: MockRequest, url: URL, rawBody: string): MockReply {
    const api = apiOf(url.pathname);
    if (!api) return notFound();
    const { version, path } = api;
    const v2 = version === "v2";
    const missing = v2 ? v2NotFound : notFound;
    if (
      v2 &&
      !String(entry.headers["accept"] ?? "")
        .toLowerCase()
        .includes(V2_MEDIA_TYPE)
    ) {
      return fail(400, `The v2 API needs the Accept: ${V2_MEDIA_TYPE} media type.`);
    }
    const matched = bestMatch(
      routes(version).filter((r) => r.method === entry.method),
      path,
    );
    if (!matched) return missing();
    const { item: route, params } = matched;
    entry.operation = `${route.method} ${v2 ? V2_BASE_PATH : ""}${route.template}`;
    const deny = (status: number) =>
      route.errorStyle === "errors"
        ? errorsStyle(status, MESSAGES[status]!)
        : fail(status, MESSAGES[status]!);

    const auth = parseAuthorization(entry.headers["authorization"] as string | undefined);
    if (!auth || auth.partner !== state.partnerToken) return deny(401);
    let user: MockUser | undefined;
    if (auth.user !== undefined) {
      user = [...state.users.values()].find((u) => u.user_token === auth.user);
      if (!user) return deny(401);
    }
    if (route.auth === "user" && !user) return deny(401);

    let body: unknown;
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return fail(400, "The request body is not valid JSON.");
      }
    }
    const validation = validations?.[version];
    if (validation) {
      const errors = validateRequest(validation.doc, validation.operations, {
        method: entry.method,
        path,
        query: url.searchParams,
        body,
      });
      if (errors?.length) {
        return v2 ? v2Unprocessable(errors) : unprocessable(toVendorErrors(errors));
      }
    }
    if (route.locationParam) {
      const locationId = Number(params[route.locationParam]);
      if (!state.locations.has(locationId)) return missing();
      if (user && !user.location_ids.includes(locationId)) return deny(403);
    }
    return route.handle({
      method: entry.method,
      params,
      query: url.searchParams,
      body,
      state,
      user,
      now: clock,
      pageSizeCap: options.pageSizeCap,
      deleteStatus: options.deleteStatus ?? 204,
    });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let parsedBody: unknown = undefined;
    try {
      parsedBody = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      parsedBody = rawBody;
    }
    const entry: MockRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers: { ...req.headers },
      body: parsedBody,
      time: clock(),
    };
    requests.push(entry);
    if (options.latencyMs) await sleep(options.latencyMs);

    let reply: MockReply;
    // v2 paths stay whole (`/api/v2/...`), so a fault meant for v1 never hits them.
    const relative = url.pathname.startsWith(BASE_PATH)
      ? url.pathname.slice(BASE_PATH.length)
      : url.pathname;
    const fault = takeFault(entry.method, relative || "/");
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) {
        req.socket.destroy();
        return;
      }
      const status = fault.status ?? 500;
      reply = {
        status,
        body: fault.body ?? {
          success: false,
          data: null,
          meta: { message: MESSAGES[status] ?? "Error." },
        },
        headers: fault.headers ?? {},
      };
    } else if (overLimit(clock())) {
      reply = fail(429, MESSAGES[429]!);
    } else {
      try {
        reply = dispatch(entry, url, rawBody);
      } catch (error) {
        reply = fail(500, `Mock server error: ${String(error)}`);
      }
    }
    entry.status = reply.status;
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
      "content-length": Buffer.byteLength(text),
      ...reply.headers,
    });
    res.end(text);
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    v2Url: `http://127.0.0.1:${port}${V2_BASE_PATH}`,
    port,
    state,
    requests,
    fault(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function loadValidation(version: SpecVersion) {
  const doc = loadSpec(version);
  return { doc, operations: indexOperations(doc) };
}
