/**
 * The browser's DuckDB-WASM: the only module that imports it. A lazy singleton that loads the self-hosted
 * bundle (never a CDN), turns extension auto-install/auto-load off, registers the published tables and
 * converts results to plain JS at this one boundary.
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import { SAFE_SETTINGS, TABLES, createTableSql, plain, type Db, type Row } from "./tables";

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

let engine: Promise<Engine> | null = null;

/** Site-relative URL of a published data file (BASE_URL-aware; a relative URL breaks on nested routes). */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}data/${file}`;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Fail fast, with a reason, when the engine's files cannot be fetched (blocked, offline, missing): the worker
 * itself does not report a failed wasm download, it just never becomes ready.
 */
async function probe(url: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: "HEAD" });
  } catch {
    throw new Error("the engine file could not be downloaded (network error or blocked)");
  }
  if (!res.ok) throw new Error(`the engine file could not be downloaded (HTTP ${res.status})`);
}

async function start(): Promise<Engine> {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available in this browser");
  const bundle = await duckdb.selectBundle(BUNDLES);
  await Promise.all([probe(bundle.mainModule), probe(bundle.mainWorker!)]);
  const worker = new Worker(bundle.mainWorker!);
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener("error", (e) => reject(new Error(`the engine worker failed: ${e.message || "error"}`))),
  );
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]);
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS) await conn.query(s);
  const files = await Promise.all(TABLES.map((t) => fetchBytes(dataUrl(t.file))));
  for (const [i, t] of TABLES.entries()) {
    await db.registerFileBuffer(t.file, files[i]!);
    await conn.query(createTableSql(t, t.file));
  }
  return { db, conn };
}

/** Start (once) and return the engine. A failure is remembered so callers can report it. */
export function getEngine(): Promise<Engine> {
  engine ??= start();
  return engine;
}

/** Arrow rows → plain objects (BigInt → number; other exotic types → string). */
export function toRows(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): Row[] {
  return table.toArray().map((r) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r.toJSON())) o[k] = plain(v);
    return o;
  });
}

export function browserDb(): Db {
  return {
    async query(sql, params = []) {
      const { conn } = await getEngine();
      if (!params.length) return toRows(await conn.query(sql));
      const stmt = await conn.prepare(sql);
      try {
        return toRows(await stmt.query(...params));
      } finally {
        await stmt.close();
      }
    },
  };
}

/** Column of a console result: name and DuckDB/Arrow type name. */
export interface ResultColumn {
  name: string;
  type: string;
}

/** A console result: columns and plain rows (capped at `limit`; `truncated` says more were produced). */
export interface ConsoleResult {
  columns: ResultColumn[];
  rows: Row[];
  truncated: boolean;
}

/**
 * A session for user-written SQL (the explore page): its own connection, opened after the published tables
 * are loaded and the database is locked down (no file or network access from SQL, settings frozen).
 */
export interface ConsoleSession {
  /** Run one statement (or a script); results stream from the worker, so the page never blocks. */
  run(sql: string, limit?: number): Promise<ConsoleResult>;
  /** Cancel the statement `run` is executing (DuckDB's pending-query interrupt). */
  cancel(): Promise<boolean>;
  /** Load UTF-8 CSV text as a table with declared column types. The text stays in this tab's memory. */
  loadCsv(table: string, csvText: string, columns: Record<string, string>): Promise<number>;
  /** Names of tables created by the user (uploads and CREATE TABLE). */
  userTables(): Promise<{ name: string; columns: ResultColumn[] }[]>;
}

let consoleSession: Promise<ConsoleSession> | null = null;

/** Arrow dates/timestamps arrive as epoch milliseconds: show them as ISO text. */
function consoleValue(v: unknown, type = ""): string | number | boolean | null {
  if (typeof v === "number" && /^Date/.test(type)) return new Date(v).toISOString().slice(0, 10);
  if (typeof v === "number" && /^Timestamp/.test(type)) return new Date(v).toISOString().replace(".000Z", "Z");
  return plain(v);
}

/** SQL identifier, always quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQL string literal. */
export function quoteString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The published table names (user tables may not replace them). */
export const PUBLISHED_TABLES: readonly string[] = TABLES.map((t) => t.name);

async function startConsole(): Promise<ConsoleSession> {
  const { db, conn: main } = await getEngine();
  // User CSVs are registered under this prefix; it stays readable after external access is turned off.
  await main.query("SET allowed_directories = ['/user/']");
  await main.query("SET enable_external_access = false");
  await main.query("SET lock_configuration = true");
  const conn = await db.connect();
  let seq = 0;
  return {
    async run(sql, limit = 10_000) {
      const reader = await conn.send(sql, true);
      const rows: Row[] = [];
      let columns: ResultColumn[] = [];
      let truncated = false;
      let types = new Map<string, string>();
      for await (const batch of reader) {
        if (!columns.length) {
          columns = batch.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
          types = new Map(columns.map((c) => [c.name, c.type]));
        }
        if (rows.length >= limit) {
          truncated = true;
          continue;
        }
        for (const r of batch.toArray() as { toJSON(): Record<string, unknown> }[]) {
          if (rows.length >= limit) {
            truncated = true;
            break;
          }
          const o: Row = {};
          for (const [k, v] of Object.entries(r.toJSON())) o[k] = consoleValue(v, types.get(k));
          rows.push(o);
        }
      }
      if (!columns.length && reader.schema)
        columns = reader.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
      return { columns, rows, truncated };
    },
    cancel() {
      return conn.cancelSent();
    },
    async loadCsv(table, csvText, columns) {
      const file = `/user/${++seq}.csv`;
      await db.registerFileText(file, csvText);
      try {
        const cols = Object.entries(columns)
          .map(([k, v]) => `${quoteString(k)}: ${quoteString(v)}`)
          .join(", ");
        await conn.query(
          `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${cols}})`,
        );
        const n = await conn.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${quoteIdent(table)}`);
        return Number(toRows(n)[0]?.n ?? 0);
      } finally {
        await db.dropFile(file);
      }
    },
    async userTables() {
      const rows = toRows(
        await conn.query(
          "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
        ),
      );
      const out = new Map<string, ResultColumn[]>();
      for (const r of rows) {
        const t = String(r.table_name);
        if (PUBLISHED_TABLES.includes(t)) continue;
        if (!out.has(t)) out.set(t, []);
        out.get(t)!.push({ name: String(r.column_name), type: String(r.data_type) });
      }
      return [...out].map(([name, columns]) => ({ name, columns }));
    },
  };
}

/** Start (once) the console session for user SQL. */
export function getConsole(): Promise<ConsoleSession> {
  consoleSession ??= startConsole();
  return consoleSession;
}
