import type { paths } from "../../generated/b2b-v1.js";

/** HTTP methods as openapi-typescript names them. */
export type Method = "get" | "put" | "post" | "delete" | "patch";

type JsonContent<R> = R extends { content: { "application/json": infer T } } ? T : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | "2XX";

/** The JSON body of a successful answer to `method path`, straight from the generated schema. */
export type SuccessBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? { [S in keyof R]: S extends SuccessStatus ? JsonContent<R[S]> : never }[keyof R]
  : never;

/** The `data` of a successful answer. */
export type SuccessData<P extends keyof paths, M extends Method> =
  SuccessBody<P, M> extends { data?: infer D } ? D : never;

type WithoutLocation<Params, Name extends string> = Params extends { path: infer Path }
  ? Omit<Params, "path"> &
      (keyof Omit<Path, Name> extends never ? { path?: never } : { path: Omit<Path, Name> })
  : Params;

// A homomorphic mapped type rather than `Omit<Op, "parameters"> & {...}`: its property types are resolved only when
// read, so listing the scoped paths (openapi-fetch does, for every call) does not rewrite every operation's types.
type ScopeOperation<Op, Name extends string> = {
  [K in keyof Op]: K extends "parameters" ? WithoutLocation<Op[K], Name> : Op[K];
};

/**
 * The location-scoped view of a `paths` interface: every path naming one of `Name` (`{location_id}`, or v2's
 * `{company_id}`), with that parameter filled in by the client.
 */
export type ScopedPathsOf<Paths, Name extends string> = {
  [P in keyof Paths as P extends `${string}{${Name}}${string}` ? P : never]: {
    [M in keyof Paths[P]]: ScopeOperation<Paths[P][M], Name>;
  };
};

/** The location-scoped view of `paths`: every `{location_id}` path, with `location_id` filled in by the client. */
export type ScopedPaths = ScopedPathsOf<paths, "location_id">;
