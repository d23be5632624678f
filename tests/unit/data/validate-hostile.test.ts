/**
 * The data build refuses what it cannot store exactly or show honestly (security review F9): counts beyond
 * 2^53 − 1, 23-digit numbers, hidden characters (controls, bidi overrides, zero-width) and formula-leading text,
 * each with file:row:column — on synthetic packages, and once through the whole `npm run data` pipeline on a copy
 * of the real package. All data here is SYNTHETIC.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildData } from "../../../scripts/build-data.ts";
import { validatePackage } from "../../../scripts/lib/validate.ts";
import { formatError } from "../../../scripts/lib/types.ts";
import { parseCsvStrict } from "../../../scripts/lib/csv.ts";
import { SYN_ALTERNATIVES, SYN_CATEGORIES, SYN_SOURCES, expectRefused, obs, pkg, type RefusalCase } from "./helpers.ts";

const total = (over: Parameters<typeof obs>[0]) => ({ observations: [obs(over)] });
const alt = (cells: string) => ({ alternatives: SYN_ALTERNATIVES.replace("syn_victims,2024,all,120,,", cells) });

const cases: RefusalCase[] = [
  // Numbers that cannot be stored exactly.
  {
    name: "a 23-digit count",
    input: total({ value: "99999999999999999999999" }),
    row: 2,
    column: "value",
    message: /larger than 9007199254740991/,
  },
  {
    name: "2^53 + 1",
    input: total({ value: "9007199254740993" }),
    row: 2,
    column: "value",
    message: /larger than 9007199254740991/,
  },
  {
    name: "2^53",
    input: total({ value: "9007199254740992" }),
    row: 2,
    column: "value",
    message: /largest count that can be stored exactly/,
  },
  {
    name: "a share with 18 significant digits",
    input: total({ share: "12.3456789012345678" }),
    row: 2,
    column: "share",
    message: /more than 15 significant digits/,
  },
  {
    name: "an alternative count with a fraction",
    input: alt("syn_victims,2024,all,120.5,,"),
    file: "data/alternatives.csv",
    row: 2,
    column: "value",
    message: /whole, non-negative count/,
  },
  {
    name: "a 23-digit alternative",
    input: alt("syn_victims,2024,all,99999999999999999999999,,"),
    file: "data/alternatives.csv",
    row: 2,
    column: "value",
    message: /larger than/,
  },
  {
    name: "a sort beyond INTEGER",
    input: { categories: SYN_CATEGORIES.replace("sex,male,남성,Male,2", "sex,male,남성,Male,99999999999") },
    file: "data/categories.csv",
    row: 4,
    column: "sort",
    message: /larger than 2147483647/,
  },
  // Hidden characters.
  {
    name: "NUL in a note",
    input: total({ note_en: "a\u0000b" }),
    row: 2,
    column: "note_en",
    message: /control character, U\+0000, at character 2/,
  },
  {
    name: "BEL in a note",
    input: total({ note_ko: "경고\u0007" }),
    row: 2,
    column: "note_ko",
    message: /control character, U\+0007, at character 3/,
  },
  {
    name: "DEL",
    input: total({ note_en: "x\u007f" }),
    row: 2,
    column: "note_en",
    message: /control character, U\+007F/,
  },
  {
    name: "a C1 control (NEL)",
    input: total({ note_en: "x\u0085y" }),
    row: 2,
    column: "note_en",
    message: /control character, U\+0085/,
  },
  {
    name: "RLO in a category label",
    input: { categories: SYN_CATEGORIES.replace("Female", "Fe\u202eelam") },
    file: "data/categories.csv",
    row: 3,
    column: "label_en",
    message: /bidirectional .* U\+202E, at character 3/,
  },
  { name: "LRE", input: total({ note_en: "\u202ax" }), row: 2, column: "note_en", message: /bidirectional .* U\+202A/ },
  {
    name: "FSI (an isolate)",
    input: total({ note_en: "a\u2068b" }),
    row: 2,
    column: "note_en",
    message: /bidirectional .* U\+2068/,
  },
  { name: "PDI", input: total({ note_en: "a\u2069" }), row: 2, column: "note_en", message: /bidirectional .* U\+2069/ },
  {
    name: "a zero-width space in a source title",
    input: { sources: SYN_SOURCES.replace("Synthetic title A", "Synthetic\u200btitle A") },
    file: "data/sources.csv",
    row: 2,
    column: "title",
    message: /zero-width character, U\+200B, at character 10/,
  },
  {
    name: "ZWJ",
    input: total({ note_en: "a\u200db" }),
    row: 2,
    column: "note_en",
    message: /zero-width character, U\+200D/,
  },
  {
    name: "a BOM inside text",
    input: total({ note_en: "ab\ufeff" }),
    row: 2,
    column: "note_en",
    message: /zero-width character, U\+FEFF/,
  },
  // Formula-leading text.
  {
    name: "=HYPERLINK in note_en",
    input: total({ note_en: '=HYPERLINK("http://127.0.0.1:4499/leak","x")' }),
    row: 2,
    column: "note_en",
    message: /starts with "=", which spreadsheets run as a formula/,
  },
  {
    name: "+ in a note",
    input: total({ note_en: "+35.0% vs the previous window" }),
    row: 2,
    column: "note_en",
    message: /starts with "\+"/,
  },
  {
    name: "- followed by text",
    input: total({ note_ko: "-1+1" }),
    row: 2,
    column: "note_ko",
    message: /starts with "-"/,
  },
  {
    name: "@ in a source quote",
    input: { sources: SYN_SOURCES.replace("synthetic quote,A", "@SUM(1+1),A") },
    file: "data/sources.csv",
    row: 2,
    column: "quote",
    message: /starts with "@"/,
  },
  {
    name: "TAB then = (tab is allowed inside text, not first)",
    input: total({ note_en: "\t=1+1" }),
    row: 2,
    column: "note_en",
    message: /starts with "\\t"/,
  },
  { name: "CR then =", input: total({ note_en: "\r=1+1" }), row: 2, column: "note_en", message: /starts with "\\r"/ },
  {
    name: "a formula in a category label",
    input: { categories: SYN_CATEGORIES.replace("Male,2", "=1+1,2") },
    file: "data/categories.csv",
    row: 4,
    column: "label_en",
    message: /formula/,
  },
];

describe("validatePackage refuses, with file:row:column", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => expectRefused(c));
});

describe("validatePackage accepts (the stated rules)", () => {
  it.each([
    ["the largest exact count, 2^53 − 1", total({ value: "9007199254740991" })],
    ["a share with 15 significant digits", total({ share: "12.3456789012345" })],
    ["a signed change inside a note", total({ note_en: "Change as published: +35.0% vs 2023." })],
    ["a note that is a plain negative number", total({ note_en: "-5" })],
    ["TAB and a line break inside text", total({ note_en: "first line\nsecond\tpart" })],
    ["Korean, Hangul and symbols", total({ note_ko: "전년 대비 227.2% 증가(발표) ≈ ±" })],
  ])("%s", (_name, input) => {
    expect(validatePackage(pkg(input)).errors.map(formatError)).toEqual([]);
  });
});

describe("npm run data on a copy of the real package", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("a 23-digit count and an RLO label fail with located errors instead of a DuckDB cast crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dsc-hostile-"));
    dirs.push(dir);
    cpSync("data", join(dir, "data"), { recursive: true });
    const obsFile = join(dir, "data", "observations.csv");
    const lines = readFileSync(obsFile, "utf8").split("\n");
    const header = lines[0]!.split(",");
    const v = header.indexOf("value");
    const row = lines.findIndex((l, i) => i > 0 && l.split(",")[v] !== "" && !l.includes('"'));
    const cells = lines[row]!.split(",");
    cells[v] = "99999999999999999999999";
    lines[row] = cells.join(",");
    writeFileSync(obsFile, lines.join("\n"));
    const catFile = join(dir, "data", "categories.csv");
    writeFileSync(catFile, readFileSync(catFile, "utf8").replace(",Female,", ",Fe\u202eelam,"));

    const r = await buildData({ dataDir: join(dir, "data"), outDir: join(dir, "out") });
    expect(r.ok).toBe(false);
    const msgs = r.errors.map(formatError);
    expect(msgs).toContainEqual(
      expect.stringMatching(new RegExp(`^data/observations.csv:${row + 1}:value — .*larger than`)),
    );
    expect(msgs).toContainEqual(expect.stringMatching(/^data\/categories.csv:\d+:label_en — .*U\+202E/));
  });
});

describe("parseCsvStrict: mixed line endings (review F12)", () => {
  it("names the first row whose line end differs, instead of a wrong cell count", () => {
    const r = parseCsvStrict('a,b\r\n1,2\r\n3,4\n5,6\r\n"q\nq",7\r\n', "m.csv");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map(formatError)).toEqual([
        "m.csv:3 — mixed line endings: this row ends with LF but the file's first row ends with CRLF; save the file with one kind of line end",
      ]);
  });

  it("accepts LF inside a quoted cell of a CRLF file", () => {
    expect(parseCsvStrict('a,b\r\n"x\ny",1\r\n', "ok.csv").ok).toBe(true);
  });
});
