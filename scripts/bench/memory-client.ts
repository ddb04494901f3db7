// The client side of the memory benchmark, run in its own process (node --expose-gc) so its RSS holds only the
// client: streams every product of the mock at MOCK_URL and prints one JSON line with RSS growth at checkpoints.
// MODE=collect keeps every item in an array instead, to show what growth with the product count looks like.
import { createAltegioClient } from "../../src/index.js";

const { MOCK_URL: url, PARTNER_TOKEN, USER_TOKEN, LOCATION_ID } = process.env;
const checkpoints = (process.env["CHECKPOINTS"] ?? "10000,50000,100000").split(",").map(Number);
const keep = process.env["MODE"] === "collect";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MiB = 2 ** 20;

const altegio = createAltegioClient({
  partnerToken: PARTNER_TOKEN!,
  userToken: USER_TOKEN!,
  baseUrl: url!,
  rateLimit: false,
});
const loc = altegio.location(Number(LOCATION_ID));

// Warm up (modules, JIT, the connection pool) so the baseline holds everything but the listing itself.
for await (const _ of loc.products.list({ count: 100 })) break;
gc();
const baseline = process.memoryUsage.rss();
const baselineHeap = process.memoryUsage().heapUsed;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);

const kept: unknown[] = [];
const marks: { products: number; peakRssGrowthMiB: number; retainedHeapMiB: number }[] = [];
let seen = 0;
for await (const product of loc.products.list()) {
  if (keep) kept.push(product);
  seen++;
  if (seen % 100 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  if (checkpoints.includes(seen)) {
    const peakRssGrowthMiB = (peak - baseline) / MiB;
    gc(); // what is still reachable, as opposed to garbage not yet collected
    marks.push({
      products: seen,
      peakRssGrowthMiB,
      retainedHeapMiB: (process.memoryUsage().heapUsed - baselineHeap) / MiB,
    });
  }
}
clearInterval(sampler);
console.log(
  JSON.stringify({
    mode: keep ? "collect" : "stream",
    products: seen,
    baselineMiB: baseline / MiB,
    marks,
  }),
);
