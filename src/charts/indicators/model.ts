/**
 * The compare page's indicator table as data: rows of the indicators query (src/db/queries/indicators.ts) turned
 * into labelled, formatted, sortable rows, the "what changed" sentence, the brief's top changes and notes, and the
 * CSV. Pure: the same code runs at build time (pre-rendered default years) and in the browser (other years).
 */
import type { Row } from "../../db/tables";
import type { ChartContext } from "../context";
import { categoryLabel, seriesTitle } from "../context";
import { t, type StringKey } from "../../i18n";
import { LOCALE, formatChange, formatNumber, formatPercent, formatPeriod, formatSignedNumber } from "../../i18n/format";

export type Reason =
  | "missing_a"
  | "missing_b"
  | "break"
  | "partial"
  | "period_length"
  | "approx"
  | "mixed"
  | "share"
  | "zero"
  | "unknown_shift";

/** Reasons after which no change at all is shown (the others still show an absolute change). */
const NO_CHANGE: readonly Reason[] = [
  "missing_a",
  "missing_b",
  "break",
  "partial",
  "period_length",
  "approx",
  "mixed",
  "unknown_shift",
];

export type SortKey = "indicator" | "body" | "a" | "b" | "change" | "pct" | "unit" | "source";
export const SORT_KEYS: readonly SortKey[] = ["indicator", "body", "a", "b", "change", "pct", "unit", "source"];
export interface Sort {
  key: SortKey;
  dir: "asc" | "desc";
}
/** The default order: size of the % change, largest first (rows without one after, by name). */
export const DEFAULT_SORT: Sort = { key: "pct", dir: "desc" };

/** One table row, ready to show (text only; never HTML). */
export interface IndicatorRow {
  id: string;
  seriesId: string;
  dimension: string;
  category: string;
  label: string;
  body: string;
  unit: string;
  /** Shown values in year A and B (with period when it is not a plain year), "" when missing. */
  a: string;
  b: string;
  rawA: number | null;
  rawB: number | null;
  csvA: string | number | null;
  csvB: string | number | null;
  /** The period in brackets when it is not the plain year (a window, a financial year), else "". */
  periodA: string;
  periodB: string;
  /** The absolute change as shown (points for a share) and as a number, or null. */
  change: string;
  rawChange: number | null;
  pct: string;
  rawPct: number | null;
  reason: Reason | null;
  /** Why no (or only a partial) change is shown, in words; "" when comparable. */
  reasonText: string;
  /** Unknown-share warning for the breakdown, and the shares of known categories offered instead. */
  warning: string;
  known: string;
  sources: string[];
  sourceText: string;
  href: string;
  derived: boolean;
}

export interface IndicatorView {
  a: number;
  b: number;
  rows: IndicatorRow[];
}

const num = (v: Row[string] | undefined): number | null => (v == null ? null : Number(v));
const str = (v: Row[string] | undefined): string => (v == null ? "" : String(v));

function shown(
  r: Row,
  side: "a" | "b",
  ctx: ChartContext,
): { text: string; raw: number | null; csv: string | number | null; period: string } {
  const lang = ctx.lang;
  const value = num(r[`value_${side}`]);
  const share = num(r[`share_${side}`]);
  const period = str(r[`period_${side}`]);
  if (!period) return { text: "", raw: null, csv: null, period: "" };
  const useShare = r.measure === "share" || value == null;
  const raw = useShare ? share : value;
  const q = str(r[`qualifier_${side}`]);
  const text = useShare ? formatPercent(share, lang) : `${q}${formatNumber(value, lang)}`;
  const type = str(r[`period_type_${side}`]);
  const plainYear = type === "calendar_year" && /^\d{4}$/.test(period);
  const when = plainYear
    ? ""
    : ` (${formatPeriod(period, str(r[`period_start_${side}`]), str(r[`period_end_${side}`]), type, lang)})`;
  // The CSV keeps a plain number where the table shows one, and the shown text where it qualifies it.
  return { text: `${text}${when}`, raw, csv: !q && !when && !useShare ? raw : `${text}${when}`, period: when.trim() };
}

/** A long organisation name by its published abbreviation when it ends with one: "… Commission (KCSC)" → "KCSC". */
export function shortName(name: string): string {
  const m = /\(([A-Z][A-Za-z]*[A-Z])\)\s*$/.exec(name);
  if (m) return m[1]!;
  // "한국여성인권진흥원 중앙디지털성범죄피해자지원센터": the unit itself, without its parent institute.
  const words = name.split(" ");
  return name.length > 20 && words.length === 2 ? words[1]! : name;
}

/** Where a row links: its panel on the compare page, else the series elsewhere on the site. */
export type PanelLinks = Record<string, string>;

