// Checks of request inputs before anything is sent. Every problem is collected, so the caller gets one
// AltegioInputError listing them all. Resources declare an InputSpec per body, typed against the generated request
// bodies: a field the schema adds or drops, or a change in which fields are required, fails type checking there.
import { describe, idProblem } from "./ids.js";

export type Kind =
  | "id" // positive safe integer
  | "title" // non-empty string
  | "string"
  | "number" // finite number
  | "integer" // safe integer
  | "parent" // non-negative safe integer or null (0 and null both mean "top level")
  | "rules"; // correction rules

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** One rule per field of `T`; `required` must match the schema's required list. */
export type InputSpec<T> = {
  [K in keyof T]-?: { kind: Kind; required: K extends RequiredKeys<T> ? true : false };
};

/** Checks `input` against `spec`, pushing one sentence per problem to `issues`. */
export function checkInput<T>(input: unknown, spec: InputSpec<T>, issues: string[]): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    issues.push(`input must be an object, got ${describe(input)}`);
    return;
  }
  const record = input as Record<string, unknown>;
  const rules = spec as Record<string, { kind: Kind; required: boolean }>;
  for (const [field, rule] of Object.entries(rules)) {
    const value = record[field];
    if (value === undefined) {
      if (rule.required) issues.push(`${field} is required (${expected[rule.kind]})`);
      continue;
    }
    const problem = check(field, rule.kind, value);
    if (problem) issues.push(problem);
  }
  // A misspelt optional field would be dropped silently, and on a full-replacement PUT that resets the real field.
  for (const field of Object.keys(record)) {
    if (!(field in rules) && record[field] !== undefined) {
      issues.push(
        `${field} is not a field of this request (known: ${Object.keys(rules).join(", ")})`,
      );
    }
  }
}

const expected: Record<Kind, string> = {
  id: "a positive safe integer",
  title: "a non-empty string",
  string: "a string",
  number: "a finite number",
  integer: "a safe integer",
  parent: "a non-negative safe integer, or null for the top level",
  rules: 'an array of { type: 1-5, base_unit: "service" | "sale" }',
};

function check(field: string, kind: Kind, value: unknown): string | undefined {
  const bad = () => `${field} must be ${expected[kind]}, got ${describe(value)}`;
  switch (kind) {
    case "id":
      return idProblem(field, value);
    case "title":
      return typeof value === "string" && value.trim() !== "" ? undefined : bad();
    case "string":
      return typeof value === "string" ? undefined : bad();
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : bad();
    case "integer":
      return Number.isSafeInteger(value) ? undefined : bad();
    case "parent":
      return value === null || (Number.isSafeInteger(value) && (value as number) >= 0)
        ? undefined
        : bad();
    case "rules":
      return Array.isArray(value) && value.every(isCorrectionRule) ? undefined : bad();
  }
}

function isCorrectionRule(rule: unknown): boolean {
  if (typeof rule !== "object" || rule === null) return false;
  const { type, base_unit } = rule as Record<string, unknown>;
  return (
    Number.isInteger(type) &&
    (type as number) >= 1 &&
    (type as number) <= 5 &&
    (base_unit === "service" || base_unit === "sale")
  );
}

/** Pushes a problem unless `value` is an integer within `min`..`max`. */
export function checkRange(
  name: string,
  value: unknown,
  min: number,
  max: number,
  issues: string[],
): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `within ${min}..${max}`;
    issues.push(`${name} must be an integer ${range}, got ${describe(value)}`);
  }
}

/** Pushes a problem unless `value` is undefined or a string. */
export function checkOptionalString(name: string, value: unknown, issues: string[]): void {
  if (value !== undefined && typeof value !== "string") {
    issues.push(`${name} must be a string, got ${describe(value)}`);
  }
}

/** Pushes a problem unless `value` is a positive safe integer (or undefined when `optional`). */
export function checkId(name: string, value: unknown, issues: string[], optional = false): void {
  if (optional && value === undefined) return;
  const problem = idProblem(name, value);
  if (problem) issues.push(problem);
}
