// Benchmark 4 — type cost: `tsc --noEmit --extendedDiagnostics` on a consumer file that makes a set of calls with
// altegio-b2b, and on one making the same calls with bare openapi-fetch. Both compile against declaration files
// emitted from src/ (what a consumer of the package sees), in a scratch dir under node_modules/.cache so that
// `openapi-fetch` and `@types/node` resolve as they would in a consumer project.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixed, median, printTable, REPO_ROOT, saveResult } from "./lib.js";

const RUNS = 3;
const TSC = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
const SCRATCH = join(REPO_ROOT, "node_modules/.cache/altegio-bench-types");

const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  types: ["node"],
  strict: true,
  skipLibCheck: true,
};

const CLIENT_CONSUMER = `
import { createAltegioClient } from "./dts/src/index.js";

const altegio = createAltegioClient({ partnerToken: "p", userToken: "u" });
export async function run(): Promise<string[]> {
  const out: string[] = [];
  const login = await altegio.auth.login({ login: "a@b.c", password: "x" });
  out.push(login.userToken);
  for (const l of await altegio.locations.list({ my: true })) out.push(l.title ?? "");
  out.push((await altegio.locations.get(101)).title ?? "");
  const loc = altegio.location(101);
  for (const s of await loc.storages.list()) out.push(s.title ?? "");
  for await (const p of loc.products.list({ term: "shampoo" })) out.push(p.title ?? "");
  for (const p of await loc.products.listPage({ page: 2, count: 50 })) out.push(String(p.good_id));
  out.push((await loc.products.get(1)).title ?? "");
  const input = { title: "Shampoo", category_id: 1, sale_unit_id: 1, service_unit_id: 1, cost: 10 };
  out.push((await loc.products.create(input)).title ?? "");
  out.push((await loc.products.update(1, { ...input, cost: 12 })).title ?? "");
  await loc.products.delete(1);
  for (const e of await loc.products.search("sh", { count: 10 })) out.push(e.title ?? "");
  for (const c of await loc.productCategories.list(0)) out.push(c.title ?? "");
  for (const c of await loc.productCategories.getMany([1, 2])) out.push(c.title ?? "");
  out.push(String((await loc.productCategories.node(1)).children_count));
  for (const c of await loc.productCategories.tree()) out.push(c.title);
  out.push((await loc.productCategories.create({ title: "Hair" })).title ?? "");
  out.push((await loc.productCategories.update(1, { title: "Hair" })).title ?? "");
  await loc.productCategories.delete(1);
  return out;
}
`;

const BARE_CONSUMER = `
import createClient from "openapi-fetch";
import type { paths } from "./dts/generated/b2b-v1.js";

const headers = { Accept: "application/vnd.api.v2+json", Authorization: "Bearer p, User u" };
const client = createClient<paths>({ baseUrl: "https://api.alteg.io/api/v1", headers });
const location_id = 101;
export async function run(): Promise<string[]> {
  const out: string[] = [];
  const login = await client.POST("/auth", { body: { login: "a@b.c", password: "x" } });
  out.push(login.data?.data?.user_token ?? "");
  const locations = await client.GET("/companies", { params: { query: { my: 1 } } });
  for (const l of locations.data?.data ?? []) out.push(l.title ?? "");
  const location = await client.GET("/company/{location_id}", { params: { path: { location_id } } });
  out.push(location.data?.data?.title ?? "");
  const storages = await client.GET("/storages/{location_id}", { params: { path: { location_id } } });
  for (const s of storages.data?.data ?? []) out.push(s.title ?? "");
  for (let page = 1; ; page++) {
    const list = await client.GET("/goods/{location_id}", {
      params: { path: { location_id }, query: { term: "shampoo", page, count: 100 } },
    });
    const items = list.data?.data ?? [];
    if (items.length === 0) break;
    for (const p of items) out.push(p.title ?? "");
  }
  const page = await client.GET("/goods/{location_id}", {
    params: { path: { location_id }, query: { page: 2, count: 50 } },
  });
  for (const p of page.data?.data ?? []) out.push(String(p.good_id));
  const one = { params: { path: { location_id, product_id: 1 } } };
  const product = await client.GET("/goods/{location_id}/{product_id}", one);
  out.push(JSON.stringify(product.data?.data));
  const input = { title: "Shampoo", category_id: 1, sale_unit_id: 1, service_unit_id: 1, cost: 10 };
  const created = await client.POST("/goods/{location_id}", {
    params: { path: { location_id } },
    body: input,
  });
  out.push(JSON.stringify(created.data?.data));
  const updated = await client.PUT("/goods/{location_id}/{product_id}", {
    ...one,
    body: { ...input, cost: 12 },
  });
  out.push(JSON.stringify(updated.data?.data));
  await client.DELETE("/goods/{location_id}/{product_id}", one);
  const search = await client.GET("/goods/search/{location_id}", {
    params: { path: { location_id }, query: { term: "sh", count: 10 } },
  });
  for (const e of search.data?.data ?? []) out.push(e.title ?? "");
  const categories = await client.GET("/company/{location_id}/goods_categories/{parent_category_id}", {
    params: { path: { location_id, parent_category_id: 0 } },
  });
  for (const c of categories.data?.data ?? []) out.push(c.title ?? "");
  const many = await client.GET("/goods_categories/multiple/{location_id}", {
    params: { path: { location_id }, query: { "ids[]": [1, 2] } },
  });
  for (const c of many.data?.data ?? []) out.push(c.title ?? "");
  const node = await client.GET("/goods/category_node/{location_id}/{category_id}", {
    params: { path: { location_id, category_id: 1 }, query: { page: 1, count: 1000 } },
  });
  out.push(String(node.data?.data?.children_count));
  const category = { params: { path: { location_id, category_id: 1 } } };
  const createdCategory = await client.POST("/goods_categories/{location_id}", {
    params: { path: { location_id } },
    body: { title: "Hair" },
  });
  out.push(createdCategory.data?.data?.title ?? "");
  const updatedCategory = await client.PUT("/goods_categories/{location_id}/{category_id}", {
    ...category,
    body: { title: "Hair" },
  });
  out.push(updatedCategory.data?.data?.title ?? "");
  await client.DELETE("/goods_categories/{location_id}/{category_id}", category);
  return out;
}
`;

