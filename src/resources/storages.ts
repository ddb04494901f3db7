import type { CallOptions } from "../internal/call-options.js";
import { readData } from "../internal/envelope.js";
import { normalizeList, shape } from "../internal/normalize.js";
import type { SuccessBody } from "../internal/schema-types.js";
import type { LocationContext } from "../internal/context.js";
import type { Storage, WireStorage } from "../types.js";

/** Field rules of a storage (policy in internal/normalize.ts): the two 0/1 flags become booleans. */
export const storageShape = shape<WireStorage>()({
  id: "number",
  title: "string",
  for_service: "boolean",
  for_sale: "boolean",
  comment: "string",
  weight: "number",
});

/** Storages (inventories) of one location. */
export class Storages {
  constructor(private readonly ctx: LocationContext) {}

  /** Get inventories (storages) of the location. */
  async list(options: CallOptions = {}): Promise<Storage[]> {
    const body = await readData<SuccessBody<"/storages/{location_id}", "get">>(
      "GET",
      this.ctx.scoped.GET("/storages/{location_id}", { parseAs: "text", ...options }),
    );
    return normalizeList(storageShape, body.data, "the storages");
  }
}
