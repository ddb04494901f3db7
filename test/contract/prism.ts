// Runs Stoplight Prism (`prism mock`) on the overlay-applied spec as an independent contract checker.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { freePort } from "../helpers/free-port.js";
import type { Recorder } from "./recorder.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The generated document of each spec Prism can serve. */
const specFile = (version: "v1" | "v2") => join(ROOT, `generated/b2b-${version}.openapi.json`);
/** The CLI's own entry (node_modules/.bin/prism links to it); run with our node, no shell in between. */
const PRISM_CLI = join(ROOT, "node_modules/@stoplight/prism-cli/dist/index.js");
/** The media type the client sends in `Accept` on every request (defaults.accept). */
const VENDOR_MEDIA_TYPE = "application/vnd.api.v2+json";
const STARTUP_TIMEOUT_MS = 30_000;

/** A running Prism mock. */
export interface PrismServer {
  /** Prism's root URL; Prism ignores the spec's server path (/api/v1, /api/v2), so this is the client's baseUrl. */
  url: string;
  /** Query parameters Prism cannot validate, as `"GET /path name"`; tests must check these themselves. */
  unchecked: string[];
  /** Everything Prism printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The spec file Prism serves, and the query parameters it cannot check (`"GET /path name"`). */
export interface PrismSpec {
  file: string;
  unchecked: string[];
}

/**
 * The spec as Prism needs it, written to `dir` (generated/ stays untouched). Two changes:
 * - every JSON response is also offered as `application/vnd.api.v2+json`: Altegio requires that `Accept` value on
 *   every request but the spec lists only `application/json` answers, so Prism would answer every call with 406;
 * - query parameters whose name has brackets (`ids[]`) are made optional and listed in `unchecked`: Prism cannot
 *   match such names in any spelling (stoplightio/prism#2443) and would reject every request that sends them, so
 *   the tests check those parameters themselves.
 */
export function prismSpec(dir: string, version: "v1" | "v2" = "v1"): PrismSpec {
  const doc = JSON.parse(readFileSync(specFile(version), "utf8")) as Json;
  const responses: unknown[] = Object.values((doc["components"] as Json)?.["responses"] ?? {});
  const unchecked: string[] = [];
  for (const [path, item] of Object.entries(doc["paths"] as Json)) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      if (!isObject(operation)) continue;
      responses.push(...Object.values(operation["responses"] ?? {}));
      const parameters = Array.isArray(operation["parameters"]) ? operation["parameters"] : [];
      for (const parameter of parameters) {
        const name = isObject(parameter) ? String(parameter["name"]) : "";
        if (isObject(parameter) && parameter["in"] === "query" && /[[\]]/.test(name)) {
          parameter["required"] = false;
          unchecked.push(`${method.toUpperCase()} ${path} ${name}`);
        }
      }
    }
  }
  for (const response of responses) {
    const content = isObject(response) ? response["content"] : undefined;
    if (isObject(content) && content["application/json"] && !content[VENDOR_MEDIA_TYPE]) {
      content[VENDOR_MEDIA_TYPE] = content["application/json"];
    }
  }
  const file = join(dir, `b2b-${version}.prism.json`);
  writeFileSync(file, JSON.stringify(doc));
  return { file, unchecked };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * Starts `prism mock --errors` (request validation on, static examples) on 127.0.0.1 and resolves once it prints
 * "Prism is listening"; rejects with Prism's output if it exits or stays silent for 30 s.
 */
export async function startPrism(version: "v1" | "v2" = "v1"): Promise<PrismServer> {
  const dir = mkdtempSync(join(tmpdir(), "altegio-prism-"));
  const spec = prismSpec(dir, version);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [PRISM_CLI, "mock", spec.file, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  // Safety net: a worker that dies without teardown must not leave Prism running.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    child.kill("SIGTERM");
    if (!(await waitForExit(child, 5_000))) {
      child.kill("SIGKILL");
      await waitForExit(child, 5_000);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS} ms`)),
        STARTUP_TIMEOUT_MS,
      );
      const check = () => {
        if (log.includes("Prism is listening")) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout!.on("data", check);
      child.stderr!.on("data", check);
      child.once("error", (error) => {
        clearTimeout(timer);
        fail(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`Prism exited before listening (code ${code}, signal ${signal})`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(
      `Could not start Prism (${PRISM_CLI}) on port ${port}: ${(error as Error).message}\n` +
        `--- Prism output ---\n${log || "(none)"}`,
      { cause: error },
    );
  }
  return { url: `http://127.0.0.1:${port}`, unchecked: spec.unchecked, output: () => log, stop };
}

/**
 * `accepted(action)`: runs `action` and asserts it sent at least one request through `recorder` and that Prism
 * accepted every one of them.
 */
export function acceptedBy(recorder: Recorder) {
  return async <T>(action: () => Promise<T>): Promise<T> => {
    recorder.clear();
    let result: T;
    try {
      result = await action();
    } catch (error) {
      // A rejection usually surfaces as a client error first; show what Prism said instead.
      expect(recorder.rejections(), String(error)).toEqual([]);
      throw error;
    }
    expect(recorder.exchanges.length).toBeGreaterThan(0);
    expect(recorder.rejections()).toEqual([]);
    return result;
  };
}
