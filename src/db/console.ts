/**
 * The explore console's DuckDB session: user SQL on its own connection after the database is locked down
 * (no file or network access from SQL, settings frozen). Published tables cannot be changed from here: after
 * every statement the session compares each published table with its fingerprint from the start and finds
 * any object that could shadow it; a changed, dropped or shadowed table is restored from the pristine bytes
 * and the statement is reported as refused. The check reads the catalog and the data, never the SQL text, so
 * no way of writing a statement gets around it.
 */
import type { AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { getEngine, resetEngine, toRows, type Engine } from "./client";
import {
  PUBLISHED_TABLES,
  createdRows,
  dropObjectSql,
  fingerprintSql,
  firstBadCellSql,
  guardSql,
  loadCsvSql,
  publishedNamesSql,
  quoteIdent,
  userTablesFrom,
  userTablesSql,
  warmUpCsv,
  warmUpSql,
  type ListedTable,
  type LoadColumn,
} from "./queries/explore";
import { TABLES, createTableSql, decimalValue, plain, type Row } from "./tables";

/** Column of a console result: name and DuckDB/Arrow type name. */
export interface ResultColumn {
  name: string;
  type: string;
  /** DECIMAL columns: digits after the point. */
  scale?: number;
}

/** A console result, capped so drawing it can never freeze the page. */
export interface ConsoleResult {
  /** Every column the query returned. */
  columns: ResultColumn[];
  /** Rows (at most `limit`) holding only the first `shownColumns` columns, as plain values. */
  rows: Row[];
  shownColumns: number;
  /** The row cap was reached: the query produced (or may produce) more rows. */
  truncated: boolean;
  /** The kept rows with every column (built on demand, for the CSV download). */
  allRows(): Row[];
}

export interface RunOptions {
  /** Rows kept (the loop stops pulling from the engine there). */
  limit?: number;
  /** Columns converted for display; the rest are kept only for the download. */
  maxColumns?: number;
}

/** A statement tried to change a published table; it has been restored. */
export class PublishedTableError extends Error {
  constructor(readonly tables: string[]) {
    super(`published tables are read-only: ${tables.join(", ")}`);
  }
}

/** The first cell of an uploaded file that does not fit its chosen type (row: file row, header = 1). */
export class BadCellError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    readonly value: string,
    readonly type: string,
  ) {
    super(`row ${row}, column ${column}: "${value}" is not ${type}`);
  }
}

export interface ConsoleSession {
  /** Run one statement (or a script); results stream from the worker, so the page never blocks. */
  run(sql: string, opts?: RunOptions): Promise<ConsoleResult>;
  /** Ask the running statement to stop (DuckDB's interrupt, and the results loop stops pulling). */
  cancel(): Promise<void>;
  /** Load the reader's UTF-8 CSV bytes with DuckDB's own reader. The bytes stay in this tab. */
  loadCsv(table: string, bytes: Uint8Array, delimiter: string, columns: readonly LoadColumn[]): Promise<number>;
  /** Tables created by the reader (uploads and CREATE TABLE). */
  userTables(): Promise<ListedTable[]>;
  /**
   * Read a small generated CSV of every loadable type, on a connection of its own: the engine's CSV reader is
   * WebAssembly that the browser compiles and optimises as it first runs, so a reader's first large file loads
   * about twice as slowly as the next one. Called at idle, before a reader picks a file.
   */
  warmCsvReader(): Promise<void>;
}

/** Arrow dates/timestamps arrive as epoch milliseconds: show them as ISO text. */
function consoleValue(v: unknown, type = "", scale?: number): string | number | boolean | null {
  if (v != null && scale !== undefined) return decimalValue(String(v), scale);
  if (typeof v === "number" && /^Date/.test(type)) return new Date(v).toISOString().slice(0, 10);
  if (typeof v === "number" && /^Timestamp/.test(type)) return new Date(v).toISOString().replace(".000Z", "Z");
  return plain(v);
}

interface Field {
  name: string;
  type: unknown;
}

interface Batch {
  numRows: number;
  schema: { fields: Field[] };
  getChildAt(i: number): { get(i: number): unknown } | null;
  slice(begin: number, end: number): Batch;
}

/** Let the page paint and handle input between chunks of conversion work. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));
/** Cells converted per slice of main-thread work (keeps each task well under 50 ms). */
const CELLS_PER_SLICE = 20_000;

