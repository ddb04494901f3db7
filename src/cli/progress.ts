// Progress and messages on stderr. Progress shows when stderr is a terminal or with --progress: on a terminal one
// line redrawn in place, otherwise a plain line at most every second.
import type { GlobalOptions } from "./config.js";

const TTY_EVERY_MS = 100;
const PLAIN_EVERY_MS = 1000;

/** Counts, rate and time left of a running command. */
export class Progress {
  readonly #start = Date.now();
  readonly #tty = process.stderr.isTTY === true;
  #last = 0;
  #drawn = false;

  constructor(
    private readonly label: string,
    private readonly unit: string,
    private readonly enabled: boolean,
    private readonly total?: number,
  ) {}

  /** Whether progress shows for these options. */
  static enabled(options: GlobalOptions): boolean {
    return options.progress === true || process.stderr.isTTY === true;
  }

  /** Reports `done` items so far, with an optional detail; throttled unless `force`. */
  update(done: number, detail = "", force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.#last < (this.#tty ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
    this.#last = now;
    const seconds = Math.max((now - this.#start) / 1000, 0.001);
    const rate = done / seconds;
    const parts = [`${this.total === undefined ? done : `${done}/${this.total}`} ${this.unit}`];
    if (this.total) parts[0] += ` (${Math.floor((done / this.total) * 100)}%)`;
    parts.push(`${rate.toFixed(1)}/s`);
    if (this.total !== undefined && rate > 0 && done < this.total) {
      parts.push(`${formatDuration((this.total - done) / rate)} left`);
    }
    if (detail) parts.push(detail);
    const text = `${this.label}: ${parts.join(" · ")}`;
    if (this.#tty) {
      process.stderr.write(`\r\x1b[K${text}`);
      this.#drawn = true;
    } else process.stderr.write(`${text}\n`);
  }

  /** Removes the redrawn line (before other output to the same terminal). */
  clear(): void {
    if (this.#drawn) process.stderr.write("\r\x1b[K");
    this.#drawn = false;
  }

  /** Prints a message on its own line, always (not only when progress shows). */
  note(message: string): void {
    this.clear();
    process.stderr.write(`${message}\n`);
  }
}

function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, "0")}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