export function indicatorView(
  rows: Row[],
  a: number,
  b: number,
  ctx: ChartContext,
  links: PanelLinks,
  sort: Sort = DEFAULT_SORT,
): IndicatorView {
  const lang = ctx.lang;
  const pp = t(lang, "ind.pp");
  const out = rows.map((r): IndicatorRow => {
    const sid = str(r.series_id);
    const dim = str(r.dimension);
    const cat = str(r.category);
    const title = seriesTitle(ctx, sid);
    const catLabel = categoryLabel(ctx, dim, cat);
    const reason = (r.reason == null ? null : str(r.reason)) as Reason | null;
    const va = shown(r, "a", ctx);
    const vb = shown(r, "b", ctx);
    const rawChange = reason && NO_CHANGE.includes(reason) ? null : num(r.change);
    const rawPct = reason ? null : num(r.change_pct);
    const isShare = r.measure === "share";
    const change =
      rawChange == null
        ? ""
        : isShare
          ? `${formatSignedNumber(rawChange, lang)} ${pp}`
          : formatSignedNumber(rawChange, lang);
    const pct = rawPct == null ? "" : formatChange(rawPct, lang);
    const reasonText = reason ? t(lang, `ind.reason.${reason}` as StringKey, { a, b }) : "";
    let warning = "";
    let known = "";
    if (r.unknown_warn === true) {
      const ua = num(r.unknown_a);
      const ub = num(r.unknown_b);
      const unpublished = [ua == null ? a : null, ub == null ? b : null].filter((y) => y != null);
      warning = unpublished.length
        ? t(lang, "ind.unknown.gap", { years: unpublished.join(t(lang, "list.separator")) })
        : t(lang, "ind.unknown", { a, b, ua: formatPercent(ua, lang), ub: formatPercent(ub, lang) });
      if (cat !== "unknown") {
        const ka = num(r.known_a);
        const kb = num(r.known_b);
        known =
          ka != null && kb != null
            ? `${t(lang, "ind.known", { ka: formatPercent(ka, lang), kb: formatPercent(kb, lang) })} (${formatSignedNumber(num(r.known_change), lang)} ${pp})`
            : t(lang, "ind.known.na");
      }
    }
    const sources = [...new Set([str(r.source_a), str(r.source_b)].filter(Boolean))];
    const sourceText = sources
      .map((id) => ctx.sources[id]?.publisher[lang] || ctx.sources[id]?.title || "")
      .filter(Boolean)
      .filter((s, i, all) => all.indexOf(s) === i)
      .join("; ");
    const unitCode = ctx.series[sid]?.unit[lang] ?? "";
    return {
      id: `${sid}:${dim}:${cat}`,
      seriesId: sid,
      dimension: dim,
      category: cat,
      label: catLabel ? `${title} — ${catLabel}` : title,
      body: shortName(ctx.series[sid]?.body[lang] ?? ""),
      unit: isShare || (r.value_a == null && r.value_b == null) ? "%" : unitCode,
      a: va.text,
      b: vb.text,
      rawA: va.raw,
      rawB: vb.raw,
      csvA: va.csv,
      csvB: vb.csv,
      periodA: va.period,
      periodB: vb.period,
      change,
      rawChange,
      pct,
      rawPct,
      reason,
      reasonText,
      warning,
      known,
      sources,
      sourceText,
      href: links[sid] ?? "",
      derived: r.derived_a === true || r.derived_b === true,
    };
  });
  return { a, b, rows: sortRows(out, sort, lang) };
}

function textKey(r: IndicatorRow, key: SortKey): string {
  if (key === "indicator") return r.label;
  if (key === "body") return r.body;
  if (key === "unit") return r.unit;
  return r.sourceText;
}

function numKey(r: IndicatorRow, key: SortKey): number | null {
  if (key === "a") return r.rawA;
  if (key === "b") return r.rawB;
  if (key === "change") return r.rawChange;
  // The % column sorts by size of the change, as a reader ranking "what changed most" expects.
  return r.rawPct == null ? null : Math.abs(r.rawPct);
}

/** Sort rows; rows without the sorted value always go last, ties by indicator name. */
export function sortRows(rows: IndicatorRow[], sort: Sort, lang: ChartContext["lang"]): IndicatorRow[] {
  const coll = new Intl.Collator(LOCALE[lang]);
  const dir = sort.dir === "asc" ? 1 : -1;
  const numeric = sort.key === "a" || sort.key === "b" || sort.key === "change" || sort.key === "pct";
  return [...rows].sort((x, y) => {
    if (numeric) {
      const a = numKey(x, sort.key);
      const b = numKey(y, sort.key);
      if (a == null && b != null) return 1;
      if (b == null && a != null) return -1;
      if (a != null && b != null && a !== b) return (a - b) * dir;
    } else {
      const c = coll.compare(textKey(x, sort.key), textKey(y, sort.key));
      if (c !== 0) return c * dir;
    }
    return coll.compare(x.label, y.label);
  });
}

/**
 * A panel's unknown-share warning for the years shown: the warning first, then each category's share of known
 * (empty when the breakdown's unknown share holds steady). Drawn at build time and redrawn by the page script.
 */
