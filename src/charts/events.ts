import type { ChartSpec } from "../spec/spec";
import type { ChartContext } from "./context";
import type { Row } from "../db/tables";
import { formatDate } from "../i18n/format";

/**
 * Where a date falls on a year axis whose points sit at the middle of each calendar year. Dates come at the
 * precision the source gives (YYYY, YYYY-MM, YYYY-MM-DD); a missing part is taken as the middle of its span.
 */
export function yearPosition(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  if (m == null || Number.isNaN(m)) return y!;
  const day = d == null || Number.isNaN(d) ? 15 : d;
  return y! - 0.5 + ((m - 1) * 30.5 + day) / 366;
}

export interface ShownEvent {
  n: number;
  x: number;
  date: string;
  label: string;
}

/** The annotation events inside a line chart's year range that concern its series, numbered for the legend. */
export function eventsInView(spec: ChartSpec, rows: Row[], ctx: ChartContext): ShownEvent[] {
  if (spec.mark !== "line" || !rows.length) return [];
  const years = rows.map((r) => Number(r.year));
  const [x0, x1] = [Math.min(...years) - 0.5, Math.max(...years) + 0.5];
  const korean = spec.series.some((s) => (ctx.series[s]?.country || "KR") === "KR");
  return (
    ctx.events
      // An event naming no series concerns the Korean series only (never another country's chart).
      .filter((e) => (e.series.length === 0 ? korean : e.series.some((s) => spec.series.includes(s))))
      .map((e) => ({ e, x: yearPosition(e.date) }))
      .filter(({ x }) => x >= x0 && x <= x1)
      .map(({ e, x }, i) => ({
        n: i + 1,
        x,
        date: formatDate(e.date, ctx.lang),
        label: e.title[ctx.lang],
      }))
  );
}
