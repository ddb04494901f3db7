// Shared pieces of the benchmarks: paths, child processes, statistics, tables and bench-results.json.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_FILE = join(REPO_ROOT, "bench-results.json");

/** The p-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Rounds for display. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Prints a Markdown table (so it pastes into the README as is) under a title. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(cells[0]!));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const row of cells.slice(1)) console.log(line(row));
}

/** Stores one benchmark's results under its name in bench-results.json, keeping the others. */
export function saveResult(name: string, result: unknown): void {
  let all: Record<string, unknown> = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      all = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>;
    } catch {
      all = {};
    }
  }
  all["machine"] = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  all[name] = { date: new Date().toISOString(), ...(result as object) };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

/** A TypeScript script run in its own node process (through tsx), talking JSON lines over stdout. */
export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line that parses as JSON. */
  firstMessage<T>(): Promise<T>;
  /** Everything the child wrote to stderr. */
  stderr(): string;
  stop(): Promise<void>;
}

export function startChild(
  script: string,
  nodeFlags: string[] = [],
  env: Record<string, string> = {},
): Child {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let errors = "";
  let buffer = "";
  const messages: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (!text.startsWith("{")) continue;
      const message = JSON.parse(text) as unknown;
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else messages.push(message);
    }
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    process: child,
    firstMessage<T>() {
      if (messages.length) return Promise.resolve(messages.shift() as T);
      return new Promise<T>((ok, fail) => {
        waiters.push((message) => ok(message as T));
        exited.then(() =>
          fail(new Error(`${script} exited (code ${child.exitCode}) before answering:\n${errors}`)),
        );
      });
    },
    stderr: () => errors,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
