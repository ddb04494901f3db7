// npm run spec:pull — downloads each vendor OpenAPI description (v1 and v2, scripts/lib/specs.ts), replaces its prose
// with ours (scripts/lib/prose.ts: every fact as published, the description/summary/title strings our previous
// snapshot had at the same places) and writes it to openapi/b2b-v<n>.yaml, records the download in its entry of
// openapi/spec-lock.json and prints which operations were added, removed or changed.
//
// Flags: --spec v1|v2 (default: both), --url <url> (one spec only; or ALTEGIO_SPEC_URL / ALTEGIO_SPEC_V2_URL),
//        --out-dir <dir> (or ALTEGIO_SPEC_OUT_DIR), --timeout-ms <n> (or ALTEGIO_SPEC_TIMEOUT_MS).
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify as toYaml } from "yaml";
import { factsOf, replaceProse } from "./lib/prose.js";
import {
  diffOperations,
  InvalidSpecError,
  listOperations,
  looksLikeHtml,
  parseSpecText,
  sha256,
  writeFileAtomic,
  type OperationDiff,
  type OperationInfo,
} from "./lib/spec.js";
import { SPECS, specNames, type SpecName } from "./lib/specs.js";

export const DEFAULT_OUT_DIR = fileURLToPath(new URL("../openapi/", import.meta.url));
export const DEFAULT_TIMEOUT_MS = 30_000;
export const LOCK_FILE = "spec-lock.json";

export interface PullSpecOptions {
  /** Which vendor description to pull. @default "v1" */
  spec?: SpecName;
  /** Where to download from. @default the spec's environment variable (ALTEGIO_SPEC_URL for v1) or its vendor URL */
  url?: string;
  /** The openapi/ directory to write into. @default ALTEGIO_SPEC_OUT_DIR or the repo's openapi/ */
  outDir?: string;
  /** Abort the whole download after this many milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Receives the human-readable report lines. @default console.log */
  log?: (line: string) => void;
  /** Injected for tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface SpecLock {
  url: string;
  /** sha256 of the bytes the vendor served. */
  sha256: string;
  /** sha256 of the snapshot written from them (the vendor's facts with our prose). */
  snapshotSha256: string;
  retrievedAt: string;
  operationCount: number;
}

/** openapi/spec-lock.json: one entry per spec. */
export type SpecLockFile = Partial<Record<SpecName, SpecLock>>;

export interface PullSpecResult {
  lock: SpecLock;
  diff: OperationDiff;
  /** False when the downloaded bytes equal the previous snapshot. */
  snapshotChanged: boolean;
  /** True when something outside `paths` (components, info, ...) differs from the previous snapshot. */
  otherPartsChanged: boolean;
}

/** A pull that failed without touching the snapshot; `message` is the one line the CLI prints. */
export class PullSpecError extends Error {
  override name = "PullSpecError";
}

