// `altegio products import` as a user runs it: bad files refused whole, and reruns after SIGKILL or Ctrl-C that end
// with every product exactly once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { csvRecord } from "../../src/cli/csv.js";
import { startMockServer, type MockServer, type MockServerOptions } from "../../src/mock/index.js";
import { finished, mockEnv, runCli, startCli, until } from "./helpers.js";

let dir: string;
let mock: MockServer | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "altegio-import-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: MockServerOptions = {}) {
  mock = await startMockServer(options);
  return { mock, env: mockEnv(mock) };
}

const COLUMNS = ["title", "article", "category_id", "sale_unit_id", "service_unit_id", "cost"];

/** A CSV file of `n` valid products (articles IMP-0001…), with some cells replaced. */
function csvFile(
  name: string,
  n: number,
  change: (i: number, row: string[]) => string[] = (_, r) => r,
) {
  const rows = Array.from({ length: n }, (_, i) =>
    change(i, [
      `Imported product ${i + 1}, 100 ml`,
      `IMP-${String(i + 1).padStart(4, "0")}`,
      "302",
      "1",
      "1",
      String(10 + i),
    ]),
  );
  const file = join(dir, name);
  writeFileSync(file, [COLUMNS, ...rows].map(csvRecord).join(""));
  return file;
}

const imported = (m: MockServer) =>
  [...m.state.products.values()].filter((p) => p.article.startsWith("IMP-"));
const posts = (m: MockServer) =>
  m.requests.filter((r) => r.method === "POST" && r.path === "/api/v1/goods/101");

/** Starts an import of `file`, sends `signal` once `created` of its products exist, and waits for the end. */
async function importUntil(
  mock: MockServer,
  env: NodeJS.ProcessEnv,
  file: string,
  created: number,
  signal: NodeJS.Signals,
) {
  const child = startCli(["products", "import", file], env);
  const done = finished(child);
  await until(() => imported(mock).length >= created);
  child.kill(signal);
  return done;
}

describe("altegio products import", () => {
  it("refuses a file with 3 bad rows among 50, naming each, and sends nothing (exit 2)", async () => {
    const { mock, env } = await start();
    const file = csvFile("bad.csv", 50, (i, row) => {
      if (i === 6) row[3] = "one"; // line 8: a unit that is not a number
      if (i === 19) row[1] = ""; // line 21: no article, so no way to match it again
      if (i === 41) row[0] = ""; // line 43: no title
      return row;
    });
    const result = await runCli(["products", "import", file], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const named = [...result.stderr.matchAll(/^\s+- (line \d+):/gm)].map((m) => m[1]);
    expect(named).toEqual(["line 8", "line 21", "line 43"]);
    expect(result.stderr).toContain(
      'line 8: sale_unit_id must be a positive safe integer, got "one"',
    );
    expect(mock.requests).toEqual([]);
  });

  it("refuses repeated keys and unknown columns up front", async () => {
    const { mock, env } = await start();
    const repeated = csvFile("repeated.csv", 5, (i, row) =>
      i === 3 ? [row[0]!, "IMP-0001", ...row.slice(2)] : row,
    );
    const unknown = join(dir, "unknown.csv");
    writeFileSync(unknown, "title,article,colour\nA,B,red\n");
    const [a, b] = await Promise.all([
      runCli(["products", "import", repeated], env),
      runCli(["products", "import", unknown], env),
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('line 5: article "IMP-0001" repeats line 2');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('line 1: column 3 "colour" is not a product field');
    expect(mock.requests).toEqual([]);
  });

  it("killed with SIGKILL mid-way and run again, ends with exactly 120 new products; a third run creates none", async () => {
    // A little latency per request so the kill lands while rows are still being created.
    const { mock, env } = await start({ latencyMs: 4 });
    const file = csvFile("120.csv", 120);
    const killed = await importUntil(mock, env, file, 30, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    const afterKill = imported(mock).length;
    expect(afterKill).toBeGreaterThanOrEqual(30);
    expect(afterKill).toBeLessThan(120);

    const second = await runCli(["products", "import", file], env);
    expect(second.code, second.stderr).toBe(0);
    const outcomes = second.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { action: string });
    expect(outcomes).toHaveLength(120);
    expect(outcomes.filter((o) => o.action === "created")).toHaveLength(120 - afterKill);
    const articles = imported(mock).map((p) => p.article);
    expect(articles).toHaveLength(120);
    expect(new Set(articles).size).toBe(120);

    const postsBefore = posts(mock).length;
    const third = await runCli(["products", "import", file], env);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain("120 rows: 0 created, 0 updated, 120 unchanged, 0 failed");
    expect(posts(mock).length).toBe(postsBefore);
    expect(imported(mock)).toHaveLength(120);
  }, 60_000);

  it("stops cleanly on Ctrl-C: the row in flight finishes, the summary is printed, exit 130", async () => {
    const { mock, env } = await start({ latencyMs: 10 });
    const file = csvFile("interrupted.csv", 120);
    const result = await importUntil(mock, env, file, 10, "SIGINT");
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/import: \d+ of 120 rows done: \d+ created/);
    // Every product created was reported: nothing was half done or left unsaid.
    const reported = result.stdout
      .trimEnd()
      .split("\n")
      .filter((l) => l.includes('"created"'));
    expect(reported).toHaveLength(imported(mock).length);
    expect(imported(mock).length).toBeLessThan(120);
  }, 30_000);

  it("updates changed rows, reports failures per row (exit 1), and writes nothing in a dry run", async () => {
    const { mock, env } = await start();
    const file = csvFile("three.csv", 3);
    expect((await runCli(["products", "import", file], env)).code).toBe(0);
    const changed = csvFile("three.csv", 3, (i, row) => {
      if (i === 0) row[5] = "99";
      if (i === 2) row[2] = "999"; // an unknown category: the API refuses the row
      return row;
    });
    const writes = () => mock.requests.filter((r) => r.method !== "GET").length;
    const before = writes();
    const dry = await runCli(["products", "import", changed, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("dry run: nothing was written");
    expect(writes() - before).toBe(1); // the login, nothing else
    const real = await runCli(["--progress", "products", "import", changed], env);
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(
      /^import: 1\/3 rows \(33%\) · [\d.]+\/s · \d+s left · 0 created, 1 updated/m,
    );
    const outcomes = real.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(outcomes.map((o) => [o.line, o.action])).toEqual([
      [2, "updated"],
      [3, "unchanged"],
      [4, "failed"],
    ]);
    expect(outcomes[0]!.changed).toEqual(["cost"]);
    expect(real.stderr).toMatch(/line 4: failed: AltegioValidationError \(HTTP 422/);
    expect(imported(mock).find((p) => p.article === "IMP-0001")!.cost).toBe(99);
  });

  it("reads NDJSON from stdin", async () => {
    const { mock, env } = await start();
    const ndjson = [
      {
        title: "From stdin",
        article: "IMP-STDIN",
        category_id: 302,
        sale_unit_id: 1,
        service_unit_id: 1,
      },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const result = await runCli(
      ["products", "import", "-", "--format", "ndjson"],
      env,
      `${ndjson}\n`,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(imported(mock).map((p) => p.title)).toEqual(["From stdin"]);
  });
});
