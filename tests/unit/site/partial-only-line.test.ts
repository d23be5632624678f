/**
 * A line with no full period (only a partial one, e.g. P2P deletions for Jan–Nov 2019) gets no end label; where
 * the other lines are named by end labels, its period label names it instead. Real catalog data, build DuckDB.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { nodeDb } from "../../../src/db/node";
import { loadMeta } from "../../../src/db/queries/meta";
import { runChartQuery } from "../../../src/db/queries";
import { buildContext } from "../../../src/charts/context";
import { renderChart } from "../../../src/charts/render";
import { testSpec } from "../spec-fixture";

const BUILT = path.resolve("public/data");

describe.skipIf(!existsSync(path.join(BUILT, "observations.csv")))("a line of partial periods only", () => {
  const db = nodeDb(BUILT);
  const texts = async (lang: "en" | "ko", width: number) => {
    const spec = testSpec({ series: ["dsc_deletion_by_platform"], dimension: "platform", lang, from: 2000, to: 2025 });
    const ctx = buildContext(await loadMeta(db), lang);
    const rows = await runChartQuery(db, spec);
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const el = renderChart(spec, rows, ctx, { width, label: "t" }, document as unknown as Document);
    return [...el.querySelectorAll("text")].map((t) => t.textContent ?? "");
  };

  it("is named in its period label beside end labels (en, ko)", async () => {
    expect(await texts("en", 1000)).toContain("P2P: Jan–Nov 2019");
    expect((await texts("ko", 1000)).some((t) => t.startsWith("P2P: 2019"))).toBe(true);
  });

  it("is named in the legend at phone width", async () => {
    expect((await texts("en", 360)).some((t) => t.includes("P2P"))).toBe(true);
  });
});
