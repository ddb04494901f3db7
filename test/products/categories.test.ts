import { afterEach, describe, expect, it } from "vitest";
import { AltegioInputError, defaults } from "../../src/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.js";
import { mockLocation, tokenClient } from "./helpers.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = mockLocation();
const clientFor = (baseUrl: string) => tokenClient(baseUrl).location(101);

describe("productCategories with the mock", () => {
  it("list returns the categories under a parent (top level by default)", async () => {
    const { mock, loc } = await start();
    expect(await loc.productCategories.list()).toEqual([
      { id: 301, title: "Hair care", parent_category_id: null, is_chain: false },
      { id: 303, title: "Nail care", parent_category_id: null, is_chain: true },
    ]);
    expect((await loc.productCategories.list(301)).map((c) => c.id)).toEqual([302]);
    expect(mock.requests.map((r) => r.path)).toEqual([
      "/api/v1/company/101/goods_categories/0",
      "/api/v1/company/101/goods_categories/301",
    ]);
  });

  it("getMany keeps the caller's order, drops repeats and skips unknown ids", async () => {
    const { mock, loc } = await start();
    const found = await loc.productCategories.getMany([303, 301, 303, 999_999, 302]);
    expect(found.map((c) => c.id)).toEqual([303, 301, 302]);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]!.query).toEqual({ "ids[]": ["303", "301", "999999", "302"] });
  });

  it("getMany of nothing sends nothing", async () => {
    const { mock, loc } = await start();
    expect(await loc.productCategories.getMany([])).toEqual([]);
    expect(mock.requests).toHaveLength(0);
  });

  it("node returns one page of a category's composition", async () => {
    const { mock, loc } = await start();
    const node = await loc.productCategories.node(301);
    expect(node).toMatchObject({ category_id: 301, title: "Hair care", children_count: 2 });
    expect(node.children?.map((c) => [c.is_category, c.category_id, c.item_id])).toEqual([
      [true, 302, 0],
      [false, 0, 403],
    ]);
    const second = await loc.productCategories.node(301, { page: 2, count: 1 });
    expect(second.children?.map((c) => c.item_id)).toEqual([403]);
    expect(mock.requests.map((r) => r.query)).toEqual([
      { page: "1", count: "1000" },
      { page: "2", count: "1" },
    ]);
  });

  it("tree builds the nested hierarchy, subcategories only", async () => {
    const { loc } = await start();
    expect(await loc.productCategories.tree()).toEqual([
      {
        id: 301,
        title: "Hair care",
        parent_id: 0,
        children: [{ id: 302, title: "Shampoos", parent_id: 301, children: [] }],
      },
      { id: 303, title: "Nail care", parent_id: 0, children: [] },
    ]);
    expect(await loc.productCategories.tree(301)).toEqual([
      { id: 302, title: "Shampoos", parent_id: 301, children: [] },
    ]);
  });

  it("create, update and delete a category", async () => {
    const { mock, loc } = await start({ deleteStatus: 200 });
    const created = await loc.productCategories.create({
      title: "Brushes",
      parent_category_id: 303,
    });
    expect(created).toEqual({ id: expect.any(Number), title: "Brushes", parent_category_id: 303 });
    const updated = await loc.productCategories.update(created.id!, {
      title: "Nail brushes",
      parent_category_id: null,
      article: "NB",
    });
    expect(updated).toEqual({ id: created.id, title: "Nail brushes", parent_category_id: null });
    await expect(loc.productCategories.delete(created.id!)).resolves.toBeUndefined();
    expect(mock.state.categories.has(created.id!)).toBe(false);
    expect(mock.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      "POST 201",
      "PUT 200",
      "DELETE 200",
    ]);
  });

  it.each([202, 204] as const)("delete accepts a bodiless %i", async (status) => {
    const { mock, loc } = await start({ deleteStatus: status });
    mock.state.addCategory({ id: 399, location_id: 101, title: "Empty" });
    await expect(loc.productCategories.delete(399)).resolves.toBeUndefined();
    expect(mock.requests[0]!.status).toBe(status);
    expect(mock.state.categories.has(399)).toBe(false);
  });
});

