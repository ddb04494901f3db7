// Type-checks the vendor's success examples against the generated response types. JSON Schema validation cannot see
// a closed object (openapi-typescript turns an object without `additionalProperties` into a type that rejects every
// field it does not list), so each example is written out as a TypeScript literal and checked with `satisfies`.
import ts from "typescript";
import {
  eachOperation,
  isObject,
  resolvePointer,
  type JsonObject,
} from "../../scripts/lib/spec.js";

export interface SuccessExample {
  /** `METHOD path status media-type` plus which example. */
  where: string;
  path: string;
  method: string;
  status: string;
  mediaType: string;
  value: unknown;
}

function resolve(doc: JsonObject, node: unknown): unknown {
  let current = node;
  for (
    let depth = 0;
    isObject(current) && typeof current["$ref"] === "string" && depth < 20;
    depth++
  ) {
    current = resolvePointer(doc, current["$ref"]);
  }
  return current;
}

/** Every example of a 2xx response body: media-type `example`/`examples` and the body schema's own `example`. */
export function collectSuccessExamples(doc: JsonObject): SuccessExample[] {
  const out: SuccessExample[] = [];
  for (const { path, method, op } of eachOperation(doc)) {
    if (!isObject(op["responses"])) continue;
    for (const [status, raw] of Object.entries(op["responses"])) {
      if (!/^2/.test(status)) continue;
      const response = resolve(doc, raw);
      const content = isObject(response) ? response["content"] : undefined;
      if (!isObject(content)) continue;
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isObject(media)) continue;
        const base = `${method.toUpperCase()} ${path} ${status} ${mediaType}`;
        const add = (label: string, value: unknown) =>
          out.push({ where: `${base} ${label}`, path, method, status, mediaType, value });
        if ("example" in media) add("example", media["example"]);
        if (isObject(media["examples"])) {
          for (const [name, ex] of Object.entries(media["examples"])) {
            const example = resolve(doc, ex);
            if (isObject(example) && "value" in example) add(`examples.${name}`, example["value"]);
          }
        }
        const schema = resolve(doc, media["schema"]);
        if (isObject(schema) && "example" in schema) add("schema example", schema["example"]);
      }
    }
  }
  return out;
}

/**
 * Checks each example against `paths[path][method].responses[status].content[mediaType]` of the types module at
 * `typesModule` (an absolute path without extension). Returns one message per example that does not type-check.
 */
export function typeCheckExamples(
  examples: SuccessExample[],
  typesModule: string,
): Map<string, string> {
  const file = `${typesModule}.examples-check.ts`;
  const lines = [
    `import type { paths } from ${JSON.stringify(typesModule + ".js")};`,
    "type Body<P extends keyof paths, M extends keyof paths[P], S, T extends string> =",
    "  paths[P][M] extends { responses: infer R }",
    "    ? S extends keyof R",
    "      ? R[S] extends { content: infer C } ? (T extends keyof C ? C[T] : never) : never",
    "      : never",
    "    : never;",
  ];
  const starts: { line: number; where: string }[] = [];
  let lineCount = lines.length;
  examples.forEach((e, i) => {
    starts.push({ line: lineCount, where: e.where });
    const status = /^\d+$/.test(e.status) ? e.status : JSON.stringify(e.status);
    const type = `Body<${JSON.stringify(e.path)}, ${JSON.stringify(e.method)}, ${status}, ${JSON.stringify(e.mediaType)}>`;
    const statement = `export const example${i} = ${JSON.stringify(e.value ?? null, null, 1)} satisfies ${type};`;
    lines.push(statement);
    lineCount += statement.split("\n").length;
  });
  const source = lines.join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (name) => name === file || ts.sys.fileExists(name);
  host.getSourceFile = (name, version, onError, create) =>
    name === file
      ? ts.createSourceFile(name, source, version)
      : getSourceFile(name, version, onError, create);
  const program = ts.createProgram([file], options, host);
  const failures = new Map<string, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file?.fileName !== file || d.start === undefined) {
      failures.set("(program)", message);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const owner = starts.filter((s) => s.line <= line).at(-1);
    const where = owner?.where ?? "(header)";
    if (!failures.has(where)) failures.set(where, message.split("\n").slice(-3).join(" / "));
  }
  return failures;
}
