import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { nodeDb } from "../../../src/db/node";
import { loadMeta } from "../../../src/db/queries/meta";
import { runChartQuery } from "../../../src/db/queries";
import { buildContext } from "../../../src/charts/context";
import { renderChart } from "../../../src/charts/render";
import { summarize } from "../../../src/charts/summary";
import { tableModel } from "../../../src/charts/table";
import type { ChartSpec } from "../../../src/spec/spec";

// Chart snapshots as stable SVG text (Plot's model: round numbers, renumbered ids; a -changed.svg on mismatch).
const db = nodeDb(path.resolve("tests/fixtures/site"));
const SNAP = path.resolve("tests/unit/site/__snapshots__");

function stable(svg: string): string {
  let n = 0;
  const ids = new Map<string, string>();
  return svg
    .replace(/plot-[a-z0-9]+(-\d+)?/g, (m) => {
      if (!ids.has(m)) ids.set(m, `plot-${++n}`);
      return ids.get(m)!;
    })
    .replace(/(\d+\.\d{2})\d+/g, "$1")
    .replace(/></g, ">\n<");
}

function snapshot(name: string, svg: string): void {
  const file = path.join(SNAP, `${name}.svg`);
  const changed = path.join(SNAP, `${name}-changed.svg`);
  const actual = stable(svg);
  if (!existsSync(file)) {
    // In CI a missing expected file is a failure (as in Plot's harness); locally it is written for review.
    if (process.env.CI) throw new Error(`missing snapshot ${file} (run the tests locally to write it)`);
    mkdirSync(SNAP, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (actual !== expected) writeFileSync(changed, actual);
  else rmSync(changed, { force: true });
  expect(actual, `SVG differs from ${file}; see ${changed}`).toBe(expected);
}

const spec = testSpec;

async function draw(s: ChartSpec) {
  const ctx = buildContext(await loadMeta(db), s.lang);
  const rows = await runChartQuery(db, s);
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const el = renderChart(
    s,
    rows,
    ctx,
    { width: 640, label: "Synthetic", describedBy: "sum" },
    document as unknown as Document,
  );
  return { svg: el.outerHTML, rows, ctx };
}

describe("renderers", () => {
  it("line: breaks split the line, partial periods hollow, gaps not bridged", async () => {
    const { svg, rows, ctx } = await draw(spec({}));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Synthetic"');
    expect(svg).toContain("series break");
    expect(svg).toContain("partial period");
    expect(svg).not.toMatch(/<g aria-label="[^"]*"(?![^>]*role=)/);
    // No rise or fall across the break: the comparison stays before it (2023 follows the break).
    expect(summarize(spec({}), rows, ctx)).toBe(
      // Never a rise across the break (2023 starts a new definition).
      "Synthetic series A rose from 100 in 2020 to 150 in 2021. After the definition changed: 300 in 2023 (not comparable with the years before). No data for: 2022. The series has a break before 2023 (definition changed).",
    );
    snapshot("line", svg);
  });

  it("bar: the latest period by category, labelled", async () => {
    const s = spec({ dimension: "sex", mark: "bar", from: 2023, to: 2023 });
    const { svg, rows, ctx } = await draw(s);
    expect(svg).toContain("Women");
    expect(svg).toContain("210");
    expect(summarize(s, rows, ctx)).toBe("In 2023, the largest category was Women (210).");
    snapshot("bar", svg);
  });

  it("dumbbell and its table: A, B, change", async () => {
    const s = spec({ view: "compare", mark: "dumbbell", dimension: "sex", a: 2020, b: 2023 });
    const { svg, rows, ctx } = await draw(s);
    expect(svg).toContain("+350%");
    const table = tableModel(s, rows, ctx);
    expect(table.columns).toEqual(["Category", "2020", "2023", "Change", "% change"]);
    expect(table.display[0]).toEqual(["Synthetic series A — Women", "80", "210", "+130", "+162.5%"]);
    snapshot("dumbbell", svg);
  });

  it("line: an approximate figure is a hollow mark with its qualifier, never joined by the line", async () => {
    const { svg } = await draw(spec({ series: ["synthetic_b"] }));
    expect(svg).toContain("≈\u20091,000");
    // Two points, one approximate: the line mark has no segment to draw.
    const line = /<g[^>]*aria-label="line"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
    expect(line).not.toMatch(/d="M[^"]*L/);
    // …whereas two exact points are joined.
    const exact = (await draw(spec({ from: 2020, to: 2021 }))).svg;
    expect(/<g[^>]*aria-label="line"[^>]*>([\s\S]*?)<\/g>/.exec(exact)?.[1]).toMatch(/d="M[^"]*L/);
  });

  it("Korean summary uses 만 and units", async () => {
    const s = spec({ lang: "ko", series: ["synthetic_b"] });
    const { rows, ctx } = await draw(s);
    expect(summarize(s, rows, ctx)).toBe("합성 시계열 B: 2021년 ≈\u20091,000건에서 2023년 2,000건까지 늘었습니다.");
  });
});
