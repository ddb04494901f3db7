// Benchmark 3 — memory: stream 100,000 products through `loc.products.list()` (mock rate limit off) and report the
// client's peak RSS growth at 10k, 50k and 100k products. The mock runs here; the client in a child process with
// --expose-gc, so the numbers are the client's alone. A second run keeps every item, for contrast.
import { join } from "node:path";
import { DEFAULT_CREDENTIALS, realisticSeed, startMockServer } from "../../src/mock/index.js";
import { fixed, printTable, REPO_ROOT, saveResult, startChild } from "./lib.js";

const PRODUCTS = 100_000;
const CHECKPOINTS = [1_000, 10_000, 50_000, 100_000];

interface ClientReport {
  mode: string;
  products: number;
  baselineMiB: number;
  marks: { products: number; peakRssGrowthMiB: number; retainedHeapMiB: number }[];
}

export async function memory(): Promise<void> {
  const mock = await startMockServer({ seed: realisticSeed({ products: PRODUCTS }) });
  try {
    const reports: ClientReport[] = [];
    let requestsPerRun = 0;
    for (const mode of ["stream", "collect"]) {
      const before = mock.requests.length;
      const child = startChild(join(REPO_ROOT, "scripts/bench/memory-client.ts"), ["--expose-gc"], {
        MOCK_URL: mock.url,
        PARTNER_TOKEN: DEFAULT_CREDENTIALS.partnerToken,
        USER_TOKEN: DEFAULT_CREDENTIALS.userToken,
        LOCATION_ID: String(DEFAULT_CREDENTIALS.locationIds[0]),
        MODE: mode,
        CHECKPOINTS: CHECKPOINTS.join(","),
      });
      try {
        reports.push(await child.firstMessage<ClientReport>());
        requestsPerRun = mock.requests.length - before - 1; // minus the warm-up page
      } finally {
        await child.stop();
      }
    }
    const cell = (r: ClientReport, n: number, key: "peakRssGrowthMiB" | "retainedHeapMiB") => {
      const mark = r.marks.find((m) => m.products === n);
      return mark ? `${fixed(mark[key], 1)} MiB` : "—";
    };
    printTable(
      `Memory: ${PRODUCTS} products through list() (pages of 100, ${requestsPerRun} requests per run), ` +
        "client process: peak RSS growth and heap retained after GC, over its warmed-up baseline",
      ["mode", "measure", ...CHECKPOINTS.map((n) => `${n / 1000}k products`)],
      reports.flatMap((r) => {
        const mode =
          r.mode === "stream" ? "for await … of list()" : "for contrast: keep every item";
        return [
          [mode, "peak RSS growth", ...CHECKPOINTS.map((n) => cell(r, n, "peakRssGrowthMiB"))],
          [mode, "retained heap", ...CHECKPOINTS.map((n) => cell(r, n, "retainedHeapMiB"))],
        ];
      }),
    );
    saveResult("memory", { products: PRODUCTS, pageSize: 100, requestsPerRun, reports });
  } finally {
    await mock.close();
  }
}
