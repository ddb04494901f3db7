// The live in-memory store behind the mock server. Tests may read and change it directly.
import type {
  MockCategory,
  MockLocation,
  MockProduct,
  MockSeed,
  MockStorage,
  MockUnit,
  MockUser,
  SeedCategory,
  SeedLocation,
  SeedProduct,
  SeedStorage,
  SeedUnit,
  SeedUser,
} from "./types.js";

/** The live store: maps keyed by id, plus helpers that fill defaults when seeding directly. */
export interface MockState {
  /** The partner token requests must carry; change it to simulate a revoked partner. */
  partnerToken: string;
  locations: Map<number, MockLocation>;
  users: Map<number, MockUser>;
  storages: Map<number, MockStorage>;
  units: Map<number, MockUnit>;
  categories: Map<number, MockCategory>;
  products: Map<number, MockProduct>;
  /** A fresh id, above every id seen so far. */
  nextId(): number;
  addLocation(location: SeedLocation): MockLocation;
  addUser(user: SeedUser): MockUser;
  addStorage(storage: SeedStorage): MockStorage;
  addUnit(unit: SeedUnit): MockUnit;
  addCategory(category: SeedCategory): MockCategory;
  addProduct(product: SeedProduct): MockProduct;
}

/** Builds a store from seed data; `now` stamps products seeded without `last_change_ms`. */
export function createMockState(seed: MockSeed, now: () => number): MockState {
  let maxId = 0;
  const bump = (id: number) => {
    if (id > maxId) maxId = id;
  };
  const state: MockState = {
    partnerToken: seed.partnerToken,
    locations: new Map(),
    users: new Map(),
    storages: new Map(),
    units: new Map(),
    categories: new Map(),
    products: new Map(),
    nextId: () => ++maxId,
    addLocation(input) {
      bump(input.id);
      const location: MockLocation = {
        title: `Location ${input.id}`,
        public_title: input.title ?? `Location ${input.id}`,
        short_descr: "Beauty salon",
        active: 1,
        phone: "+13155550100",
        email: `location${input.id}@example.com`,
        country_id: 7,
        country: "United States",
        city_id: 181,
        city: "New York",
        timezone: -5,
        timezone_name: "America/New_York",
        address: "New York, 1 Main Street",
        zip: "10001",
        site: "example.com",
        coordinate_lat: 40.73061,
        coordinate_lon: -73.935242,
        currency_short_title: "$",
        business_type_id: 1,
        main_group_id: 0,
        ...input,
      };
      state.locations.set(location.id, location);
      return location;
    },
    addUser(input) {
      bump(input.id);
      const user: MockUser = {
        name: input.login,
        phone: "+13155550175",
        email: input.login.includes("@") ? input.login : `${input.login}@example.com`,
        avatar: "https://assets.alteg.io/general/0/01/avatar.png",
        information: "",
        is_approved: true,
        is_email_confirmed: true,
        is_non_deletable: false,
        blocked: false,
        location_ids: [],
        ...input,
      };
      state.users.set(user.id, user);
      return user;
    },
    addStorage(input) {
      bump(input.id);
      const storage: MockStorage = {
        title: `Storage ${input.id}`,
        for_service: 0,
        for_sale: 1,
        comment: "",
        weight: 0,
        ...input,
      };
      state.storages.set(storage.id, storage);
      return storage;
    },
    addUnit(input) {
      bump(input.id);
      const unit: MockUnit = { title: "Piece", short_title: "pcs", ...input };
      state.units.set(unit.id, unit);
      return unit;
    },
    addCategory(input) {
      bump(input.id);
      const category: MockCategory = {
        parent_category_id: null,
        is_chain: false,
        article: "",
        comment: "",
        ...input,
      };
      state.categories.set(category.id, category);
      return category;
    },
    addProduct(input) {
      bump(input.id);
      const product: MockProduct = {
        print_title: input.title,
        article: "",
        barcode: "",
        sale_unit_id: 1,
        service_unit_id: 1,
        cost: 0,
        actual_cost: 0,
        unit_equals: 1,
        critical_amount: 0,
        desired_amount: 0,
        netto: 0,
        brutto: 0,
        comment: "",
        tax_variant: null,
        vat_id: null,
        loyalty_abonement_type_id: 0,
        loyalty_certificate_type_id: 0,
        loyalty_allow_empty_code: false,
        actual_amounts: [],
        last_change_ms: now(),
        ...input,
      };
      state.products.set(product.id, product);
      return product;
    },
  };
  for (const unit of seed.units) state.addUnit(unit);
  for (const location of seed.locations) state.addLocation(location);
  for (const user of seed.users) state.addUser(user);
  for (const storage of seed.storages) state.addStorage(storage);
  for (const category of seed.categories) state.addCategory(category);
  for (const product of seed.products) state.addProduct(product);
  return state;
}
