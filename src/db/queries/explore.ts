/**
 * The explore page's schema documentation and example queries: every published table and column with its
 * type (from ../tables, the single declaration both engines load), unit and description in both languages.
 */
import { TABLES, type Row } from "../tables";

type L = { ko: string; en: string };
interface ColumnDoc extends L {
  /** Unit of the values, when the column holds a quantity. */
  unit?: L;
}

/** Descriptions per table and column. Typed so a published column without a description is a type error. */
type Docs = { [table: string]: { about: L; columns: Record<string, ColumnDoc> } };

const COUNT: L = {
  ko: "건·명 (계열마다 다름: series.unit 참조)",
  en: "cases or persons (per series: see series.unit)",
};
const PCT: L = { ko: "% (발표된 그대로)", en: "% (as published)" };
const note: Record<string, ColumnDoc> = {
  note_en: { ko: "영어 주석", en: "Note in English" },
  note_ko: { ko: "한국어 주석", en: "Note in Korean" },
};

export const SCHEMA_DOCS: Docs = {
  observations: {
    about: {
      ko: "발표된 모든 수치(한 행 = 한 계열·기간·범주)",
      en: "Every published figure (one row = series × period × category)",
    },
    columns: {
      series_id: { ko: "계열 ID (series 테이블과 연결)", en: "Series id (joins series)" },
      period: {
        ko: "발표된 기간 표기 (예: 2024, 2019-01/2019-11)",
        en: "Period as published (e.g. 2024, 2019-01/2019-11)",
      },
      period_start: { ko: "기간 시작일", en: "First day of the period" },
      period_end: { ko: "기간 종료일", en: "Last day of the period" },
      period_type: {
        ko: "기간 종류: calendar_year, partial_year, financial_year, half_year, window, cumulative",
        en: "Period kind: calendar_year, partial_year, financial_year, half_year, window, cumulative",
      },
      partial: { ko: "기간이 불완전한지(부분 연도)", en: "Whether the period is incomplete (part of a year)" },
      dimension: { ko: "분류 차원 (total, sex, age …)", en: "Breakdown dimension (total, sex, age …)" },
      category: { ko: "범주 (categories 테이블에 한/영 이름)", en: "Category (labels in categories)" },
      subdimension: { ko: "두 번째 분류 차원 (교차표)", en: "Second breakdown dimension (cross-tabs)" },
      subcategory: { ko: "두 번째 범주", en: "Second category" },
      value: { ko: "수치 (NULL = 자료 없음)", en: "Count (NULL = no data)", unit: COUNT },
      share: { ko: "발표된 비율 (직접 계산한 값 아님)", en: "Share as published (not computed here)", unit: PCT },
      qualifier: { ko: "수치 수식어: > (초과), ≈ (약), < (미만)", en: "Qualifier of the value: >, ≈ (about), <" },
      derived: {
        ko: "다른 발표 수치에서 계산한 값인지",
        en: "Whether the value was derived from other published figures",
      },
      break_before: { ko: "이 기간 앞에서 집계 기준이 바뀜", en: "The counting basis changes before this period" },
      source_id: { ko: "출처 ID (sources 테이블과 연결)", en: "Source id (joins sources)" },
      grade: { ko: "출처 등급 A–D (A = 공식 원자료)", en: "Source grade A–D (A = official primary)" },
      ...note,
    },
  },
  series: {
    about: {
      ko: "계열: 기관, 측정 대상, 단위, 정의, 유의사항",
      en: "Series: body, measure, unit, definition, caveats",
    },
    columns: {
      series_id: { ko: "계열 ID", en: "Series id" },
      topic: {
        ko: "주제 (support, deepfake, police, regulator, international)",
        en: "Topic (support, deepfake, police, regulator, international)",
      },
      country: { ko: "국가 (KR, AU, UK, US, JP, global)", en: "Country (KR, AU, UK, US, JP, global)" },
      body_ko: { ko: "발표 기관 (한국어)", en: "Publishing body (Korean)" },
      body_en: { ko: "발표 기관 (영어)", en: "Publishing body (English)" },
      title_ko: { ko: "계열 이름 (한국어)", en: "Series title (Korean)" },
      title_en: { ko: "계열 이름 (영어)", en: "Series title (English)" },
      measure: { ko: "측정 대상", en: "What is counted" },
      unit: { ko: "단위 (영어 키)", en: "Unit (key)" },
      unit_ko: { ko: "단위 (한국어)", en: "Unit (Korean)" },
      unit_en: { ko: "단위 (영어)", en: "Unit (English)" },
      period_type: { ko: "주된 기간 종류", en: "Main period kind" },
      definition_ko: { ko: "정의 (한국어)", en: "Definition (Korean)" },
      definition_en: { ko: "정의 (영어)", en: "Definition (English)" },
      caveats_ko: { ko: "유의사항 (한국어)", en: "Caveats (Korean)" },
      caveats_en: { ko: "유의사항 (영어)", en: "Caveats (English)" },
      breaks_en: { ko: "집계 기준 변경 (영어)", en: "Breaks in the series (English)" },
      breaks_ko: { ko: "집계 기준 변경 (한국어)", en: "Breaks in the series (Korean)" },
      includes_sextortion: { ko: "성착취 협박(몸캠 피싱) 포함 여부", en: "Whether sextortion is included" },
    },
  },
  sources: {
    about: { ko: "출처: 발행처, 제목, 주소, 인용문, 등급", en: "Sources: publisher, title, URL, quote, grade" },
    columns: {
      source_id: { ko: "출처 ID", en: "Source id" },
      publisher_ko: { ko: "발행처 (한국어)", en: "Publisher (Korean)" },
      publisher_en: { ko: "발행처 (영어)", en: "Publisher (English)" },
      title: { ko: "자료 제목", en: "Title of the document" },
      url: { ko: "원문 주소", en: "URL of the original" },
      published: { ko: "발행일", en: "Publication date" },
      quote: { ko: "수치가 나온 원문 인용", en: "Quote the figures come from" },
      grade: { ko: "등급 A–D", en: "Grade A–D" },
      file_section: {
        ko: "관리용: 수치를 기록해 둔 위치(이 패키지에 없음)",
        en: "For maintainers: where the figure was first recorded (not in this package)",
      },
    },
  },
  events: {
    about: { ko: "주석용 사건(법 개정, 기관 개소 등)", en: "Annotation events (laws, openings, protests …)" },
    columns: {
      event_id: { ko: "사건 ID", en: "Event id" },
      date: { ko: "날짜 (YYYY, YYYY-MM 또는 YYYY-MM-DD)", en: "Date (YYYY, YYYY-MM or YYYY-MM-DD)" },
      end_date: { ko: "종료일 (기간인 경우)", en: "End date (for spans)" },
      kind: { ko: "종류 (law, institution, protest …)", en: "Kind (law, institution, protest …)" },
      title_ko: { ko: "제목 (한국어)", en: "Title (Korean)" },
      title_en: { ko: "제목 (영어)", en: "Title (English)" },
      source_id: { ko: "출처 ID", en: "Source id" },
      series_ids: { ko: "관련 계열 ID (공백으로 구분)", en: "Related series ids (space-separated)" },
    },
  },
  alternatives: {
    about: {
      ko: "같은 수치의 다른 발표값(정정·다른 보도)",
      en: "Other published values for the same figure (revisions, other reports)",
    },
    columns: {
      series_id: { ko: "계열 ID", en: "Series id" },
      period: { ko: "기간", en: "Period" },
      category: { ko: "범주", en: "Category" },
      value: { ko: "다른 발표 수치", en: "Alternative value", unit: COUNT },
      share: { ko: "다른 발표 비율", en: "Alternative share", unit: PCT },
      source_id: { ko: "출처 ID", en: "Source id" },
      grade: { ko: "출처 등급", en: "Source grade" },
      ...note,
    },
  },
  categories: {
    about: { ko: "범주 이름(한/영)과 정렬 순서", en: "Category labels (ko/en) and sort order" },
    columns: {
      dimension: { ko: "분류 차원", en: "Dimension" },
      category: { ko: "범주 ID", en: "Category id" },
      label_ko: { ko: "이름 (한국어)", en: "Label (Korean)" },
      label_en: { ko: "이름 (영어)", en: "Label (English)" },
      sort: { ko: "정렬 순서", en: "Sort order" },
    },
  },
};

