// Where data goes: stdout, or a file that appears only once complete (written beside it, then renamed), so a failed
// or interrupted export never leaves a file that looks whole.
import { createWriteStream, renameSync, rmSync, type WriteStream } from "node:fs";
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
  const stream = createWriteStream(partial);
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
