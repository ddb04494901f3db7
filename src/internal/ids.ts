import { AltegioInputError } from "../errors.js";

/** Describes why `value` is not a usable id, or returns undefined when it is one. */
export function idProblem(name: string, value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return undefined;
  return `${name} must be a positive safe integer, got ${describe(value)}`;
}

/** The problems actually found, as a list that later checks can add to. */
export function problems(...found: (string | undefined)[]): string[] {
  return found.filter((problem): problem is string => problem !== undefined);
}

/** Throws one {@link AltegioInputError} listing every problem, when there is any; nothing has been sent yet. */
export function throwIfProblems(issues: readonly string[]): void {
  if (issues.length > 0) throw new AltegioInputError([...issues]);
}

/** Throws {@link AltegioInputError} unless `value` is a positive safe integer. */
export function assertId(name: string, value: unknown): asserts value is number {
  throwIfProblems(problems(idProblem(name, value)));
}

/** A short, safe rendering of a bad value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return `${typeof value} ${String(value)}`;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}
