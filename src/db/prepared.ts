/**
 * Prepared views: the rows of every view one control change away from a chart's default, computed at build time
 * by the same SQL (src/pages/views/[chart].json.ts) and fetched at idle as one small JSON file per chart. A
 * reader's first change is then drawn from them at once, without waiting for DuckDB-WASM; any other view goes
 * to the engine. Small and engine-free: the first-load script imports it.
 */
import type { Db, Row } from "./tables";

type Params = readonly (string | number | boolean | null)[];

/** One chart's prepared views: each distinct row once, and per query the indexes of its rows. */
export interface ViewPack {
  rows: Row[];
  queries: Record<string, number[]>;
}

/** FNV-1a (32-bit) of the SQL text: a query's key is that hash plus its parameters, so keys stay short. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function queryKey(sql: string, params: Params = []): string {
  return `${hash(sql)}:${JSON.stringify(params)}`;
}

/** Build time: run `views` through `db`, keeping each query's rows under its key. */
export async function packViews(db: Db, run: (db: Db) => Promise<unknown>[]): Promise<ViewPack> {
  const pack: ViewPack = { rows: [], queries: {} };
  const index = new Map<string, number>();
  const recording: Db = {
    async query(sql, params = []) {
      const rows = await db.query(sql, params);
      pack.queries[queryKey(sql, params)] = rows.map((r) => {
        const k = JSON.stringify(r);
        let i = index.get(k);
        if (i === undefined) index.set(k, (i = pack.rows.push(r) - 1));
        return i;
      });
      return rows;
    },
  };
  await Promise.all(run(recording));
  return pack;
}

export interface PreparedDb extends Db {
  add(pack: ViewPack): void;
  /** Queries answered from a pack so far (a redraw tells readers' tools and the benchmark where it came from). */
  hits: number;
}

/** A Db that answers from the packs it has been given and sends anything else to `engine`. */
export function preparedDb(engine: Db): PreparedDb {
  const packs: ViewPack[] = [];
  const db: PreparedDb = {
    hits: 0,
    add(pack) {
      packs.push(pack);
    },
    query(sql, params = []) {
      const key = queryKey(sql, params);
      for (const p of packs) {
        const hit = p.queries[key];
        if (!hit) continue;
        db.hits++;
        // Copies: a caller may change its rows.
        return Promise.resolve(hit.map((i) => ({ ...p.rows[i]! })));
      }
      return engine.query(sql, params);
    },
  };
  return db;
}

/** Site-relative URL of a chart's prepared views (BASE_URL-aware). */
export function viewsUrl(chartId: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}views/${chartId}.json`;
}

/** Fetch a chart's pack; a failure only means its views come from the engine. */
export async function fetchViews(chartId: string): Promise<ViewPack | null> {
  try {
    const res = await fetch(viewsUrl(chartId));
    if (!res.ok) return null;
    const pack = (await res.json()) as ViewPack;
    return pack && Array.isArray(pack.rows) && typeof pack.queries === "object" ? pack : null;
  } catch {
    return null;
  }
}
