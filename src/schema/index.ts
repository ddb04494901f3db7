// `altegio-b2b/schema`: the generated types of both vendor descriptions, types only. v1 keeps its plain names (what
// this entry point always exported); v2 sits beside it as the `v2` namespace and as `V2`-prefixed aliases, so the two
// `paths` never clash.
export type { components, operations, paths } from "../../generated/b2b-v1.js";
export type * as v2 from "../../generated/b2b-v2.js";
export type {
  components as V2components,
  operations as V2operations,
  paths as V2paths,
} from "../../generated/b2b-v2.js";
