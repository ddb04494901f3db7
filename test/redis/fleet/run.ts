// Runs a fleet: N worker processes sharing one Redis, against a mock started by the caller. Used by the fleet
// tests and by `npm run bench -- fleet`.
import { join } from "node:path";
import { DEFAULT_CREDENTIALS } from "../../../src/mock/index.js";
import { REPO_ROOT, startChild } from "../../../scripts/bench/lib.js";

export interface WorkerReport {
  ok: number;
  failed: number;
  errors: string[];
  warnings: string[];
  /** How the process ended: 0 when it finished by itself (null: still running 10 s after its report, killed). */
  exitCode: number | null;
}

export interface FleetOptions {
  processes: number;
  /** Calls of the whole fleet, split evenly. */
  calls: number;
  perSecond: number;
  perMinute: number;
  mockUrl: string;
  redisUrl: string;
  /** Redis key prefix; one per run keeps runs apart. */
  key: string;
  concurrency?: number;
}

export async function runFleet(options: FleetOptions): Promise<WorkerReport[]> {
  const C = DEFAULT_CREDENTIALS;
  const children = Array.from({ length: options.processes }, (_, i) =>
    startChild(join(REPO_ROOT, "test/redis/fleet/worker.ts"), [], {
      CALLS: String(
        Math.floor(options.calls / options.processes) +
          (i < options.calls % options.processes ? 1 : 0),
      ),
      CONCURRENCY: String(options.concurrency ?? 4),
      PER_SECOND: String(options.perSecond),
      PER_MINUTE: String(options.perMinute),
      REDIS_URL: options.redisUrl,
      KEY: options.key,
      MOCK_URL: options.mockUrl,
      PARTNER_TOKEN: C.partnerToken,
      LOGIN: C.login,
      PASSWORD: C.password,
      LOCATION_ID: String(C.locationIds[0]),
    }),
  );
  try {
    return await Promise.all(
      children.map(async (child) => {
        const report = await child.firstMessage<Omit<WorkerReport, "exitCode">>();
        const proc = child.process;
        if (proc.exitCode === null) {
          await new Promise((resolve) => {
            proc.once("exit", resolve);
            setTimeout(resolve, 10_000).unref();
          });
        }
        return { ...report, exitCode: proc.exitCode };
      }),
    );
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
