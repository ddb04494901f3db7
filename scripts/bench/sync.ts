// Benchmark 2 — sync at the ceiling: list 20,000 products from the embedded mock while both the mock and the
// client enforce the same rate limit, and see how close to the allowed ceiling the client runs without 429s.
//
// Choice of values: Altegio allows 5/s and 200/min, where the per-minute window is what binds a long sync. Scaled
// ×10 (50/s, 2,000/min) with pages of 10 products, 20,000 products take 2,001 requests (the last is the empty page
// that ends the walk): the first 2,000 are paced by the per-second window and the 2,001st has to wait for the
// per-minute window, so the run takes about a minute and exercises both windows, like a real sync at 5/s, 200/min.
import { performance } from "node:perf_hooks";
import { createAltegioClient } from "../../src/index.js";
import { DEFAULT_CREDENTIALS, realisticSeed, startMockServer } from "../../src/mock/index.js";
import { fixed, printTable, saveResult } from "./lib.js";

const PRODUCTS = 20_000;
const PAGE_SIZE = 10;
const PER_SECOND = 50;
const PER_MINUTE = 2_000;

/** Earliest offset (ms) of the n-th request (0-based) when every 1 s and 60 s window holds at most its limit. */
export function earliestOffsets(count: number, perSecond: number, perMinute: number): number[] {
  const t: number[] = [];
  for (let k = 0; k < count; k++) {
    t.push(
      Math.max(
        k >= perSecond ? t[k - perSecond]! + 1_000 : 0,
        k >= perMinute ? t[k - perMinute]! + 60_000 : 0,
      ),
    );
  }
  return t;
}

export async function sync(): Promise<void> {
  const limits = { perSecond: PER_SECOND, perMinute: PER_MINUTE };
  const mock = await startMockServer({
    seed: realisticSeed({ products: PRODUCTS }),
    rateLimit: limits,
  });
  try {
    const altegio = createAltegioClient({
      partnerToken: DEFAULT_CREDENTIALS.partnerToken,
      userToken: DEFAULT_CREDENTIALS.userToken,
      baseUrl: mock.url,
      rateLimit: limits,
    });
    const loc = altegio.location(DEFAULT_CREDENTIALS.locationIds[0]);
    const ids = new Set<number>();
    const started = performance.now();
    for await (const product of loc.products.list({ count: PAGE_SIZE })) ids.add(product.good_id!);
    const wallMs = performance.now() - started;

    const times = mock.requests.map((r) => r.time);
    const requests = mock.requests.length;
    const tooMany = mock.requests.filter((r) => r.status === 429).length;
    const spanMs = times[times.length - 1]! - times[0]!;
    const minSpanMs = earliestOffsets(requests, PER_SECOND, PER_MINUTE)[requests - 1]!;
    const ceilingRate = ((requests - 1) / minSpanMs) * 1000;
    const achievedRate = ((requests - 1) / spanMs) * 1000;
    // The first perMinute requests are paced by the per-second window alone.
    const burst = Math.min(requests, PER_MINUTE);
    const burstRate = ((burst - 1) / (times[burst - 1]! - times[0]!)) * 1000;
    const result = {
      products: PRODUCTS,
      productsReceived: ids.size,
      pageSize: PAGE_SIZE,
      limits,
      requests,
      status429: tooMany,
      wallSeconds: wallMs / 1000,
      firstToLastRequestSeconds: spanMs / 1000,
      fastestAllowedSeconds: minSpanMs / 1000,
      achievedRequestsPerSecond: achievedRate,
      ceilingRequestsPerSecond: ceilingRate,
      fractionOfCeiling: achievedRate / ceilingRate,
      perSecondPhase: { requests: burst, requestsPerSecond: burstRate, limit: PER_SECOND },
    };
    printTable(
      `Sync at the ceiling: ${PRODUCTS} products, pages of ${PAGE_SIZE}, mock and client both at ` +
        `${PER_SECOND}/s and ${PER_MINUTE}/min (goal: ≥ 0.95 of the ceiling, 0 × 429)`,
      [
        "requests",
        "429s",
        "products",
        "first→last request s",
        "fastest allowed s",
        "achieved req/s",
        "ceiling req/s",
        "fraction of ceiling",
        `first ${burst} req/s (limit ${PER_SECOND})`,
      ],
      [
        [
          requests,
          tooMany,
          ids.size,
          fixed(spanMs / 1000),
          fixed(minSpanMs / 1000),
          fixed(achievedRate),
          fixed(ceilingRate),
          fixed(result.fractionOfCeiling, 3),
          fixed(burstRate),
        ],
      ],
    );
    saveResult("sync", result);
  } finally {
    await mock.close();
  }
}
