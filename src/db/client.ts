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
import { SAFE_SETTINGS, TABLES, createTableSql, type Db, type Row } from "./tables";

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

async function start(): Promise<Engine> {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available in this browser");
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
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

function plain(v: unknown): string | number | boolean | null {
  if (v == null) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
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
