/**
 * The published tables both engines load (DuckDB in Node at build time, DuckDB-WASM in the browser).
 * Columns and types are declared, never sniffed, so the two engines read the files identically.
 */
export interface TableDef {
  name: string;
  file: string;
  columns: Record<string, string>;
}

export const TABLES: readonly TableDef[] = [
  {
    name: "observations",
    file: "observations.csv",
    columns: {
      series_id: "VARCHAR",
      period: "VARCHAR",
      period_start: "DATE",
      period_end: "DATE",
      period_type: "VARCHAR",
      partial: "BOOLEAN",
      dimension: "VARCHAR",
      category: "VARCHAR",
      subdimension: "VARCHAR",
      subcategory: "VARCHAR",
      value: "DOUBLE",
      share: "DOUBLE",
      qualifier: "VARCHAR",
      derived: "BOOLEAN",
      break_before: "BOOLEAN",
      source_id: "VARCHAR",
      grade: "VARCHAR",
      note_en: "VARCHAR",
      note_ko: "VARCHAR",
    },
  },
  {
    name: "series",
    file: "series.csv",
    columns: {
      series_id: "VARCHAR",
      topic: "VARCHAR",
      country: "VARCHAR",
      body_ko: "VARCHAR",
      body_en: "VARCHAR",
      title_ko: "VARCHAR",
      title_en: "VARCHAR",
      measure: "VARCHAR",
      unit: "VARCHAR",
      unit_ko: "VARCHAR",
      unit_en: "VARCHAR",
      period_type: "VARCHAR",
      definition_ko: "VARCHAR",
      definition_en: "VARCHAR",
      caveats_ko: "VARCHAR",
      caveats_en: "VARCHAR",
      breaks_en: "VARCHAR",
      breaks_ko: "VARCHAR",
      includes_sextortion: "VARCHAR",
    },
  },
  {
    name: "sources",
    file: "sources.csv",
    columns: {
      source_id: "VARCHAR",
      publisher_ko: "VARCHAR",
      publisher_en: "VARCHAR",
      title: "VARCHAR",
      url: "VARCHAR",
      published: "VARCHAR",
      quote: "VARCHAR",
      grade: "VARCHAR",
      file_section: "VARCHAR",
    },
  },
  {
    name: "events",
    file: "events.csv",
    columns: {
      event_id: "VARCHAR",
      // ISO date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.
      date: "VARCHAR",
      end_date: "VARCHAR",
      kind: "VARCHAR",
      title_ko: "VARCHAR",
      title_en: "VARCHAR",
      source_id: "VARCHAR",
      series_ids: "VARCHAR",
    },
  },
  {
    name: "alternatives",
    file: "alternatives.csv",
    columns: {
      series_id: "VARCHAR",
      period: "VARCHAR",
      category: "VARCHAR",
      value: "DOUBLE",
      share: "DOUBLE",
      source_id: "VARCHAR",
      grade: "VARCHAR",
      note_en: "VARCHAR",
      note_ko: "VARCHAR",
    },
  },
  {
    name: "categories",
    file: "categories.csv",
    columns: { dimension: "VARCHAR", category: "VARCHAR", label_ko: "VARCHAR", label_en: "VARCHAR", sort: "INTEGER" },
  },
];

/** CREATE TABLE from a CSV at `path` (a constant file name or build path, never user input). */
export function createTableSql(t: TableDef, path: string): string {
  const cols = Object.entries(t.columns)
    .map(([k, v]) => `'${k}': '${v}'`)
    .join(", ");
  return `CREATE OR REPLACE TABLE ${t.name} AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${cols}})`;
}

/** Settings both engines run first: no network-loaded extensions, ever. */
export const SAFE_SETTINGS = ["SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false"];

/** One result value as plain JS, the same from both engines: BigInt → number; other exotic types → string. */
export function plain(v: unknown): string | number | boolean | null {
  if (v == null) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Arrow DECIMAL cells are the unscaled integer (-0.25 as DECIMAL(3,2) arrives as -25): put the point back.
 * A number when it fits a double exactly (15 significant digits), otherwise the exact text.
 */
export function decimalValue(unscaled: string, scale: number): string | number {
  const neg = unscaled.startsWith("-");
  const digits = (neg ? unscaled.slice(1) : unscaled).padStart(scale + 1, "0");
  const text = `${neg ? "-" : ""}${scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
  return digits.replace(/^0+/, "").length <= 15 ? Number(text) : text;
}

/** A query result row with plain JS values (numbers, strings, booleans, null). */
export type Row = Record<string, string | number | boolean | null>;

/** The one interface queries see; implemented by ./node.ts (build) and ./client.ts (browser). */
export interface Db {
  query(sql: string, params?: readonly (string | number | boolean | null)[]): Promise<Row[]>;
}
