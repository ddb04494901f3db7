// Build for `npm run build`: ESM + CJS bundles with .d.ts / .d.cts for each public entry point.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig, type Options } from "tsup";
import { SPECS } from "./lib/specs.js";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies?: Record<string, string>;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const dependency = new RegExp(
  `^(${Object.keys(pkg.dependencies ?? {})
    .map(escape)
    .join("|")})$`,
);

// This package is "type": "module", so in the CJS bundle esbuild imports a dependency with Node's
// ESM-from-CJS rule: `default` becomes the whole `module.exports`, not `exports.default`, and
// `import createClient from "openapi-fetch"` is not a function (evanw/esbuild#3852). Routing each
// dependency through a tiny virtual ESM module (no package.json, so no Node mode) restores the
// `__esModule` interop. Dependencies stay external in both formats; tsup's own external plugin
// runs first, so the config lists them in `noExternal` to hand them to this plugin.
const dependencyInterop: Plugin = {
  name: "dependency-interop",
  setup(build) {
    const cjs = build.initialOptions.format === "cjs";
    build.onResolve({ filter: dependency }, (args) =>
      cjs && args.namespace !== "cjs-interop"
        ? { path: args.path, namespace: "cjs-interop" }
        : { path: args.path, external: true },
    );
    build.onLoad({ filter: /.*/, namespace: "cjs-interop" }, (args) => ({
      contents: `export * from "${args.path}"; export { default } from "${args.path}";`,
      loader: "js",
    }));
  },
};

// The `altegio` command uses the core and the mock through their public doors; in the build those imports stay
// imports of the sibling bundles (dist/index.js, dist/mock/index.js) instead of a second copy of both.
const doors = new Map([
  [resolve("src/index.ts"), "../index.js"],
  [resolve("src/mock/index.ts"), "../mock/index.js"],
]);
const publicDoors: Plugin = {
  name: "public-doors",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = doors.get(resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts"));
      return target === undefined ? undefined : { path: target, external: true };
    });
  },
};

// Entry points other than the core (e.g. src/redis/) use the core through its public door, `../index.js`. Bundling
// that would give them a second copy of the core, whose error classes fail `instanceof` against the user's copy
// (and whose defaults could drift), so the door stays an import of this very package, resolved by Node's
// self-reference to the one core the user has.
const coreDoor: Plugin = {
  name: "core-door",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]redis[\\/]/.test(args.importer)
        ? { path: "altegio-b2b", external: true }
        : undefined,
    );
  },
};

export default defineConfig((overrides) => {
  const outDir = overrides.outDir ?? "dist";
  return [library(outDir), cli(outDir)];
});

function cli(outDir: string): Options {
  return {
    // A folder in the entry name, not a separate outDir: `--out-dir` given to tsup replaces every config's outDir.
    entry: { "cli/main": "src/cli/main.ts" },
    outDir,
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    sourcemap: false,
    // The library build cleans outDir (all but cli/) at the same time; this one overwrites its single file.
    clean: false,
    external: [dependency],
    esbuildPlugins: [publicDoors],
  };
}

function library(outDir: string): Options {
  return {
    entry: {
      index: "src/index.ts",
      "mock/index": "src/mock/index.ts",
      "redis/index": "src/redis/index.ts",
      // Types only (`paths`, `components`, `operations`); the JS files it yields are empty modules.
      schema: "src/schema/index.ts",
    },
    outDir,
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
    // Everything but the command's folder, which the other build writes meanwhile.
    clean: ["!cli/**"],
    noExternal: [dependency],
    esbuildPlugins: [coreDoor, dependencyInterop],
    esbuildOptions(options, { format }) {
      // src/mock/spec.ts reads `import.meta.url` only where `__filename` is absent (ESM), so the
      // empty `import.meta` of the CJS bundle is never used.
      if (format === "cjs") options.logOverride = { "empty-import-meta": "silent" };
    },
    // The mock validates requests against the spec at runtime; src/mock/spec.ts looks for it next
    // to its own bundle first.
    async onSuccess() {
      mkdirSync(join(outDir, "mock"), { recursive: true });
      // Minified: the readable copy lives in generated/; the package only needs the data (about half the size).
      for (const { document: file } of Object.values(SPECS)) {
        const spec = JSON.parse(readFileSync(`generated/${file}`, "utf8")) as unknown;
        writeFileSync(join(outDir, "mock", file), JSON.stringify(spec));
      }
    },
  };
}
