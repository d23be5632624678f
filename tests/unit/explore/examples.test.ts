import { describe, expect, it } from "vitest";
import { nodeDb } from "../../../src/db/node";
import { EXAMPLES, publishedSchema } from "../../../src/db/queries/explore";
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
    const y2018 = rows.find((r) => r.period === "2018");
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
