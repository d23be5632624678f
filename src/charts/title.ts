/**
 * Titles that describe what a chart shows, for charts whose series a reader can change (Trends): "DSC victims
 * supported, by sex, share (%), 2018–2024". The same text goes to the heading, the SVG's accessible name, the
 * table caption, the downloads and the embed code, so none of them keeps a UI instruction as its title.
 */
import type { ChartSpec } from "./spec";
import type { ChartContext } from "./context";
import { seriesTitle } from "./context";
import { t, type StringKey } from "../i18n";
import { formatRange } from "../i18n/format";
import type { Row } from "../db/tables";

export function viewTitle(spec: ChartSpec, rows: Row[], ctx: ChartContext): { title: string; subtitle: string } {
  const lang = ctx.lang;
  const parts = [spec.series.map((s) => seriesTitle(ctx, s)).join(" · ")];
  if (spec.dimension !== "total") {
    const dim = t(lang, `dim.${spec.dimension}` as StringKey);
    parts.push(t(lang, "title.by", { dim: dim.startsWith("dim.") ? spec.dimension : dim.toLowerCase() }));
  }
  if (spec.mode !== "absolute") parts.push(t(lang, spec.mode === "share" ? "title.share" : "title.index"));
  const windows = rows.filter((r) => r.period_type === "window" && r.period_start && r.period_end);
  const years = rows.map((r) => Number(r.year)).filter(Number.isFinite);
  if (windows.length) {
    // Reporting windows (e.g. Aug–Jul) are not calendar years: name the dates they cover.
    const starts = rows
      .map((r) => String(r.period_start ?? ""))
      .filter(Boolean)
      .sort();
    const ends = rows
      .map((r) => String(r.period_end ?? ""))
      .filter(Boolean)
      .sort();
    parts.push(formatRange(starts[0]!, ends[ends.length - 1]!, lang));
  } else if (years.length) {
    const [a, b] = [Math.min(...years), Math.max(...years)];
    parts.push(a === b ? String(a) : `${a}–${b}`);
  }
  const bodies = [...new Set(spec.series.map((s) => ctx.series[s]?.body[lang]).filter(Boolean))];
  const units = [...new Set(spec.series.map((s) => ctx.series[s]?.unit[lang]).filter(Boolean))];
  const subtitle = [bodies.join("; "), spec.mode === "absolute" && units.length === 1 ? units[0] : ""]
    .filter(Boolean)
    .join(" · ");
  return { title: parts.join(", "), subtitle };
}