export interface SchemaColumn {
  name: string;
  type: string;
  doc: ColumnDoc;
}

/** Published tables with their declared types and docs, in load order. */
export function publishedSchema(): { name: string; about: L; columns: SchemaColumn[] }[] {
  return TABLES.map((t) => {
    const docs = SCHEMA_DOCS[t.name];
    if (!docs) throw new Error(`no docs for table ${t.name}`);
    return {
      name: t.name,
      about: docs.about,
      columns: Object.entries(t.columns).map(([name, type]) => {
        const doc = docs.columns[name];
        if (!doc) throw new Error(`no docs for ${t.name}.${name}`);
        return { name, type, doc };
      }),
    };
  });
}

/**
 * Example queries answering real questions, written once per language so each page's examples return its
 * own labels (bodies, titles, units and column names). Shares are the published ones, never computed here.
 */
export const EXAMPLES: readonly { id: string; title: L; sql: L }[] = [
  {
    id: "deepfake-per-year",
    title: { ko: "기관별 연도별 딥페이크 건수", en: "Deepfake cases per year across all bodies" },
    sql: {
      ko: `-- 모든 기관의 연도별 딥페이크 수치(총계만). 단위가 계열마다 다릅니다.
SELECT s.body_ko AS "기관", s.title_ko AS "계열", o.period AS "기간", o.value AS "값", s.unit_ko AS "단위"
FROM observations o JOIN series s USING (series_id)
WHERE (s.topic = 'deepfake' OR o.series_id LIKE '%deepfake%')
  AND o.dimension = 'total' AND o.period_type = 'calendar_year' AND o.value IS NOT NULL
ORDER BY s.body_ko, o.period`,
      en: `-- Yearly deepfake figures from every body (totals only). Units differ by series.
SELECT s.body_en AS body, s.title_en AS series, o.period, o.value, s.unit_en AS unit
FROM observations o JOIN series s USING (series_id)
WHERE (s.topic = 'deepfake' OR o.series_id LIKE '%deepfake%')
  AND o.dimension = 'total' AND o.period_type = 'calendar_year' AND o.value IS NOT NULL
ORDER BY s.body_en, o.period`,
    },
  },
  {
    id: "men-share",
    title: { ko: "지원 피해자 중 남성 비율(발표값)", en: "Share of men among supported victims (as published)" },
    sql: {
      ko: `-- 발표된 비율만 보여 줍니다. 발표되지 않은 해는 NULL
SELECT o.period AS "기간", o.value AS "남성", o.share AS "발표된_비율_pct", o.source_id AS "출처"
FROM observations o
WHERE o.series_id = 'dsc_victims_by_sex' AND o.category = 'male'
ORDER BY o.period_start`,
      en: `-- Published shares only; NULL where none was published
SELECT o.period, o.value AS men, o.share AS published_share_pct, o.source_id
FROM observations o
WHERE o.series_id = 'dsc_victims_by_sex' AND o.category = 'male'
ORDER BY o.period_start`,
    },
  },
  {
    id: "victims-per-year",
    title: { ko: "디성센터 지원 피해자 수(연도별)", en: "Victims supported by the DSC per year" },
    sql: {
      ko: `SELECT CAST(year(period_end) AS INTEGER) AS "연도", value AS "피해자"
FROM observations
WHERE series_id = 'dsc_victims' AND dimension = 'total' AND period_type = 'calendar_year'
ORDER BY 1`,
      en: `SELECT CAST(year(period_end) AS INTEGER) AS year, value AS victims
FROM observations
WHERE series_id = 'dsc_victims' AND dimension = 'total' AND period_type = 'calendar_year'
ORDER BY year`,
    },
  },
  {
    id: "grades",
    title: { ko: "출처 등급별 수치 개수", en: "How many figures per source grade" },
    sql: {
      ko: `SELECT grade AS "등급", CAST(count(*) AS INTEGER) AS "수치_개수"
FROM observations
GROUP BY grade
ORDER BY grade`,
      en: `SELECT grade, CAST(count(*) AS INTEGER) AS figures
FROM observations
GROUP BY grade
ORDER BY grade`,
    },
  },
];

