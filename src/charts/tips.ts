/**
 * What a tooltip says about one mark: label, value with its unit and qualifier, the exact period, flags and the
 * source. Pure text, built by the renderers (at build time and in the browser) and read by the small tooltip
 * layer (src/charts/tooltip.ts), which never needs Plot or the engine.
 */
import type { ChartSpec } from "./spec";
import type { ChartContext } from "./context";
import { keyLabel, seriesTitle, unitOf } from "./context";
import { t } from "../i18n";
import { formatChange, formatNumber, readablePeriod, type Lang } from "../i18n/format";
import { LANGUAGES } from "../i18n/languages";
import type { Row } from "../db/tables";

/** One tooltip target in data coordinates (the renderer's x and y channels) with its lines of text. */
export interface TipDatum {
  x: number | string;
  y: number | string;
  lines: string[];
}

/** A row's period for readers ("Jan–Sep 2021", "2021년 1~9월", "2024"). */
export function periodOf(r: Row, lang: Lang): string {
  return readablePeriod(
    String(r.period ?? ""),
    String(r.period_start ?? ""),
    String(r.period_end ?? ""),
    String(r.period_type ?? ""),
    lang,
  );
}

/** A value with qualifier and unit: "more than 4,000 cases", "약 1,000건", "87.6%". */
export function valueText(ctx: ChartContext, spec: ChartSpec, seriesId: string, v: number, qualifier: string): string {
  const lang = ctx.lang;
  const n = formatNumber(v, lang);
  let s: string;
  if (spec.mode === "share") s = `${n}%`;
  else if (spec.mode === "index") s = t(lang, "tip.index", { v: n });
  else {
    const u = unitOf(ctx, seriesId)[lang];
    // A counter joins the number ("1,202건"); a word follows it ("1,202 cases"): the language's own rule.
    s = u === "%" ? `${n}%` : LANGUAGES[lang].counter ? `${n}${u}` : `${n}${u ? ` ${u}` : ""}`;
  }
  if (qualifier === ">") return t(lang, "tip.more", { v: s });
  if (qualifier === "≈" || qualifier === "~") return t(lang, "tip.about", { v: s });
  return qualifier ? `${qualifier}${s}` : s;
}

function sourceName(ctx: ChartContext, id: unknown): string {
  const s = typeof id === "string" ? ctx.sources[id] : undefined;
  return s ? t(ctx.lang, "tip.source", { s: s.publisher[ctx.lang] || s.title }) : "";
}

/** Tooltip lines for a row of the `series` view. */
export function seriesTip(ctx: ChartContext, spec: ChartSpec, r: Row): string[] {
  const lang = ctx.lang;
  const many = spec.series.length > 1;
  const label = keyLabel(ctx, spec.dimension, r, many) || seriesTitle(ctx, String(r.series_id));
  const flags: string[] = [];
  if (r.partial === true) flags.push(t(lang, "chart.partial"));
  if (r.break_before === true) flags.push(t(lang, "chart.break"));
  if (r.derived === true || spec.mode === "index") flags.push(t(lang, "chart.derived"));
  return [
    label,
    r.y == null
      ? t(lang, "chart.nodata")
      : valueText(ctx, spec, String(r.series_id), Number(r.y), String(r.qualifier ?? "")),
    periodOf(r, lang),
    flags.join(" · "),
    sourceName(ctx, r.source_id),
  ].filter(Boolean);
}

/** Tooltip lines for one end of a `compare` row (year A or B). */
export function compareTip(ctx: ChartContext, spec: ChartSpec, r: Row, label: string, which: "a" | "b"): string[] {
  const lang = ctx.lang;
  const v = r[`value_${which}`];
  const year = which === "a" ? spec.a : spec.b;
  const change =
    which === "b" && r.change_pct != null
      ? t(lang, "tip.change", { c: formatChange(Number(r.change_pct), lang), a: spec.a })
      : which === "b" && r.break_between === true
        ? t(lang, "chart.break")
        : "";
  return [
    label,
    v == null
      ? t(lang, "chart.nodata")
      : valueText(
          ctx,
          { ...spec, mode: "absolute" },
          String(r.series_id),
          Number(v),
          String(r[`qualifier_${which}`] ?? ""),
        ),
    readablePeriod(String(year), "", "", "calendar_year", lang),
    change,
    sourceName(ctx, r[`source_${which}`]),
  ].filter(Boolean);
}
