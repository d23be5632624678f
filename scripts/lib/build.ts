/** Pure helpers for the build: SQL, descriptor checks, manifest and summary text. No I/O. */
import { TABLE_COLUMNS, type DataError, type Observation, type TableName } from "./types.ts";

export const OUTPUT_TABLES: readonly TableName[] = [
  "observations",
  "series",
  "sources",
  "alternatives",
  "events",
  "categories",
];

/** DuckDB type of each column; anything not listed is VARCHAR. */
export const COLUMN_TYPES: Partial<Record<TableName, Record<string, string>>> = {
  observations: {
    period_start: "DATE",
    period_end: "DATE",
    partial: "BOOLEAN",
    value: "BIGINT",
    share: "DOUBLE",
    derived: "BOOLEAN",
    break_before: "BOOLEAN",
  },
  alternatives: { value: "BIGINT", share: "DOUBLE" },
  categories: { sort: "INTEGER" },
};

export function columnType(table: TableName, column: string): string {
  return COLUMN_TYPES[table]?.[column] ?? "VARCHAR";
}

const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;

/** Staging table (all VARCHAR) that the appender fills. */
export function stagingDdl(table: TableName): string {
  return `CREATE TABLE ${q(`stg_${table}`)} (${TABLE_COLUMNS[table].map((c) => `${q(c)} VARCHAR`).join(", ")})`;
}

/** Typed table built from the staging table with explicit casts; empty strings become NULL. */
export function typedDdl(table: TableName): string {
  const cols = TABLE_COLUMNS[table].map((c) => `CAST(NULLIF(${q(c)}, '') AS ${columnType(table, c)}) AS ${q(c)}`);
  return `CREATE TABLE ${q(table)} AS SELECT ${cols.join(", ")} FROM ${q(`stg_${table}`)}`;
}

/** Deterministic export query per table. */
export function exportQuery(table: TableName): string {
  const cols = TABLE_COLUMNS[table].map((c) => `t.${q(c)}`).join(", ");
  switch (table) {
    case "observations":
      return `SELECT ${cols} FROM observations t
        LEFT JOIN categories c1 ON c1.dimension = t.dimension AND c1.category = t.category
        LEFT JOIN categories c2 ON c2.dimension = t.subdimension AND c2.category = t.subcategory
        ORDER BY t.series_id, t.period_start, t.period_end, t.period, t.subdimension NULLS FIRST, c2.sort NULLS FIRST,
          t.subcategory NULLS FIRST, (t.dimension <> 'total'), t.dimension, c1.sort, t.category`;
    case "series":
      return `SELECT ${cols} FROM series t ORDER BY t.series_id`;
    case "sources":
      return `SELECT ${cols} FROM sources t ORDER BY t.source_id`;
    case "alternatives":
      return `SELECT ${cols} FROM alternatives t ORDER BY t.series_id, t.period, t.category, t.source_id`;
    case "events":
      return `SELECT ${cols} FROM events t ORDER BY t.date, t.event_id`;
    case "categories":
      return `SELECT ${cols} FROM categories t ORDER BY t.dimension, t.sort, t.category`;
  }
}

/**
 * The export query with every column as text, exactly as DuckDB formats it (dates ISO, booleans true/false,
 * doubles shortest round-trip); the rows are written by the project's one CSV writer (src/lib/csv.ts).
 */
export function exportTextQuery(table: TableName): string {
  const cols = TABLE_COLUMNS[table].map((c) => `CAST(${q(c)} AS VARCHAR) AS ${q(c)}`).join(", ");
  return `SELECT ${cols} FROM (${exportQuery(table)})`;
}

/** Observation → the string cells the staging table takes. */
export function observationCells(o: Observation): string[] {
  const v: Record<string, string> = {
    ...o,
    partial: String(o.partial),
    derived: String(o.derived),
    break_before: String(o.break_before),
    value: o.value === null ? "" : String(o.value),
    share: o.share === null ? "" : String(o.share),
  } as unknown as Record<string, string>;
  return TABLE_COLUMNS.observations.map((c) => v[c] ?? "");
}

interface DescriptorField {
  name?: unknown;
  type?: unknown;
}
interface DescriptorResource {
  name?: unknown;
  path?: unknown;
  schema?: { fields?: DescriptorField[] };
}

/** The descriptor must describe every table with exactly the contract columns, in order. */
export function checkDescriptor(descriptor: unknown, file: string): { errors: DataError[]; release: string } {
  const errors: DataError[] = [];
  const d = descriptor as { version?: unknown; resources?: DescriptorResource[] };
  const release = typeof d.version === "string" ? d.version : "";
  if (!/^\d+\.\d+\.\d+$/.test(release))
    errors.push({ file, row: 0, column: "version", message: `version "${String(d.version)}" is not like 1.2.3` });
  for (const t of OUTPUT_TABLES) {
    const r = (d.resources ?? []).find((x) => x.name === t);
    if (!r) {
      errors.push({ file, row: 0, column: "resources", message: `no resource named "${t}"` });
      continue;
    }
    const names = (r.schema?.fields ?? []).map((f) => f.name);
    const want = TABLE_COLUMNS[t];
    if (names.join(",") !== want.join(",")) {
      errors.push({
        file,
        row: 0,
        column: `resources.${t}.schema`,
        message: `fields (${names.join(", ")}) differ from the contract (${want.join(", ")})`,
      });
    }
  }
  return { errors, release };
}

export interface ManifestFile {
  name: string;
  rows: number | null;
  sha256: string;
  bytes: number;
}

export function manifestJson(release: string, files: ManifestFile[], series: number, sources: number): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify({ release, files: sorted, series, sources }, null, 2)}\n`;
}

/** Number of data rows in a CSV produced by DuckDB (LF endings, header line, quoted newlines counted properly). */
export function csvDataRows(text: string): number {
  let rows = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n" && !inQuotes) rows++;
  }
  if (text.length > 0 && !text.endsWith("\n")) rows++;
  return Math.max(0, rows - 1);
}

export function summaryText(args: {
  release: string;
  observations: Observation[];
  seriesTopic: Map<string, string>;
  sources: number;
  alternatives: number;
  events: number;
  warnings: string[];
  files: ManifestFile[];
  outDir: string;
}): string {
  const lines: string[] = [];
  lines.push(`dsc-stats data ${args.release} → ${args.outDir}`);
  const perTopic = new Map<string, { series: Set<string>; rows: number }>();
  for (const o of args.observations) {
    const topic = args.seriesTopic.get(o.series_id) ?? "?";
    const e = perTopic.get(topic) ?? { series: new Set<string>(), rows: 0 };
    e.series.add(o.series_id);
    e.rows++;
    perTopic.set(topic, e);
  }
  lines.push(
    `series ${args.seriesTopic.size} · observations ${args.observations.length} · sources ${args.sources} · alternatives ${args.alternatives} · events ${args.events}`,
  );
  for (const [topic, e] of [...perTopic].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${topic.padEnd(14)} ${String(e.series.size).padStart(3)} series ${String(e.rows).padStart(5)} rows`);
  }
  const nulls = args.observations.filter((o) => o.value === null && o.share === null).length;
  lines.push(`gaps (empty value and share): ${nulls}`);
  lines.push(`warnings: ${args.warnings.length}`);
  for (const w of args.warnings) lines.push(`  ! ${w}`);
  lines.push("outputs:");
  for (const f of [...args.files].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(
      `  ${f.sha256.slice(0, 16)}  ${String(f.bytes).padStart(8)} B  ${f.rows === null ? "" : `${f.rows} rows  `}${f.name}`,
    );
  }
  return lines.join("\n");
}
