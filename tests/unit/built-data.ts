/**
 * The real data package built into a temporary folder for one test file and opened with the site's own DuckDB
 * setup: tests of shipped figures read the tables exactly as the build writes them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { nodeDb } from "../../src/db/node";
import type { Db } from "../../src/db/tables";

/** Build before the file's tests, remove after; the returned handle queries the built tables. */
export function useBuiltData(prefix: string): Db {
  let dir = "";
  let db: Db | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `dsc-${prefix}-`));
    const r = await buildData({ outDir: dir });
    expect(r.errors).toEqual([]);
    db = nodeDb(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    query: (sql, params) => {
      if (!db) throw new Error("the data package is not built yet");
      return db.query(sql, params);
    },
  };
}
