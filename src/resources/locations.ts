import type { CallOptions } from "../internal/call-options.js";
import { readData } from "../internal/envelope.js";
import { assertId } from "../internal/ids.js";
import { list, normalize, normalizeList, object, shape } from "../internal/normalize.js";
import type { SuccessBody } from "../internal/schema-types.js";
import type { ClientContext } from "../internal/context.js";
import type { Location, LocationListItem, WireLocation, WireLocationListItem } from "../types.js";

// Field rules of location answers (policy in internal/normalize.ts). Every field the generated types declare is
// listed, so a change in the vendor's file fails type checking here until its rule is decided.

type Field<T, K extends keyof T> = NonNullable<T[K]>;
type Bookform = NonNullable<Field<WireLocation, "bookforms">[number]>;

const idTitle = shape<{ id?: number; title?: string }>()({ id: "number", title: "string" });

/** A location as `GET /company/{location_id}` returns it. */
export const locationShape = shape<WireLocation>()({
  id: "number",
  title: "string",
  country_id: "number",
  country: "string",
  city_id: "number",
  city: "string",
  timezone_name: "string",
  address: "string",
  zip: "string",
  social: object(
    shape<Field<WireLocation, "social">>()({
      telegram: "string",
      instagram: "string",
      vk: "string",
      facebook: "string",
      viber: "string",
      whatsapp: "string",
    }),
  ),
  site: "string",
  coordinate_lat: "number",
  coordinate_lon: "number",
  phone_confirmation: "boolean",
  active_staff_count: "number",
  next_slot: "string",
  group_priority: "number",
  // Sent as 0/1 or as a boolean.
  push_notification_phone_confirm: "boolean",
  main_group_id: "number",
  // `[]` when the location belongs to no chain: becomes {}.
  main_group: object(idTitle),
  // A map from chain id to { id, title }; `[]` when empty becomes {}.
  groups: object(shape<Field<WireLocation, "groups">>()({})),
  bookforms: list(
    shape<Bookform>()({ id: "number", title: "string", is_default: "boolean", url: "string" }),
  ),
  online_sales_form_url: "string",
  payment_policy: object(shape<Field<WireLocation, "payment_policy">>()({ type: "string" })),
  // An open map of rights; `[]` when empty becomes {}.
  access: object(shape<Field<WireLocation, "access">>()({})),
});

/** A location as `GET /companies` lists it. */
export const locationListItemShape = shape<WireLocationListItem>()({
  id: "number",
  title: "string",
  public_title: "string",
  short_descr: "string",
  logo: "string",
  active: "boolean",
  phone: "string",
  phones: list("string"),
  email: "string",
  country_id: "number",
  schedule: "string",
  country: "string",
  city_id: "number",
  city: "string",
  timezone: "number",
  timezone_name: "string",
  address: "string",
  coordinate_lat: "number",
  coordinate_lon: "number",
  phone_confirmation: "boolean",
  active_staff_count: "number",
  next_slot: "string",
  app_ios: "string",
  app_android: "string",
  currency_short_title: "string",
  reminds_sms_disabled: "boolean",
  reminds_sms_default: "number",
  group_priority: "number",
  bookform_group_priority: "number",
  description: "string",
  photos: list("string"),
  company_photos: list("string"),
  booking_widget_promo: object(
    shape<Field<WireLocationListItem, "booking_widget_promo">>()({}),
    true,
  ),
});

/** Filters for {@link Locations.list}. */
export interface LocationListParams {
  /**
   * Only the locations the signed-in user may access (needs a user token or credentials).
   * @default false
   */
  my?: boolean;
}

/** Business locations visible to the partner (and user). */
export class Locations {
  constructor(private readonly ctx: ClientContext) {}

  /** Get a list of locations. */
  async list(
    params: LocationListParams = {},
    options: CallOptions = {},
  ): Promise<LocationListItem[]> {
    if (params.my) await this.ctx.session.ensureToken(options.signal);
    const query = params.my ? { my: 1 } : {};
    const body = await readData<SuccessBody<"/companies", "get">>(
      "GET",
      this.ctx.raw.GET("/companies", { params: { query }, parseAs: "text", ...options }),
    );
    return normalizeList(locationListItemShape, body.data, "the location list");
  }

  /** Get location. */
  async get(locationId: number, options: CallOptions = {}): Promise<Location> {
    assertId("locationId", locationId);
    const body = await readData<SuccessBody<"/company/{location_id}", "get">>(
      "GET",
      this.ctx.raw.GET("/company/{location_id}", {
        params: { path: { location_id: locationId } },
        parseAs: "text",
        ...options,
      }),
    );
    return normalize(locationShape, body.data, "location");
  }
}