// ---- The console's own SQL: protecting the published tables and loading a reader's CSV ----

/** SQL identifier, always quoted (any Unicode name, e.g. "피해자", is kept as written). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQL string literal. */
export function quoteString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The published table names (the console keeps them unchanged; user tables may not take them). */
export const PUBLISHED_TABLES: readonly string[] = TABLES.map((t) => t.name);

/**
 * One row per published table: row count and an order-independent fingerprint of every row. Compared with
 * the values taken at start after each console statement, so any change (UPDATE, DELETE, INSERT, ALTER …)
 * is noticed however the SQL was written.
 */
export function fingerprintSql(): string {
  return TABLES.map(
    (t) =>
      `SELECT ${quoteString(t.name)} AS name, CAST(count(*) AS BIGINT) AS n, CAST(bit_xor(hash(x)) AS VARCHAR) AS h, CAST(sum(hash(x)::HUGEINT) AS VARCHAR) AS s FROM memory.main.${quoteIdent(t.name)} x`,
  ).join(" UNION ALL ");
}

/**
 * Every table or view whose name is a published table's name, wherever it is (other schemas, the temp
 * catalog, attached databases). Only the base table in memory.main is ours: anything else could shadow it.
 * Tables are found through duckdb_columns(), not duckdb_tables(): the latter writes out each table's CREATE
 * statement, which after a few hundred wide uploads took the WASM engine close to a minute per statement.
 */
