// Packs the package as `npm publish` would and uses the tarball from a throwaway project: ESM and
// CJS imports, one call through the packed client against the packed mock, the packed `altegio`
// command, a NodeNext type check, publint and attw. Never touches the network: the dependencies
// (openapi-fetch for the client, commander for the command) come from the npm cache, or are copied
// from this repo's node_modules when the cache lacks them.
import { execFile, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS, startMockServer } from "../../src/mock/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const bin = (pkg: string, file: string) => join(ROOT, "node_modules", pkg, file);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    shell: process.platform === "win32" && command === "npm",
    env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" },
  });
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** Runs and fails the test with the full output when the command exits non-zero. */
function mustRun(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

const node = (args: string[], cwd: string) => mustRun(process.execPath, args, cwd);

function nodeWith(args: string[], cwd: string, env: Record<string, string>): string {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0)
    throw new Error(`node ${args.join(" ")} exited ${result.status}\n${result.stderr}`);
  return result.stdout;
}

let tmp: string;
let tarball: string;
let consumer: string;

/** Copies a dependency and, recursively, its own dependencies from this repo's flat node_modules. */
function copyDependency(name: string, into: string): void {
  const target = join(into, "node_modules", name);
  if (existsSync(target)) return;
  const source = join(ROOT, "node_modules", name);
  cpSync(source, target, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(join(source, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(manifest.dependencies ?? {})) copyDependency(dep, into);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "altegio-b2b-pack-"));

  // Build into a staging copy so the repo's own dist/ (and concurrent runs) are left alone.
  const stage = join(tmp, "stage");
  mkdirSync(stage);
  for (const file of ["package.json", "README.md", "LICENSE"]) {
    copyFileSync(join(ROOT, file), join(stage, file));
  }
  mustRun("npm", ["run", "build", "--", "--out-dir", join(stage, "dist"), "--silent"], ROOT);
  const packed = JSON.parse(
    mustRun("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], stage),
  ) as Array<{ filename: string }>;
  tarball = join(tmp, packed[0]!.filename);

  consumer = join(tmp, "consumer");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", version: "0.0.0", private: true }),
  );
  const install = run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
    consumer,
  );
  if (install.status !== 0) {
    // A cold npm cache: unpack the tarball by hand and bring the dependencies from this repo.
    console.warn("npm install --offline failed; linking dependencies from node_modules instead");
    mustRun("tar", ["-xzf", tarball, "-C", tmp], tmp);
    mkdirSync(join(consumer, "node_modules"), { recursive: true });
    renameSync(join(tmp, "package"), join(consumer, "node_modules", PKG.name));
    for (const dep of Object.keys(PKG.dependencies)) copyDependency(dep, consumer);
  }
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ESM = `
import { createAltegioClient, VERSION } from "altegio-b2b";
import { startMockServer, DEFAULT_CREDENTIALS } from "altegio-b2b/mock";
import * as schema from "altegio-b2b/schema";
const mock = await startMockServer();
try {
  const client = createAltegioClient({
    partnerToken: DEFAULT_CREDENTIALS.partnerToken,
    userToken: DEFAULT_CREDENTIALS.userToken,
    baseUrl: mock.url,
  });
  const locations = await client.locations.list();
  console.log(JSON.stringify({
    version: VERSION,
    ids: locations.map((l) => l.id),
    exports: [typeof createAltegioClient, typeof startMockServer],
    schema: Object.keys(schema),
  }));
} finally {
  await mock.close();
}
`;

const CJS = `
const { createAltegioClient, VERSION } = require("altegio-b2b");
const { startMockServer, DEFAULT_CREDENTIALS } = require("altegio-b2b/mock");
const schema = require("altegio-b2b/schema");
(async () => {
  const mock = await startMockServer();
  try {
    const client = createAltegioClient({
      partnerToken: DEFAULT_CREDENTIALS.partnerToken,
      userToken: DEFAULT_CREDENTIALS.userToken,
      baseUrl: mock.url,
    });
    const locations = await client.locations.list();
    console.log(JSON.stringify({
      version: VERSION,
      ids: locations.map((l) => l.id),
      exports: [typeof createAltegioClient, typeof startMockServer],
      schema: Object.keys(schema),
    }));
  } finally {
    await mock.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

// Acquires three turns from a Redis limiter; its errors must be the user's own core classes.
const REDIS_BODY = `
  const limiter = createRedisRateLimiter({ url: process.env.REDIS_URL, key: "pack-" + process.pid, perSecond: 10 });
  try {
    for (let i = 0; i < 3; i++) await limiter.acquire();
    let sameCore = false;
    try { createRedisRateLimiter({}); } catch (error) { sameCore = error instanceof AltegioInputError; }
    console.log(JSON.stringify({ granted: 3, sameCore }));
  } catch (error) {
    console.log(JSON.stringify({ error: String(error) }));
  } finally {
    await limiter.close();
  }
