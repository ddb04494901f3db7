// A real redis-server (Debian's package) on a free 127.0.0.1 port, nothing persisted, for tests and the benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port.js";

export interface RedisServer {
  port: number;
  url: string;
  /** Kills the server at once (SIGKILL): what a crash or a lost host looks like to clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? "redis-server";

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  async function start(): Promise<void> {
    const proc = spawn(
      BINARY,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = proc;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("Ready to accept connections")) resolve();
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      proc.once("error", (error) =>
        reject(
          new Error(`cannot start ${BINARY} (apt-get install -y redis-server)`, { cause: error }),
        ),
      );
      proc.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
    });
  }

  async function kill(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGKILL");
    await exited;
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async stop() {
      process.removeListener("exit", killOnExit);
      await kill();
    },
  };
}
