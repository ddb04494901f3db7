// The field rules are checked against the wire types: a field the vendor's file adds, removes, retypes or makes
// nullable stops a shape from compiling until its rule is decided.
import { describe, expectTypeOf, it } from "vitest";
import { list, object, shape } from "../../src/internal/normalize.js";
import type { NormalizedBy } from "../../src/internal/wire-rules.js";

interface Wire {
  id?: number;
  flag?: boolean | number;
  code?: number | string;
  title?: string;
  parent?: number | null;
  stock?: { amount?: number }[];
  group?: { id?: number } | unknown[];
  [key: string]: unknown;
}
const stock = shape<{ amount?: number }>()({ amount: "number" });
const group = shape<{ id?: number }>()({ id: "number" });
const rules = {
  id: "number",
  flag: "boolean",
  code: "number",
  title: "string",
  parent: "number|null",
  stock: list(stock),
  group: object(group),
} as const;
const wireShape = shape<Wire>()(rules, { seen_live: "boolean" });

describe("shape()", () => {
  it("produces the normalized type, keeping optionality, null where allowed and open keys", () => {
    expectTypeOf<NormalizedBy<typeof wireShape>>().toEqualTypeOf<{
      [key: string]: unknown;
      id?: number;
      flag?: boolean;
      code?: number;
      title?: string;
      parent?: number | null;
      stock?: { amount?: number }[];
      group?: { id?: number };
      seen_live?: boolean;
    }>();
  });

  it("refuses a shape that misses, adds or mistypes a field", () => {
    shape<Wire>()(rules);
    // @ts-expect-error a field the wire type declares is missing
    shape<Wire>()({ id: "number" });
    // @ts-expect-error a field the wire type does not declare
    shape<Wire>()({ ...rules, extra: "number" });
    // @ts-expect-error an observed extra that the schema now declares
    shape<Wire>()(rules, { title: "string" });
    // @ts-expect-error the wire type allows null, so the rule must keep it
    shape<Wire>()({ ...rules, parent: "number" });
    // @ts-expect-error a boolean | number field is a flag, not a count
    shape<Wire>()({ ...rules, flag: "number" });
    // @ts-expect-error a number field cannot become text
    shape<Wire>()({ ...rules, id: "string" });
    // @ts-expect-error a nested shape for the wrong wire type
    shape<Wire>()({ ...rules, stock: list(group) });
  });
});
