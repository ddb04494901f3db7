import type { CallOptions } from "../internal/call-options.js";
import { readData } from "../internal/envelope.js";
import type { SuccessBody } from "../internal/schema-types.js";
import type { LocationContext } from "../internal/context.js";
import type { Storage } from "../types.js";

/** Storages (inventories) of one location. */
export class Storages {
  constructor(private readonly ctx: LocationContext) {}

  /** Get inventories (storages) of the location. */
  async list(options: CallOptions = {}): Promise<Storage[]> {
    const body = await readData<SuccessBody<"/storages/{location_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/storages/{location_id}", { parseAs: "text", ...options }),
    );
    return body.data;
  }
}
