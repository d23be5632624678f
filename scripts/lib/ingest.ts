/**
 * Ingest of the official DSC open-data files (data.go.kr, CP949, Korean headers), as published.
 * Pure: bytes in, tidy rows or located errors out. Every header is mapped by a declared spec;
 * an unknown or missing header is an error.
 */
import { decodeBytes } from "./decode.ts";
import { parseCsvStrict } from "./csv.ts";
import { OBSERVATION_COLUMNS, type DataError, type Row } from "./types.ts";
import type { TableInput } from "./validate.ts";

export interface ValueColumn {
  header: string;
  dimension: string;
  category: string;
}

export interface OfficialFileSpec {
  fileName: string;
  seriesId: string;
  sourceId: string;
  grade: string;
  /** Either a column holding labels like "2018년", or one fixed calendar year for the whole file. */
  period: { column: string } | { fixedYear: string };
  /** Optional column whose labels become subdimension/subcategory (e.g. age groups). */
  rowDimension?: { column: string; dimension: string; labels: Record<string, string> };
  valueColumns: ValueColumn[];
  note_en: string;
  note_ko: string;
  /**
   * Years the file labels as whole years but that cover less (the DSC opened on 30 Apr 2018, so its "2018년" row
   * covers 30 Apr–31 Dec 2018): stored as that partial period, with a note saying so.
   */
  partialYears?: Record<string, { start: string; end: string; note_en: string; note_ko: string }>;
}

/** The DSC opened on 30 April 2018: its first year is a partial period in every series it publishes. */
export const DSC_FIRST_YEAR = {
  "2018": {
    start: "2018-04-30",
    end: "2018-12-31",
    note_en: "The centre opened on 30 Apr 2018: 30 Apr–31 Dec 2018 only.",
    note_ko: "2018.4.30 개소: 2018년 4월 30일–12월 31일만.",
  },
};

export const SUPPORT_SPEC: OfficialFileSpec = {
  fileName: "한국여성인권진흥원_디지털성범죄피해자지원센터 지원현황_20241231.csv",
  seriesId: "dsc_support_cases",
  sourceId: "dsc_csv_support_2024",
  grade: "A",
  period: { column: "기간" },
  valueColumns: [
    { header: "지원건수(건)", dimension: "total", category: "all" },
    { header: "상담 지원(건)", dimension: "support_type", category: "counselling" },
    { header: "삭제 지원(건)", dimension: "support_type", category: "deletion" },
    { header: "수사_법률지원(건)", dimension: "support_type", category: "investigation_legal" },
    { header: "의료지원(건)", dimension: "support_type", category: "medical" },
  ],
  note_en: "Official data.go.kr file (CP949), ingested as published.",
  note_ko: "공공데이터포털 공식 파일(CP949), 발표된 그대로 수집.",
  partialYears: DSC_FIRST_YEAR,
};

export const HARM_BY_AGE_SPEC: OfficialFileSpec = {
  fileName: "한국여성인권진흥원_디지털성범죄피해자지원센터 연령대별 세부 피해 유형 현황_20231231.csv",
  seriesId: "dsc_harm_types_by_age_2023",
  sourceId: "dsc_csv_harm_age_2023",
  grade: "A",
  period: { fixedYear: "2023" },
  rowDimension: {
    column: "연령",
    dimension: "age",
    labels: {
      "10대": "teens",
      "20대": "20s",
      "30대": "30s",
      "40대": "40s",
      "50대 이상": "50plus",
      "연령 미상": "unknown",
    },
  },
  valueColumns: [
    { header: "피해건수", dimension: "total", category: "all" },
    { header: "불법촬영", dimension: "harm_type", category: "illegal_filming" },
    { header: "합성및편집", dimension: "harm_type", category: "synthesis_editing" },
    { header: "유포", dimension: "harm_type", category: "distribution" },
    { header: "유포협박", dimension: "harm_type", category: "threat" },
    { header: "유포불안", dimension: "harm_type", category: "fear_of_distribution" },
    { header: "사이버괴롭힘", dimension: "harm_type", category: "cyber_harassment" },
    { header: "기타", dimension: "harm_type", category: "other" },
  ],
  note_en: "Official data.go.kr file (CP949), ingested as published; reference date 31 Dec 2023.",
  note_ko: "공공데이터포털 공식 파일(CP949), 발표된 그대로 수집. 기준일 2023.12.31.",
};

export const OFFICIAL_SPECS: readonly OfficialFileSpec[] = [SUPPORT_SPEC, HARM_BY_AGE_SPEC];

