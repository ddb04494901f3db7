// Product, category and storage objects in every form the docs, the vendor's examples and recorded live answers
// show (reference README, "Known quirks" and "Seen in live data"), each with what a convenience read must return.
// The expected values are written out by hand (for objects already in their documented types, as the fields that
// change), never computed by the normalizer, so a wrong rule cannot agree with itself.

/** A wire object and its normalized form. */
export interface Case {
  name: string;
  wire: Record<string, unknown>;
  normalized: Record<string, unknown>;
}

/** A case whose wire object is already in the documented types, except for the fields `changed` gives. */
const except = (name: string, wire: Record<string, unknown>, changed = {}): Case => ({
  name,
  wire,
  normalized: { ...wire, ...changed },
});

/** Products as get/create/update send them. */
export const products: Case[] = [
  except(
    "the vendor's example: loyalty type ids as strings, the flag a boolean",
    {
      title: "Shampoo 1",
      value: "Shampoo 1",
      label: "Shampoo 1 (123)",
      good_id: 123456,
      cost: 100500,
      unit_id: 4835,
      unit_short_title: "PC",
      service_unit_id: 3548,
      service_unit_short_title: "gr",
      actual_cost: 1050,
      unit_actual_cost: 105,
      unit_actual_cost_format: "105 r",
      unit_equals: 10,
      barcode: "123",
      loyalty_abonement_type_id: "150",
      loyalty_certificate_type_id: "0",
      loyalty_allow_empty_code: false,
      critical_amount: 0,
      desired_amount: 0,
      actual_amounts: [{ storage_id: 987, amount: 1000000 }],
      last_change_date: "2026-01-01T12:00:00-0500",
    },
    { loyalty_abonement_type_id: 150, loyalty_certificate_type_id: 0 },
  ),
  except(
    "live: 0/1 flags, no stock ([]), an empty barcode, a Cyrillic title",
    {
      title: "Шампунь «Аргана» 250 мл",
      value: "Шампунь «Аргана» 250 мл",
      label: "Шампунь «Аргана» 250 мл",
      good_id: 4711,
      cost: 890.5,
      unit_id: 1,
      unit_short_title: "шт",
      service_unit_id: 2,
      service_unit_short_title: "мл",
      actual_cost: 410,
      unit_actual_cost: 1.64,
      unit_actual_cost_format: "1.64 ₽",
      unit_equals: 250,
      barcode: "",
      loyalty_abonement_type_id: 0,
      loyalty_certificate_type_id: 0,
      loyalty_allow_empty_code: 1,
      loyalty_serial_number_limited: 0,
      critical_amount: 2,
      desired_amount: 10,
      actual_amounts: [],
      last_change_date: "2026-09-21T23:00:00.000-05:00",
    },
    { loyalty_allow_empty_code: true, loyalty_serial_number_limited: false },
  ),
  {
    name: "an older answer: every number a string, fractional and negative stock",
    wire: {
      title: "Hair Oil 30 ml",
      good_id: "4712",
      cost: "100.50",
      unit_id: "1",
      service_unit_id: "3",
      actual_cost: "40",
      unit_actual_cost: "1.33",
      unit_equals: "30",
      barcode: "0460000000017",
      loyalty_abonement_type_id: "150",
      loyalty_certificate_type_id: "0",
      loyalty_allow_empty_code: "0",
      loyalty_serial_number_limited: "1",
      critical_amount: "0.5",
      desired_amount: "4",
      actual_amounts: [
        { storage_id: "202", amount: "2.5" },
        { storage_id: "201", amount: "-3" },
      ],
    },
    normalized: {
      title: "Hair Oil 30 ml",
      good_id: 4712,
      cost: 100.5,
      unit_id: 1,
      service_unit_id: 3,
      actual_cost: 40,
      unit_actual_cost: 1.33,
      unit_equals: 30,
      // Text stays text, leading zero and all.
      barcode: "0460000000017",
      loyalty_abonement_type_id: 150,
      loyalty_certificate_type_id: 0,
      loyalty_allow_empty_code: false,
      loyalty_serial_number_limited: true,
      critical_amount: 0.5,
      desired_amount: 4,
      actual_amounts: [
        { storage_id: 202, amount: 2.5 },
        { storage_id: 201, amount: -3 },
      ],
    },
  },
  {
    name: "oversold stock as numbers, a numeric barcode, a null the schema does not allow",
    wire: {
      title: "Nail Polish Red",
      good_id: 4713,
      cost: 12,
      barcode: 4600000000042,
      loyalty_allow_empty_code: true,
      critical_amount: null,
      actual_amounts: [
        { storage_id: 202, amount: -2 },
        { storage_id: 201, amount: 0.75 },
      ],
    },
    normalized: {
      title: "Nail Polish Red",
      good_id: 4713,
      cost: 12,
      barcode: "4600000000042",
      loyalty_allow_empty_code: true,
      // null means "no value": left out rather than passed on in a type that has no null.
      actual_amounts: [
        { storage_id: 202, amount: -2 },
        { storage_id: 201, amount: 0.75 },
      ],
    },
  },
];

