/** Shared types and column contracts for the dsc-stats data package. Pure: no Node APIs. */

export interface DataError {
  file: string;
  /** 1-based record number in the file; the header is row 1. 0 = the file as a whole. */
  row: number;
  /** Column name, or "" when the problem concerns the whole row or file. */
  column: string;
  message: string;
}

export type Row = Record<string, string>;

export function formatError(e: DataError): string {
  const where = [e.file, e.row > 0 ? String(e.row) : "", e.column].filter((s) => s !== "").join(":");
  return `${where} — ${e.message}`;
}

export const OBSERVATION_COLUMNS = [
  "series_id",
  "period",
  "period_start",
  "period_end",
  "period_type",
  "partial",
  "dimension",
  "category",
  "subdimension",
  "subcategory",
  "value",
  "share",
  "qualifier",
  "derived",
  "break_before",
  "source_id",
  "grade",
  "note_en",
  "note_ko",
] as const;

export const SERIES_COLUMNS = [
  "series_id",
  "topic",
  "country",
  "body_ko",
  "body_en",
  "title_ko",
  "title_en",
  "measure",
  "unit",
  "unit_ko",
  "unit_en",
  "period_type",
  "definition_ko",
  "definition_en",
  "caveats_ko",
  "caveats_en",
  "breaks_en",
  "breaks_ko",
  "includes_sextortion",
] as const;

export const SOURCE_COLUMNS = [
  "source_id",
  "publisher_ko",
  "publisher_en",
  "title",
  "url",
  "published",
  "quote",
  "grade",
  "file_section",
] as const;

export const EVENT_COLUMNS = [
  "event_id",
  "date",
  "end_date",
  "kind",
  "title_ko",
  "title_en",
  "source_id",
  "series_ids",
] as const;

export const ALTERNATIVE_COLUMNS = [
  "series_id",
  "period",
  "category",
  "value",
  "share",
  "source_id",
  "grade",
  "note_en",
  "note_ko",
] as const;

export const CATEGORY_COLUMNS = ["dimension", "category", "label_ko", "label_en", "sort"] as const;

export type TableName = "sources" | "series" | "observations" | "alternatives" | "events" | "categories";

export const TABLE_COLUMNS: Record<TableName, readonly string[]> = {
  sources: SOURCE_COLUMNS,
  series: SERIES_COLUMNS,
  observations: OBSERVATION_COLUMNS,
  alternatives: ALTERNATIVE_COLUMNS,
  events: EVENT_COLUMNS,
  categories: CATEGORY_COLUMNS,
};

/** Columns that must be non-empty on every row. */
export const REQUIRED_VALUES: Record<TableName, readonly string[]> = {
  sources: ["source_id", "publisher_en", "title", "url", "quote", "grade"],
  series: [
    "series_id",
    "topic",
    "country",
    "title_ko",
    "title_en",
    "measure",
    "unit",
    "unit_ko",
    "unit_en",
    "period_type",
    "includes_sextortion",
  ],
  observations: [
    "series_id",
    "period",
    "period_start",
    "period_end",
    "period_type",
    "partial",
    "dimension",
    "category",
    "derived",
    "break_before",
    "source_id",
    "grade",
  ],
  alternatives: ["series_id", "period", "category", "source_id", "grade"],
  events: ["event_id", "date", "kind", "title_ko", "title_en", "source_id"],
  categories: ["dimension", "category", "label_ko", "label_en", "sort"],
};

export const GRADES = ["A", "B", "C", "D", "H", "M", "L"] as const;
export const SECONDARY_GRADES = ["D", "L"] as const;
export const PERIOD_TYPES = [
  "calendar_year",
  "financial_year",
  "partial_year",
  "window",
  "cumulative",
  "half_year",
] as const;
export const QUALIFIERS = ["", ">", "≈", "<", "≥"] as const;
export const TOPICS = ["support", "deepfake", "filming", "international", "regulator", "police"] as const;
export const EVENT_KINDS = ["law", "crackdown", "institution", "protest", "case"] as const;
export const BOOLEANS = ["true", "false"] as const;
export const SEXTORTION_VALUES = ["true", "false", "unknown"] as const;

/** Note flags that document an allowed exception to the parts-vs-total check. */
export const FLAG_PARTS_NOT_EXHAUSTIVE = "[parts-not-exhaustive]";
export const FLAG_OVERLAPPING = "[overlapping-categories]";

export interface Observation {
  series_id: string;
  period: string;
  period_start: string;
  period_end: string;
  period_type: string;
  partial: boolean;
  dimension: string;
  category: string;
  subdimension: string;
  subcategory: string;
  value: number | null;
  share: number | null;
  qualifier: string;
  derived: boolean;
  break_before: boolean;
  source_id: string;
  grade: string;
  note_en: string;
  note_ko: string;
}
