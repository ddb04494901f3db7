import type { CallOptions } from "../internal/call-options.js";
import { readData } from "../internal/envelope.js";
import { assertId } from "../internal/ids.js";
import type { SuccessBody } from "../internal/schema-types.js";
import type { ClientContext } from "../internal/context.js";
import type { Location, LocationListItem } from "../types.js";

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
    return body.data;
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
    return body.data;
  }
}