interface Diagnostics {
  files: number;
  types: number;
  instantiations: number;
  memoryKiB: number;
  checkSeconds: number;
  totalSeconds: number;
  wallSeconds: number;
}

function tsc(project: string, extra: string[] = []): { output: string; wallSeconds: number } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [TSC, "-p", project, ...extra], {
    cwd: SCRATCH,
    encoding: "utf8",
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    throw new Error(`tsc -p ${project} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return { output: run.stdout, wallSeconds };
}

function parse(output: string, wallSeconds: number): Diagnostics {
  const value = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(output);
    if (!match) throw new Error(`no "${label}" in tsc --extendedDiagnostics output:\n${output}`);
    return Number(match[1]);
  };
  return {
    files: value("Files"),
    types: value("Types"),
    instantiations: value("Instantiations"),
    memoryKiB: value("Memory used"),
    checkSeconds: value("Check time"),
    totalSeconds: value("Total time"),
    wallSeconds,
  };
}

export async function types(): Promise<void> {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  try {
    const write = (name: string, content: unknown) =>
      writeFileSync(
        join(SCRATCH, name),
        typeof content === "string" ? content : JSON.stringify(content, null, 2),
      );
    write("package.json", { type: "module", private: true });
    // Declarations of the package, as a consumer gets them.
    write("tsconfig.dts.json", {
      compilerOptions: {
        ...COMPILER_OPTIONS,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: REPO_ROOT,
        outDir: join(SCRATCH, "dts"),
      },
      files: [join(REPO_ROOT, "src/index.ts")],
    });
    tsc("tsconfig.dts.json");
    const consumers = { "altegio-b2b": CLIENT_CONSUMER, "bare openapi-fetch": BARE_CONSUMER };
    const results: Record<string, Diagnostics & { runs: Diagnostics[] }> = {};
    for (const [name, source] of Object.entries(consumers)) {
      const file = name === "altegio-b2b" ? "client-consumer.ts" : "bare-consumer.ts";
      write(file, source);
      const project = `tsconfig.${file.replace(".ts", "")}.json`;
      write(project, { compilerOptions: { ...COMPILER_OPTIONS, noEmit: true }, files: [file] });
      const runs: Diagnostics[] = [];
      for (let i = 0; i < RUNS; i++) {
        const { output, wallSeconds } = tsc(project, ["--extendedDiagnostics"]);
        runs.push(parse(output, wallSeconds));
      }
      const mid = (key: keyof Diagnostics) => median(runs.map((r) => r[key]));
      results[name] = {
        files: mid("files"),
        types: mid("types"),
        instantiations: mid("instantiations"),
        memoryKiB: mid("memoryKiB"),
        checkSeconds: mid("checkSeconds"),
        totalSeconds: mid("totalSeconds"),
        wallSeconds: mid("wallSeconds"),
        runs,
      };
    }
    const bare = results["bare openapi-fetch"]!;
    printTable(
      `Type cost: tsc --noEmit on a consumer making the same ~20 calls (median of ${RUNS} runs; ` +
        "ratios to bare openapi-fetch)",
      [
        "consumer",
        "check s",
        "total s",
        "wall s",
        "memory MiB",
        "types",
        "instantiations",
        "total ×",
      ],
      Object.entries(results).map(([name, r]) => [
        name,
        fixed(r.checkSeconds),
        fixed(r.totalSeconds),
        fixed(r.wallSeconds),
        fixed(r.memoryKiB / 1024, 0),
        r.types,
        r.instantiations,
        fixed(r.totalSeconds / bare.totalSeconds),
      ]),
    );
    saveResult("types", {
      runs: RUNS,
      note: "consumers compile against declarations emitted from src/ (skipLibCheck on)",
      consumers: results,
    });
  } finally {
    rmSync(SCRATCH, { recursive: true, force: true });
  }
}
