import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  HARM_BY_AGE_SPEC,
  SUPPORT_SPEC,
  ingestOfficialCsv,
  parseCount,
  parseYearLabel,
  type OfficialFileSpec,
} from "../../../scripts/lib/ingest.ts";

const ROOT = join(import.meta.dirname, "../../..");
const raw = (spec: OfficialFileSpec): Uint8Array => new Uint8Array(readFileSync(join(ROOT, "data/raw", spec.fileName)));
const fixture = (n: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, "tests/fixtures/data", n)));

function value(rows: { data: Record<string, string> }[], match: Record<string, string>): number {
  const hit = rows.filter((r) => Object.entries(match).every(([k, v]) => r.data[k] === v));
  expect(hit, JSON.stringify(match)).toHaveLength(1);
  return Number(hit[0]?.data.value);
}

/** Replace the first occurrence of `find` in `bytes` (byte-level, so CP949 stays CP949). */
function replaceBytes(bytes: Uint8Array, find: Uint8Array | string, repl: Uint8Array | string): Uint8Array {
  const enc = (x: Uint8Array | string): Uint8Array => (typeof x === "string" ? new TextEncoder().encode(x) : x);
  const f = enc(find);
  const r = enc(repl);
  outer: for (let i = 0; i + f.length <= bytes.length; i++) {
    for (let j = 0; j < f.length; j++) if (bytes[i + j] !== f[j]) continue outer;
    return new Uint8Array([...bytes.subarray(0, i), ...r, ...bytes.subarray(i + f.length)]);
  }
  throw new Error(`pattern not found: ${String(find)}`);
}

describe("helpers", () => {
  it.each([
    ["1234", 1234],
    ["1,234", 1234],
    ["332,341", 332341],
    [" 7 ", 7],
    ["1,23", null],
    ["12a", null],
    ["", null],
    ["-5", null],
    ["1.5", null],
  ])("parseCount(%j) = %j", (s, want) => expect(parseCount(s)).toBe(want));
  it.each([
    ["2018년", "2018"],
    ["2024", "2024"],
    ["18년", null],
    ["2018년도", null],
  ])("parseYearLabel(%j) = %j", (s, want) => expect(parseYearLabel(s)).toBe(want));
});

describe("official file: DSC support cases 2018–2024 (CP949)", () => {
  const r = ingestOfficialCsv(raw(SUPPORT_SPEC), "data/raw/support.csv", SUPPORT_SPEC);
  it("decodes as CP949 without BOM and ingests 7 years × 5 columns", () => {
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe("cp949");
    expect(r.bom).toBe(false);
    expect(r.table.rows).toHaveLength(35);
  });
  it("matches the press figures in korea.md §2", () => {
    const rows = r.table.rows;
    expect(value(rows, { period: "2024", dimension: "total" })).toBe(332341);
    expect(value(rows, { period: "2024", category: "deletion" })).toBe(300237);
    expect(value(rows, { period: "2023", category: "deletion" })).toBe(245416);
    expect(value(rows, { period: "2024", category: "investigation_legal" })).toBe(3826);
    expect(value(rows, { period: "2018-04-30/2018-12-31", dimension: "total" })).toBe(33921);
    expect(value(rows, { period: "2018-04-30/2018-12-31", category: "deletion" })).toBe(28879);
    expect(value(rows, { period: "2020", category: "deletion" })).toBe(158760);
    expect(value(rows, { period: "2022", dimension: "total" })).toBe(234560);
  });
  it("stores 2018 as the partial period the centre was open (30 Apr–31 Dec)", () => {
    const y18 = r.table.rows.filter((x) => String(x.data.period).startsWith("2018"));
    expect(y18).toHaveLength(5);
    for (const x of y18) {
      expect(x.data).toMatchObject({
        period_type: "partial_year",
        partial: "true",
        period_start: "2018-04-30",
        period_end: "2018-12-31",
      });
      expect(x.data.note_en).toContain("30 Apr 2018");
    }
    expect(r.table.rows.filter((x) => x.data.period === "2019" && x.data.partial === "false")).toHaveLength(5);
  });
  it("has parts that add up to the total in every year", () => {
    for (const y of ["2018-04-30/2018-12-31", "2019", "2020", "2021", "2022", "2023", "2024"]) {
      const yr = r.table.rows.filter((x) => x.data.period === y);
      const parts = yr.filter((x) => x.data.dimension === "support_type").reduce((a, x) => a + Number(x.data.value), 0);
      expect(parts).toBe(value(yr, { dimension: "total" }));
    }
  });
});

describe("official file: DSC harm types by age 2023 (CP949)", () => {
  const r = ingestOfficialCsv(raw(HARM_BY_AGE_SPEC), "data/raw/harm.csv", HARM_BY_AGE_SPEC);
  const colTotal = (category: string, dimension = "harm_type"): number =>
    r.table.rows
      .filter((x) => x.data.category === category && x.data.dimension === dimension)
      .reduce((a, x) => a + Number(x.data.value), 0);
  it("ingests 6 age groups × 8 columns as harm_type × age", () => {
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe("cp949");
    expect(r.table.rows).toHaveLength(48);
    expect(new Set(r.table.rows.map((x) => x.data.subcategory))).toEqual(
      new Set(["teens", "20s", "30s", "40s", "50plus", "unknown"]),
    );
  });
  it("has column totals equal to the 2023 report figures (korea.md §5)", () => {
    expect(colTotal("synthesis_editing")).toBe(423);
    expect(colTotal("all", "total")).toBe(14565);
    expect(colTotal("illegal_filming")).toBe(2927);
    expect(colTotal("distribution")).toBe(2717);
    expect(colTotal("threat")).toBe(2664);
    expect(colTotal("fear_of_distribution")).toBe(4566);
    expect(colTotal("cyber_harassment")).toBe(500);
    expect(colTotal("other")).toBe(768);
  });
  it("keeps the age-unknown row", () => {
    expect(value(r.table.rows, { subcategory: "unknown", dimension: "total" })).toBe(773);
  });
});

