/**
 * Next year's report is a data change: with one more year of figures in the package, every chart whose catalog
 * years say "latest" (and the headline figures) move to it, with no change in src/. Runs the real catalog over a
 * copy of the built tables plus ONE SYNTHETIC 2025 row (a test fixture, never shipped).
 */
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeDb } from "../../../src/db/node";
import { CATALOG, HEADLINES } from "../../../src/spec/catalog";
import { resolveWith } from "../../../src/charts/resolve";
import { headlinePeriod } from "../../../src/charts/headline";

const BUILT = path.resolve("public/data");
const has = existsSync(path.join(BUILT, "observations.csv"));

function packageWith2025(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dsc-latest-"));
  cpSync(BUILT, dir, { recursive: true });
  const file = path.join(dir, "observations.csv");
  const csv = readFileSync(file, "utf8");
  const row2024 = csv.split("\n").find((l) => l.startsWith("dsc_victims,2024,"));
  if (!row2024) throw new Error("no dsc_victims 2024 row to model the fixture on");
  const synthetic = row2024
    .replace(/^dsc_victims,2024,2024-01-01,2024-12-31,/, "dsc_victims,2025,2025-01-01,2025-12-31,")
    .replace(/,10305,/, ",12345,");
  expect(synthetic).toContain("dsc_victims,2025,2025-01-01,2025-12-31,");
  writeFileSync(file, `${csv.trimEnd()}\n${synthetic}\n`);
  return dir;
}

describe.runIf(has || !!process.env.CI)("latest years come from the data", () => {
  it("has the built tables", () => expect(has).toBe(true));

  it("a 2025 figure moves the charts and the headline that say latest; fixed years stay", async () => {
    const before = nodeDb(BUILT);
    const after = nodeDb(packageWith2025());
    const victims = CATALOG.victims!;
    expect(victims.defaults.to).toBe("latest");
    expect((await resolveWith(before, victims)).years.to).toBe(2024);
    const moved = await resolveWith(after, victims);
    expect(moved.years.to).toBe(2025);
    expect(moved.bounds.years).toEqual([2018, 2025]);

    // The compare page's leader and its followers compare the last two full years.
    const lead = await resolveWith(after, CATALOG.compare_dsc_victims!);
    expect([lead.years.a, lead.years.b]).toEqual([2024, 2025]);
    const follower = await resolveWith(after, CATALOG.compare_knpa_deepfake_cases!);
    expect([follower.years.a, follower.years.b]).toEqual([2024, 2025]);

    // The overview's spark and headline figure.
    expect((await resolveWith(after, CATALOG.spark_victims!)).years.to).toBe(2025);
    const h = HEADLINES.find((x) => x.key === "victims")!;
    expect(await headlinePeriod(before, h)).toEqual({ id: "victims-2024", period: "2024" });
    expect(await headlinePeriod(after, h)).toEqual({ id: "victims-2025", period: "2025" });

    // An editorial year (the age chart's first year with today's bands) does not move.
    expect((await resolveWith(after, CATALOG.vh_age!)).years.from).toBe(2022);
    // Series without a 2025 figure keep their own latest year.
    expect((await resolveWith(after, CATALOG.df_police_cases!)).years.to).toBe(2024);
  });
});