export function panelWarning(view: IndicatorView, seriesId: string): string[] {
  const warned = view.rows.filter((r) => r.seriesId === seriesId && r.warning);
  if (!warned.length) return [];
  return [warned[0]!.warning, ...warned.filter((r) => r.known).map((r) => `${r.label}: ${r.known}`)];
}

/** Rows an honest ranking may use: a computed % change, no break, no partial period, no unknown shift. */
export function comparable(rows: IndicatorRow[]): IndicatorRow[] {
  return rows.filter((r) => r.reason == null && r.rawPct != null);
}

/** The three largest honest changes (by size of the % change), for the brief's small charts. */
export function topChanges(rows: IndicatorRow[], n = 3): IndicatorRow[] {
  return [...comparable(rows)].sort((x, y) => Math.abs(y.rawPct!) - Math.abs(x.rawPct!)).slice(0, n);
}

/** The "what changed" sentence, generated from the table and never across a break. */
export function whatChanged(view: IndicatorView, ctx: ChartContext): string {
  const lang = ctx.lang;
  const { a, b } = view;
  const ok = comparable(view.rows);
  const parts: string[] = [];
  if (!ok.length) parts.push(t(lang, "ind.sentence.none", { a, b }));
  else {
    const up = ok.filter((r) => r.rawPct! > 0);
    const rise = [...ok].sort((x, y) => y.rawPct! - x.rawPct!)[0]!;
    const vars = (r: IndicatorRow) => ({ label: r.label, pct: r.pct, va: r.a, vb: r.b });
    if (rise.rawPct! > 0) parts.push(t(lang, "ind.sentence", { a, b, up: up.length, n: ok.length, ...vars(rise) }));
    else parts.push(t(lang, "ind.sentence", { a, b, up: 0, n: ok.length, ...vars(rise) }).replace(/;.*$|\..*$/, "."));
    const fall = [...ok].sort((x, y) => x.rawPct! - y.rawPct!)[0]!;
    if (fall.rawPct! < 0) parts.push(t(lang, "ind.sentence.fall", vars(fall)));
  }
  const broken = [...new Set(view.rows.filter((r) => r.reason === "break").map((r) => seriesTitle(ctx, r.seriesId)))];
  if (broken.length)
    parts.push(t(lang, "ind.sentence.breaks", { a, b, titles: broken.join(t(lang, "list.separator")) }));
  return parts.join(" ");
}

/** Comparability notes for the brief: every row that is not compared, or warned, with its reason. */
/** series_id → what its series break is, in the page's language (from the data's break notes). */
export type BreakNotes = Record<string, string>;

export function notes(view: IndicatorView, ctx: ChartContext, breaks: BreakNotes): { label: string; text: string }[] {
  const lang = ctx.lang;
  const quiet: (Reason | null)[] = [null, "missing_a", "missing_b", "share", "zero"];
  const out: { label: string; text: string }[] = [];
  // A break is one note per series, in full, with the series' own description of what changed.
  const broken = [...new Set(view.rows.filter((r) => r.reason === "break").map((r) => r.seriesId))];
  for (const sid of broken) {
    const why = breaks[sid] ?? "";
    out.push({
      label: seriesTitle(ctx, sid),
      text: [t(lang, "ind.note.break", { a: view.a, b: view.b }), why].filter(Boolean).join(" "),
    });
  }
  for (const r of view.rows) {
    if (r.reason === "break" || (quiet.includes(r.reason) && !r.warning)) continue;
    out.push({
      label: r.label,
      text: [r.reasonText, r.a && r.b ? `(${r.a} → ${r.b})` : "", r.warning, r.known].filter(Boolean).join(" "),
    });
  }
  return out;
}

/** The visible table's columns, in order. */
export function columns(lang: ChartContext["lang"], a: number, b: number): { key: SortKey; label: string }[] {
  return [
    { key: "indicator", label: t(lang, "ind.col.indicator") },
    { key: "a", label: String(a) },
    { key: "b", label: String(b) },
    { key: "change", label: t(lang, "ind.col.change") },
    { key: "pct", label: t(lang, "ind.col.pct") },
    { key: "unit", label: t(lang, "ind.col.unit") },
    { key: "body", label: t(lang, "ind.col.body") },
    { key: "source", label: t(lang, "ind.col.source") },
  ];
}

/** Exactly the table shown, as CSV cells (header first): raw numbers where the table shows a number. */
export function csvCells(view: IndicatorView, lang: ChartContext["lang"]): (string | number | null)[][] {
  const head = [...columns(lang, view.a, view.b).map((c) => c.label), t(lang, "ind.col.note")];
  const body = view.rows.map((r) => [
    r.label,
    r.csvA,
    r.csvB,
    r.rawChange,
    r.rawPct,
    r.unit,
    r.body,
    r.sourceText,
    [r.reasonText, r.warning, r.known].filter(Boolean).join(" "),
  ]);
  return [head, ...body];
}
