/** Test helpers: build small synthetic packages from strings. All data here is SYNTHETIC. */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { parseCsvStrict, toObjects } from "../../../scripts/lib/csv.ts";
import type { PackageInput, TableInput } from "../../../scripts/lib/validate.ts";
import { OBSERVATION_COLUMNS, formatError } from "../../../scripts/lib/types.ts";
import { validatePackage } from "../../../scripts/lib/validate.ts";
import { expect } from "vitest";

export function table(file: string, text: string): TableInput {
  const r = parseCsvStrict(text, file);
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r.errors)}`);
  return { file, header: r.csv.header, rows: toObjects(r.csv) };
}

export function csv(rows: Record<string, string>[], columns: readonly string[]): string {
  return `${Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? "")) }, { newline: "\n" })}\n`;
}

export const SYN_SOURCES = `source_id,publisher_ko,publisher_en,title,url,published,quote,grade,file_section
syn_a,합성,Synthetic publisher A,Synthetic title A,https://example.org/a,2024-01-01,synthetic quote,A,test
syn_b,합성,Synthetic publisher B,Synthetic title B,https://example.org/b,2024,synthetic quote,B,test
syn_d,합성,Synthetic publisher D,Synthetic title D,https://example.org/d,,synthetic quote,D,test
`;

export const SYN_SERIES_HEADER =
  "series_id,topic,country,body_ko,body_en,title_ko,title_en,measure,unit,unit_ko,unit_en,period_type,definition_ko,definition_en,caveats_ko,caveats_en,breaks_en,breaks_ko,includes_sextortion";
export const SYN_SERIES = `${SYN_SERIES_HEADER}
syn_victims,support,KR,기관,Body,합성 피해자,Synthetic victims,victims,victims,명,victims,calendar_year,,,,,,,true
syn_fy,international,AU,기관,Body,합성 보고,Synthetic reports,reports,reports,건,reports,financial_year,,,,,,,false
`;

export const SYN_CATEGORIES = `dimension,category,label_ko,label_en,sort
total,all,전체,Total,0
sex,female,여성,Female,1
sex,male,남성,Male,2
age,teens,10대,Teens,1
age,20s,20대,20s,2
`;

export const SYN_ALTERNATIVES = `series_id,period,category,value,share,source_id,grade,note_en,note_ko
syn_victims,2024,all,120,,syn_b,B,synthetic first announcement,
`;

export const SYN_EVENTS = `event_id,date,end_date,kind,title_ko,title_en,source_id,series_ids
syn_event,2024-08,,law,합성 법,Synthetic law,syn_a,syn_victims
`;

export function obs(over: Partial<Record<(typeof OBSERVATION_COLUMNS)[number], string>> = {}): Record<string, string> {
  return {
    series_id: "syn_victims",
    period: "2024",
    period_start: "2024-01-01",
    period_end: "2024-12-31",
    period_type: "calendar_year",
    partial: "false",
    dimension: "total",
    category: "all",
    subdimension: "",
    subcategory: "",
    value: "100",
    share: "",
    qualifier: "",
    derived: "false",
    break_before: "false",
    source_id: "syn_a",
    grade: "A",
    note_en: "",
    note_ko: "",
    ...over,
  };
}

export const BASE_OBS = [
  obs(),
  obs({ dimension: "sex", category: "female", value: "60", share: "60.0" }),
  obs({ dimension: "sex", category: "male", value: "40", share: "40.0" }),
];

export function pkg(
  o: {
    observations?: Record<string, string>[];
    observationsText?: string;
    series?: string;
    sources?: string;
    alternatives?: string;
    events?: string;
    categories?: string;
  } = {},
): PackageInput {
  return {
    sources: table("data/sources.csv", o.sources ?? SYN_SOURCES),
    series: table("data/series.csv", o.series ?? SYN_SERIES),
    observations: [
      table("data/observations.csv", o.observationsText ?? csv(o.observations ?? BASE_OBS, OBSERVATION_COLUMNS)),
    ],
    alternatives: table("data/alternatives.csv", o.alternatives ?? SYN_ALTERNATIVES),
    events: table("data/events.csv", o.events ?? SYN_EVENTS),
    categories: table("data/categories.csv", o.categories ?? SYN_CATEGORIES),
  };
}

/** A package the validator must refuse, and where (file, row, column) and why it must say so. */
export interface RefusalCase {
  name: string;
  input: Parameters<typeof pkg>[0];
  /** Default data/observations.csv. */
  file?: string;
  row: number;
  column: string;
  message: RegExp;
}

/** The validator refuses `c.input` with an error located at the case's file, row and column. */
export function expectRefused(c: RefusalCase): void {
  const r = validatePackage(pkg(c.input));
  const hit = r.errors.find((e) => e.column === c.column && c.message.test(e.message));
  expect(hit, JSON.stringify(r.errors.map(formatError))).toBeDefined();
  expect(hit!.file).toBe(c.file ?? "data/observations.csv");
  expect(hit!.row).toBe(c.row);
}

/** A shipped table of data/ as rows of text cells (what a data user's CSV reader sees). */
export function readDataCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(new URL(`../../../data/${file}`, import.meta.url), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
}