`;
const REDIS_ESM = `
import { AltegioInputError } from "altegio-b2b";
import { createRedisRateLimiter } from "altegio-b2b/redis";
${REDIS_BODY}
`;
const REDIS_CJS = `
const { AltegioInputError } = require("altegio-b2b");
const { createRedisRateLimiter } = require("altegio-b2b/redis");
(async () => {
${REDIS_BODY}
})();
`;

// Written as .mts and .cts so tsc resolves through the `import` and the `require` conditions.
const CONSUMER_TS = `
import {
  AltegioError,
  createAltegioClient,
  type AltegioClient,
  type Location,
  type LocationListItem,
} from "altegio-b2b";
import { DEFAULT_CREDENTIALS, startMockServer, type MockServer } from "altegio-b2b/mock";
import type { components, operations, paths, v2, V2paths } from "altegio-b2b/schema";
import { createRedisRateLimiter, createRedisSessionStore, type RedisRateLimiter } from "altegio-b2b/redis";

export function fleet(url: string): AltegioClient {
  const rateLimiter: RedisRateLimiter = createRedisRateLimiter({ url, perSecond: 5, perMinute: 200 });
  const sessionStore = createRedisSessionStore({ url });
  return createAltegioClient({ partnerToken: "p", rateLimiter, sessionStore });
}

type ListLocations = paths["/companies"]["get"];
type V2Product = v2.components["schemas"]["product_resource"];
type V2List = V2paths["/locations/{location_id}/products"]["get"];
export const v2Product: V2Product["type"] = "good";
export type V2ListQuery = NonNullable<V2List["parameters"]["query"]>["limit"];
type Ops = keyof operations;
type Schemas = keyof components["schemas"];

