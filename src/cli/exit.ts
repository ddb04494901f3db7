// Exit codes and how a failure is told on stderr: the error's class, status and message, never a stack or a secret
// (the core's errors redact tokens and passwords already).
import { AltegioApiError, AltegioInputError } from "../index.js";

/** The command's exit codes. */
export const EXIT = {
  ok: 0,
  /** The API or the network failed (or refused some rows). */
  failed: 1,
  /** Usage or input error, caught before anything was sent. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

/** Prints `error` on stderr and returns the exit code it means. */
export function reportError(error: unknown): number {
  if (error instanceof AltegioInputError) {
    const [first, ...rest] = error.issues;
    const lines = rest.length ? error.issues.map((issue) => `  - ${issue}`) : [`  ${first}`];
    process.stderr.write(`altegio: invalid input, nothing was sent:\n${lines.join("\n")}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`altegio: ${describeError(error)}\n`);
  return EXIT.failed;
}

/** One line: class, status and request for API errors, class and message otherwise. */
export function describeError(error: unknown): string {
  if (error instanceof AltegioApiError) {
    const path = safePath(error.url);
    const where = `HTTP ${error.status}${path ? `, ${error.method} ${path}` : ""}`;
    // A bare status is all the fallback message says when the server sent none.
    const message =
      error.message === `HTTP ${error.status}` ? "the server sent no message" : error.message;
    return `${error.name} (${where}): ${message}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function safePath(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return "";
  }
}

/**
 * Ctrl-C (or SIGTERM) aborts the returned signal once, so the command can finish what is in flight and report;
 * a second one exits at once.
 */
export function interruption(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write(
      "\naltegio: stopping after the request in flight (Ctrl-C again to quit now)\n",
    );
    controller.abort(new Error("Interrupted"));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
