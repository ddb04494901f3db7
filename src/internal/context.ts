import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/b2b-v1.js";
import type { Defaults } from "../defaults.js";
import type { ScopedRawClient } from "./scope.js";
import type { Session } from "./session.js";

/** What every resource needs from its client. */
export interface ClientContext {
  raw: Client<paths>;
  session: Session<unknown>;
  defaults: Defaults;
}

/** What a location-scoped resource needs. */
export interface LocationContext extends ClientContext {
  locationId: number;
  scoped: ScopedRawClient;
}