/** Products as the product list sends them. */
export const listItems: Case[] = [
  // The vendor's list example shows the first fields of its product example.
  except("the vendor's example", Object.fromEntries(Object.entries(products[0]!.wire).slice(0, 7))),
  {
    name: "every number a string, Cyrillic text",
    wire: {
      title: "Маска для волос",
      value: "Маска для волос",
      label: "Маска для волос (MSK-1)",
      article: "MSK-1",
      category: "Уход за волосами",
      category_id: "302",
      salon_id: "101",
      good_id: "4714",
      cost: "1250.00",
      unit_id: "1",
      unit_short_title: "шт",
    },
    normalized: {
      title: "Маска для волос",
      value: "Маска для волос",
      label: "Маска для волос (MSK-1)",
      article: "MSK-1",
      category: "Уход за волосами",
      category_id: 302,
      salon_id: 101,
      good_id: 4714,
      cost: 1250,
      unit_id: 1,
      unit_short_title: "шт",
    },
  },
  {
    name: "a free product with no article",
    wire: { title: "Sample", article: "", category_id: 302, good_id: 4715, cost: "0" },
    normalized: { title: "Sample", article: "", category_id: 302, good_id: 4715, cost: 0 },
  },
];

/** Search results and composition children. */
export const treeElements: Case[] = [
  {
    name: "a category with 0/1 flags and string ids",
    wire: {
      parent_id: "0",
      item_id: "0",
      category_id: "301",
      title: "Уход за волосами",
      is_chain: 1,
      is_category: 1,
      is_item: 0,
    },
    normalized: {
      parent_id: 0,
      item_id: 0,
      category_id: 301,
      title: "Уход за волосами",
      is_chain: true,
      is_category: true,
      is_item: false,
    },
  },
  except("a product as documented", {
    parent_id: 302,
    item_id: 4714,
    category_id: 0,
    title: "Маска для волос",
    is_chain: false,
    is_category: false,
    is_item: true,
  }),
];

/** A subcategory as a composition child: the parent id as a string, flags mixed. */
export const subcategoryElement: Case = {
  name: "a subcategory child",
  wire: {
    parent_id: "301",
    item_id: "0",
    category_id: "302",
    title: "Shampoos",
    is_chain: 0,
    is_category: "1",
    is_item: 0,
  },
  normalized: {
    parent_id: 301,
    item_id: 0,
    category_id: 302,
    title: "Shampoos",
    is_chain: false,
    is_category: true,
    is_item: false,
  },
};

/** Categories as the category lists send them. */
export const categories: Case[] = [
  {
    name: "a top-level category: id as a string, null parent, 0/1 flag",
    wire: { id: "301", title: "Уход за волосами", parent_category_id: null, is_chain: 0 },
    normalized: { id: 301, title: "Уход за волосами", parent_category_id: null, is_chain: false },
  },
  {
    name: "a subcategory: the parent id as a string",
    wire: { id: 302, title: "Shampoos", parent_category_id: "301", is_chain: true },
    normalized: { id: 302, title: "Shampoos", parent_category_id: 301, is_chain: true },
  },
];

