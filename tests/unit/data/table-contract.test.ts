/**
 * One table contract. The published tables are declared where each reader needs them — the data package
 * (data/datapackage.json, for data users), the build (scripts/lib/types.ts and build.ts, which cast the curated CSVs),
 * the site (src/db/tables.ts, read by DuckDB in Node and DuckDB-WASM) and the explore console's column docs — and
 * this test holds them to the package: same tables, same columns in the same order, corresponding types.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TABLES } from "../../../src/db/tables";
import { SCHEMA_DOCS } from "../../../src/db/queries/explore";
import { TABLE_COLUMNS, type TableName } from "../../../scripts/lib/types.ts";
import { OUTPUT_TABLES, columnType } from "../../../scripts/lib/build.ts";

interface Field {
  name: string;
  type: string;
}
interface Resource {
  name: string;
  path: string;
  schema?: { fields: Field[] };
}
const pkg = JSON.parse(readFileSync(new URL("../../../data/datapackage.json", import.meta.url), "utf8")) as {
  resources: Resource[];
};
const tabular = pkg.resources.filter((r) => !r.path.startsWith("raw/"));

/**
 * Table Schema type → DuckDB type at build and on the site. Integers are BIGINT at build (exact for any count the
 * validators accept) and DOUBLE on the site: DuckDB-WASM hands BIGINT to JavaScript as BigInt, and the validators
 * refuse counts above 2^53, so every published count is exact as a DOUBLE.
 */
const TYPES: Record<string, { build: string; site: string }> = {
  string: { build: "VARCHAR", site: "VARCHAR" },
  date: { build: "DATE", site: "DATE" },
  boolean: { build: "BOOLEAN", site: "BOOLEAN" },
  number: { build: "DOUBLE", site: "DOUBLE" },
  integer: { build: "BIGINT", site: "DOUBLE" },
};
// Small integers (a sort order) are INTEGER in both engines.
const SMALL_INTEGERS = new Set(["categories.sort"]);

describe("the published tables are declared alike everywhere", () => {
  it("the same tables in the package, the build, the site and the console's docs", () => {
    const names = tabular.map((r) => r.name).sort();
    expect([...OUTPUT_TABLES].sort()).toEqual(names);
    expect(TABLES.map((t) => t.name).sort()).toEqual(names);
    expect(Object.keys(TABLE_COLUMNS).sort()).toEqual(names);
    expect(Object.keys(SCHEMA_DOCS).sort()).toEqual(names);
    for (const r of tabular) expect(TABLES.find((t) => t.name === r.name)?.file, r.name).toBe(r.path);
  });

  for (const r of tabular) {
    it(`${r.name}: same columns in the same order, corresponding types`, () => {
      const fields = r.schema?.fields ?? [];
      const site = TABLES.find((t) => t.name === r.name)!;
      const docs = SCHEMA_DOCS[r.name as keyof typeof SCHEMA_DOCS]!;
      expect(TABLE_COLUMNS[r.name as TableName]).toEqual(fields.map((f) => f.name));
      expect(Object.keys(site.columns)).toEqual(fields.map((f) => f.name));
      expect(Object.keys(docs.columns).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const key = `${r.name}.${f.name}`;
        const want = SMALL_INTEGERS.has(key) ? { build: "INTEGER", site: "INTEGER" } : TYPES[f.type];
        expect(want, `${key}: type ${f.type} has no mapping`).toBeDefined();
        expect(columnType(r.name as TableName, f.name), `${key} at build`).toBe(want!.build);
        expect(site.columns[f.name], `${key} on the site`).toBe(want!.site);
      }
    });
  }
});
