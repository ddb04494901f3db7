// Drives the real `altegio` command as a child process (from source, through tsx) against an embedded mock.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_CREDENTIALS as C, type MockServer } from "../../src/mock/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

/** The environment of a run: the caller's, without any ALTEGIO_* setting of the machine running the tests. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1" };
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("ALTEGIO_")) env[key] = value;
  }
  return env;
}

/** ALTEGIO_* settings for the default seed on `mock`, with the client's rate limit off (the mock has none). */
export function mockEnv(mock: MockServer, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ALTEGIO_BASE_URL: mock.url,
    ALTEGIO_PARTNER_TOKEN: C.partnerToken,
    ALTEGIO_LOGIN: C.login,
    ALTEGIO_PASSWORD: C.password,
    ALTEGIO_LOCATION_ID: "101",
    ALTEGIO_RATE_LIMIT: "off",
    ...extra,
  };
}

/** Starts the command; `env` adds to a clean environment. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a started command's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the command to its end, with `input` on stdin. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input = "",
): Promise<CliResult> {
  const child = startCli(args, env);
  const result = finished(child);
  child.stdin!.end(input);
  return result;
}

/** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
