// Locations, their users and storages.
import {
  errorsStyle,
  fail,
  idParam,
  intParam,
  ok,
  paginate,
  type Route,
  type RouteContext,
} from "../http.js";
import type { MockLocation } from "../types.js";

/** A fixed "next free slot" for `forBooking=1`; the mock has no schedule. */
const NEXT_SLOT = "2026-03-23T10:10:00-05:00";

function listItem(l: MockLocation, ctx: RouteContext) {
  return {
    id: l.id,
    title: l.title,
    public_title: l.public_title,
    short_descr: l.short_descr,
    logo: "https://app.alteg.io/images/no-master.png",
    active: l.active,
    phone: l.phone,
    phones: [l.phone],
    email: l.email,
    country_id: l.country_id,
    schedule: "",
    country: l.country,
    city_id: l.city_id,
    city: l.city,
    timezone: l.timezone,
    timezone_name: l.timezone_name,
    address: l.address,
    coordinate_lat: l.coordinate_lat,
    coordinate_lon: l.coordinate_lon,
    phone_confirmation: true,
    active_staff_count: 2,
    ...(ctx.query.get("forBooking") === "1" ? { next_slot: NEXT_SLOT } : {}),
    app_ios: "",
    app_android: "",
    currency_short_title: l.currency_short_title,
    reminds_sms_disabled: false,
    reminds_sms_default: 1,
    group_priority: 900,
    bookform_group_priority: 0,
    description: `<p>Welcome to ${l.title}</p>`,
    photos: [],
    booking_widget_promo: null,
  };
}

function detail(l: MockLocation, ctx: RouteContext) {
  const q = ctx.query;
  const group = { id: l.main_group_id, title: `${l.title} main location chain` };
  const bookformId = intParam(q, "bookform_id", 0);
  return {
    id: l.id,
    title: l.title,
    country_id: l.country_id,
    country: l.country,
    city_id: l.city_id,
    city: l.city,
    timezone_name: l.timezone_name,
    address: l.address,
    zip: l.zip,
    coordinate_lat: l.coordinate_lat,
    coordinate_lon: l.coordinate_lon,
    short_descr: l.short_descr,
    social: { facebook: "", instagram: "", telegram: "", whatsapp: "", viber: "" },
    site: l.site,
    business_type_id: l.business_type_id,
    description: `The <strong>${l.title}</strong> location`,
    phone_confirmation: true,
    active_staff_count: 2,
    ...(q.get("forBooking") === "1" ? { next_slot: NEXT_SLOT } : {}),
    group_priority: 900,
    push_notification_phone_confirm: 1,
    main_group_id: l.main_group_id,
    // The vendor sends an empty array instead of an object when there is no chain.
    main_group: l.main_group_id ? group : [],
    ...(q.get("show_groups") === "1"
      ? { groups: l.main_group_id ? { [group.id]: group } : {} }
      : {}),
    ...(q.get("showBookforms") === "1"
      ? {
          bookforms: [
            {
              id: l.id * 10,
              title: `${l.title} form`,
              is_default: 1,
              url: `https://n${l.id * 10}.alteg.io/`,
            },
          ],
        }
      : {}),
    ...(bookformId ? { online_sales_form_url: `https://o${bookformId}.alteg.io` } : {}),
    payment_policy: { type: "none" },
    ...(q.get("my") === "1" && ctx.user ? { access: {} } : {}),
  };
}

export const locationRoutes: Route[] = [
  {
    method: "GET",
    template: "/companies",
    auth: "partner",
    handle(ctx) {
      const q = ctx.query;
      let list = [...ctx.state.locations.values()];
      if (q.get("my") === "1") {
        if (!ctx.user) return fail(401, "Authentication needed.");
        const mine = new Set(ctx.user.location_ids);
        list = list.filter((l) => mine.has(l.id));
      }
      const id = intParam(q, "id", 0);
      if (id) list = list.filter((l) => l.id === id);
      const count = intParam(q, "count", list.length);
      const page = paginate(list, intParam(q, "page", 1), count, ctx.pageSizeCap);
      return ok(page.map((l) => listItem(l, ctx)));
    },
  },
  {
    method: "GET",
    template: "/company/{location_id}",
    auth: "partner",
    errorStyle: "errors",
    handle(ctx) {
      const location = ctx.state.locations.get(idParam(ctx, "location_id"));
      if (!location) return errorsStyle(404, "Not found");
      return ok(detail(location, ctx));
    },
  },
  {
    method: "GET",
    template: "/company/{location_id}/users",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const id = idParam(ctx, "location_id");
      const approved = ctx.query.get("filter[is_approved]");
      const users = [...ctx.state.users.values()]
        .filter((u) => u.location_ids.includes(id))
        .filter((u) => approved === null || approved === "" || u.is_approved === (approved === "1"))
        .map((u) => ({
          id: u.id,
          name: u.name,
          phone: u.phone,
          email: u.email,
          information: u.information,
          is_approved: u.is_approved,
          is_non_deletable: u.is_non_deletable,
        }));
      return ok(users, { count: users.length });
    },
  },
  {
    method: "GET",
    template: "/storages/{location_id}",
    auth: "user",
    locationParam: "location_id",
    handle(ctx) {
      const id = idParam(ctx, "location_id");
      const storages = [...ctx.state.storages.values()]
        .filter((s) => s.location_id === id)
        .map(({ location_id: _, wire, ...s }) => ({ ...s, ...wire }));
      return ok(storages);
    },
  },
];
