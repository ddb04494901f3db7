// Type machinery for response normalization: which rule each wire field may take, and the type a rule produces.
//
// A shape lists a rule for EVERY field its wire type (from the generated schema) declares. The allowed rules are
// computed from the field's wire type, so when the vendor's file adds, removes, retypes or makes nullable a field,
// the shape stops compiling until someone decides how that field is normalized. Nothing passes through unnoticed.

/** A field normalized to a single scalar type; `|null` keeps a null the schema allows. */
export type ScalarRule =
  "number" | "boolean" | "string" | "number|null" | "boolean|null" | "string|null";

/** A nested object field: `[]` (the backend's empty map) becomes `{}`, and its fields follow `shape`. */
export interface ObjectRule<S extends AnyShape = AnyShape, N extends boolean = boolean> {
  readonly kind: "object";
  readonly shape: S;
  readonly nullable: N;
}

/** A list field: each item follows `item` (a shape, or a scalar rule). */
export interface ListRule<I extends AnyShape | ScalarRule = AnyShape | ScalarRule> {
  readonly kind: "list";
  readonly item: I;
}

/** A field left exactly as sent (only allowed where the schema types it `unknown`). */
export type KeepRule = "keep";

/** Any rule. */
export type Rule = ScalarRule | KeepRule | ObjectRule | ListRule;

/** The rules of one object type: `Wire` is what the API sends, `R` the rule per field, `X` observed extra fields. */
export interface Shape<Wire, R, X = {}> {
  readonly kind: "shape";
  readonly rules: R;
  readonly extras: X;
  /** Phantom: only carries the wire type for {@link Normalized}. */
  readonly wire?: Wire;
}

/** Any shape (`unknown`, not `any`, so that no `any` leaks into a nested shape's inferred type). */
export type AnyShape = Shape<unknown, unknown, unknown>;

/** Keys a type declares by name (not index signatures: open objects keep those as they are). */
export type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: 0;
};

type Defined<F> = Exclude<F, undefined>;
type Base<F> = Exclude<Defined<F>, null>;
type IsNullable<F> = null extends Defined<F> ? true : false;
type OrNull<F, R extends string> = IsNullable<F> extends true ? `${R}|null` : R;
type IsUnknown<F> = unknown extends F ? true : false;

/** The scalar rules a wire field type admits (never when it is not scalar). */
type ScalarRulesFor<B> = [B] extends [never]
  ? never
  : [B] extends [boolean | number]
    ? [B] extends [number]
      ? // A plain number may be a count or a 0/1 flag; the shape says which.
        "number" | "boolean"
      : // true/false/0/1 in any mix: a flag.
        [Extract<B, boolean>] extends [never]
        ? never
        : "boolean"
    : [B] extends [number | string]
      ? [B] extends [string]
        ? // A text field, or an id the schema types as a string.
          "string" | "number"
        : "number"
      : never;

type ObjectPart<B> = Exclude<B, readonly unknown[] | string | number | boolean>;
type ArrayPart<B> = Extract<B, readonly unknown[]>;
type ItemOf<A> = A extends readonly (infer I)[] ? I : never;

/** Every rule a field of wire type `F` may be declared with. */
export type RuleFor<F> =
  IsUnknown<F> extends true
    ? KeepRule
    : [ScalarRulesFor<Base<F>>] extends [never]
      ? [ObjectPart<Base<F>>] extends [never]
        ? [ArrayPart<Base<F>>] extends [never]
          ? KeepRule
          : ListRuleFor<ItemOf<ArrayPart<Base<F>>>>
        : // An object, or the backend's `[]` for an empty one.
          ObjectRule<Shape<ObjectPart<Base<F>>, unknown, unknown>, IsNullable<F>>
      : OrNull<F, ScalarRulesFor<Base<F>>>;

type ListRuleFor<I> = [ScalarRulesFor<Exclude<I, null>>] extends [never]
  ? ListRule<Shape<Exclude<I, null>, unknown, unknown>>
  : ListRule<ScalarRulesFor<Exclude<I, null>>>;

/** What a shape's rules must look like for `Wire`: one rule per named field, each admitted by its wire type. */
export type RulesFor<Wire> = { [K in KnownKeys<Wire>]-?: RuleFor<Wire[K]> };

// A scalar rule produces its type; where the wire type is already a narrower form of it (an enum such as
// "none" | "deposit", or 1 | 2 | 3), that narrower type is kept.
type ScalarOut<R, B = never> = R extends "number"
  ? [B] extends [never]
    ? number
    : [B] extends [number]
      ? B
      : number
  : R extends "boolean"
    ? boolean
    : R extends "string"
      ? [B] extends [never]
        ? string
        : [B] extends [string]
          ? B
          : string
      : never;

/** The type a rule produces, given the wire type `F` it applies to. */
export type RuleOut<R, F> = R extends KeepRule
  ? F
  : R extends `${infer S}|null`
    ? ScalarOut<S, Base<F>> | null
    : R extends ScalarRule
      ? ScalarOut<R, Base<F>>
      : R extends ObjectRule<infer S, infer N>
        ? NormalizedBy<S> | (N extends true ? null : never)
        : R extends ListRule<infer I>
          ? (I extends AnyShape ? NormalizedBy<I> : ScalarOut<I, ItemOf<ArrayPart<Base<F>>>>)[]
          : never;

/** Flattens an intersection so editors show one object type. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The type convenience reads return for `Wire` under rules `R`: every named field in the type its rule produces,
 * with the wire type's optionality; fields the rules do not name (an open object's extra keys) as sent; observed
 * extras `X` as optional fields.
 */
export type Normalized<Wire, R, X = {}> = Simplify<
  {
    [K in keyof Wire]: K extends keyof R ? RuleOut<R[K], Wire[K]> : Wire[K];
  } & { -readonly [K in keyof X]?: RuleOut<X[K], unknown> }
>;

/** The normalized type a shape value describes. */
export type NormalizedBy<S> =
  S extends Shape<infer W, infer R, infer X> ? Normalized<W, R, X> : never;
