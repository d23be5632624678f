/** Draws the console's quick chart with Plot (the choice, or the reason for none, comes from ./quickchart). */
import * as Plot from "@observablehq/plot";
import type { ConsoleResult } from "../db/console";
import { decideChart } from "./quickchart";
import { fmt, type Strings } from "./strings";

/** Left margin for a y axis whose ticks are grouped numbers up to the data's largest (about 8 px a character at 13 px). */
function tickLabelRoom(values: readonly unknown[]): number {
  const most = Math.max(0, ...values.map((v) => Math.abs(Number(v)) || 0));
  return Math.min(120, Math.max(40, 16 + 8 * Math.round(most).toLocaleString("en").length));
}

export function drawQuickChart(box: HTMLElement, result: ConsoleResult | null, s: Strings): void {
  box.replaceChildren();
  if (!result) return;
  const cols = result.columns.slice(0, result.shownColumns).map((c) => c.name);
  const choice = decideChart(
    result.columns.length > cols.length ? result.columns.map((c) => c.name) : cols,
    result.rows,
  );
  if (!("kind" in choice)) {
    const p = document.createElement("p");
    p.className = "muted text-sm";
    p.dataset.noChart = choice.reason;
    p.textContent = fmt(s, choice.reason === "shape" ? "explore.chart.none" : `explore.chart.none.${choice.reason}`, {
      detail: choice.detail ?? "",
    });
    box.append(p);
    return;
  }
  const data = result.rows.map((r) => ({
    ...r,
    [choice.x]: choice.xDate ? new Date(String(r[choice.x])) : r[choice.x],
  }));
  const width = Math.max(280, Math.min(box.clientWidth || 720, 960));
  const label = fmt(s, "explore.chart.label", { x: choice.x, y: choice.y });
  // At 13 px Plot's default bottom margin sets the x-axis label on the tick labels' line; 44 px keeps them apart.
  const common = { width, marginBottom: 44, style: { fontSize: "13px", background: "transparent" }, ariaLabel: label };
  const svg =
    choice.kind === "line"
      ? Plot.plot({
          ...common,
          height: 320,
          marginLeft: tickLabelRoom(data.map((d) => d[choice.y])),
          x: { label: choice.x, tickFormat: choice.xDate ? undefined : (d: number) => String(d) },
          y: { label: choice.y, grid: true },
          color: choice.color ? { legend: true } : undefined,
          marks: [
            Plot.ruleY([0]),
            Plot.line(data, { x: choice.x, y: choice.y, stroke: choice.color, sort: choice.x }),
            Plot.dot(data, { x: choice.x, y: choice.y, fill: choice.color ?? "currentColor", r: 2.5, tip: true }),
          ],
        })
      : Plot.plot({
          ...common,
          height: Math.min(914, 74 + 22 * Math.min(40, data.length)),
          marginLeft: Math.min(140, Math.round(width / 3)),
          x: { label: choice.y, grid: true },
          y: { label: null },
          marks: [
            Plot.barX(data.slice(0, 40), { y: choice.x, x: choice.y, fill: "#0072B2", tip: true, sort: { y: "-x" } }),
            Plot.ruleX([0]),
          ],
        });
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
  box.append(svg);
}
