import type { ChartSpec } from "../spec/spec";
import type { ChartContext } from "./context";
import { categoryLabel, seriesTitle } from "./context";
import { t } from "../i18n";
import { localized } from "../i18n/columns";
import { formatNumber, formatPercent, formatChange, formatSignedNumber } from "../i18n/format";
import type { Row } from "../db/tables";

/** The data table of a chart: what is shown (display) and the same cells unformatted (raw, for CSV). */
export interface TableModel {
  columns: string[];
  display: string[][];
  raw: (string | number | null)[][];
}

function flags(r: Row, lang: ChartContext["lang"]): string {
  const f: string[] = [];
  if (r.partial === true) f.push(t(lang, "chart.partial"));
  if (r.break_before === true) f.push(t(lang, "chart.break"));
  if (r.derived === true) f.push(t(lang, "chart.derived"));
  if (r.grade === "D" || r.grade === "L") f.push(t(lang, "chart.secondary"));
  if (r.qualifier) f.push(t(lang, "chart.approx"));
  // Validator flags in notes ("[parts-not-exhaustive]") are for maintainers, not readers.
  const note = localized(r, "note", lang)
    .replace(/\[(?:parts-not-exhaustive|overlapping-categories)\]\s*/g, "")
    .trim();
  if (note) f.push(note);
  return f.join("; ");
}

const num = (v: Row[string] | undefined): number | null => (v == null ? null : Number(v));

export function tableModel(spec: ChartSpec, rows: Row[], ctx: ChartContext): TableModel {
  const lang = ctx.lang;
  const nodata = t(lang, "chart.nodata");
  if (spec.view === "compare") {
    const columns = [
      t(lang, "chart.category"),
      String(spec.a),
      String(spec.b),
      t(lang, "chart.change"),
      // Consecutive years: "% change on the previous year" (전년 대비), the wording readers look for.
      t(lang, spec.b - spec.a === 1 ? "chart.changeYoy" : "chart.changePct"),
    ];
    const label = (r: Row) => {
      const cat = categoryLabel(ctx, String(r.dimension), String(r.category));
      const title = seriesTitle(ctx, String(r.series_id));
      return cat ? `${title} — ${cat}` : title;
    };
    return {
      columns,
      display: rows.map((r) => [
        label(r),
        r.value_a == null ? nodata : `${r.qualifier_a ?? ""}${formatNumber(num(r.value_a), lang)}`,
        r.value_b == null ? nodata : `${r.qualifier_b ?? ""}${formatNumber(num(r.value_b), lang)}`,
        r.change == null
          ? r.break_between === true
            ? t(lang, "chart.break")
            : ""
          : formatSignedNumber(num(r.change), lang),
        r.change_pct == null ? "" : formatChange(num(r.change_pct), lang),
      ]),
      raw: rows.map((r) => [label(r), num(r.value_a), num(r.value_b), num(r.change), num(r.change_pct)]),
    };
  }
  const many = spec.series.length > 1;
  const withCat = spec.dimension !== "total";
  const columns = [
    ...(many ? [t(lang, "chart.series")] : []),
    ...(withCat ? [t(lang, "chart.category")] : []),
    t(lang, "chart.period"),
    t(lang, "chart.value"),
    t(lang, "chart.share"),
    ...(spec.mode === "index" ? [t(lang, "chart.index")] : []),
    t(lang, "chart.notes"),
  ];
  const display: string[][] = [];
  const raw: (string | number | null)[][] = [];
  for (const r of rows) {
    const lead = [
      ...(many ? [seriesTitle(ctx, String(r.series_id))] : []),
      ...(withCat ? [categoryLabel(ctx, spec.dimension, String(r.category))] : []),
      String(r.period),
    ];
    const q = String(r.qualifier ?? "");
    display.push([
      ...lead,
      r.value == null ? nodata : `${q}${formatNumber(num(r.value), lang)}`,
      r.share == null ? "" : formatPercent(num(r.share), lang),
      ...(spec.mode === "index" ? [r.y == null ? "" : formatNumber(num(r.y), lang)] : []),
      flags(r, lang),
    ]);
    raw.push([
      ...lead,
      q && r.value != null ? `${q}${r.value}` : num(r.value),
      num(r.share),
      ...(spec.mode === "index" ? [num(r.y)] : []),
      flags(r, lang),
    ]);
  }
  return { columns, display, raw };
}

/** Source ids behind a set of rows (series rows carry source_id; compare rows source_a/source_b). */
export function sourcesOf(rows: Row[]): string[] {
  const ids = rows
    .flatMap((r) => [r.source_id, r.source_a, r.source_b])
    .filter((v): v is string => typeof v === "string" && v !== "");
  return [...new Set(ids)].sort();
}