describe("getMany splits long id lists by URL length", () => {
  it("1,500 ids: every URL within 4 KB, each id asked once, caller's order kept", async () => {
    const byId = (id: number) => ({
      id,
      title: `C${id}`,
      parent_category_id: null,
      is_chain: false,
    });
    server = await startTestServer((req, res) => {
      const ids = req.query.getAll("ids[]").map(Number);
      // Answer in reverse order, with ids as strings like older answers, to prove the client reorders and normalizes.
      sendJson(res, 200, {
        success: true,
        data: ids.reverse().map((id) => ({ ...byId(id), id: String(id) })),
        meta: { count: ids.length },
      });
    });
    const base = `${server.url}/api/v1`;
    const unique = Array.from({ length: 1400 }, (_, i) => 1_000_000 + ((i * 7919) % 1400));
    const ids = [...unique, ...unique.slice(0, 100)];
    expect(ids).toHaveLength(1500);
    const found = await clientFor(base).productCategories.getMany(ids);

    expect(found.map((c) => c.id)).toEqual(unique);
    expect(found[0]).toEqual(byId(unique[0]!));
    const lengths = server.requests.map((r) => `${server!.url}${r.url}`.length);
    expect(lengths.every((n) => n <= defaults.maxUrlLength)).toBe(true);
    expect(server.requests.length).toBeGreaterThan(1);
    // Chunks are packed: all but the last leave less room than one more id would take.
    expect(Math.min(...lengths.slice(0, -1))).toBeGreaterThan(defaults.maxUrlLength - 20);
    const asked = server.requests.flatMap((r) => r.query.getAll("ids[]").map(Number));
    expect(asked).toEqual(unique);
  });
});

