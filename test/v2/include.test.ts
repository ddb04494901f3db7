import { describe, expect, it } from "vitest";
import { joinIncluded, paginate, v2PageSource, type V2Resource } from "../../src/index.js";

const good = (id: string, relationships?: V2Resource["relationships"]) => ({
  type: "good",
  id,
  attributes: {},
  ...(relationships ? { relationships } : {}),
});
const amount = (id: string) => ({
  type: "good_storage_amount",
  id,
  attributes: { sale_amount: 1 },
});

describe("joinIncluded", () => {
  it("joins to-many and to-one relationships with included resources, or with the data itself", () => {
    const data = [
      good("1", {
        storage_amounts: {
          data: [
            { type: "good_storage_amount", id: "1_10" },
            { type: "good_storage_amount", id: "1_11" },
          ],
        },
        mark_settings: { data: null },
        twin: { data: { type: "good", id: "2" } },
      }),
      good("2"),
    ];
    const [first, second] = joinIncluded(data, [amount("1_10"), amount("1_11"), amount("9_9")]);
    expect(first!.related).toEqual({
      storage_amounts: [amount("1_10"), amount("1_11")],
      mark_settings: null,
      twin: data[1],
    });
    expect(second!.related).toEqual({});
    expect(first!.id).toBe("1");
  });

  it("leaves out what the answer did not include, but keeps an empty to-many list", () => {
    const [joined] = joinIncluded(
      [
        good("1", {
          storage_amounts: { data: [{ type: "good_storage_amount", id: "1_10" }] },
          loyalty_abonement_type: { data: { type: "loyalty_abonement_type", id: "5" } },
          goods: { data: [] },
        }),
      ],
      undefined,
    );
    expect(joined!.related).toEqual({ goods: [] });
  });
});

describe("v2 pages on the one paginator", () => {
  it("asks page by page with the limit, yields each resource once and stops at the empty page", async () => {
    const asked: [number, number][] = [];
    const pages = [[good("1"), good("2")], [good("2"), good("3")], []];
    const source = v2PageSource(2, async (page, limit) => {
      asked.push([page, limit]);
      return { data: pages[page - 1] ?? [] };
    });
    const ids: string[] = [];
    for await (const p of paginate(source)) ids.push(p.id);
    expect(ids).toEqual(["1", "2", "3"]);
    expect(asked).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
  });

  it("refuses a limit over 250 before anything is sent", () => {
    expect(() => v2PageSource(251, () => Promise.reject(new Error("sent")))).toThrow(
      /limit must be an integer from 1 to 250/,
    );
  });
});
