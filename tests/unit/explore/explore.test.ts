import { describe, expect, it } from "vitest";
import { parseSqlError, positionToLineColumn } from "../../../src/explore/sqlerror";
import {
  CsvError,
  checkHeader,
  decodeUpload,
  inferColumn,
  inferType,
  checkCsv,
  firstNonAscii,
  lineEnd,
  prepareBytes,
  previewCsv,
  tableNameFor,
} from "../../../src/explore/csv";
import { chooseChart, decideChart } from "../../../src/explore/quickchart";
import { readSharedQuery, shareSearch, MAX_SHARED_SQL } from "../../../src/explore/share";
import { recordsToCsv } from "../../../src/lib/csv";
import { decimalValue } from "../../../src/db/tables";

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

describe("bytes for DuckDB's reader", () => {
  it("passes UTF-8 through untouched and turns CP949 into UTF-8, across slice boundaries", async () => {
    const u = utf8('기간,값\n2024년,"5,153"\n');
    const a = await prepareBytes(u);
    expect(a.bytes).toBe(u);
    expect(a).toMatchObject({ encoding: "utf-8", head: '기간,값\n2024년,"5,153"\n', complete: true });
    // "기간" in CP949, repeated past one 4 MB slice so a character straddles the boundary.
    const unit = [0xb1, 0xe2, 0xb0, 0xa3, 0x0a];
    const n = Math.ceil((4 << 20) / unit.length) + 3;
    const cp = new Uint8Array(unit.length * n + 1);
    cp[0] = 0x61; // shift by one byte so slices cut inside a two-byte character
    for (let i = 0; i < n; i++) cp.set(unit, 1 + i * unit.length);
    const seen: number[] = [];
    const b = await prepareBytes(cp, (f) => seen.push(f));
    expect(b.encoding).toBe("cp949");
    const text = new TextDecoder().decode(b.bytes);
    expect(text.length).toBe(1 + 3 * n);
    expect(text.slice(0, 4)).toBe("a기간\n");
    expect(text.endsWith("기간\n")).toBe(true);
    expect(b.complete).toBe(false);
    expect(seen.at(-1)).toBe(1);
  });
  it("finds the first non-ASCII byte at any alignment, and checks only from there", async () => {
    const buf = new Uint8Array(40).fill(0x61);
    expect(firstNonAscii(buf)).toBe(40);
    for (const at of [0, 1, 3, 4, 5, 38, 39]) {
      const b = buf.slice();
      b[at] = 0xea;
      expect(firstNonAscii(b), String(at)).toBe(at);
      // A view that starts off a four-byte boundary of its buffer.
      expect(firstNonAscii(b.subarray(1), 0), `view ${at}`).toBe(at >= 1 ? at - 1 : 39);
      expect(firstNonAscii(b, at + 1), `from ${at + 1}`).toBe(40);
    }
    // Past one 4 MB slice of ASCII: UTF-8 Korean after it is UTF-8; a stray byte after it is refused.
    const ascii = "a,b\n".repeat((5 << 20) / 4);
    const korean = await prepareBytes(utf8(`${ascii}기간,값\n`));
    expect(korean.encoding).toBe("utf-8");
    const stray = utf8(`${ascii}x,y\n`);
    stray[stray.length - 3] = 0xff;
    await expect(prepareBytes(stray)).rejects.toMatchObject({ problem: { code: "encoding" } });
    const seen: number[] = [];
    await prepareBytes(utf8("a,b\n1,2\n"), (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
  });
  it.each([
    ["empty", new Uint8Array(), "empty"],
    ["binary", new Uint8Array([0x61, 0x0a, 0x62, 0x00]), "binary"],
    ["utf16", new Uint8Array([0xff, 0xfe, 0x61, 0x00]), "utf16"],
    ["unknown", new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x2c, 0x31, 0x0a]), "encoding"],
  ])("refuses %s bytes with a located problem", async (_, bytes, expected) => {
    await expect(prepareBytes(bytes)).rejects.toMatchObject({ problem: { code: expected } });
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
    ["My Data (2024).csv", [], "My_Data_2024"],
    ["2024.csv", [], "t_2024"],
    ["피해자.csv", [], "피해자"],
    ["한국 여성 인권.csv", [], "한국_여성_인권"],
    ["observations.csv", ["observations"], "observations_2"],
    ["Observations.csv", ["observations"], "Observations_2"],
    ['x"; DROP TABLE y;--.csv', [], "x_DROP_TABLE_y"],
    ["../../etc/passwd", [], "upload"],
    ["!!!.csv", [], "upload"],
  ])("names %s as %s", (file, taken, name) => {
    expect(tableNameFor(file, taken as string[])).toBe(name);
    expect(tableNameFor(file, taken as string[])).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
  });
  it.each([
    [["5,153", "1,234,567", "12"], "BIGINT", ["thousands"]],
    [["１２３", "４５"], "BIGINT", ["fullwidth"]],
    [["12", "-", ""], "BIGINT", ["dash-missing"]],
    [["12.5%", "3%"], "DOUBLE", ["percent"]],
    [["1,234.5", "-"], "DOUBLE", ["thousands", "dash-missing"]],
    [["2023년", "2024년"], "VARCHAR", ["period"]],
    [["2023년 1~6월", "2023년 7~12월"], "VARCHAR", ["period"]],
    [["'23", "'24"], "VARCHAR", ["period"]],
    [["-5", "10"], "BIGINT", []],
    [["5,1530", "1"], "VARCHAR", []],
  ])("reads Korean-style values %j as %s (%j)", (values, type, seen) => {
    const g = inferColumn(values);
    expect(g.type).toBe(type);
    expect([...g.recognised].sort()).toEqual([...seen].sort());
    expect(g.clean).toBe(seen.length > 0 && type !== "VARCHAR");
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
  it("types columns from the first 1,000 rows and reads no further", () => {
    expect(lineEnd("a\nb\nc", 2)).toBe(4);
    expect(lineEnd("a\nb", 5)).toBe(3);
    const rows = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? "x,text" : `${i},${i}`));
    const p = previewCsv(`n,v\n${rows.join("\n")}\n`);
    expect(p.types).toEqual(["BIGINT", "BIGINT"]);
    expect(p.rows).toHaveLength(20);
    // Row 1,000 is the last one read; a non-number there still counts.
    const late = [...rows.slice(0, 999), "x,1", ...rows.slice(1000)];
    expect(previewCsv(`n,v\n${late.join("\n")}\n`).types).toEqual(["VARCHAR", "BIGINT"]);
  });
  it("checks every row across chunks, with progress", async () => {
    const text = `a\tb\n${Array.from({ length: 500 }, (_, i) => `${i}\tv,${i}`).join("\n")}\n`;
    const seen: number[] = [];
    const r = await checkCsv(text, "\t", (f) => seen.push(f), 256);
    expect(r.rows).toBe(500);
    expect(r.header).toEqual(["a", "b"]);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
  });
  it("reports a ragged row with its number", async () => {
    await expect(checkCsv("a,b\n1,2\n3\n", ",")).rejects.toMatchObject({ problem: { code: "ragged", row: 3 } });
  });
  it("downloads results through the one CSV writer: BOM, quoting, formulas neutralised, numbers kept", () => {
    // Rows as the console hands them over: null-prototype objects, so a column named __proto__ is a column.
    const row = (...cells: [string, unknown][]) => {
      const o = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of cells) o[k] = v;
      return o;
    };
    const rows = [
      row(["연도", 2024], ["v", "a,b"], ["__proto__", "=1+1"]),
      row(["연도", -5], ["v", 'q"'], ["__proto__", null]),
    ];
    expect(recordsToCsv(["연도", "v", "__proto__"], rows)).toBe(
      '\uFEFF연도,v,__proto__\r\n2024,"a,b","\'=1+1"\r\n-5,"q""",\r\n',
    );
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
  it("never adds up values of different units, or rows that share an x", () => {
    const rows = [
      { body: "KCSC", value: 10, unit: "requests" },
      { body: "KCSC", value: 3, unit: "persons" },
    ];
    expect(decideChart(["body", "value", "unit"], rows)).toEqual({ reason: "units", detail: "requests, persons" });
    expect(
      decideChart(
        ["기관", "값", "단위"],
        [
          { 기관: "a", 값: 1, 단위: "건" },
          { 기관: "b", 값: 2, 단위: "명" },
        ],
      ),
    ).toMatchObject({ reason: "units" });
    expect(
      decideChart(
        ["body", "value"],
        [
          { body: "KCSC", value: 10 },
          { body: "KCSC", value: 3 },
        ],
      ),
    ).toEqual({ reason: "repeats", detail: "body" });
    // One unit and one row per bar is fine.
    expect(
      chooseChart(
        ["body", "value", "unit"],
        [
          { body: "A", value: 1, unit: "cases" },
          { body: "B", value: 2, unit: "cases" },
        ],
      ),
    ).toMatchObject({ kind: "bar" });
  });
  it("declines very wide or very long results", () => {
    const cols = Array.from({ length: 51 }, (_, i) => `c${i}`);
    expect(decideChart(cols, [{ c0: 1 }])).toMatchObject({ reason: "wide" });
    const many = Array.from({ length: 2001 }, (_, i) => ({ k: `k${i}`, v: i }));
    expect(decideChart(["k", "v"], many)).toMatchObject({ reason: "long" });
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
});

describe("console result values", () => {
  it("puts the point back into DECIMAL cells (Arrow hands over the unscaled integer)", () => {
    expect(decimalValue("-25", 2)).toBe(-0.25);
    expect(decimalValue("5", 3)).toBe(0.005);
    expect(decimalValue("-5", 0)).toBe(-5);
    expect(decimalValue("123456", 1)).toBe(12345.6);
    // Beyond what a double holds exactly: the exact text.
    expect(decimalValue("-12345678901234567890", 4)).toBe("-1234567890123456.7890");
  });
});
