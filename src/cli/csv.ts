import { AltegioInputError } from "../index.js";

// RFC 4180 CSV, both ways. Small enough to own (no dependency for ~80 lines of a fixed format) and strict on input:
// a malformed quote is reported with its line instead of being guessed at, so a broken file never imports half-read.

/** Parsed records, with the line each record starts on (1-based; the header is line 1). */
export interface CsvTable {
  records: string[][];
  lines: number[];
}

/** Parses CSV text: `,` separators, CRLF or LF line ends, `"` quoting with `""` escapes, a leading BOM ignored. */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let record: string[] = [];
  let recordLine = 1;
  let field = "";
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    lines.push(recordLine);
    record = [];
    field = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          throw csvError(
            line,
            "a closing quote must be followed by a comma or the end of the line",
          );
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "")
        throw csvError(line, "a quote inside an unquoted field (quote the whole field)");
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw csvError(recordLine, "a quoted field is never closed");
  if (field !== "" || record.length > 0) endRecord();
  return { records, lines };
}

const csvError = (line: number, problem: string) =>
  new AltegioInputError(`line ${line}: ${problem}`);

/** One CSV record with its CRLF line end; fields that need it are quoted. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell for any JSON value: empty for null or absent, JSON for objects and arrays. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