async function convert(batches: readonly Batch[], columns: readonly ResultColumn[], upto: number): Promise<Row[]> {
  const rows: Row[] = [];
  let cells = 0;
  for (const b of batches) {
    const vecs = columns.slice(0, upto).map((_, j) => b.getChildAt(j));
    for (let i = 0; i < b.numRows; i++) {
      // No prototype: a column named "__proto__" stays a column.
      const o = Object.create(null) as Row;
      for (let j = 0; j < vecs.length; j++)
        o[columns[j]!.name] = consoleValue(vecs[j]?.get(i), columns[j]!.type, columns[j]!.scale);
      rows.push(o);
      cells += vecs.length;
      if (cells >= CELLS_PER_SLICE) {
        cells = 0;
        await breathe();
      }
    }
  }
  return rows;
}

function convertSync(batches: readonly Batch[], columns: readonly ResultColumn[]): Row[] {
  const rows: Row[] = [];
  for (const b of batches) {
    const vecs = columns.map((_, j) => b.getChildAt(j));
    for (let i = 0; i < b.numRows; i++) {
      const o = Object.create(null) as Row;
      for (let j = 0; j < vecs.length; j++)
        o[columns[j]!.name] = consoleValue(vecs[j]?.get(i), columns[j]!.type, columns[j]!.scale);
      rows.push(o);
    }
  }
  return rows;
}

function resultColumn(f: Field): ResultColumn {
  const t = f.type as { scale?: unknown; toString(): string };
  // Arrow's Decimal type carries its scale; no other type the console shows does.
  const scale = /^Decimal/.test(String(t)) && typeof t.scale === "number" ? t.scale : undefined;
  return scale === undefined ? { name: f.name, type: String(t) } : { name: f.name, type: String(t), scale };
}

type Fingerprints = Map<string, string>;

async function fingerprints(conn: AsyncDuckDBConnection): Promise<Fingerprints> {
  const rows = toRows(await conn.query(fingerprintSql()));
  return new Map(rows.map((r) => [String(r.name), `${r.n}:${r.h}:${r.s}`]));
}

let restoreSeq = 0;

