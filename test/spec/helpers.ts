// Shared helpers for the spec pipeline tests: temp dirs, a tiny local HTTP server, running the CLIs.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = join(REPO_ROOT, "test", "fixtures");

export async function makeTempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `altegio-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Starts a node:http server on 127.0.0.1, port 0; `close` also drops hanging connections. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/openapi.yaml`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A URL on which nothing listens (a server is opened and closed again to get a free port). */
export async function refusedUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.url;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script under tsx the way `npm run` does, with extra env vars. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const tsx = join(REPO_ROOT, "node_modules", ".bin", "tsx");
  return new Promise((done) => {
    execFile(
      tsx,
      [join(REPO_ROOT, "scripts", script), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
