/**
 * Build-time DuckDB (Node, @duckdb/node-api at the browser's DuckDB version). Only imported from Astro
 * frontmatter and build scripts, never shipped to browsers.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import path from "node:path";
import { SAFE_SETTINGS, TABLES, createTableSql, plain, type Db, type Row } from "./tables";

/** Where `npm run data` writes the built tables. */
export const DATA_DIR = path.resolve(process.cwd(), "public/data");

async function open(dir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const s of SAFE_SETTINGS) await conn.run(s);
  for (const t of TABLES) await conn.run(createTableSql(t, path.join(dir, t.file)));
  return conn;
}

/** A database over the built tables in `dir`, opened on first query. */
export function nodeDb(dir = DATA_DIR): Db {
  let ready: Promise<DuckDBConnection> | null = null;
  // Astro renders components concurrently; one connection runs one statement at a time, so queries queue.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    query(sql, params = []) {
      const run = async () => {
        ready ??= open(dir);
        const conn = await ready;
        const reader = await conn.runAndReadAll(sql, params as (string | number | boolean | null)[]);
        return reader.getRowObjectsJS().map((r) => {
          const out: Row = {};
          for (const [k, v] of Object.entries(r)) out[k] = plain(v);
          return out;
        });
      };
      const p = queue.then(run, run);
      queue = p.catch(() => undefined);
      return p;
    },
  };
}

/** The build's database over `public/data` (Astro pages and the pre-renderer share it; opened on first query). */
export const buildDb: Db = nodeDb();
