// Seed data: a small default world that makes `startMockServer()` usable as is, and a larger deterministic one.
import type { MockSeed, SeedCategory, SeedProduct } from "./types.js";

/** Credentials of the default seed, for tests and demos. */
export const DEFAULT_CREDENTIALS = {
  partnerToken: "mock-partner-token",
  login: "manager@example.com",
  password: "mock-password",
  userToken: "mock-user-token",
  userId: 7001,
  /** Locations the default user may manage. */
  locationIds: [101, 102] as const,
  /** A location that exists but the default user may not access (403). */
  foreignLocationId: 103,
} as const;

/** 2026-01-01T12:00:00-0500, the `last_change_date` of every seeded product. */
const SEEDED_AT = Date.UTC(2026, 0, 1, 17, 0, 0);

/** The default world: one user on locations 101 and 102, a foreign location 103, a few categories and products. */
export function defaultSeed(): MockSeed {
  const c = DEFAULT_CREDENTIALS;
  return {
    partnerToken: c.partnerToken,
    users: [
      {
        id: c.userId,
        login: c.login,
        password: c.password,
        user_token: c.userToken,
        name: "Mia Manager",
        phone: "+13155550175",
        information: "Administrator",
        is_non_deletable: true,
        location_ids: [...c.locationIds],
      },
      {
        id: 7002,
        login: "invited@example.com",
        password: "invited-password",
        user_token: "mock-invited-token",
        name: "Ivan Invited",
        phone: "+13155550184",
        information: "manager",
        is_approved: false,
        location_ids: [101],
      },
    ],
    locations: [
      {
        id: 101,
        title: "Downtown Studio",
        address: "New York, 787 Jackson Drive",
        main_group_id: 9206,
      },
      { id: 102, title: "Uptown Studio", address: "New York, 12 Park Avenue", main_group_id: 9206 },
      { id: 103, title: "Other Owner Salon", address: "Boston, 5 Elm Street", city: "Boston" },
    ],
    storages: [
      { id: 201, location_id: 101, title: "Consumables", for_service: 1, for_sale: 0 },
      { id: 202, location_id: 101, title: "Retail", for_service: 0, for_sale: 1, weight: 1 },
      { id: 203, location_id: 102, title: "Retail", for_service: 0, for_sale: 1 },
      { id: 204, location_id: 103, title: "Retail", for_service: 0, for_sale: 1 },
    ],
    units: [
      { id: 1, title: "Piece", short_title: "pcs" },
      { id: 2, title: "Gram", short_title: "g" },
      { id: 3, title: "Milliliter", short_title: "ml" },
    ],
    categories: [
      { id: 301, location_id: 101, title: "Hair care", article: "HAIR" },
      { id: 302, location_id: 101, title: "Shampoos", parent_category_id: 301 },
      { id: 303, location_id: 101, title: "Nail care", is_chain: true },
      { id: 304, location_id: 102, title: "Retail" },
      { id: 305, location_id: 103, title: "Foreign goods" },
    ],
    products: [
      {
        id: 401,
        location_id: 101,
        title: "Argan Shampoo",
        article: "SH-001",
        barcode: "4600000000011",
        category_id: 302,
        cost: 25,
        actual_cost: 10,
        actual_amounts: [{ storage_id: 202, amount: 12 }],
      },
      {
        id: 402,
        location_id: 101,
        title: "Volume Shampoo",
        article: "SH-002",
        category_id: 302,
        cost: 22,
      },
      { id: 403, location_id: 101, title: "Repair Hair Mask", category_id: 301, cost: 30 },
      {
        id: 404,
        location_id: 101,
        title: "Nail Polish Red",
        barcode: "4600000000042",
        category_id: 303,
        sale_unit_id: 1,
        service_unit_id: 3,
        unit_equals: 15,
        cost: 12,
        actual_cost: 6,
      },
      { id: 405, location_id: 102, title: "Gift Box", category_id: 304, cost: 50 },
      { id: 406, location_id: 103, title: "Foreign Cream", category_id: 305, cost: 9 },
    ].map((p): SeedProduct => ({ last_change_ms: SEEDED_AT, ...p })),
  };
}

/** Options of {@link realisticSeed}. */
export interface RealisticSeedOptions {
  /** Products to generate in location 101. @default 300 */
  products?: number;
  /** PRNG seed; the same number always yields the same world. @default 42 */
  seed?: number;
}

const BRANDS = [
  "Aurora",
  "Belle",
  "Cedar",
  "Dune",
  "Ember",
  "Flora",
  "Gloss",
  "Halo",
  "Iris",
  "Jade",
];
const KINDS = [
  "Shampoo",
  "Conditioner",
  "Mask",
  "Serum",
  "Oil",
  "Polish",
  "Cream",
  "Balm",
  "Spray",
  "Gel",
];
const SIZES = ["50 ml", "100 ml", "250 ml", "500 ml", "1 l", "15 ml", "30 g", "200 g"];
const ROOTS = ["Hair", "Nails", "Skin", "Body", "Tools"];
const MIDS = ["Care", "Styling", "Colour"];
const LEAVES = ["Professional", "Retail"];

/** mulberry32: tiny, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The default world plus, in location 101, a three-level category tree (5 × 3 × 2) and `products` generated
 * products spread over it; deterministic for a given `seed`.
 */
export function realisticSeed(options: RealisticSeedOptions = {}): MockSeed {
  const count = options.products ?? 300;
  const random = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const base = defaultSeed();
  const categories: SeedCategory[] = base.categories.filter((c) => c.location_id !== 101);
  const leaves: number[] = [];
  let id = 1000;
  for (const root of ROOTS) {
    const rootId = ++id;
    categories.push({ id: rootId, location_id: 101, title: root, article: root.toUpperCase() });
    for (const mid of MIDS) {
      const midId = ++id;
      categories.push({
        id: midId,
        location_id: 101,
        title: `${root} ${mid}`,
        parent_category_id: rootId,
      });
      for (const leaf of LEAVES) {
        const leafId = ++id;
        leaves.push(leafId, midId);
        categories.push({
          id: leafId,
          location_id: 101,
          title: `${root} ${mid} ${leaf}`,
          parent_category_id: midId,
        });
      }
    }
  }
  const products: SeedProduct[] = base.products.filter((p) => p.location_id !== 101);
  id = 10_000;
  for (let i = 0; i < count; i++) {
    const productId = ++id;
    const cost = Math.round(5 + random() * 95);
    const stocked = random() < 0.5;
    products.push({
      id: productId,
      location_id: 101,
      title: `${pick(BRANDS)} ${pick(KINDS)} ${pick(SIZES)} #${i + 1}`,
      article: `ART-${String(i + 1).padStart(4, "0")}`,
      barcode: String(4_600_000_000_000 + productId),
      category_id: pick(leaves),
      sale_unit_id: 1,
      service_unit_id: pick([1, 2, 3]),
      unit_equals: pick([1, 10, 50, 100]),
      cost,
      actual_cost: Math.round(cost * 0.4),
      actual_amounts: stocked ? [{ storage_id: 202, amount: Math.floor(random() * 40) + 1 }] : [],
      // Spread change dates over 2025 so `changed_after` filters have something to select.
      last_change_ms: Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * 86_400_000,
    });
  }
  return { ...base, categories, products };
}
