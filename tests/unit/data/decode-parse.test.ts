import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeText } from "../../../scripts/lib/decode.ts";
import { parseCsvStrict } from "../../../scripts/lib/csv.ts";

const FIX = join(import.meta.dirname, "../../fixtures/data");
const fixture = (n: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, n)));

describe("decodeText", () => {
  const cases = [
    { file: "synthetic-plain-utf8.csv", encoding: "utf-8", bom: false, starts: "series_id,value" },
    { file: "synthetic-support-utf8-bom-crlf.csv", encoding: "utf-8", bom: true, starts: "기간,지원건수(건)" },
    { file: "synthetic-harm-by-age-cp949-lf.csv", encoding: "cp949", bom: false, starts: "연령,피해건수,불법촬영" },
  ] as const;
  for (const c of cases) {
    it(`decodes ${c.file} as ${c.encoding}${c.bom ? " with BOM" : ""}`, () => {
      const d = decodeText(fixture(c.file));
      expect(d.encoding).toBe(c.encoding);
      expect(d.bom).toBe(c.bom);
      expect(d.text.startsWith(c.starts)).toBe(true);
      expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    });
  }

  it("throws on bytes that are neither UTF-8 nor CP949", () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x2c, 0xff, 0xff, 0x0a]))).toThrow(/neither valid UTF-8 nor CP949/);
  });

  it("locates invalid bytes by row and column", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("a,b\n1,2\n3,"), 0xff, 0xfe, 0xff, 0x0a]);
    const r = decodeBytes(bytes, "synthetic.csv");
    expect("error" in r && r.error).toMatchObject({ file: "synthetic.csv", row: 3, column: "b" });
  });

  it("locates CP949 bytes inside a UTF-8 file where the UTF-8 stops (review F12), and the reverse", () => {
    const utf8 = new TextEncoder().encode("a,b\n다,1\n"); // 다 (eb 8b a4) is not CP949
    const cp949Row = new Uint8Array([0xb3, 0xaa, 0x2c, 0x32, 0x0a]); // "나,2" in CP949
    const mixed = decodeBytes(new Uint8Array([...utf8, ...cp949Row]), "synthetic.csv");
    expect("error" in mixed && mixed.error).toMatchObject({ row: 3, column: "a" });
    const cp949Head = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, ...cp949Row, ...cp949Row]);
    // A CP949 file with a UTF-8 row 4: CP949 fits rows 1–3, UTF-8 only row 1.
    const reverse = decodeBytes(new Uint8Array([...cp949Head, ...new TextEncoder().encode("다,4\n")]), "s.csv");
    expect("error" in reverse && reverse.error).toMatchObject({ row: 4, column: "a" });
  });

  it("rejects a UTF-8 BOM followed by invalid UTF-8", () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xc3, 0x28, 0x0a]), "bom.csv");
    expect("error" in r && r.error).toMatchObject({ file: "bom.csv", row: 2, column: "a" });
  });
});

describe("parseCsvStrict", () => {
  it("parses CRLF text with quoted thousands separators and keeps line numbers", () => {
    const r = parseCsvStrict('h1,h2\r\n"1,234",x\r\n\r\n5,y\r\n', "s.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.csv.header).toEqual(["h1", "h2"]);
    expect(r.csv.records).toEqual([
      { row: 2, cells: ["1,234", "x"] },
      { row: 4, cells: ["5", "y"] },
    ]);
  });

  it("counts a quoted newline inside a record for the following line numbers", () => {
    const r = parseCsvStrict('a,b\n"x\ny",1\nz,2\n', "s.csv");
    expect(r.ok && r.csv.records.map((x) => x.row)).toEqual([2, 4]);
  });

  const bad = [
    {
      name: "a truncated row",
      text: "a,b,c\n1,2,3\n4,5\n",
      row: 3,
      column: "c",
      message: /2 cells but the header has 3 \(truncated row\?\)/,
    },
    {
      name: "a row with an extra cell",
      text: "a,b\n1,2,3\n",
      row: 2,
      column: "column 3",
      message: /3 cells but the header has 2/,
    },
    { name: "an unterminated quote", text: 'a,b\n1,"2\n', row: 2, column: "", message: /CSV syntax/ },
    { name: "a duplicate header", text: "a,a\n1,2\n", row: 1, column: "a", message: /appears more than once/ },
    { name: "an empty header cell", text: "a,\n1,2\n", row: 1, column: "column 2", message: /header cell is empty/ },
    { name: "an empty file", text: "", row: 1, column: "", message: /empty/ },
  ];
  for (const c of bad) {
    it(`reports ${c.name} with row and column`, () => {
      const r = parseCsvStrict(c.text, "s.csv");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(
        r.errors.some(
          (e) => e.file === "s.csv" && e.row === c.row && e.column === c.column && c.message.test(e.message),
        ),
        JSON.stringify(r.errors),
      ).toBe(true);
    });
  }
});