async function download(url: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/yaml, application/json;q=0.9, */*;q=0.1" },
    });
    // Reading the body stays under the same timeout signal.
    text = await response.text();
  } catch (error) {
    const err = error as Error & { cause?: Error & { code?: string } };
    if (err.name === "TimeoutError" || err.name === "AbortError") {
      throw new PullSpecError(`timed out after ${timeoutMs} ms fetching ${url}`);
    }
    const cause = err.cause?.message ?? err.cause?.code ?? err.message;
    throw new PullSpecError(`network error fetching ${url}: ${cause}`);
  }
  if (!response.ok) {
    throw new PullSpecError(`HTTP ${response.status} ${response.statusText} from ${url}`.trim());
  }
  const type = response.headers.get("content-type") ?? "";
  if (/text\/html|application\/xhtml/i.test(type) || looksLikeHtml(text)) {
    throw new PullSpecError(
      `${url} returned an HTML page (content-type: ${type || "none"}), not a spec`,
    );
  }
  return text;
}

async function readPrevious(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function readLock(file: string): Promise<SpecLockFile> {
  const text = await readPrevious(file);
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as SpecLockFile) : {};
  } catch {
    return {};
  }
}

function previousSnapshot(text: string | undefined): {
  doc: Record<string, unknown> | undefined;
  ops: OperationInfo[];
  rest: string | undefined;
} {
  if (text === undefined) return { doc: undefined, ops: [], rest: undefined };
  try {
    const doc = parseSpecText(text);
    const facts = factsOf(doc);
    return { doc, ops: listOperations(facts), rest: restOf(facts) };
  } catch {
    // A broken previous snapshot is replaced; every new operation then counts as added.
    return { doc: undefined, ops: [], rest: undefined };
  }
}

/** The snapshot text: YAML formatted as the repo's prettier would, so a pull leaves a clean tree. */
export async function renderSnapshot(doc: Record<string, unknown>): Promise<string> {
  const prettier = await import("prettier");
  const config = await prettier.resolveConfig(
    fileURLToPath(new URL("../openapi/x.yaml", import.meta.url)),
  );
  return prettier.format(toYaml(doc, { lineWidth: 0 }), { ...config, parser: "yaml" });
}

function restOf(doc: Record<string, unknown>): string {
  const { paths: _paths, ...rest } = doc;
  return JSON.stringify(rest);
}

function describe(op: OperationInfo): string {
  return op.operationId ? `${op.key} (${op.operationId})` : op.key;
}

/** Downloads, validates and stores the vendor spec; throws PullSpecError leaving files untouched. */
export async function pullSpec(options: PullSpecOptions = {}): Promise<PullSpecResult> {
  const name = options.spec ?? "v1";
  const spec = SPECS[name];
  const url = options.url ?? process.env[spec.urlEnv] ?? spec.url;
  const outDir = resolve(options.outDir ?? process.env["ALTEGIO_SPEC_OUT_DIR"] ?? DEFAULT_OUT_DIR);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = options.log ?? ((line: string) => console.log(line));
  const snapshotPath = join(outDir, spec.snapshot);

  const text = await download(url, timeoutMs, options.fetch ?? globalThis.fetch);
  let doc: Record<string, unknown>;
  try {
    doc = parseSpecText(text);
  } catch (error) {
    if (error instanceof InvalidSpecError) {
      throw new PullSpecError(`invalid spec from ${url}: ${error.message}`);
    }
    throw error;
  }

  const previousText = await readPrevious(snapshotPath);
  const previous = previousSnapshot(previousText);
  const prose = replaceProse(doc, previous.doc);
  const snapshot = await renderSnapshot(doc);
  // Compared on facts only: a reworded description is not a change of the API.
  const facts = factsOf(doc);
  const operations = listOperations(facts);
  const diff = diffOperations(previous.ops, operations);
  const lockPath = join(outDir, LOCK_FILE);
  const lockFile = await readLock(lockPath);
  const previousLock = lockFile[name];
  const snapshotChanged = previousText !== snapshot;
  let lock: SpecLock = {
    url,
    sha256: sha256(Buffer.from(text, "utf8")),
    snapshotSha256: sha256(snapshot),
    retrievedAt: new Date().toISOString(),
    operationCount: operations.length,
  };
  if (
    !snapshotChanged &&
    previousLock?.url === url &&
    previousLock.sha256 === lock.sha256 &&
    previousLock.snapshotSha256 === lock.snapshotSha256
  ) {
    // Same bytes from the same place: keep the lock as is, so a weekly drift run with no vendor
    // change leaves the working tree clean (no retrievedAt-only diff, no pull request).
    lock = previousLock;
  } else {
    await writeFileAtomic(snapshotPath, snapshot);
    // The other spec's entry stays as it is on disk.
    const entries = { ...lockFile, [name]: lock };
    const ordered = Object.fromEntries(
      Object.keys(SPECS)
        .filter((key) => key in entries)
        .map((key) => [key, entries[key as SpecName]]),
    );
    await writeFileAtomic(lockPath, `${JSON.stringify(ordered, null, 2)}\n`);
  }

  const otherPartsChanged = previous.rest !== undefined && previous.rest !== restOf(facts);
  log(`spec:pull ${name}: ${url} -> ${snapshotPath}`);
  log(`  sha256 ${lock.sha256}, ${operations.length} operations`);
  log(
    `  prose: ${prose.stripped} vendor strings left out, ${prose.kept} of ours kept, ` +
      `${prose.refused} of ours dropped for repeating the vendor's wording`,
  );
  if (!snapshotChanged) log("  unchanged since the previous snapshot");
  for (const [label, sign, list] of [
    ["added", "+", diff.added],
    ["removed", "-", diff.removed],
    ["changed", "~", diff.changed],
  ] as const) {
    log(`  ${label}: ${list.length}`);
    for (const op of list) log(`    ${sign} ${describe(op)}`);
  }
  if (otherPartsChanged) log("  parts outside paths changed too (components, info, ...)");
  return { lock, diff, snapshotChanged, otherPartsChanged };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        url: { type: "string" },
        "out-dir": { type: "string" },
        "timeout-ms": { type: "string" },
      },
      strict: true,
    });
    const rawTimeout = values["timeout-ms"] ?? process.env["ALTEGIO_SPEC_TIMEOUT_MS"];
    const timeoutMs = rawTimeout === undefined ? undefined : Number(rawTimeout);
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      throw new PullSpecError(`--timeout-ms must be a positive number, got ${rawTimeout}`);
    }
    let names: SpecName[];
    try {
      names = specNames(values.spec);
    } catch (error) {
      throw new PullSpecError((error as Error).message);
    }
    if (values.url !== undefined && names.length > 1) {
      throw new PullSpecError(`--url names one file: add --spec ${names.join(" or --spec ")}`);
    }
    for (const spec of names) {
      await pullSpec({ spec, url: values.url, outDir: values["out-dir"], timeoutMs });
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`spec:pull failed: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
