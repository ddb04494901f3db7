// The vendor descriptions this project follows: where each is published and which files it becomes. The pull, the
// generator and their tests read this table, so a spec is added in one place.
export const SPECS = {
  v1: {
    url: "https://developer.alteg.io/_bundle/en/b2b-v1/openapi.yaml",
    /** Environment variable that overrides `url`. */
    urlEnv: "ALTEGIO_SPEC_URL",
    snapshot: "b2b-v1.yaml",
    overlay: "overlay.yaml",
    types: "b2b-v1.ts",
    document: "b2b-v1.openapi.json",
  },
  v2: {
    url: "https://developer.alteg.io/_bundle/en/b2b-v2/openapi.yaml",
    urlEnv: "ALTEGIO_SPEC_V2_URL",
    snapshot: "b2b-v2.yaml",
    overlay: "overlay-v2.yaml",
    types: "b2b-v2.ts",
    document: "b2b-v2.openapi.json",
  },
} as const;

export type SpecName = keyof typeof SPECS;

export const SPEC_NAMES = Object.keys(SPECS) as SpecName[];

/** Parses the value of the flag that names a spec (`flag`, for the message); undefined means every spec. */
export function specNames(value: string | undefined, flag = "--spec"): SpecName[] {
  if (value === undefined) return SPEC_NAMES;
  if (!(SPEC_NAMES as string[]).includes(value)) {
    throw new Error(`${flag} must be one of ${SPEC_NAMES.join(", ")}, got ${value}`);
  }
  return [value as SpecName];
}
