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
    it(`${ex.id} returns rows`, async () => {
      const rows = await db.query(ex.sql);
      expect(rows.length).toBeGreaterThan(0);
    });
  it("the men-share example gives published shares only (NULL where none was published)", async () => {
    const rows = await db.query(EXAMPLES.find((e) => e.id === "men-share")!.sql);
    // The centre opened on 30 Apr 2018: its first year is the partial period 30 Apr–31 Dec 2018.
    const y2018 = rows.find((r) => r.period === "2018-04-30/2018-12-31");
    expect(y2018?.men).toBe(271);
    expect(y2018?.published_share_pct).toBeNull();
  });
});