export function publishedNamesSql(): string {
  const names = TABLES.map((t) => quoteString(t.name)).join(", ");
  return `SELECT db, sch, name, kind FROM (
  SELECT DISTINCT c.database_name AS db, c.schema_name AS sch, c.table_name AS name, 'TABLE' AS kind
  FROM duckdb_columns() c
  WHERE lower(c.table_name) IN (${names}) AND NOT EXISTS (
    SELECT 1 FROM duckdb_views() v
    WHERE v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name)
  UNION ALL SELECT database_name, schema_name, view_name, 'VIEW' FROM duckdb_views()
  WHERE NOT internal AND lower(view_name) IN (${names}))`;
}

/**
 * The whole check in one round trip: kind 'obj' rows from publishedNamesSql, 'fp' rows from fingerprintSql and
 * one 'cur' row with the current database and schema (a USE must not leave the console pointed elsewhere).
 * Fails (binder error) when a published table is gone; the caller then checks step by step.
 */
export function guardSql(): string {
  return `SELECT 'obj' AS k, db, sch, name, kind, NULL::BIGINT AS n, NULL AS h, NULL AS s FROM (${publishedNamesSql()})
UNION ALL SELECT 'fp', NULL, NULL, name, NULL, n, h, s FROM (${fingerprintSql()})
UNION ALL SELECT 'cur', current_database(), current_schema(), NULL, NULL, NULL, NULL, NULL`;
}

/** Columns listed per table in the schema panel: a very wide table would otherwise list megabytes of text. */
export const USER_TABLE_COLUMNS = 20;

/**
 * Tables and views in the console's own schema (the reader's and the published ones; the caller leaves the
 * latter out): at most USER_TABLE_COLUMNS rows per table, each carrying the table's column count `n`, so a
 * reader with many wide tables does not pull every column into the page. Plain SQL: the json extension is
 * not in the page's engine. Grouped per table by userTablesFrom.
 */
export function userTablesSql(): string {
  return `SELECT table_name, column_name, data_type, CAST(count(*) OVER w AS INTEGER) AS n
FROM duckdb_columns()
WHERE database_name = 'memory' AND schema_name = 'main'
WINDOW w AS (PARTITION BY table_name)
QUALIFY row_number() OVER (PARTITION BY table_name ORDER BY column_index) <= ${USER_TABLE_COLUMNS}
ORDER BY table_name, column_index`;
}

/** A table as the schema panel lists it: its name, its number of columns and its first columns. */
export interface ListedTable {
  name: string;
  columnCount: number;
  columns: { name: string; type: string }[];
}

/** Rows of userTablesSql, one entry per table, in their order. */
export function userTablesFrom(rows: readonly Record<string, unknown>[]): ListedTable[] {
  const byName = new Map<string, ListedTable>();
  for (const r of rows) {
    const name = String(r.table_name);
    let t = byName.get(name);
    if (!t) byName.set(name, (t = { name, columnCount: Number(r.n), columns: [] }));
    t.columns.push({ name: String(r.column_name), type: String(r.data_type) });
  }
  return [...byName.values()];
}

/** Drop one object found by publishedNamesSql (a shadow, or a damaged copy about to be restored). */
export function dropObjectSql(o: { db: string; sch: string; name: string; kind: string }): string {
  return `DROP ${o.kind === "VIEW" ? "VIEW" : "TABLE"} IF EXISTS ${quoteIdent(o.db)}.${quoteIdent(o.sch)}.${quoteIdent(o.name)}`;
}

/** Column types a reader can choose for an uploaded column. */
export const LOAD_TYPES = ["VARCHAR", "BIGINT", "DOUBLE", "DATE", "BOOLEAN"] as const;
export type LoadType = (typeof LOAD_TYPES)[number];

/** How one uploaded column is loaded: its name, the type chosen, and whether Korean-style numbers are cleaned. */
export interface LoadColumn {
  name: string;
  type: LoadType;
  /**
   * Clean spreadsheet-style numbers before the cast: full-width digits → ASCII, thousands separators and a
   * trailing % removed, "-" or empty → NULL.
   */
  clean: boolean;
}

/** The reader's file as DuckDB's own CSV reader sees it: dialect sniffed, names ours, types ours. */
function readCsv(file: string, delimiter: string, cols: readonly LoadColumn[], allText: boolean): string {
  const names = cols.map((c) => quoteString(c.name)).join(", ");
  const types = cols
    .map((c) => `${quoteString(c.name)}: ${quoteString(allText || c.clean ? "VARCHAR" : c.type)}`)
    .join(", ");
  return `read_csv(${quoteString(file)}, header = true, auto_detect = true, delim = ${quoteString(delimiter)}, names = [${names}], types = {${types}})`;
}

