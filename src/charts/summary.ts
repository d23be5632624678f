import type { ChartSpec } from "../spec/spec";
import type { ChartContext } from "./context";
import { categoryLabel, keyLabel, seriesName, seriesTitle, unitOf } from "./context";
import { t } from "../i18n";
import { formatCount, formatNumber, formatChange, formatPercent, formatPeriod } from "../i18n/format";
import type { Row } from "../db/tables";
import { barsPerPeriod } from "./renderers/bar";

/** A value in prose: Korean with 만 and its unit ("1만 305명"), English with separators. */
function prose(ctx: ChartContext, spec: ChartSpec, r: Row, v: number): string {
  const q = String(r.qualifier ?? "");
  if (spec.mode === "share") return `${q}${formatNumber(v, ctx.lang)}%`;
  if (spec.mode === "index") return formatNumber(v, ctx.lang);
  const u = unitOf(ctx, String(r.series_id));
  return formatCount(v, ctx.lang, { ko: u.ko === "%" ? "" : u.ko, en: "" }, q);
}

/** A period in prose: "2024" / "2024년", dates for windows. */
function period(ctx: ChartContext, r: Row): string {
  return formatPeriod(
    String(r.period),
    String(r.period_start ?? ""),
    String(r.period_end ?? ""),
    String(r.period_type ?? ""),
    ctx.lang,
  );
}

/** The generated text summary of a chart in the page's language. Plain text. */
export function summarize(spec: ChartSpec, rows: Row[], ctx: ChartContext): string {
  const lang = ctx.lang;
  if (!rows.length) return t(lang, "summary.none");
  if (spec.view === "compare") return summarizeCompare(spec, rows, ctx);
  const many = spec.series.length > 1;
  const parts: string[] = [];
  if (spec.mark === "bar" && !barsPerPeriod(rows)) {
    const lastYear = Math.max(...rows.map((r) => Number(r.year)));
    const at = rows.filter((r) => Number(r.year) === lastYear && r.y != null);
    if (at.length) {
      const top = at.reduce((a, b) => (Number(b.y) > Number(a.y) ? b : a));
      parts.push(
        t(lang, "summary.largest", {
          p: period(ctx, top),
          cat: keyLabel(ctx, spec.dimension, top, many),
          v: prose(ctx, spec, top, Number(top.y)),
        }),
      );
    }
  } else {
    const keys = [...new Set(rows.map((r) => `${r.series_id}:${r.category}`))];
    for (const k of keys.slice(0, 4)) {
      const all = rows.filter((r) => `${r.series_id}:${r.category}` === k && r.y != null && r.partial !== true);
      const pts = all;
      if (!pts.length) continue;
      const first = pts[0]!;
      const last = pts[pts.length - 1]!;
      const label = keyLabel(ctx, spec.dimension, first, many) || seriesTitle(ctx, String(first.series_id));
      const a = Number(first.y);
      const b = Number(last.y);
      const vars = {
        series: label,
        a: prose(ctx, spec, first, a),
        b: prose(ctx, spec, last, b),
        p1: period(ctx, first),
        p2: period(ctx, last),
      };
      // Never "rose from … to …" across a series break: describe the points before the first break, then each
      // later definition on its own.
      const seg = (r: Row) => Number(r.segment ?? 0);
      const before = pts.filter((r) => seg(r) === seg(first));
      if (before.length < pts.length) {
        const l0 = before[before.length - 1]!;
        const v0 = { ...vars, b: prose(ctx, spec, l0, Number(l0.y)), p2: period(ctx, l0) };
        parts.push(
          before.length === 1
            ? t(lang, "summary.single", vars)
            : t(lang, Number(l0.y) > a ? "summary.rose" : Number(l0.y) < a ? "summary.fell" : "summary.flat", v0),
        );
        for (const sg of [...new Set(pts.map(seg))].filter((x) => x !== seg(first))) {
          const sp = pts.filter((r) => seg(r) === sg);
          const f = sp[0]!;
          const l = sp[sp.length - 1]!;
          parts.push(
            t(lang, sp.length === 1 ? "summary.afterBreakOne" : "summary.afterBreak", {
              a: prose(ctx, spec, f, Number(f.y)),
              p1: period(ctx, f),
              b: prose(ctx, spec, l, Number(l.y)),
              p2: period(ctx, l),
            }),
          );
        }
        continue;
      }
      parts.push(
        pts.length === 1
          ? t(lang, "summary.single", vars)
          : t(lang, b > a ? "summary.rose" : b < a ? "summary.fell" : "summary.flat", vars),
      );
    }
  }
  // A gap is a period without the plotted measure (share-only series have no counts, and that is no gap). Gaps
  // are named per line, in time order, and only for the line that has them, so the summary never says "no data"
  // for a year it reports for another category.
  if (spec.mark !== "bar") {
    const measure = (r: Row) => (spec.mode === "share" ? r.share : r.value);
    const keys = [...new Set(rows.map((r) => `${r.series_id}:${r.category}`))];
    const named = keys.length > 1;
    for (const k of keys) {
      const missing = rows
        .filter((r) => `${r.series_id}:${r.category}` === k && measure(r) == null)
        .sort((a, b) => String(a.period_start ?? a.period).localeCompare(String(b.period_start ?? b.period)));
      const periods = [...new Set(missing.map((r) => period(ctx, r)))];
      if (!periods.length) continue;
      const label = named ? keyLabel(ctx, spec.dimension, missing[0]!, many) : "";
      parts.push(
        label
          ? t(lang, "summary.gapsFor", { cat: label, periods: periods.join(", ") })
          : t(lang, "summary.gaps", { periods: periods.join(", ") }),
      );
    }
  }
  // With several series, each break is told with the series it belongs to; an index stops at it (series.ts).
  const breakRows = rows.filter((r) => r.break_before === true);
  const periodsOf = (rs: Row[]) => [...new Set(rs.map((r) => period(ctx, r)))].join(", ");
  if (breakRows.length && many) {
    for (const id of new Set(breakRows.map((r) => String(r.series_id))))
      parts.push(
        t(lang, "summary.breaksFor", {
          series: seriesName(ctx, id, spec.series),
          periods: periodsOf(breakRows.filter((r) => String(r.series_id) === id)),
        }),
      );
  } else if (breakRows.length) parts.push(t(lang, "summary.breaks", { periods: periodsOf(breakRows) }));
  if (breakRows.length && spec.mode === "index") parts.push(t(lang, "summary.indexBreak"));
  return parts.join(" ") || t(lang, "summary.none");
}

