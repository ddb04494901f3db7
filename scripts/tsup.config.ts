// Build for `npm run build`: ESM + CJS bundles with .d.ts / .d.cts for each public entry point.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "tsup";

export default defineConfig((overrides) => {
  const outDir = overrides.outDir ?? "dist";
  return {
    entry: {
      index: "src/index.ts",
      "mock/index": "src/mock/index.ts",
      // Types only (`paths`, `components`, `operations`); the JS files it yields are empty modules.
      schema: "generated/b2b-v1.ts",
    },
    outDir,
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    // Shims `import.meta.url` in the CJS bundle (src/mock/spec.ts locates the spec JSON with it).
    shims: true,
    sourcemap: false,
    clean: true,
    // The mock validates requests against the spec at runtime; src/mock/spec.ts looks for it next
    // to its own bundle first.
    async onSuccess() {
      mkdirSync(join(outDir, "mock"), { recursive: true });
      copyFileSync("generated/b2b-v1.openapi.json", join(outDir, "mock", "b2b-v1.openapi.json"));
    },
  };
});