/** Category compositions (one page). */
export const nodes: Case[] = [
  {
    name: 'every number a string, "0"/"1" flags',
    wire: {
      parent_id: "0",
      item_id: "0",
      category_id: "302",
      title: "Shampoos",
      is_chain: "0",
      is_category: "1",
      is_item: "0",
      children: [treeElements[1]!.wire],
      children_count: "1",
    },
    normalized: {
      ...subcategoryElement.normalized,
      parent_id: 0,
      children: [treeElements[1]!.normalized],
      children_count: 1,
    },
  },
  {
    name: "an empty category: children as {} (a backend list sent as a map)",
    wire: { category_id: 303, title: "Пусто", is_category: true, children: {}, children_count: 0 },
    normalized: {
      category_id: 303,
      title: "Пусто",
      is_category: true,
      children: [],
      children_count: 0,
    },
  },
];

/** Storages. */
export const storages: Case[] = [
  {
    name: "flags as 0/1, weight as a string",
    wire: { id: "201", title: "Расходники", for_service: 1, for_sale: 0, comment: "", weight: "0" },
    normalized: {
      id: 201,
      title: "Расходники",
      for_service: true,
      for_sale: false,
      comment: "",
      weight: 0,
    },
  },
  {
    name: 'flags as "0"/"1"',
    wire: {
      id: 202,
      title: "Retail",
      for_service: "0",
      for_sale: "1",
      comment: "Витрина",
      weight: 1,
    },
    normalized: {
      id: 202,
      title: "Retail",
      for_service: false,
      for_sale: true,
      comment: "Витрина",
      weight: 1,
    },
  },
];

/** Locations as `GET /company/{location_id}` sends them. */
export const locations: Case[] = [
  {
    name: 'no chain: main_group and groups as [], the push flag as 1, a bookform flag as "1"',
    wire: {
      id: 103,
      title: "Салон на Арбате",
      push_notification_phone_confirm: 1,
      main_group_id: 0,
      main_group: [],
      groups: [],
      bookforms: [
        { id: 1030, title: "Онлайн-запись", is_default: "1", url: "https://n1030.alteg.io/" },
      ],
      payment_policy: { type: "none" },
      access: [],
    },
    normalized: {
      id: 103,
      title: "Салон на Арбате",
      push_notification_phone_confirm: true,
      main_group_id: 0,
      main_group: {},
      groups: {},
      bookforms: [
        { id: 1030, title: "Онлайн-запись", is_default: true, url: "https://n1030.alteg.io/" },
      ],
      payment_policy: { type: "none" },
      access: {},
    },
  },
  {
    name: "a chain member: the groups map kept, the push flag a boolean",
    wire: {
      id: "101",
      push_notification_phone_confirm: false,
      main_group_id: "9206",
      main_group: { id: "9206", title: "Downtown chain" },
      groups: { "9206": { id: 9206, title: "Downtown chain" } },
    },
    normalized: {
      id: 101,
      push_notification_phone_confirm: false,
      main_group_id: 9206,
      main_group: { id: 9206, title: "Downtown chain" },
      groups: { "9206": { id: 9206, title: "Downtown chain" } },
    },
  },
];

/** Locations as `GET /companies` lists them. */
export const locationListItems: Case[] = [
  {
    name: "0/1 flags, no promo, no photos",
    wire: {
      id: 101,
      title: "Downtown Studio",
      active: 1,
      phone_confirmation: 1,
      reminds_sms_disabled: "0",
      reminds_sms_default: "1",
      phones: ["+13155550100"],
      photos: [],
      booking_widget_promo: null,
    },
    normalized: {
      id: 101,
      title: "Downtown Studio",
      active: true,
      phone_confirmation: true,
      reminds_sms_disabled: false,
      reminds_sms_default: 1,
      phones: ["+13155550100"],
      photos: [],
      booking_widget_promo: null,
    },
  },
  {
    name: "an empty promo sent as []",
    wire: { id: 102, active: 0, booking_widget_promo: [] },
    normalized: { id: 102, active: false, booking_widget_promo: {} },
  },
];