describe("tree against a large, repetitive server", () => {
  it("walks >1000 children page by page, visits each category once, within the concurrency bound", async () => {
    // Category 10 holds 1,150 products and 60 subcategories (ids 5000..5059); page 2 repeats category 5000.
    // Subcategory 5001 and 5002 both list category 6000 as a child (a server inconsistency).
    const children10 = [
      ...Array.from({ length: 60 }, (_, i) => category(5000 + i, 10)),
      ...Array.from({ length: 1150 }, (_, i) => product(20_000 + i, 10)),
    ];
    let inFlight = 0;
    let maxInFlight = 0;
    server = await startTestServer(async (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      if (req.path === "/api/v1/goods/search/101") {
        return sendJson(res, 200, { success: true, data: [category(10, 0)], meta: { count: 1 } });
      }
      const id = Number(req.path.split("/").at(-1));
      const page = Number(req.query.get("page"));
      const count = Number(req.query.get("count"));
      let children: object[] = [];
      if (id === 10) {
        children = children10.slice((page - 1) * count, page * count);
        if (page === 2) children = [category(5000, 10), ...children];
      } else if ((id === 5001 || id === 5002) && page === 1) {
        children = [category(6000, id)];
      }
      const total = id === 10 ? children10.length : id === 5001 || id === 5002 ? 1 : 0;
      sendJson(res, 200, {
        success: true,
        data: { ...category(id, 0), children, children_count: total },
      });
    });

    const tree = await clientFor(`${server.url}/api/v1`).productCategories.tree();

    expect(tree).toHaveLength(1);
    const root = tree[0]!;
    expect(root.children.map((c) => c.id)).toEqual(Array.from({ length: 60 }, (_, i) => 5000 + i));
    const holders = root.children.filter((c) => c.children.length > 0);
    expect(holders).toEqual([
      {
        id: 5001,
        title: "Category 5001",
        parent_id: 10,
        children: [{ id: 6000, title: "Category 6000", parent_id: 5001, children: [] }],
      },
    ]);
    const nodeCalls = server.requests.filter((r) => r.path.includes("category_node"));
    const perCategory = new Map<string, number>();
    for (const r of nodeCalls) {
      const key = `${r.path.split("/").at(-1)}#${r.query.get("page")}`;
      perCategory.set(key, (perCategory.get(key) ?? 0) + 1);
    }
    expect([...perCategory.values()].every((n) => n === 1)).toBe(true);
    // Category 10: two pages of 1000 (children_count reached, no empty page); 60 + 1 subcategories once each.
    expect(nodeCalls.filter((r) => r.path.endsWith("/10")).map((r) => r.query.get("page"))).toEqual(
      ["1", "2"],
    );
    expect(nodeCalls).toHaveLength(2 + 60 + 1);
    expect(server.requests).toHaveLength(1 + nodeCalls.length);
    expect(maxInFlight).toBeLessThanOrEqual(defaults.treeConcurrency);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it("fails as a whole when one subtree fails", async () => {
    server = await startTestServer((req, res) => {
      if (req.path.includes("/search/")) {
        return sendJson(res, 200, {
          success: true,
          data: [category(1, 0), category(2, 0)],
          meta: {},
        });
      }
      if (req.path.endsWith("/2"))
        return sendJson(res, 403, {
          success: false,
          data: null,
          meta: { message: "Access denied." },
        });
      sendJson(res, 200, {
        success: true,
        data: { ...category(1, 0), children: [], children_count: 0 },
      });
    });
    await expect(clientFor(`${server.url}/api/v1`).productCategories.tree()).rejects.toThrow(
      "Access denied.",
    );
  });
});

describe("productCategories: input checks (nothing is sent)", () => {
  const issuesOf = async (call: () => Promise<unknown>): Promise<string[]> => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioInputError);
    return (error as AltegioInputError).issues;
  };

  it("create and update check every field", async () => {
    const { mock, loc } = await start();
    expect(await issuesOf(() => loc.productCategories.create({} as never))).toEqual([
      "title is required (a non-empty string)",
    ]);
    expect(
      await issuesOf(() =>
        loc.productCategories.create({
          title: "",
          parent_category_id: -1,
          article: 5,
          comment: false,
          colour: "red",
        } as never),
      ),
    ).toEqual([
      'title must be a non-empty string, got ""',
      "parent_category_id must be a non-negative safe integer, or null for the top level, got number -1",
      "article must be a string, got number 5",
      "comment must be a string, got boolean false",
      "colour is not a field of this request (known: title, parent_category_id, article, comment)",
    ]);
    expect(
      await issuesOf(() =>
        loc.productCategories.update(0, { title: "x", parent_category_id: 1.5 }),
      ),
    ).toEqual([
      "categoryId must be a positive safe integer, got number 0",
      "parent_category_id must be a non-negative safe integer, or null for the top level, got number 1.5",
    ]);
    expect(await issuesOf(() => loc.productCategories.create("x" as never))).toEqual([
      'input must be an object, got "x"',
    ]);
    expect(mock.requests).toHaveLength(0);
  });

  it("ids, parents and paging are checked", async () => {
    const { mock, loc } = await start();
    expect(
      await issuesOf(() => loc.productCategories.getMany([1, 0, Number.NaN, "4" as never])),
    ).toEqual([
      "ids[1] must be a positive safe integer, got number 0",
      "ids[2] must be a positive safe integer, got number NaN",
      'ids[3] must be a positive safe integer, got "4"',
    ]);
    expect(await issuesOf(() => loc.productCategories.getMany(7 as never))).toEqual([
      "ids must be an array, got number 7",
    ]);
    expect(await issuesOf(() => loc.productCategories.list(-1))).toEqual([
      "parentId must be a positive safe integer, got number -1 (or 0 for the top level)",
    ]);
    expect(await issuesOf(() => loc.productCategories.tree(2.5))).toHaveLength(1);
    expect(await issuesOf(() => loc.productCategories.node(301, { page: 0, count: 1001 }))).toEqual(
      [
        "page must be an integer at least 1, got number 0",
        "count must be an integer within 1..1000, got number 1001",
      ],
    );
    expect(await issuesOf(() => loc.productCategories.node(0))).toHaveLength(1);
    expect(await issuesOf(() => loc.productCategories.delete(-5))).toHaveLength(1);
    expect(mock.requests).toHaveLength(0);
  });
});

function category(id: number, parent: number) {
  return {
    parent_id: parent,
    item_id: 0,
    category_id: id,
    title: `Category ${id}`,
    is_chain: false,
    is_category: true,
    is_item: false,
  };
}

function product(id: number, parent: number) {
  return {
    parent_id: parent,
    item_id: id,
    category_id: 0,
    title: `Product ${id}`,
    is_chain: false,
    is_category: false,
    is_item: true,
  };
}
