import { expectTypeOf, test } from "vitest";
import type { operations, paths } from "../../generated/b2b-v1.js";
test("bad", () => {
  expectTypeOf<paths["/auth"]["post"]>().toEqualTypeOf<operations["get_product"]>();
});