describe("synthetic fixtures in other encodings and line endings", () => {
  it("ingests UTF-8 with BOM, CRLF and quoted thousands separators", () => {
    const r = ingestOfficialCsv(
      fixture("synthetic-support-utf8-bom-crlf.csv"),
      "synthetic-support-utf8-bom-crlf.csv",
      SUPPORT_SPEC,
    );
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe("utf-8");
    expect(r.bom).toBe(true);
    expect(value(r.table.rows, { period: "2030", dimension: "total" })).toBe(1234);
    expect(value(r.table.rows, { period: "2030", category: "deletion" })).toBe(1000);
  });
  it("ingests CP949 with LF", () => {
    const r = ingestOfficialCsv(
      fixture("synthetic-harm-by-age-cp949-lf.csv"),
      "synthetic-harm-by-age-cp949-lf.csv",
      HARM_BY_AGE_SPEC,
    );
    expect(r.errors).toEqual([]);
    expect(value(r.table.rows, { subcategory: "unknown", dimension: "total" })).toBe(5);
  });
});

describe("corrupted copies of each official file fail with file, row and column", () => {
  const cp949 = (hex: number[]): Uint8Array => new Uint8Array(hex);
  const cases: {
    name: string;
    spec: OfficialFileSpec;
    corrupt: (b: Uint8Array) => Uint8Array;
    row: number;
    column: string;
    message: RegExp;
  }[] = [
    // support file: header row 1, 2018 = row 2 … 2024 = row 8
    {
      name: "support: truncated row",
      spec: SUPPORT_SPEC,
      corrupt: (b) => b.subarray(0, b.length - ",300237,3826,105\n".length),
      row: 8,
      column: "삭제 지원(건)",
      message: /truncated/,
    },
    {
      name: "support: non-number cell",
      spec: SUPPORT_SPEC,
      corrupt: (b) => replaceBytes(b, ",28173,", ",28l73,"),
      row: 8,
      column: "상담 지원(건)",
      message: /"28l73" is not a number/,
    },
    {
      name: "support: wrong header",
      spec: SUPPORT_SPEC,
      corrupt: (b) => replaceBytes(b, cp949([0xb1, 0xe2, 0xb0, 0xa3]), "YYYY"),
      row: 1,
      column: "YYYY",
      message: /unknown header "YYYY"/,
    },
    {
      name: "support: invalid bytes",
      spec: SUPPORT_SPEC,
      corrupt: (b) => replaceBytes(b, "170697", cp949([0x31, 0xff, 0xff, 0x36])),
      row: 4,
      column: "지원건수(건)",
      message: /neither valid UTF-8 nor CP949/,
    },
    {
      name: "support: bad period label",
      spec: SUPPORT_SPEC,
      corrupt: (b) => replaceBytes(b, "2019", "20X9"),
      row: 3,
      column: "기간",
      message: /not a year label/,
    },
    // harm-by-age file: header row 1, 10대 = row 2 … 연령 미상 = row 7
    {
      name: "harm: truncated row",
      spec: HARM_BY_AGE_SPEC,
      corrupt: (b) => b.subarray(0, b.length - ",2,23\n".length),
      row: 7,
      column: "사이버괴롭힘",
      message: /truncated/,
    },
    {
      name: "harm: non-number cell",
      spec: HARM_BY_AGE_SPEC,
      corrupt: (b) => replaceBytes(b, ",1224,", ",12 4,"),
      row: 2,
      column: "불법촬영",
      message: /"12 4" is not a number/,
    },
    {
      name: "harm: wrong header",
      spec: HARM_BY_AGE_SPEC,
      corrupt: (b) => replaceBytes(b, cp949([0xb1, 0xe2, 0xc5, 0xb8, 0x0a]), "etc!\n"),
      row: 1,
      column: "etc!",
      message: /unknown header "etc!"/,
    },
    {
      name: "harm: invalid bytes",
      spec: HARM_BY_AGE_SPEC,
      corrupt: (b) => replaceBytes(b, ",7037,", cp949([0x2c, 0x37, 0x30, 0xff, 0x37, 0x2c])),
      row: 3,
      column: "피해건수",
      message: /neither valid UTF-8 nor CP949/,
    },
    {
      name: "harm: unknown age label",
      spec: HARM_BY_AGE_SPEC,
      corrupt: (b) => replaceBytes(b, "10", "90"),
      row: 2,
      column: "연령",
      message: /not a known label/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = ingestOfficialCsv(c.corrupt(raw(c.spec)), "data/raw/corrupt.csv", c.spec);
      const hit = r.errors.find(
        (e) =>
          e.file === "data/raw/corrupt.csv" && e.row === c.row && e.column === c.column && c.message.test(e.message),
      );
      expect(hit, JSON.stringify(r.errors)).toBeDefined();
    });
  }
});
