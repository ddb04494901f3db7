// Reading v2 answers into joined resources: one place for "read the document, join `included`".
import { readDocument } from "../internal/envelope.js";
import { joinIncluded, type Joined, type V2Resource } from "./include.js";
import type { V2Page } from "./pages.js";

type Pending = Parameters<typeof readDocument>[1];

/** The `data` list of a v2 answer, each resource joined with the answer's `included`. */
export async function readList<R extends V2Resource, Types = object>(
  pending: Pending,
): Promise<Joined<R, Types>[]> {
  const body = (await readDocument<V2Page<R>>("GET", pending))!;
  return joinIncluded<R, Types>(body.data, body.included);
}

/** The single `data` resource of a v2 answer, joined with the answer's `included`. */
export async function readOne<R extends V2Resource, Types = object>(
  pending: Pending,
): Promise<Joined<R, Types>> {
  const body = (await readDocument<Omit<V2Page<R>, "data"> & { data: R }>("GET", pending))!;
  return joinIncluded<R, Types>([body.data], body.included)[0]!;
}
