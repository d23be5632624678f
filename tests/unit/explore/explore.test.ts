import { describe, expect, it } from "vitest";
import { parseSqlError, positionToLineColumn } from "../../../src/explore/sqlerror";
import {
  CsvError,
  checkHeader,
  decodeUpload,
  inferType,
  normaliseCsv,
  previewCsv,
  resultsToCsv,
  tableNameFor,
} from "../../../src/explore/csv";
import { chooseChart } from "../../../src/explore/quickchart";
import { looksReadOnly, readSharedQuery, shareSearch, MAX_SHARED_SQL } from "../../../src/explore/share";

const utf8 = (s: string) => new TextEncoder().encode(s);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CsvError) return { code: e.problem.code, row: e.problem.row };
    throw e;
  }
  return null;
};

describe("parseSqlError", () => {
  it("reads DuckDB's LINE/caret block on a later line", () => {
    const sql = "SELECT 1\nFROM observations\nWHERE nosuch = 1";
    const raw =
      'Binder Error: Referenced column "nosuch" not found in FROM clause!\n\nLINE 3: WHERE nosuch = 1\n              ^';
    expect(parseSqlError(raw, sql)).toEqual({
      message: 'Binder Error: Referenced column "nosuch" not found in FROM clause!',
      line: 3,
      column: 7,
    });
  });
  it("maps a shortened line (with ...) back into the real line", () => {
    const long = `SELECT ${"a, ".repeat(60)}FORM x`;
    const at = long.indexOf("FORM x") + 5;
    const shown = `...${long.slice(at - 40, at + 5)}`;
    const raw = `Parser Error: syntax error at or near "x"\n\nLINE 1: ${shown}\n${" ".repeat(8 + 43)}^`;
    expect(parseSqlError(raw, long)).toMatchObject({ line: 1, column: at + 1 });
  });
  it("reads the JSON form DuckDB-WASM gives parser errors (character position)", () => {
    const sql = "SELECT 1,\n  2 FORM x";
    const raw = JSON.stringify({
      exception_type: "Parser",
      exception_message: 'syntax error at or near "x"\n\nLINE 2:   2 FORM x\n                 ^',
      position: "19",
    });
    expect(parseSqlError(raw, sql)).toEqual({
      message: 'Parser Error: syntax error at or near "x"',
      line: 2,
      column: 10,
    });
  });
  it("keeps messages without a position as they are", () => {
    expect(parseSqlError("Catalog Error: Table with name x does not exist!", "SELECT * FROM x")).toEqual({
      message: "Catalog Error: Table with name x does not exist!",
    });
  });
  it("converts offsets to line/column", () => {
    expect(positionToLineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(positionToLineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("uploaded bytes", () => {
  it("decodes UTF-8 with and without BOM and CP949", () => {
    expect(decodeUpload(utf8("\uFEFFa,b\n1,2\n")).text).toBe("a,b\n1,2\n");
    expect(decodeUpload(utf8("가,나\n")).encoding).toBe("utf-8");
    // "기간" in CP949
    const cp = decodeUpload(new Uint8Array([0xb1, 0xe2, 0xb0, 0xa3, 0x0a]));
    expect(cp).toEqual({ text: "기간\n", encoding: "cp949" });
  });
  it.each([
    ["empty file", new Uint8Array(), "empty"],
    ["only a BOM and blanks", utf8("\uFEFF \n"), "empty"],
    ["binary (NUL byte) on row 2", new Uint8Array([0x61, 0x0a, 0x62, 0x00, 0x63]), "binary"],
    ["UTF-16", new Uint8Array([0xff, 0xfe, 0x61, 0x00]), "utf16"],
    ["neither UTF-8 nor CP949", new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x2c, 0x31, 0x0a]), "encoding"],
  ])("rejects %s", (_, bytes, expected) => {
    expect(code(() => decodeUpload(bytes))?.code).toBe(expected);
  });
  it("names the row of a NUL byte and of an undecodable byte", () => {
    expect(code(() => decodeUpload(new Uint8Array([0x61, 0x0a, 0x62, 0x00])))?.row).toBe(2);
    expect(code(() => decodeUpload(new Uint8Array([0x61, 0x0a, 0x31, 0x0a, 0xff, 0xff])))?.row).toBe(3);
  });
});

describe("headers, types, names", () => {
  it("rejects empty and duplicate headers", () => {
    expect(code(() => checkHeader(["a", " ", "c"]))).toEqual({ code: "empty-header", row: 1 });
    expect(code(() => checkHeader(["a", "b", "A"]))).toEqual({ code: "duplicate-header", row: 1 });
    expect(checkHeader([" 기간 ", "값"])).toEqual(["기간", "값"]);
  });
  it.each([
    [["1", "-20", ""], "BIGINT"],
    [["1", "2.5", "1e3"], "DOUBLE"],
    [["2024-01-31", ""], "DATE"],
    [["true", "FALSE"], "BOOLEAN"],
    [["2018년", "1"], "VARCHAR"],
    [["", ""], "VARCHAR"],
    [["12345678901234567890"], "DOUBLE"],
  ])("infers %j as %s", (values, type) => {
    expect(inferType(values)).toBe(type);
  });
  it.each([
    ["My Data (2024).csv", [], "my_data_2024"],
    ["2024.csv", [], "t_2024"],
    ["한국.csv", [], "upload"],
    ["observations.csv", ["observations"], "observations_2"],
    ['x"; DROP TABLE y;--.csv', [], "x_drop_table_y"],
  ])("names %s as %s", (file, taken, name) => {
    expect(tableNameFor(file, taken as string[])).toBe(name);
    expect(tableNameFor(file, taken as string[])).toMatch(/^[a-z_][a-z0-9_]*$/);
  });
});

describe("preview and normalisation", () => {
  it("sniffs the delimiter and handles CRLF", () => {
    const p = previewCsv("a;b\r\n1;x\r\n2;y\r\n");
    expect(p).toMatchObject({ header: ["a", "b"], delimiter: ";", types: ["BIGINT", "VARCHAR"] });
    expect(p.rows).toEqual([
      ["1", "x"],
      ["2", "y"],
    ]);
  });
  it("writes comma CSV, quoting where needed, across chunks", async () => {
    const text = `a\tb\n${Array.from({ length: 500 }, (_, i) => `${i}\tv,${i}`).join("\n")}\n`;
    const seen: number[] = [];
    const r = await normaliseCsv(text, "\t", (f) => seen.push(f), 256);
    expect(r.rows).toBe(500);
    expect(r.csv.split("\n")[1]).toBe('0,"v,0"');
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
  });
  it("reports a ragged row with its number", async () => {
    await expect(normaliseCsv("a,b\n1,2\n3\n", ",")).rejects.toMatchObject({ problem: { code: "ragged", row: 3 } });
  });
  it("downloads results as CSV with a UTF-8 BOM", () => {
    expect(
      resultsToCsv(
        ["연도", "v"],
        [
          { 연도: 2024, v: "a,b" },
          { 연도: null, v: 'q"' },
        ],
      ),
    ).toBe('\uFEFF연도,v\r\n2024,"a,b"\r\n,"q"""\r\n');
  });
});

describe("quick chart", () => {
  it("draws a line for a year column and a number", () => {
    expect(
      chooseChart(
        ["year", "victims"],
        [
          { year: 2023, victims: 1 },
          { year: 2024, victims: 2 },
        ],
      ),
    ).toMatchObject({
      kind: "line",
      x: "year",
      y: "victims",
    });
  });
  it("draws bars for text and a number, a line for dates", () => {
    expect(chooseChart(["grade", "n"], [{ grade: "A", n: 3 }])).toMatchObject({ kind: "bar", x: "grade", y: "n" });
    expect(chooseChart(["d", "n"], [{ d: "2024-01-01", n: 3 }])).toMatchObject({ kind: "line", xDate: true });
  });
  it("draws nothing without a number column", () => {
    expect(chooseChart(["a", "b"], [{ a: "x", b: "y" }])).toBeNull();
    expect(chooseChart(["x"], [{ x: 42 }])).toBeNull();
  });
});

describe("shared query", () => {
  it("round-trips SQL through the URL and limits its length", () => {
    const sql = "SELECT '가' AS \"x\" -- a & b";
    expect(readSharedQuery(shareSearch(sql)!).sql).toBe(sql);
    expect(shareSearch("x".repeat(MAX_SHARED_SQL + 1))).toBeNull();
    expect(readSharedQuery(`?q=${"x".repeat(MAX_SHARED_SQL + 1)}`)).toMatchObject({ sql: null });
    expect(readSharedQuery("?a=1").sql).toBeNull();
  });
  it.each([
    ["SELECT 1", true],
    ["-- note\nWITH a AS (SELECT 1) SELECT * FROM a", true],
    ["SELECT ';'", true],
    ["DROP TABLE observations", false],
    ["SELECT 1; DROP TABLE observations", false],
    ["COPY observations TO 'x.csv'", false],
  ])("auto-runs %j only if read-only: %s", (sql, ok) => {
    expect(looksReadOnly(sql)).toBe(ok);
  });
});
