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
// Wide results: Arrow's record batches are built in linear, not quadratic, time in the number of columns.
import "./arrow-schema";
import { SAFE_SETTINGS, TABLES, createTableSql, plain, type Db, type Row } from "./tables";

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  /**
   * The published files' bytes as fetched (copies: registering hands a buffer to the worker). The console
   * restores a published table from these if a reader's statement changed it.
   */
  pristine: ReadonlyMap<string, Uint8Array>;
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
  const pristine = new Map<string, Uint8Array>();
  for (const [i, t] of TABLES.entries()) {
    pristine.set(t.name, files[i]!.slice());
    await db.registerFileBuffer(t.file, files[i]!);
    await conn.query(createTableSql(t, t.file));
  }
  return { db, conn, pristine };
}

/** Start (once) and return the engine. A failure is remembered so callers can report it. */
export function getEngine(): Promise<Engine> {
  engine ??= start();
  return engine;
}

/**
 * Stop the engine for good: terminate its worker (the only way to stop a query that ignores DuckDB's
 * interrupt) and forget it, so the next getEngine() starts a fresh one. Everything held in it is lost.
 */
export async function resetEngine(): Promise<void> {
  const old = engine;
  engine = null;
  if (!old) return;
  try {
    await (await old).db.terminate();
  } catch {
    /* a failed or already-dead engine has nothing left to stop */
  }
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