/**
 * Compare view: the changes that can be computed, then — never "no figures" when figures are drawn — the pairs
 * shown without a change, with both values and the reason ("2023: 180; 2024: 1,202 — definitions differ, so no
 * change is computed").
 */
function summarizeCompare(spec: ChartSpec, rows: Row[], ctx: ChartContext): string {
  const lang = ctx.lang;
  const label = (r: Row) =>
    categoryLabel(ctx, String(r.dimension), String(r.category)) || seriesTitle(ctx, String(r.series_id));
  const parts: string[] = [];
  const changed = rows.filter((r) => r.change_pct != null);
  if (changed.length) {
    const up = changed.filter((r) => Number(r.change_pct) > 0).length;
    const top = changed.reduce((a, b) => (Math.abs(Number(b.change_pct)) > Math.abs(Number(a.change_pct)) ? b : a));
    parts.push(
      t(lang, "summary.compare", {
        a: spec.a,
        b: spec.b,
        n: up,
        m: changed.length,
        cat: label(top),
        chg: formatChange(Number(top.change_pct), lang),
      }),
    );
  }
  const shown = (v: Row[string] | undefined, sh: Row[string] | undefined, q: Row[string] | undefined) =>
    v != null
      ? `${String(q ?? "")}${formatNumber(Number(v), lang)}`
      : sh != null
        ? formatPercent(Number(sh), lang)
        : t(lang, "chart.nodata");
  const unchanged = rows.filter(
    (r) => r.change_pct == null && (r.value_a != null || r.value_b != null || r.share_a != null || r.share_b != null),
  );
  for (const r of unchanged.slice(0, 4)) {
    const why =
      r.break_between === true
        ? "summary.why.break"
        : r.qualifier_a || r.qualifier_b
          ? "summary.why.approx"
          : r.value_a == null && r.value_b == null && r.share_a != null && r.share_b != null
            ? "summary.why.sharesBoth"
            : r.value_a == null || r.value_b == null
              ? (r.value_a ?? r.share_a) != null && (r.value_b ?? r.share_b) != null
                ? "summary.why.shares"
                : "summary.why.missing"
              : "summary.why.zero";
    parts.push(
      t(lang, "summary.pair", {
        series: label(r),
        a: spec.a,
        va: shown(r.value_a, r.share_a, r.qualifier_a),
        b: spec.b,
        vb: shown(r.value_b, r.share_b, r.qualifier_b),
        why: t(lang, why),
      }),
    );
  }
  if (unchanged.length > 4) parts.push(t(lang, "summary.more", { n: unchanged.length - 4 }));
  return parts.join(" ") || t(lang, "summary.none");
}
