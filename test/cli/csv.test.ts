// The CSV reader/writer and the import-file reader, without a process.
import { describe, expect, it } from "vitest";
import { cell, csvRecord, parseCsv } from "../../src/cli/csv.js";
import { readRows, rowFormat } from "../../src/cli/rows.js";
import { AltegioInputError } from "../../src/index.js";

describe("CSV", () => {
  it("round-trips quotes, commas, line breaks and edge spaces", () => {
    const fields = ['say "hi"', "a,b", "two\nlines", " padded ", "", "plain", "cr\r\nlf"];
    const text = csvRecord(fields) + csvRecord(["x"]);
    expect(
      text.startsWith('"say ""hi""","a,b","two\nlines"," padded ",,plain,"cr\r\nlf"\r\n'),
    ).toBe(true);
    expect(parseCsv(text)).toEqual({ records: [fields, ["x"]], lines: [1, 4] });
  });

  it("reads LF files, a BOM, and a last line without a line end", () => {
    expect(parseCsv("\uFEFFa,b\n1,2").records).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a\r\n\r\nb\r\n").records).toEqual([["a"], [""], ["b"]]);
  });

  it("refuses malformed quoting with its line", () => {
    expect(() => parseCsv('a\nb"c\n')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"b"c\n')).toThrow(/line 2: a closing quote must be followed/);
    expect(() => parseCsv('a\n"open\n\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it("renders any JSON value as a cell", () => {
    expect([cell(null), cell(undefined), cell(5), cell("x"), cell({ a: 1 })]).toEqual([
      "",
      "",
      "5",
      "x",
      '{"a":1}',
    ]);
  });
});

describe("import files", () => {
  it("turns CSV cells into product fields: numbers for numeric columns, empty cells left out", () => {
    const text =
      'title,article,category_id,cost,comment\n"Mask, repair",007,301,12.5,\nX,8,abc,,hi\n';
    expect(readRows(text, "csv")).toEqual({
      rows: [
        { title: "Mask, repair", article: "007", category_id: 301, cost: 12.5 },
        { title: "X", article: "8", category_id: "abc", comment: "hi" },
      ],
      lines: [2, 3],
    });
  });

  it("lists every shape problem of a file at once", () => {
    let error: unknown;
    try {
      readRows("title,colour,title\nA,B\n", "csv");
    } catch (e) {
      error = e;
    }
    expect((error as AltegioInputError).issues).toEqual([
      expect.stringMatching(/^line 1: column 2 "colour" is not a product field/),
      'line 1: column "title" appears twice',
      "line 2: 2 fields, but the header has 3",
    ]);
    expect(() => readRows('{"title":"a"}\n\nnot json\n[1]\n', "ndjson")).toThrow(
      /line 3: not valid JSON[\s\S]*line 4: expected a JSON object/,
    );
  });

  it("picks the format from the flag or the file name", () => {
    expect([
      rowFormat(undefined, "a.csv"),
      rowFormat(undefined, "a.ndjson"),
      rowFormat(undefined, "a.jsonl"),
    ]).toEqual(["csv", "ndjson", "ndjson"]);
    expect(() => rowFormat("xlsx", "a.xlsx")).toThrow(/--format must be csv or ndjson/);
  });
});

describe("import file format from the name", () => {
  it("reads .ndjson and .jsonl as NDJSON, anything else as CSV, and refuses a .json array file", () => {
    expect(rowFormat(undefined, "rows.ndjson")).toBe("ndjson");
    expect(rowFormat(undefined, "rows.JSONL")).toBe("ndjson");
    expect(rowFormat(undefined, "rows.csv")).toBe("csv");
    expect(rowFormat("ndjson", "rows.json")).toBe("ndjson");
    expect(() => rowFormat(undefined, "export.json")).toThrow(AltegioInputError);
    expect(() => rowFormat(undefined, "export.json")).toThrow(/CSV or NDJSON/);
  });
});