async function startConsole(): Promise<ConsoleSession> {
  const engine: Engine = await getEngine();
  const { db, conn: main } = engine;
  // User CSVs are registered under this prefix; it stays readable after external access is turned off.
  await main.query("SET allowed_directories = ['/user/']");
  await main.query("SET enable_external_access = false");
  await main.query("SET lock_configuration = true");
  const conn = await db.connect();
  const pristine = await fingerprints(conn);
  let seq = 0;
  let cancelRequested = false;

  /** Restore one published table from the fetched bytes (registered under a fresh name in /user/). */
  const restore = async (name: string) => {
    const t = TABLES.find((x) => x.name === name)!;
    const file = `/user/.published-${++restoreSeq}/${t.file}`;
    await db.registerFileBuffer(file, engine.pristine.get(name)!.slice());
    try {
      await conn.query(createTableSql({ ...t, name: `memory.main.${quoteIdent(t.name)}` }, file));
    } finally {
      await db.dropFile(file);
    }
  };

  /**
   * Check (and repair) the published tables; the names of those that had to be repaired. One query when all
   * is well (the usual case); step by step when something was dropped.
   */
  const guard = async (): Promise<string[]> => {
    const q = async (sql: string) => toRows(await conn.query(sql));
    let rows: Row[] | null = null;
    try {
      rows = await q(guardSql());
    } catch {
      // A failed statement inside the reader's explicit transaction blocks further queries: end it.
      await conn.query("ROLLBACK").catch(() => {});
      rows = await q(guardSql()).catch(() => null);
    }
    const objects = rows ? rows.filter((r) => r.k === "obj") : await q(publishedNamesSql());
    const cur = rows?.find((r) => r.k === "cur");
    if (!cur || cur.db !== "memory" || cur.sch !== "main") await conn.query("USE memory.main");
    const changed = new Set<string>();
    for (const o of objects) {
      const own =
        o.db === "memory" && o.sch === "main" && o.kind === "TABLE" && PUBLISHED_TABLES.includes(String(o.name));
      if (own) continue;
      changed.add(PUBLISHED_TABLES.find((n) => n === String(o.name).toLowerCase()) ?? String(o.name));
      await conn.query(dropObjectSql(o as { db: string; sch: string; name: string; kind: string }));
    }
    for (const name of PUBLISHED_TABLES)
      if (!objects.some((o) => o.db === "memory" && o.sch === "main" && o.kind === "TABLE" && o.name === name))
        changed.add(name);
    for (const name of changed) await restore(name);
    const now: Fingerprints = rows
      ? new Map(rows.filter((r) => r.k === "fp").map((r) => [String(r.name), `${r.n}:${r.h}:${r.s}`]))
      : await fingerprints(conn);
    for (const name of PUBLISHED_TABLES) {
      if (changed.has(name) || now.get(name) === pristine.get(name)) continue;
      changed.add(name);
      await restore(name);
    }
    return PUBLISHED_TABLES.filter((n) => changed.has(n));
  };

  return {
    async run(sql, { limit = 10_000, maxColumns = 200 } = {}) {
      cancelRequested = false;
      let columns: ResultColumn[] = [];
      const kept: Batch[] = [];
      let count = 0;
      let truncated = false;
      let failure: unknown = null;
      try {
        const reader = await conn.send(sql, true);
        for await (const raw of reader) {
          const batch = raw as unknown as Batch;
          if (!columns.length) columns = batch.schema.fields.map(resultColumn);
          const take = Math.min(batch.numRows, limit - count);
          if (take > 0) kept.push(take < batch.numRows ? batch.slice(0, take) : batch);
          count += take;
          // Stop pulling at the cap (a streaming query could go on for ever) or when Cancel was pressed.
          if (count >= limit) {
            truncated = true;
            break;
          }
          if (cancelRequested) break;
        }
        if (!columns.length && reader.schema) columns = reader.schema.fields.map((f: Field) => resultColumn(f));
      } catch (e) {
        failure = e;
      }
      if (cancelRequested && !truncated) {
        // Interrupt whatever is still running so the connection is free for the next statement.
        await conn.cancelSent().catch(() => false);
      }
      const repaired = await guard();
      if (repaired.length) throw new PublishedTableError(repaired);
      if (failure) throw failure;
      if (cancelRequested) throw new Error("cancelled");
      const shown = Math.min(columns.length, maxColumns);
      const rows = await convert(kept, columns, shown);
      return { columns, rows, shownColumns: shown, truncated, allRows: () => convertSync(kept, columns) };
    },
    async cancel() {
      cancelRequested = true;
      await conn.cancelSent().catch(() => false);
    },
    async loadCsv(table, bytes, delimiter, columns) {
      const file = `/user/${++seq}.csv`;
      await db.registerFileBuffer(file, bytes);
      try {
        let created: Row[];
        try {
          created = toRows(await conn.query(loadCsvSql(table, file, delimiter, columns)));
        } catch (e) {
          const locate = firstBadCellSql(file, delimiter, columns);
          const bad = locate ? toRows(await conn.query(locate).catch(() => ({ toArray: () => [] })))[0] : undefined;
          if (bad) {
            const col = columns.find((c) => c.name === bad.col)!;
            throw new BadCellError(Number(bad.rn) + 1, String(bad.col), String(bad.val), col.type);
          }
          throw e;
        }
        // CREATE … AS answers with the rows it wrote: no second pass over the new table.
        return createdRows(created);
      } finally {
        await db.dropFile(file);
      }
    },
    async warmCsvReader() {
      const file = "/user/.warm-up.csv";
      const c = await db.connect();
      await db.registerFileBuffer(file, new TextEncoder().encode(warmUpCsv(WARM_UP_ROWS)));
      try {
        await c.query(warmUpSql(file));
        await c.query("DROP TABLE temp.main.warm_up");
      } finally {
        await db.dropFile(file);
        await c.close();
      }
    },
    async userTables() {
      return userTablesFrom(toRows(await conn.query(userTablesSql()))).filter(
        (t) => !PUBLISHED_TABLES.includes(t.name),
      );
    },
  };
}

/**
 * Rows of the warm-up file: enough for the browser to finish optimising the reader's hot code (2,000 rows left a
 * file picked at once 1.5x DuckDB's own read_csv, 20,000 about 1.3x), and about 0.1 s of the engine's idle time.
 */
const WARM_UP_ROWS = 20000;

let consoleSession: Promise<ConsoleSession> | null = null;

/** Start (once) the console session for user SQL. */
export function getConsole(): Promise<ConsoleSession> {
  if (consoleSession) return consoleSession;
  const p = startConsole();
  consoleSession = p;
  // A failed start is not remembered: the next call tries again.
  p.catch(() => {
    if (consoleSession === p) consoleSession = null;
  });
  return p;
}

/**
 * Throw the engine away (its worker is terminated) and start a fresh one: for a statement that ignores
 * Cancel. The reader's own tables are gone afterwards; the published ones are loaded again.
 */
export async function restartConsole(): Promise<ConsoleSession> {
  consoleSession = null;
  await resetEngine();
  return getConsole();
}
