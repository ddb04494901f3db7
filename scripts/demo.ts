// `npm start`: a tour of the client. Without credentials in the environment it starts the embedded local Altegio
// server with a realistic seed and runs the whole tour against it; with ALTEGIO_PARTNER_TOKEN (+ ALTEGIO_USER_TOKEN
// or ALTEGIO_LOGIN/ALTEGIO_PASSWORD) and ALTEGIO_LOCATION_ID it runs the read-only part against the real API.
import { performance } from "node:perf_hooks";
import {
  AltegioError,
  createAltegioClient,
  type AltegioClientOptions,
  type CategoryTreeNode,
} from "../src/index.js";
import { DEFAULT_CREDENTIALS, realisticSeed, startMockServer } from "../src/mock/index.js";

interface Target {
  label: string;
  options: AltegioClientOptions;
  locationId: number | undefined;
  readOnly: boolean;
  requestCount: () => number;
  close: () => Promise<void>;
}

async function liveTarget(env: NodeJS.ProcessEnv): Promise<Target | undefined> {
  const partnerToken = env.ALTEGIO_PARTNER_TOKEN;
  if (!partnerToken) return undefined;
  const credentials =
    env.ALTEGIO_LOGIN && env.ALTEGIO_PASSWORD
      ? { login: env.ALTEGIO_LOGIN, password: env.ALTEGIO_PASSWORD }
      : undefined;
  if (!env.ALTEGIO_USER_TOKEN && !credentials) {
    throw new Error(
      "Set ALTEGIO_USER_TOKEN, or ALTEGIO_LOGIN and ALTEGIO_PASSWORD, with ALTEGIO_PARTNER_TOKEN",
    );
  }
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests += 1;
    return fetch(input, init);
  };
  return {
    label: "the real Altegio API (read-only)",
    options: {
      partnerToken,
      ...(env.ALTEGIO_USER_TOKEN ? { userToken: env.ALTEGIO_USER_TOKEN } : {}),
      ...(credentials ? { credentials } : {}),
      ...(env.ALTEGIO_BASE_URL ? { baseUrl: env.ALTEGIO_BASE_URL } : {}),
      fetch: counting,
    },
    locationId: env.ALTEGIO_LOCATION_ID ? Number(env.ALTEGIO_LOCATION_ID) : undefined,
    readOnly: true,
    requestCount: () => requests,
    close: async () => {},
  };
}

async function mockTarget(): Promise<Target> {
  const mock = await startMockServer({ seed: realisticSeed({ products: 400 }) });
  return {
    label: `the embedded local Altegio server at ${mock.url}`,
    options: {
      partnerToken: DEFAULT_CREDENTIALS.partnerToken,
      credentials: { login: DEFAULT_CREDENTIALS.login, password: DEFAULT_CREDENTIALS.password },
      baseUrl: mock.url,
      // The local server has no rate limit; keep the demo quick.
      rateLimit: false,
    },
    locationId: undefined,
    readOnly: false,
    requestCount: () => mock.requests.length,
    close: () => mock.close(),
  };
}

function countTree(nodes: CategoryTreeNode[]): { categories: number; depth: number } {
  let categories = 0;
  let depth = 0;
  for (const node of nodes) {
    const below = countTree(node.children);
    categories += 1 + below.categories;
    depth = Math.max(depth, 1 + below.depth);
  }
  return { categories, depth };
}

function progress(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${text}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const target = (await liveTarget(process.env)) ?? (await mockTarget());
  const line = (label: string, value: unknown) =>
    console.log(`  ${label.padEnd(22)} ${String(value)}`);
  console.log(`altegio-b2b demo against ${target.label}\n`);
  try {
    const altegio = createAltegioClient(target.options);

    if (target.options.credentials) {
      const { user } = await altegio.auth.login();
      line("Logged in as", `${user.name ?? "?"} (user ${user.id ?? "?"})`);
    }

    const locations = await altegio.locations.list({ my: true });
    line("Locations", locations.map((l) => `${l.id} ${l.title}`).join(", ") || "none");
    const locationId = target.locationId ?? locations[0]?.id;
    if (!locationId) throw new Error("No location to work with: set ALTEGIO_LOCATION_ID");
    const loc = altegio.location(locationId);
    const location = await altegio.locations.get(locationId);
    line("Working in", `${location.title} (${location.id})`);

    const storages = await loc.storages.list();
    line("Storages", storages.map((s) => s.title).join(", ") || "none");

    // Beyond the convenience methods: every v1 operation is typed on the raw client.
    const team = await loc.raw.GET("/staff/{location_id}");
    line(
      "Team members",
      team.data?.data?.map((member) => member.name).join(", ") ?? `HTTP ${team.response.status}`,
    );

    const tree = await loc.productCategories.tree();
    const { categories, depth } = countTree(tree);
    line(
      "Category tree",
      `${categories} categories, ${depth} levels; top: ${tree.map((n) => n.title).join(", ")}`,
    );

    let products = 0;
    const inCategories = new Set<number | undefined>();
    let sampleTitle: string | undefined;
    for await (const product of loc.products.list()) {
      products += 1;
      sampleTitle ??= product.title;
      inCategories.add(product.category_id);
      if (products % 50 === 0) progress(`paging through products… ${products}`);
    }
    progress("");
    if (process.stdout.isTTY) process.stdout.write("\r");
    line("Products", `${products} in ${inCategories.size} categories`);

    // Search with a word from a real product title, so both categories and products can match.
    const firstTerm = sampleTitle?.split(" ").find((word) => word.length > 3) ?? "a";
    const hits = await loc.products.search(firstTerm, { count: 10 });
    const hitCategories = hits.filter((h) => h.is_category).length;
    line(
      `Search "${firstTerm}"`,
      `${hitCategories} categories, ${hits.length - hitCategories} products`,
    );

    if (!target.readOnly) {
      const categoryId = tree[0]?.children[0]?.id ?? tree[0]?.id ?? 0;
      const created = await loc.products.create({
        title: "Demo Shampoo 250 ml",
        category_id: categoryId,
        sale_unit_id: 1,
        service_unit_id: 1,
        cost: 12.5,
        barcode: "4600000000001",
      });
      const id = created.good_id!;
      line("Created product", `${id} "${created.title}" at ${created.cost}`);
      // v2 on the same client and session: the v1 product reads back as a `good` with its string id.
      const good = await loc.v2.products.get(String(id), { include: ["storage_amounts"] });
      const stock = (good.related.storage_amounts ?? []).length;
      line("Read back via v2", `${good.type} "${good.id}", ${stock} storage amounts`);
      const updated = await loc.products.update(id, {
        title: "Demo Shampoo 250 ml (new label)",
        category_id: categoryId,
        sale_unit_id: 1,
        service_unit_id: 1,
        cost: 14,
      });
      line("Updated product", `${id} "${updated.title}" at ${updated.cost}`);
      await loc.products.delete(id);
      line("Deleted product", id);
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nDone: ${target.requestCount()} requests in ${seconds} s.`);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  const text = error instanceof AltegioError ? `${error.name}: ${error.message}` : String(error);
  console.error(`\ndemo failed: ${text}`);
  process.exitCode = 1;
});
