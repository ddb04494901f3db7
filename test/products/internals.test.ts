// The pure pieces behind products: date conversion, the paginator and the concurrency limit.
import { describe, expect, it } from "vitest";
import { AltegioError } from "../../src/index.js";
import { toApiDateTime } from "../../src/internal/dates.js";
import { collect, paginate, type PageRequest } from "../../src/internal/paginate.js";
import { createLimit } from "../../src/internal/pool.js";

describe("toApiDateTime", () => {
  const convert = (value: unknown, round: "floor" | "ceil" = "floor") => {
    const issues: string[] = [];
    const out = toApiDateTime("at", value, round, issues);
    return issues.length ? issues : out;
  };

  it.each([
    [new Date("2026-01-01T17:00:00Z"), "2026-01-01T17:00:00+0000"],
    ["2026-01-01T12:00:00-0500", "2026-01-01T12:00:00-0500"],
    ["2026-09-21T23:00:00.000-05:00", "2026-09-21T23:00:00-0500"],
    ["2026-09-21T23:00:00.999+05:30", "2026-09-21T23:00:00+0530"],
    ["2026-03-01T00:00Z", "2026-03-01T00:00:00+0000"],
    ["2024-02-29T10:00:00z", "2024-02-29T10:00:00+0000"],
  ])("converts %s", (input, expected) => {
    expect(convert(input)).toBe(expected);
  });

  it("rounds a fraction down for lower bounds and up for upper bounds, across the day", () => {
    expect(convert(new Date("2026-12-31T23:59:59.001Z"), "ceil")).toBe("2027-01-01T00:00:00+0000");
    expect(convert("2026-12-31T23:59:59.001-0500", "ceil")).toBe("2027-01-01T00:00:00-0500");
    expect(convert("2026-12-31T23:59:59.001-0500", "floor")).toBe("2026-12-31T23:59:59-0500");
    expect(convert("2026-12-31T23:59:59-0500", "ceil")).toBe("2026-12-31T23:59:59-0500");
  });

  it.each([
    ["no offset", "2026-01-01T12:00:00"],
    ["a date only", "2026-01-01"],
    ["an impossible day", "2026-02-29T10:00:00Z"],
    ["an impossible hour", "2026-01-01T24:00:00Z"],
    ["a bad offset", "2026-01-01T10:00:00+2500"],
    ["free text", "next tuesday"],
    ["a number", 1767286800000],
    ["an invalid Date", new Date("nope")],
    ["a Date past year 9999", new Date(Date.UTC(10_000, 0, 1))],
  ])("rejects %s", (_name, input) => {
    const result = convert(input);
    expect(Array.isArray(result)).toBe(true);
    expect((result as string[])[0]).toMatch(/^at must/);
  });
});

describe("paginate", () => {
  /** A source over `total` items whose server caps pages at `cap` and computes offsets with `offsetBy`. */
  const source = (
    total: number,
    cap: number,
    offsetBy: "served" | "requested",
    calls: PageRequest[],
    stated?: number,
  ) => ({
    pageSize: 10,
    key: (n: number) => n,
    fetchPage: async (request: PageRequest) => {
      calls.push(request);
      const size = Math.min(request.count, cap);
      const start = (request.page - 1) * (offsetBy === "served" ? size : request.count);
      const items = Array.from({ length: total }, (_, i) => i).slice(start, start + size);
      return { items, total: stated };
    },
  });

  it.each(["served", "requested"] as const)(
    "yields everything once under a silent cap (offsets by the %s size)",
    async (offsetBy) => {
      const calls: PageRequest[] = [];
      const items = await collect(paginate(source(23, 4, offsetBy, calls)));
      expect(items).toEqual(Array.from({ length: 23 }, (_, i) => i));
      expect(calls).toHaveLength(Math.ceil(23 / 4) + 1);
    },
  );

  it("costs ceil(N / S) + 1 requests, also when N is a multiple of S", async () => {
    const calls: PageRequest[] = [];
    expect(await collect(paginate(source(30, 100, "served", calls)))).toHaveLength(30);
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3, 4]);
  });

  it("an empty listing costs one request", async () => {
    const calls: PageRequest[] = [];
    expect(await collect(paginate(source(0, 100, "served", calls)))).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("stops without the empty page once a stated total is reached", async () => {
    const calls: PageRequest[] = [];
    expect(await collect(paginate(source(25, 100, "served", calls, 25)))).toHaveLength(25);
    expect(calls).toHaveLength(3);
  });

  it("never drops items that have no key", async () => {
    const pages = [[{ n: 1 }, { n: 2 }], [{ n: 3 }], []];
    const walk = paginate({
      pageSize: 2,
      key: () => undefined,
      fetchPage: async ({ page }) => ({ items: pages[page - 1] ?? [] }),
    });
    expect(await collect(walk)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("fails when a whole page repeats earlier items", async () => {
    const walk = paginate({
      pageSize: 2,
      key: (n: number) => n,
      fetchPage: async () => ({ items: [1, 2] }),
    });
    await expect(collect(walk)).rejects.toBeInstanceOf(AltegioError);
  });
});

describe("createLimit", () => {
  it("never runs more than its size at once and runs everything", async () => {
    const limit = createLimit(3);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          for (let k = 0; k < (i % 4) + 1; k++) await Promise.resolve();
          running--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("releases the slot when a task fails", async () => {
    const limit = createLimit(1);
    await expect(limit(() => Promise.reject(new Error("x")))).rejects.toThrow("x");
    await expect(limit(async () => 5)).resolves.toBe(5);
  });
});
