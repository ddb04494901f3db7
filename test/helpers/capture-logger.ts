import type { Logger, LogLevel } from "../../src/index.js";

export interface Line {
  level: Exclude<LogLevel, "off">;
  message: string;
}

/** A logger that keeps every line it is given. */
export function captureLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: Line["level"]) => (message: string) => void lines.push({ level, message });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