export async function demo(): Promise<Array<Location | LocationListItem>> {
  const mock: MockServer = await startMockServer();
  const client: AltegioClient = createAltegioClient({
    partnerToken: DEFAULT_CREDENTIALS.partnerToken,
    userToken: DEFAULT_CREDENTIALS.userToken,
    baseUrl: mock.url,
  });
  try {
    const mine = await client.locations.list();
    const one: Location = await client.locations.get(101);
    return [...mine.filter((l) => l.id === one.id), one];
  } catch (error) {
    if (error instanceof AltegioError) return [];
    throw error;
  } finally {
    await mock.close();
  }
}
export type Probe = [ListLocations, Ops, Schemas];
`;

describe("the packed package", { timeout: 60_000 }, () => {
  it("ships only dist, README and LICENSE (checked against the repo's `files`)", () => {
    const listing = JSON.parse(
      mustRun("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT),
    ) as Array<{ files: Array<{ path: string }> }>;
    const stray = listing[0]!.files
      .map((f) => f.path)
      .filter((p) => !["package.json", "README.md", "LICENSE"].includes(p))
      .filter((p) => !p.startsWith("dist/"));
    expect(stray).toEqual([]);

    const files = mustRun("tar", ["-tzf", tarball], tmp)
      .split(/\r?\n/)
      .filter(Boolean)
      .map((p) => p.replace(/^package\//, ""))
      .sort();
    for (const entry of ["index", "mock/index", "redis/index", "schema"]) {
      for (const ext of [".js", ".cjs", ".d.ts", ".d.cts"]) {
        expect(files).toContain(`dist/${entry}${ext}`);
      }
    }
    expect(files).toContain("dist/mock/b2b-v1.openapi.json");
    expect(files).toContain("dist/mock/b2b-v2.openapi.json");
    expect(files).toContain("dist/cli/main.js");
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
  });

  it("keeps the main entry free of the mock and of node built-ins", () => {
    const dist = join(consumer, "node_modules", PKG.name, "dist");
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(join(dist, file), "utf8");
      const specifiers = [...code.matchAll(/(?:from\s*|require\()\s*["']([^"']+)["']/g)].map(
        (m) => m[1],
      );
      expect(new Set(specifiers)).toEqual(new Set(["openapi-fetch"]));
      expect(code).not.toContain("startMockServer");
    }
  });

  it("keeps the redis entry on the user's copy of the core, with node-redis loaded only for a url", () => {
    const dist = join(consumer, "node_modules", PKG.name, "dist", "redis");
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(join(dist, file), "utf8");
      const specifiers = [
        ...code.matchAll(/(?:from\s*|require\(|import\()\s*["']([^"']+)["']/g),
      ].map((m) => m[1]);
      expect(new Set(specifiers)).toEqual(new Set(["altegio-b2b", "crypto", "redis"]));
      expect(code).not.toContain("class AltegioError");
    }
  });

  describe("altegio-b2b/redis from the packed package", () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it.each([
      ["ESM", "redis-esm.mjs", REDIS_ESM],
      ["CJS", "redis-cjs.cjs", REDIS_CJS],
    ])(
      "works from %s: without node-redis a clear error, with it a shared limit",
      (_kind, file, source) => {
        writeFileSync(join(consumer, file), source);
        const env = { REDIS_URL: redis.url };
        const without = JSON.parse(nodeWith([file], consumer, env)) as { error: string };
        expect(without.error).toMatch(/needs the `redis` package/);
        copyDependency("redis", consumer);
        try {
          const out = JSON.parse(nodeWith([file], consumer, env)) as {
            granted: number;
            sameCore: boolean;
          };
          expect(out).toEqual({ granted: 3, sameCore: true });
        } finally {
          rmSync(join(consumer, "node_modules", "redis"), { recursive: true, force: true });
        }
      },
    );
  });

  it.each([
    ["ESM", "esm.mjs", ESM],
    ["CJS", "cjs.cjs", CJS],
  ])("works from %s: client call through the packed mock", (_kind, file, source) => {
    writeFileSync(join(consumer, file), source);
    const out = JSON.parse(node([file], consumer)) as {
      version: string;
      ids: number[];
      exports: string[];
      schema: string[];
    };
    expect(out.version).toBe(PKG.version);
    expect(out.ids.length).toBeGreaterThan(0);
    expect(out.exports).toEqual(["function", "function"]);
    // `./schema` is types only; its JS is an empty module.
    expect(out.schema.filter((k) => k !== "default" && k !== "__esModule")).toEqual([]);
  });

  it("installs the `altegio` command, which uses the packed core and mock", async () => {
    const installed = join(consumer, "node_modules", PKG.name);
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    const main = join(installed, manifest.bin.altegio!);
    expect(readFileSync(main, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(main).mode & 0o111).not.toBe(0);
    const code = readFileSync(main, "utf8");
    // The command imports the sibling bundles instead of carrying its own copy of the client or the mock.
    expect(code).toContain('from "../index.js"');
    expect(code).not.toContain("function createAltegioClient");
    expect(node([main, "--help"], consumer)).toContain("Usage: altegio");

    const mock = await startMockServer();
    try {
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [main, "api", "GET", "/goods/{location_id}", "--paginate"],
          {
            cwd: consumer,
            env: {
              PATH: process.env.PATH,
              ALTEGIO_BASE_URL: mock.url,
              ALTEGIO_PARTNER_TOKEN: DEFAULT_CREDENTIALS.partnerToken,
              ALTEGIO_USER_TOKEN: DEFAULT_CREDENTIALS.userToken,
              ALTEGIO_LOCATION_ID: "101",
            },
          },
          (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
        ),
      );
      expect((JSON.parse(out) as unknown[]).length).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });

  it("type-checks a NodeNext consumer (ESM and CJS)", () => {
    writeFileSync(join(consumer, "consumer.mts"), CONSUMER_TS);
    writeFileSync(join(consumer, "consumer.cts"), CONSUMER_TS);
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022"],
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules", "@types")],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ["consumer.mts", "consumer.cts"],
      }),
    );
    node([bin("typescript", "bin/tsc"), "-p", "tsconfig.json"], consumer);
  });

  it("passes publint (strict) and attw (all resolution modes)", () => {
    node([bin("publint", "src/cli.js"), "run", tarball, "--strict"], tmp);
    node([bin("@arethetypeswrong/cli", "dist/index.js"), tarball, "--format", "ascii"], tmp);
  });
});
