import { describe, expect, it } from "vitest";
import { nodeDb } from "../../../src/db/node";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  EXAMPLES,
  PUBLISHED_TABLES,
  createdRows,
  fingerprintSql,
  firstBadCellSql,
  guardSql,
  loadCsvSql,
  publishedNamesSql,
  publishedSchema,
  userTablesFrom,
  userTablesSql,
  USER_TABLE_COLUMNS,
  WARM_UP_COLUMNS,
  warmUpCsv,
  warmUpSql,
  type LoadColumn,
} from "../../../src/db/queries/explore";
import { TABLES } from "../../../src/db/tables";

const db = nodeDb();

describe("explore schema docs", () => {
  it("documents every published table and column in both languages", () => {
    const schema = publishedSchema();
    expect(schema.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    for (const t of schema)
      for (const c of t.columns) {
        expect(c.doc.ko.length, `${t.name}.${c.name}`).toBeGreaterThan(1);
        expect(c.doc.en.length, `${t.name}.${c.name}`).toBeGreaterThan(1);
      }
  });
});

describe("example queries run on the published tables", () => {
  for (const ex of EXAMPLES)
    for (const lang of ["ko", "en"] as const)
      it(`${ex.id} (${lang}) returns rows`, async () => {
        const rows = await db.query(ex.sql[lang]);
        expect(rows.length).toBeGreaterThan(0);
      });
  it("the men-share example gives published shares only (NULL where none was published)", async () => {
    const rows = await db.query(EXAMPLES.find((e) => e.id === "men-share")!.sql.en);
    // The centre opened on 30 Apr 2018: its first year is the partial period 30 Apr–31 Dec 2018.
    const y2018 = rows.find((r) => r.period === "2018-04-30/2018-12-31");
    expect(y2018?.men).toBe(271);
    expect(y2018?.published_share_pct).toBeNull();
  });
  it("the Korean examples return Korean labels and column names, the English ones English", async () => {
    const ko = await db.query(EXAMPLES.find((e) => e.id === "deepfake-per-year")!.sql.ko);
    expect(Object.keys(ko[0]!)).toEqual(["기관", "계열", "기간", "값", "단위"]);
    expect(ko.some((r) => /[가-힣]/.test(String(r["기관"])))).toBe(true);
    expect(ko.every((r) => !/^[A-Za-z ]+$/.test(String(r["단위"])))).toBe(true);
    const en = await db.query(EXAMPLES.find((e) => e.id === "deepfake-per-year")!.sql.en);
    expect(Object.keys(en[0]!)).toEqual(["body", "series", "period", "value", "unit"]);
    expect(en.every((r) => !/[가-힣]/.test(String(r.body)))).toBe(true);
  });
});

describe("the console's own SQL on the published tables and a synthetic upload", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dsc-explore-"));
  const file = path.join(dir, "upload.csv");
  // SYNTHETIC: Korean-style values as spreadsheets export them.
  writeFileSync(file, '기간,피해건수,비율\n2023년,"5,153",12.5%\n2024년,"１，２３４",-\n합계,abc,3%\n');
  const cols: LoadColumn[] = [
    { name: "기간", type: "VARCHAR", clean: false },
    { name: "피해건수", type: "BIGINT", clean: true },
    { name: "비율", type: "DOUBLE", clean: true },
  ];

  it("fingerprints every published table and finds only the base tables by their names", async () => {
    const fp = await db.query(fingerprintSql());
    expect(fp.map((r) => r.name)).toEqual(PUBLISHED_TABLES);
    expect(fp.every((r) => Number(r.n) > 0 && String(r.h).length > 0)).toBe(true);
    const all = await db.query(guardSql());
    expect(all.filter((r) => r.k === "fp").map((r) => `${r.name}:${r.n}:${r.h}:${r.s}`)).toEqual(
      fp.map((r) => `${r.name}:${r.n}:${r.h}:${r.s}`),
    );
    expect(all.find((r) => r.k === "cur")).toMatchObject({ db: "memory", sch: "main" });
    const objects = await db.query(publishedNamesSql());
    expect(objects.map((o) => `${o.db}.${o.sch}.${o.name}:${o.kind}`).sort()).toEqual(
      PUBLISHED_TABLES.map((n) => `memory.main.${n}:TABLE`).sort(),
    );
  });

  it("reads a load's row count from its own answer, and refuses an answer that is not one", () => {
    expect(createdRows([{ Count: 1_000_000 }])).toBe(1_000_000);
    for (const bad of [[], [{ Count: null }], [{ n: 3 }], [{ Count: 1.5 }], [{ Count: 1 }, { Count: 2 }]])
      expect(() => createdRows(bad), JSON.stringify(bad)).toThrow("row count");
  });

  it("names the first cell that does not fit its type (file row, column, value)", async () => {
    await expect(db.query(loadCsvSql("피해자", file, ",", cols))).rejects.toThrow();
    const bad = await db.query(firstBadCellSql(file, ",", cols)!);
    expect(bad).toEqual([{ rn: 3, col: "피해건수", val: "abc" }]);
  });

  it("loads Korean-style numbers as numbers into a table with a Korean name", async () => {
    const ok = cols.map((c) => (c.name === "피해건수" ? { ...c, type: "VARCHAR" as const } : c));
    await db.query(loadCsvSql("피해자", file, ",", ok));
    expect(await db.query('SELECT "비율", typeof("비율") AS t FROM memory.main."피해자"')).toEqual([
      { 비율: 12.5, t: "DOUBLE" },
      { 비율: null, t: "DOUBLE" },
      { 비율: 3, t: "DOUBLE" },
    ]);
    writeFileSync(file, '기간,피해건수\n2023년,"5,153"\n2024년,"１，２３４"\n2025년,-\n');
    // The load's own answer is its row count (the page reports it without counting again).
    expect(createdRows(await db.query(loadCsvSql("t2", file, ",", cols.slice(0, 2))))).toBe(3);
    expect(await db.query('SELECT "피해건수" AS n FROM memory.main.t2')).toEqual([
      { n: 5153 },
      { n: 1234 },
      { n: null },
    ]);
  });
});

