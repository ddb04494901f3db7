import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { pullSpec, PullSpecError, type SpecLockFile } from "../../scripts/pull-spec.js";
import { sha256 } from "../../scripts/lib/spec.js";
import {
  FIXTURES,
  makeTempDir,
  refusedUrl,
  runScript,
  startServer,
  type TestServer,
} from "./helpers.js";

const SPEC_V1 = await readFile(join(FIXTURES, "spec-v1.yaml"), "utf8");

/** SPEC_V1 as the snapshot must hold it: every fact, none of the vendor's prose. */
function withoutProse(text: string): unknown {
  const doc = parse(text);
  doc.paths["/auth"].post.summary = undefined;
  doc.paths["/auth"].post.responses["201"].description = undefined;
  doc.paths["/goods/{location_id}"].get.responses["200"].description = undefined;
  doc.paths["/goods/{location_id}"].delete.responses["204"].description = undefined;
  return JSON.parse(JSON.stringify(doc));
}

/** v1 with one operation added, one removed and one changed (a fact, not prose). */
function specV2(): string {
  const doc = parse(SPEC_V1);
  doc.paths["/auth"].post.deprecated = true;
  delete doc.paths["/goods/{location_id}"].delete;
  doc.paths["/goods/{location_id}"].post = {
    operationId: "create_product",
    responses: { "201": { description: "Created" } },
  };
  return stringify(doc);
}

let dir: string;
let cleanup: () => Promise<void>;
let server: TestServer | undefined;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir("pull"));
  lines = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await cleanup();
});

function serve(status: number, body: string, type = "application/yaml"): Promise<TestServer> {
  return startServer((_req, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  }).then((s) => (server = s));
}

const snapshot = () => readFile(join(dir, "b2b-v1.yaml"), "utf8");
const lockText = () => readFile(join(dir, "spec-lock.json"), "utf8");

