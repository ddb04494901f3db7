import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDocument, generate, GenerateError } from "../../scripts/generate.js";
import { normalizeDocument } from "../../scripts/lib/normalize.js";
import { sha256 } from "../../scripts/lib/spec.js";
import { FIXTURES, makeTempDir, REPO_ROOT, runScript } from "./helpers.js";

let root: string;
let cleanup: () => Promise<void>;
let specPath: string;
let overlayPath: string;
let outDir: string;
const options = () => ({ rootDir: root, specPath, overlayPath, outDir });

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir("gen"));
  await mkdir(join(root, "openapi"));
  specPath = join(root, "openapi", "b2b-v1.yaml");
  overlayPath = join(root, "openapi", "overlay.yaml");
  outDir = join(root, "generated");
  await copyFile(join(FIXTURES, "spec-v1.yaml"), specPath);
  await copyFile(join(FIXTURES, "overlay.yaml"), overlayPath);
});
afterEach(() => cleanup());

const types = () => readFile(join(outDir, "b2b-v1.ts"), "utf8");
const doc = () => readFile(join(outDir, "b2b-v1.openapi.json"), "utf8");

describe("generate", () => {
  it("is byte-identical on re-run and names both sources with their sha256", async () => {
    await generate(options());
    const first = [await types(), await doc()];
    await generate(options());
    expect([await types(), await doc()]).toEqual(first);

    const specSha = sha256(await readFile(specPath, "utf8"));
    const overlaySha = sha256(await readFile(overlayPath, "utf8"));
    const header = first[0]!.slice(0, first[0]!.indexOf("*/"));
    expect(header).toContain("DO NOT EDIT");
    expect(header).toContain(`openapi/b2b-v1.yaml sha256 ${specSha}`);
    expect(header).toContain(`openapi/overlay.yaml sha256 ${overlaySha}`);
    const info = JSON.parse(first[1]!).info;
    expect(info["x-generated"]).toContain(specSha);
    expect(info["x-generated"]).toContain(overlaySha);
    expect(info.description).toBe("Fixture API with corrections."); // overlay applied
    expect(first[0]).toContain("export interface paths");
  });

  it("keeps the source key order in the JSON document", async () => {
    await generate(options());
    const parsed = JSON.parse(await doc());
    expect(Object.keys(parsed)).toEqual(["openapi", "info", "servers", "paths", "components"]);
    expect(Object.keys(parsed.paths)).toEqual(["/auth", "/goods/{location_id}"]);
  });

  it("--check passes on fresh output and names stale or missing files", async () => {
    expect((await generate({ ...options(), check: true })).stale).toEqual([
      "generated/b2b-v1.ts",
      "generated/b2b-v1.openapi.json",
    ]);
    await generate(options());
    expect((await generate({ ...options(), check: true })).stale).toEqual([]);

    await writeFile(join(outDir, "b2b-v1.ts"), `${await types()}// hand edit\n`);
    expect((await generate({ ...options(), check: true })).stale).toEqual(["generated/b2b-v1.ts"]);

    await generate(options());
    await writeFile(join(outDir, "b2b-v1.openapi.json"), (await doc()).replace("Sign in", "x"));
    expect((await generate({ ...options(), check: true })).stale).toEqual([
      "generated/b2b-v1.openapi.json",
    ]);

    await generate(options());
    await rm(join(outDir, "b2b-v1.openapi.json"));
    expect((await generate({ ...options(), check: true })).stale).toEqual([
      "generated/b2b-v1.openapi.json",
    ]);
  });

  it("--check catches an overlay edited without regenerating", async () => {
    await generate(options());
    const overlay = await readFile(overlayPath, "utf8");
    await writeFile(overlayPath, overlay.replace("Product id.", "The product id."));
    const { stale } = await generate({ ...options(), check: true });
    expect(stale).toEqual(["generated/b2b-v1.ts", "generated/b2b-v1.openapi.json"]);
  });

  it("the CLI --check exits non-zero naming the stale file", async () => {
    // The CLI shows paths relative to the repo root, so generate the same way.
    await generate({ ...options(), rootDir: REPO_ROOT });
    await writeFile(join(outDir, "b2b-v1.ts"), "// stale\n");
    const args = [
      "--check",
      "--only",
      "v1",
      "--spec",
      specPath,
      "--overlay",
      overlayPath,
      "--out-dir",
      outDir,
    ];
    const result = await runScript("generate.ts", args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stale or missing: .*b2b-v1\.ts/);
    expect(result.stderr).not.toMatch(/openapi\.json/);
  });

  it("fails on an overlay action that matches nothing", async () => {
    const overlay = await readFile(overlayPath, "utf8");
    await writeFile(
      overlayPath,
      `${overlay}  - target: $.paths['/nope'].get\n    update: { summary: x }\n`,
    );
    await expect(buildDocument(options())).rejects.toThrow(GenerateError);
    await expect(buildDocument(options())).rejects.toThrow(/#3 \(\$\.paths\['\/nope'\]\.get\)/);
  });
});

describe("normalization", () => {
  it("drops Accept / Content-Type / Authorization header parameters, inline or $ref", async () => {
    const { document } = await buildDocument(options());
    const text = JSON.stringify(document);
    expect(text).not.toMatch(/"name":"(accept|content-type|authorization)"/i);
    expect(text).not.toContain("#/components/parameters/Authorization");
    const paths = document["paths"] as Record<string, Record<string, { parameters?: unknown[] }>>;
    expect(paths["/auth"]!["post"]!.parameters).toBeUndefined();
    expect(paths["/goods/{location_id}"]!["get"]!.parameters).toEqual([
      expect.objectContaining({ name: "page", in: "query" }),
    ]);
    // The path-level location_id parameter is untouched.
    expect(paths["/goods/{location_id}"]!["parameters"]).toEqual([
      expect.objectContaining({ name: "location_id", in: "path" }),
    ]);
    expect(document["components"]).not.toHaveProperty("parameters");
  });

  it("keeps other header parameters and component parameters still referenced elsewhere", () => {
    const auth = { name: "AUTHORIZATION", in: "header", schema: { type: "string" } };
    const document = {
      openapi: "3.1.0",
      paths: {
        "/a": {
          get: {
            parameters: [
              { $ref: "#/components/parameters/Auth" },
              { name: "X-Request-Id", in: "header" },
              { name: "accept", in: "query" },
            ],
          },
        },
      },
      components: {
        parameters: { Auth: auth },
        "x-keep": { $ref: "#/components/parameters/Auth" },
      },
    };
    expect(normalizeDocument(document)).toBe(1);
    expect(document.paths["/a"].get.parameters).toEqual([
      { name: "X-Request-Id", in: "header" },
      { name: "accept", in: "query" },
    ]);
    expect(document.components.parameters).toEqual({ Auth: auth });
  });
});
