// The `altegio` command as a user runs it: help, `api`, export, categories, exit codes, the standalone mock.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS } from "../../src/cli/products-export.js";
import { cell, parseCsv } from "../../src/cli/csv.js";
import { realisticSeed, startMockServer, type MockServer } from "../../src/mock/index.js";
import { finished, mockEnv, runCli, startCli, until } from "./helpers.js";

let mock: MockServer;
let env: NodeJS.ProcessEnv;
let dir: string;
beforeAll(async () => {
  // A silent page cap below the page size, so both the export and `api --paginate` walk many short pages.
  mock = await startMockServer({ seed: realisticSeed({ products: 230 }), pageSizeCap: 40 });
  env = mockEnv(mock);
  dir = mkdtempSync(join(tmpdir(), "altegio-cli-"));
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

const sentSince = (start: number) => mock.requests.slice(start);

describe("altegio --help", () => {
  it("exits 0 with examples on every command", async () => {
    const commands = [
      [],
      ["api"],
      ["products"],
      ["products", "export"],
      ["products", "import"],
      ["categories"],
      ["categories", "tree"],
      ["mock"],
    ];
    const results = await Promise.all(commands.map((c) => runCli([...c, "--help"])));
    results.forEach((result, i) => {
      expect(result.code, commands[i]!.join(" ")).toBe(0);
      expect(result.stdout).toContain("Usage: altegio");
    });
    for (const result of results) expect(result.stdout).toContain("Examples:");
    expect(results[0]!.stdout).toContain("ALTEGIO_PARTNER_TOKEN");
  });

  it("exits 2 on a usage error, 0 on --version", async () => {
    const [unknown, missing, version, limit] = await Promise.all([
      runCli(["products", "frobnicate"]),
      runCli(["api", "GET"]),
      runCli(["--version"]),
      runCli(["--rate-limit", "fast", "categories", "tree"], env),
    ]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--rate-limit must be off, N/s, N/min or N/s,M/min");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'path'");
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });
});

describe("altegio api", () => {
  it("fills {location_id}, walks every page with --paginate, and matches the export (NDJSON and CSV)", async () => {
    const [api, ndjson, csv] = await Promise.all([
      runCli(["api", "GET", "/goods/{location_id}", "--paginate"], env),
      runCli(["products", "export"], env),
      runCli(["products", "export", "--format", "csv"], env),
    ]);
    for (const r of [api, ndjson, csv]) expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(api.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(230);
    expect(new Set(items.map((i) => i.good_id)).size).toBe(230);

    const lines = ndjson.stdout.trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual(items);

    const { records } = parseCsv(csv.stdout);
    expect(records[0]).toEqual(EXPORT_COLUMNS);
    expect(records.slice(1)).toEqual(items.map((i) => EXPORT_COLUMNS.map((c) => cell(i[c]))));
    expect(csv.stdout).toMatch(/\r\n$/);
  });

  it("takes a concrete path, prints its data, and matches it to the operation", async () => {
    const id = [...mock.state.products.values()].find((p) => p.location_id === 101)!.id;
    const result = await runCli(["api", "GET", `/goods/101/${id}`], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ good_id: id });
    expect(mock.requests.at(-1)).toMatchObject({
      operation: "GET /goods/{location_id}/{product_id}",
      status: 200,
    });
  });

  it("exits 1 on a 404, with the error class, status and message on stderr and no stack", async () => {
    const result = await runCli(["api", "GET", "/goods/101/999999"], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^altegio: AltegioNotFoundError \(HTTP 404, GET \/api\/v1\/goods\/101\/999999\)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain(mockEnv(mock).ALTEGIO_PASSWORD);
  });

  it("refuses unknown paths and bad parameters before sending (exit 2)", async () => {
    const start = mock.requests.length;
    const cases = await Promise.all([
      runCli(["api", "GET", "/goods/101/abc"], env),
      runCli(["api", "GET", "/no/such/path"], env),
      runCli(["api", "GET", "/goods/{location_id}", "--query", "colour=red"], env),
      runCli(["api", "POST", "/goods/{location_id}", "--raw-field", "title=X"], env),
      runCli(["api", "GET", "/goods/{location_id}/{product_id}"], env),
      runCli(["api", "DELETE", "/companies"], env),
      runCli(["api", "GET", "/goods/101/401", "--paginate"], env),
    ]);
    expect(cases.map((c) => c.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(cases[0]!.stderr).toContain("[product_id]: This value should be of type");
    expect(cases[1]!.stderr).toContain("GET /no/such/path matches no operation");
    expect(cases[2]!.stderr).toContain('query parameter "colour" is not one of');
    expect(cases[3]!.stderr).toContain("[category_id]: This field is missing.");
    expect(cases[4]!.stderr).toContain("put the value of {product_id} in PATH");
    expect(cases[5]!.stderr).toContain("(that path takes GET, POST)");
    expect(cases[6]!.stderr).toContain("--paginate needs a GET list");
    expect(sentSince(start)).toEqual([]);
  });

  it("sends a body from --input and --field, typed by JSON", async () => {
    const input = join(dir, "category.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(input, JSON.stringify({ title: "From file", parent_category_id: 0 }));
    const result = await runCli(
      [
        "api",
        "POST",
        "/goods_categories/{location_id}",
        "--input",
        input,
        "--raw-field",
        "article=0042",
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const sent = mock.requests.at(-1)!;
    expect(sent.body).toEqual({ title: "From file", parent_category_id: 0, article: "0042" });
    expect(JSON.parse(result.stdout)).toMatchObject({ title: "From file" });
  });

  it("reads configuration from the environment, flags overriding, and refuses to start without it", async () => {
    const { ALTEGIO_PARTNER_TOKEN: _, ...noPartner } = env;
    const [missing, noLocation, flag] = await Promise.all([
      runCli(["categories", "tree"], noPartner),
      runCli(["categories", "tree"], { ...env, ALTEGIO_LOCATION_ID: "" }),
      runCli(["--location", "102", "categories", "tree", "--json"], env),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ALTEGIO_PARTNER_TOKEN is not set");
    expect(noLocation.code).toBe(2);
    expect(noLocation.stderr).toContain("pass --location <id> or set ALTEGIO_LOCATION_ID");
    expect(flag.code).toBe(0);
    expect(JSON.parse(flag.stdout)).toEqual([
      { id: 304, title: "Retail", parent_id: 0, children: [] },
    ]);
  });
});

describe("altegio products export and categories tree", () => {
  it("writes --output only once complete, in the format its extension names", async () => {
    const file = join(dir, "products.json");
    const result = await runCli(["products", "export", "--output", file, "--progress"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("export: 230 products");
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveLength(230);
  });

  it("refuses an --output it cannot write, and a base URL with credentials, before sending (exit 2)", async () => {
    const start = mock.requests.length;
    const [badPath, withPassword] = await Promise.all([
      runCli(["products", "export", "--output", join(dir, "missing-dir", "x.csv")], env),
      runCli(["products", "export"], {
        ...env,
        ALTEGIO_BASE_URL: `http://someone:s3cret-pw@${new URL(mock.url).host}/api/v1`,
      }),
    ]);
    expect(badPath.code).toBe(2);
    expect(badPath.stderr).toContain("cannot write there (ENOENT)");
    expect(badPath.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(withPassword.code).toBe(2);
    expect(withPassword.stderr).toContain("baseUrl must not carry a user name or password");
    expect(withPassword.stderr).not.toContain("s3cret-pw");
    expect(sentSince(start)).toEqual([]);
  });

  it("filters with --changed-after and refuses a bad date before sending", async () => {
    const start = mock.requests.length;
    const [future, bad] = await Promise.all([
      runCli(["products", "export", "--changed-after", "2999-01-01T00:00:00Z"], env),
      runCli(["products", "export", "--changed-after", "yesterday", "-o", join(dir, "x.csv")], env),
    ]);
    expect(future).toMatchObject({ code: 0, stdout: "" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("changed_after");
    expect(existsSync(join(dir, "x.csv"))).toBe(false);
    const sent = sentSince(start).filter((r) => r.path === "/api/v1/goods/101");
    expect(sent.every((r) => typeof r.query.changed_after === "string")).toBe(true);
  });

  it("stops on Ctrl-C without leaving a partial --output file (exit 130)", async () => {
    const slow = await startMockServer({
      seed: realisticSeed({ products: 230 }),
      pageSizeCap: 10,
      latencyMs: 30,
    });
    try {
      const file = join(dir, "stopped.csv");
      const child = startCli(["products", "export", "-o", file], mockEnv(slow));
      const done = finished(child);
      await until(() => slow.requests.some((r) => r.path === "/api/v1/goods/101"));
      child.kill("SIGINT");
      const result = await done;
      expect(result.code).toBe(130);
      expect(result.stderr).toMatch(
        /export: stopped after \d+ products; .*stopped\.csv was not written/,
      );
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it("prints the category tree", async () => {
    const result = await runCli(["categories", "tree"], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Hair \(\d+\)$/);
    expect(lines[1]).toMatch(/^[├└]── Hair Care \(\d+\)$/);
    expect(lines.length).toBeGreaterThan(10);
  });
});

describe("altegio mock", () => {
  it("serves until SIGTERM, printing its URL and the default credentials", async () => {
    const child = startCli(["mock", "--port", "0", "--products", "20"]);
    const done = finished(child);
    let out = "";
    await new Promise<void>((resolve) => {
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("ALTEGIO_LOCATION_ID=")) resolve();
      });
    });
    const settings = Object.fromEntries(
      out
        .trim()
        .split("\n")
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(settings.ALTEGIO_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const list = await runCli(["products", "export"], { ...settings, ALTEGIO_RATE_LIMIT: "off" });
    expect(list.stdout.trimEnd().split("\n")).toHaveLength(20);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });
});