describe("the CSV reader's warm-up", () => {
  it("loads its generated file (SYNTHETIC) through the real load's SQL, every column in its type", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "dsc-warm-")), "warm.csv");
    writeFileSync(file, warmUpCsv(2500));
    await db.query(warmUpSql(file));
    const types = await db.query(
      `SELECT ${WARM_UP_COLUMNS.map((c) => `typeof("${c.name}") AS "${c.name}"`).join(", ")} FROM temp.main.warm_up LIMIT 1`,
    );
    expect(types[0]).toEqual(Object.fromEntries(WARM_UP_COLUMNS.map((c) => [c.name, c.type])));
    const [r] = await db.query("SELECT count(*) AS n, count(g) AS g, count(p) AS p FROM temp.main.warm_up");
    expect(r).toEqual({ n: 2500, g: 2500, p: 2500 });
    await db.query("DROP TABLE temp.main.warm_up");
  });
});

describe("the schema panel's list of the reader's tables", () => {
  it("gives each table's column count and only its first columns, in order", async () => {
    const cols = Array.from({ length: 30 }, (_, i) => `${i} AS "열${i}"`).join(", ");
    await db.query(`CREATE TABLE "넓은_표" AS SELECT ${cols}`);
    await db.query(`CREATE TABLE narrow AS SELECT 'a' AS name, 1.5::DOUBLE AS v`);
    const tables = userTablesFrom(await db.query(userTablesSql()));
    const wide = tables.find((t) => t.name === "넓은_표")!;
    expect(wide.columnCount).toBe(30);
    expect(wide.columns).toEqual(
      Array.from({ length: USER_TABLE_COLUMNS }, (_, i) => ({ name: `열${i}`, type: "INTEGER" })),
    );
    expect(tables.find((t) => t.name === "narrow")).toEqual({
      name: "narrow",
      columnCount: 2,
      columns: [
        { name: "name", type: "VARCHAR" },
        { name: "v", type: "DOUBLE" },
      ],
    });
  });
});

describe("objects that could shadow a published table", () => {
  it("are found in other schemas and the temp catalog, as tables or views", async () => {
    await db.query("CREATE SCHEMA shadow");
    await db.query("CREATE TABLE shadow.observations AS SELECT 1 AS x");
    await db.query("CREATE TEMP VIEW Sources AS SELECT 1 AS x");
    try {
      const objects = await db.query(publishedNamesSql());
      const found = objects.map((o) => `${o.db}.${o.sch}.${o.name}:${o.kind}`);
      expect(found).toContain("memory.shadow.observations:TABLE");
      expect(found).toContain("temp.main.Sources:VIEW");
      expect(found.filter((f) => f.startsWith("memory.main."))).toEqual(
        expect.arrayContaining(PUBLISHED_TABLES.map((n) => `memory.main.${n}:TABLE`)),
      );
      expect(found).toHaveLength(PUBLISHED_TABLES.length + 2);
    } finally {
      await db.query("DROP VIEW temp.main.Sources");
      await db.query("DROP SCHEMA shadow CASCADE");
    }
  });
});