export interface IngestResult {
  encoding: string;
  bom: boolean;
  table: TableInput;
  errors: DataError[];
}

/** Parse a published count: digits, optionally with thousands separators ("1,234"). */
export function parseCount(cell: string): number | null {
  const t = cell.trim();
  let n: number | null = null;
  if (/^\d+$/.test(t)) n = Number(t);
  else if (/^\d{1,3}(,\d{3})+$/.test(t)) n = Number(t.replace(/,/g, ""));
  // A count beyond 2^53 cannot be a published figure and would not round-trip (or becomes Infinity).
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

/** Turn a period cell like "2018년" or "2018" into a calendar-year label. */
export function parseYearLabel(cell: string): string | null {
  const m = /^(\d{4})\s*년?$/.exec(cell.trim());
  return m ? (m[1] ?? null) : null;
}

export function ingestOfficialCsv(bytes: Uint8Array, file: string, spec: OfficialFileSpec): IngestResult {
  const empty: TableInput = { file, header: [...OBSERVATION_COLUMNS], rows: [] };
  const decoded = decodeBytes(bytes, file);
  if ("error" in decoded) return { encoding: "", bom: false, table: empty, errors: [decoded.error] };
  const parsed = parseCsvStrict(decoded.text, file);
  if (!parsed.ok) return { encoding: decoded.encoding, bom: decoded.bom, table: empty, errors: parsed.errors };
  const { header, records } = parsed.csv;
  const errors: DataError[] = [];

  const declared = [
    ...("column" in spec.period ? [spec.period.column] : []),
    ...(spec.rowDimension ? [spec.rowDimension.column] : []),
    ...spec.valueColumns.map((c) => c.header),
  ];
  for (const h of header)
    if (!declared.includes(h))
      errors.push({
        file,
        row: 1,
        column: h,
        message: `unknown header "${h}" (not in the declared mapping for this file)`,
      });
  for (const h of declared)
    if (!header.includes(h)) errors.push({ file, row: 1, column: h, message: `expected header "${h}" is missing` });
  if (errors.length > 0) return { encoding: decoded.encoding, bom: decoded.bom, table: empty, errors };

  const idx = (h: string): number => header.indexOf(h);
  const rows: { row: number; data: Row }[] = [];
  for (const rec of records) {
    const cell = (h: string): string => (rec.cells[idx(h)] ?? "").trim();
    let year: string | null;
    if ("column" in spec.period) {
      year = parseYearLabel(cell(spec.period.column));
      if (year === null) {
        errors.push({
          file,
          row: rec.row,
          column: spec.period.column,
          message: `"${cell(spec.period.column)}" is not a year label like 2018년`,
        });
        continue;
      }
    } else year = spec.period.fixedYear;
    let sub = { subdimension: "", subcategory: "" };
    if (spec.rowDimension) {
      const label = cell(spec.rowDimension.column);
      const code = spec.rowDimension.labels[label];
      if (code === undefined) {
        errors.push({
          file,
          row: rec.row,
          column: spec.rowDimension.column,
          message: `"${label}" is not a known label (expected one of ${Object.keys(spec.rowDimension.labels).join(", ")})`,
        });
        continue;
      }
      sub = { subdimension: spec.rowDimension.dimension, subcategory: code };
    }
    for (const vc of spec.valueColumns) {
      const raw = cell(vc.header);
      const n = parseCount(raw);
      if (n === null) {
        errors.push({ file, row: rec.row, column: vc.header, message: `"${raw}" is not a number` });
        continue;
      }
      const part = spec.partialYears?.[year];
      rows.push({
        row: rec.row,
        data: {
          series_id: spec.seriesId,
          period: part ? `${part.start}/${part.end}` : year,
          period_start: part ? part.start : `${year}-01-01`,
          period_end: part ? part.end : `${year}-12-31`,
          period_type: part ? "partial_year" : "calendar_year",
          partial: part ? "true" : "false",
          dimension: vc.dimension,
          category: vc.category,
          subdimension: sub.subdimension,
          subcategory: sub.subcategory,
          value: String(n),
          share: "",
          qualifier: "",
          derived: "false",
          break_before: "false",
          source_id: spec.sourceId,
          grade: spec.grade,
          note_en: part ? `${spec.note_en} ${part.note_en}` : spec.note_en,
          note_ko: part ? `${spec.note_ko} ${part.note_ko}` : spec.note_ko,
        },
      });
    }
  }
  return {
    encoding: decoded.encoding,
    bom: decoded.bom,
    table: { file, header: [...OBSERVATION_COLUMNS], rows },
    errors,
  };
}