/** The cleaning expression for a column read as text (see LoadColumn.clean). */
function cleaned(col: string): string {
  return `nullif(nullif(replace(replace(translate(trim(${col}), '０１２３４５６７８９，．－＋％', '0123456789,.-+%'), ',', ''), '%', ''), ''), '-')`;
}

function valueExpr(c: LoadColumn): string {
  const id = quoteIdent(c.name);
  return c.clean && c.type !== "VARCHAR" ? `CAST(${cleaned(id)} AS ${c.type})` : id;
}

/** CREATE the reader's table from a registered UTF-8 file (in the writable in-memory catalog). */
export function loadCsvSql(table: string, file: string, delimiter: string, cols: readonly LoadColumn[]): string {
  const select = cols.map((c) => `${valueExpr(c)} AS ${quoteIdent(c.name)}`).join(", ");
  return `CREATE OR REPLACE TABLE memory.main.${quoteIdent(table)} AS SELECT ${select} FROM ${readCsv(file, delimiter, cols, false)}`;
}

/** Rows loaded, from the result of loadCsvSql: DuckDB's CREATE … AS answers with one row, `Count`. */
export function createdRows(result: readonly Row[]): number {
  const n = result[0]?.Count;
  if (result.length !== 1 || typeof n !== "number" || !Number.isInteger(n) || n < 0)
    throw new Error("the load did not report its row count");
  return n;
}

/**
 * A small file of every type a reader can load (and the cleaned spreadsheet numbers), read through the same
 * SQL as a real load into a temporary table: see ConsoleSession.warmCsvReader.
 */
export const WARM_UP_COLUMNS: readonly LoadColumn[] = [
  { name: "n", type: "BIGINT", clean: false },
  { name: "x", type: "DOUBLE", clean: false },
  { name: "d", type: "DATE", clean: false },
  { name: "b", type: "BOOLEAN", clean: false },
  { name: "t", type: "VARCHAR", clean: false },
  { name: "g", type: "BIGINT", clean: true },
  { name: "p", type: "DOUBLE", clean: true },
];

/** Rows built one by one; a larger warm-up file repeats them (a cheap string copy on the main thread). */
const WARM_UP_BLOCK = 1000;

export function warmUpCsv(rows: number): string {
  const lines = Array.from(
    { length: Math.min(rows, WARM_UP_BLOCK) },
    (_, i) =>
      `${i},${i / 8},2024-01-${String((i % 28) + 1).padStart(2, "0")},${i % 2 === 0},g${i % 7},"${1 + (i % 999)},${String(i % 1000).padStart(3, "0")}",${i % 100}.5%\n`,
  );
  const header = `${WARM_UP_COLUMNS.map((c) => c.name).join(",")}\n`;
  return (
    header + lines.join("").repeat(Math.floor(rows / WARM_UP_BLOCK)) + lines.slice(0, rows % WARM_UP_BLOCK).join("")
  );
}

export function warmUpSql(file: string): string {
  const select = WARM_UP_COLUMNS.map((c) => `${valueExpr(c)} AS ${quoteIdent(c.name)}`).join(", ");
  return `CREATE OR REPLACE TEMP TABLE warm_up AS SELECT ${select} FROM ${readCsv(file, ",", WARM_UP_COLUMNS, false)}`;
}

/**
 * After a failed load: the first cell (1-based data row, column, text) that does not fit its chosen type, read
 * with every column as text. Row 1 of the file is the header, so the file row is `row + 1`.
 */
export function firstBadCellSql(file: string, delimiter: string, cols: readonly LoadColumn[]): string | null {
  const typed = cols.filter((c) => c.type !== "VARCHAR");
  if (!typed.length) return null;
  const checks = typed
    .map((c) => {
      const id = quoteIdent(c.name);
      const v = c.clean ? cleaned(id) : id;
      return `SELECT rn, ${quoteString(c.name)} AS col, ${id} AS val FROM t WHERE ${v} IS NOT NULL AND TRY_CAST(${v} AS ${c.type}) IS NULL`;
    })
    .join(" UNION ALL ");
  return `WITH t AS (SELECT row_number() OVER () AS rn, * FROM ${readCsv(file, delimiter, cols, true)}) SELECT CAST(rn AS BIGINT) AS rn, col, val FROM (${checks}) ORDER BY rn LIMIT 1`;
}
