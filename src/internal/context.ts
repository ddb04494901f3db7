import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/b2b-v1.js";
import type { paths as V2Paths } from "../../generated/b2b-v2.js";
import type { Defaults } from "../defaults.js";
import type { ScopedRawClient } from "./scope.js";
import type { Session } from "./session.js";

/** What every resource needs from its client. */
export interface ClientContext {
  raw: Client<paths>;
  /** The v2 client, on the same auth layer, session and sender as `raw`. */
  v2: Client<V2Paths>;
  session: Session<unknown>;
  defaults: Defaults;
}

/** What a location-scoped resource needs. */
export interface LocationContext extends ClientContext {
  locationId: number;
  scoped: ScopedRawClient;
}