describe("pullSpec", () => {
  it("writes the vendor's facts without its prose, and a lock describing both files", async () => {
    const { url } = await serve(200, SPEC_V1);
    const result = await pullSpec({ url, outDir: dir, log });
    const text = await snapshot();
    expect(parse(text)).toEqual(withoutProse(SPEC_V1));
    expect(text).not.toContain("Sign in");
    const lock = (JSON.parse(await lockText()) as SpecLockFile).v1;
    expect(lock).toEqual({
      url,
      sha256: sha256(SPEC_V1),
      snapshotSha256: sha256(text),
      retrievedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      operationCount: 3,
    });
    expect(result.diff.added.map((op) => op.key)).toEqual([
      "POST /auth",
      "GET /goods/{location_id}",
      "DELETE /goods/{location_id}",
    ]);
    expect(lines.join("\n")).toContain("+ POST /auth (authorize_user)");
  });

  it("keeps our prose where the previous snapshot had it, unless it repeats the vendor's", async () => {
    const ours = parse(SPEC_V1);
    ours.paths["/auth"].post.summary = "Log in and get a user token.";
    ours.paths["/goods/{location_id}"].get.responses["200"].description = "Products"; // the vendor's word
    await writeFile(join(dir, "b2b-v1.yaml"), stringify(ours));
    const vendor = parse(SPEC_V1);
    vendor.paths["/auth"].post.summary = "Authorize a user with a login and a password";
    const { url } = await serve(200, stringify(vendor));
    const result = await pullSpec({ url, outDir: dir, log });
    const pulled = parse(await snapshot());
    expect(pulled.paths["/auth"].post.summary).toBe("Log in and get a user token.");
    expect(pulled.paths["/goods/{location_id}"].get.responses["200"].description).toBeUndefined();
    expect(await snapshot()).not.toContain("Authorize a user");
    expect(result.diff.changed).toEqual([]); // prose is not a change
    expect(lines.join("\n")).toMatch(/[1-9]\d* of ours dropped for repeating the vendor's wording/);
  });

  it("rewrites snapshot and lock on a change and reports added, removed and changed", async () => {
    await writeFile(join(dir, "b2b-v1.yaml"), SPEC_V1);
    const v2 = specV2();
    const { url } = await serve(200, v2);
    const result = await pullSpec({ url, outDir: dir, log });
    expect(parse(await snapshot()).paths["/auth"].post.deprecated).toBe(true);
    expect(JSON.parse(await lockText())).toMatchObject({
      v1: { sha256: sha256(v2), operationCount: 3 },
    });
    expect(result.snapshotChanged).toBe(true);
    const out = lines.join("\n");
    expect(out).toContain("added: 1");
    expect(out).toContain("+ POST /goods/{location_id} (create_product)");
    expect(out).toContain("removed: 1");
    expect(out).toContain("- DELETE /goods/{location_id} (delete_products)");
    expect(out).toContain("changed: 1");
    expect(out).toContain("~ POST /auth (authorize_user)");
    expect(result.diff.changed.map((op) => op.key)).toEqual(["POST /auth"]);
  });

  it("keeps the lock untouched when the vendor bytes did not change", async () => {
    const { url } = await serve(200, SPEC_V1);
    await pullSpec({ url, outDir: dir, log });
    const before = await lockText();
    const result = await pullSpec({ url, outDir: dir, log });
    expect(result.snapshotChanged).toBe(false);
    expect(await lockText()).toBe(before);
    expect(lines.join("\n")).toContain("unchanged");
  });

  it("accepts a JSON document (and stores YAML)", async () => {
    const json = JSON.stringify(parse(SPEC_V1));
    const { url } = await serve(200, json, "application/json");
    await pullSpec({ url, outDir: dir, log });
    expect(parse(await snapshot())).toEqual(withoutProse(SPEC_V1));
  });
});

describe("pullSpec failures leave snapshot and lock untouched", () => {
  const cases: [string, () => Promise<string>, RegExp, number?][] = [
    ["HTTP 500", async () => (await serve(500, "boom", "text/plain")).url, /HTTP 500/],
    [
      "an HTML page by content-type",
      async () => (await serve(200, "<p>login</p>", "text/html; charset=utf-8")).url,
      /HTML page/,
    ],
    [
      "an HTML page by body",
      async () => (await serve(200, "<!DOCTYPE html><html></html>", "application/yaml")).url,
      /HTML page/,
    ],
    [
      "invalid YAML",
      async () => (await serve(200, "openapi: [3.1\npaths: {")).url,
      /not valid YAML/,
    ],
    [
      "a Swagger 2 document",
      async () => (await serve(200, "swagger: '2.0'\npaths: {}")).url,
      /3\.x/,
    ],
    ["empty paths", async () => (await serve(200, "openapi: 3.1.0\npaths: {}")).url, /paths/],
    [
      "a server that never answers",
      async () => (await startServer(() => undefined).then((s) => (server = s))).url,
      /timed out after 200 ms/,
      200,
    ],
    ["connection refused", refusedUrl, /network error .*ECONNREFUSED/],
  ];

  it.each(cases)("%s", async (_name, makeUrl, message, timeoutMs) => {
    await writeFile(join(dir, "b2b-v1.yaml"), "old snapshot\n");
    await writeFile(join(dir, "spec-lock.json"), "old lock\n");
    const url = await makeUrl();
    const error = await pullSpec({ url, outDir: dir, log, timeoutMs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PullSpecError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect(await snapshot()).toBe("old snapshot\n");
    expect(await lockText()).toBe("old lock\n");
  });
});

describe("spec:pull CLI", () => {
  it("exits non-zero with one line on stderr", async () => {
    const { url } = await serve(503, "down", "text/plain");
    const result = await runScript("pull-spec.ts", [
      "--spec",
      "v1",
      "--url",
      url,
      "--out-dir",
      dir,
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^spec:pull failed: HTTP 503/),
    ]);
  });

  it("refuses one --url for both specs, sending nothing", async () => {
    const result = await runScript("pull-spec.ts", [
      "--url",
      "http://127.0.0.1:9/x",
      "--out-dir",
      dir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^spec:pull failed: --url names one file: add --spec v1 or --spec v2\n$/,
    );
  });

  it("pulls both specs, taking the URLs and out dir from the environment", async () => {
    const { url } = await serve(200, SPEC_V1);
    const env = {
      ALTEGIO_SPEC_URL: url,
      ALTEGIO_SPEC_V2_URL: `${url}?v2`,
      ALTEGIO_SPEC_OUT_DIR: dir,
    };
    const result = await runScript("pull-spec.ts", ["--timeout-ms", "5000"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("spec:pull v1:");
    expect(result.stdout).toContain("spec:pull v2:");
    expect(parse(await snapshot())).toEqual(withoutProse(SPEC_V1));
    expect(parse(await readFile(join(dir, "b2b-v2.yaml"), "utf8"))).toEqual(withoutProse(SPEC_V1));
    const lock = JSON.parse(await lockText()) as SpecLockFile;
    expect(Object.keys(lock)).toEqual(["v1", "v2"]);
    expect(lock.v2?.url).toBe(`${url}?v2`);
  });
});
