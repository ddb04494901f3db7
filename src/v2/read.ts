// Reading v2 answers into joined resources: one place for "read the document, check its `data`, join `included`".
import { AltegioError } from "../errors.js";
import { readDocument } from "../internal/envelope.js";
import { describe } from "../internal/ids.js";
import { joinIncluded, type Joined, type V2Resource } from "./include.js";
import type { V2Page } from "./pages.js";

type Pending = Parameters<typeof readDocument>[1];

/** A v2 answer whose `data` must be a list; anything else is an error, not a crash later. */
export async function readListDocument<R extends V2Resource, Body extends V2Page<R> = V2Page<R>>(
  pending: Pending,
): Promise<Body> {
  const body = await readDocument<Body>("GET", pending);
  if (!Array.isArray(body.data)) {
    throw new AltegioError(`Unexpected answer: data should be a list, got ${describe(body.data)}`);
  }
  return body;
}

/** The `data` list of a v2 answer, each resource joined with the answer's `included`. */
export async function readList<R extends V2Resource, Types = object>(
  pending: Pending,
): Promise<Joined<R, Types>[]> {
  const body = await readListDocument<R>(pending);
  return joinIncluded<R, Types>(body.data, body.included);
}

/** The single `data` resource of a v2 answer, joined with the answer's `included`. */
export async function readOne<R extends V2Resource, Types = object>(
  pending: Pending,
): Promise<Joined<R, Types>> {
  const body = await readDocument<Omit<V2Page<R>, "data"> & { data: R }>("GET", pending);
  const data: unknown = body.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AltegioError(`Unexpected answer: data should be a resource, got ${describe(data)}`);
  }
  return joinIncluded<R, Types>([body.data], body.included)[0]!;
}
