// Where data goes: stdout, or a file that appears only once complete (written beside it, then renamed), so a failed
// or interrupted export never leaves a file that looks whole.
import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from "node:fs";
import { AltegioInputError } from "../index.js";
import { once } from "node:events";

/** A data sink with backpressure. */
export interface Output {
  write(text: string): Promise<void>;
  /** Finishes the data (a file is moved into place). */
  close(): Promise<void>;
  /** Drops what was written to a file; stdout keeps what it already printed. */
  discard(): Promise<void>;
}

/** Opens `file`, or stdout when no file (or `-`) is given. */
export function openOutput(file?: string): Output {
  if (file === undefined || file === "-") return streamOutput(process.stdout);
  const partial = `${file}.partial-${process.pid}`;
  // Opened at once, so a bad path is an input error (exit 2) before anything is sent, not a crash mid-export.
  let fd: number;
  try {
    fd = openSync(partial, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new AltegioInputError(`--output ${file}: cannot write there (${code || String(error)})`);
  }
  const stream = createWriteStream(partial, { fd });
  const done = async () => {
    stream.end();
    await once(stream, "close");
  };
  return {
    ...streamOutput(stream),
    async close() {
      await done();
      renameSync(partial, file);
    },
    async discard() {
      await done();
      rmSync(partial, { force: true });
    },
  };
}

function streamOutput(stream: NodeJS.WritableStream | WriteStream): Output {
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, "drain");
    },
    async close() {},
    async discard() {},
  };
}
