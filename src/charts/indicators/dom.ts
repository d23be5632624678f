/**
 * The indicator table, the brief's small charts, notes and source list as DOM, built into any `Document` (the
 * browser's, or linkedom's at build time) so the pre-rendered page and the re-queried one are the same markup.
 * Text goes in as text, never as HTML.
 */
import type { ChartContext } from "../context";
import { t } from "../../i18n";
import { formatDate, type Lang } from "../../i18n/format";
import {
  columns,
  notes,
  topChanges,
  type BreakNotes,
  type IndicatorRow,
  type IndicatorView,
  type Sort,
  type SortKey,
} from "./model";

const SVG = "http://www.w3.org/2000/svg";
const NUMERIC: readonly SortKey[] = ["a", "b", "change", "pct"];

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

/** The table (caption, sortable header, body). Rows are shown in the order given. */
export function renderTable(view: IndicatorView, lang: Lang, sort: Sort, doc: Document): HTMLTableElement {
  const table = el(doc, "table", { class: "data ind-table", "data-ind-table": "" });
  const cap = el(doc, "caption", { class: "sr-only" }, t(lang, "ind.heading", { a: view.a, b: view.b }));
  table.append(cap);
  const thead = el(doc, "thead");
  const hr = el(doc, "tr");
  for (const c of columns(lang, view.a, view.b)) {
    const th = el(doc, "th", { scope: "col", "data-key": c.key });
    if (NUMERIC.includes(c.key)) th.setAttribute("class", "num");
    th.setAttribute("aria-sort", sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none");
    const btn = el(doc, "button", { type: "button", class: "ind-sort", "data-sort": c.key }, c.label);
    const arrow = el(doc, "span", { "aria-hidden": "true", class: "ind-arrow" });
    arrow.textContent = sort.key === c.key ? (sort.dir === "asc" ? " ▲" : " ▼") : "";
    btn.append(arrow);
    th.append(btn);
    hr.append(th);
  }
  thead.append(hr);
  table.append(thead);
  const tbody = el(doc, "tbody");
  const labels = Object.fromEntries(columns(lang, view.a, view.b).map((c) => [c.key, c.label]));
  for (const r of view.rows) tbody.append(renderRow(r, lang, labels, doc));
  table.append(tbody);
  return table;
}

/** One row; `data-label` names each cell's column for the phone layout, where cells stack under the label. */
function renderRow(r: IndicatorRow, lang: Lang, labels: Record<string, string>, doc: Document): HTMLTableRowElement {
  const tr = el(doc, "tr", { "data-id": r.id, "data-series": r.seriesId });
  if (r.reason) tr.setAttribute("data-reason", r.reason);
  const th = el(doc, "th", { scope: "row", class: "ind-label" });
  if (r.href) th.append(el(doc, "a", { href: r.href }, r.label));
  else th.append(r.label);
  if (r.derived) th.append(el(doc, "span", { class: "muted" }, ` (${t(lang, "ind.derived")})`));
  if (r.warning) {
    const w = el(doc, "span", { class: "ind-warn", "data-warn": "" }, `⚠ ${r.warning}`);
    th.append(w);
    if (r.known) th.append(el(doc, "span", { class: "ind-known", "data-known": "" }, r.known));
  }
  tr.append(th);
  const td = (col: string, text: string, cls = "num") =>
    el(doc, "td", { class: cls, "data-col": col, "data-label": labels[col] ?? "" }, text);
  // The value first, its period (when not the plain year) on a line of its own.
  for (const [col, text, period] of [
    ["a", r.a, r.periodA],
    ["b", r.b, r.periodB],
  ] as const) {
    const cell = td(col, period ? text.slice(0, text.length - period.length).trimEnd() : text);
    if (period) cell.append(" ", el(doc, "span", { class: "ind-period" }, period));
    tr.append(cell);
  }
  if (r.rawChange == null && r.rawPct == null && r.reasonText) {
    const reason = td("reason", r.reasonText, "ind-reason");
    reason.setAttribute("colspan", "2");
    reason.setAttribute("data-label", labels.change ?? "");
    tr.append(reason);
  } else {
    tr.append(td("change", r.change));
    const pct = td("pct", r.pct);
    if (!r.pct && r.reasonText) {
      pct.textContent = r.reasonText;
      pct.setAttribute("class", "ind-reason");
    }
    tr.append(pct);
  }
  tr.append(td("unit", r.unit, ""), td("body", r.body, ""), td("source", r.sourceText, ""));
  return tr;
}

/** One small bar pair per change: year A and year B on a shared scale, values written beside the bars. */
export function renderTopCharts(view: IndicatorView, lang: Lang, doc: Document): HTMLElement {
  const wrap = el(doc, "div", { class: "ind-top", "data-ind-top": "" });
  for (const r of topChanges(view.rows)) {
    const fig = el(doc, "figure", { class: "ind-mini" });
    const cap = el(doc, "figcaption", { class: "text-sm" });
    cap.append(el(doc, "strong", {}, r.label), ` ${r.pct}`);
    fig.append(cap);
    const w = 300;
    const h = 56;
    const max = Math.max(r.rawA ?? 0, r.rawB ?? 0) || 1;
    const svg = doc.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    svg.setAttribute("width", String(w));
    svg.setAttribute("height", String(h));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `${r.label}: ${view.a} ${r.a}, ${view.b} ${r.b} (${r.pct})`);
    const bars: [string, number, string, string][] = [
      [String(view.a), r.rawA ?? 0, r.a, "ind-bar-a"],
      [String(view.b), r.rawB ?? 0, r.b, "ind-bar-b"],
    ];
    bars.forEach(([year, v, text, cls], i) => {
      const y = 6 + i * 24;
      const label = doc.createElementNS(SVG, "text");
      label.setAttribute("x", "0");
      label.setAttribute("y", String(y + 13));
      label.setAttribute("font-size", "12");
      label.setAttribute("fill", "currentColor");
      label.textContent = year;
      const bw = Math.max(1, Math.round((v / max) * 170));
      const rect = doc.createElementNS(SVG, "rect");
      rect.setAttribute("x", "40");
      rect.setAttribute("y", String(y));
      rect.setAttribute("width", String(bw));
      rect.setAttribute("height", "18");
      rect.setAttribute("class", cls);
      const val = doc.createElementNS(SVG, "text");
      val.setAttribute("x", String(44 + bw));
      val.setAttribute("y", String(y + 13));
      val.setAttribute("font-size", "12");
      val.setAttribute("fill", "currentColor");
      val.textContent = text;
      svg.append(label, rect, val);
    });
    fig.append(svg);
    wrap.append(fig);
  }
  return wrap;
}

/** The brief's comparability notes (a list), or nothing when every row compares. */
export function renderNotes(view: IndicatorView, ctx: ChartContext, breaks: BreakNotes, doc: Document): HTMLElement {
  const ul = el(doc, "ul", { class: "ind-notes text-sm list-disc pl-5", "data-ind-notes": "" });
  for (const n of notes(view, ctx, breaks)) {
    const li = el(doc, "li");
    li.append(el(doc, "strong", {}, n.label), ` — ${n.text}`);
    ul.append(li);
  }
  return ul;
}

/** Sources behind the rows shown: publisher, title, date and link, each once. */
export function renderSources(view: IndicatorView, ctx: ChartContext, doc: Document): HTMLElement {
  const lang = ctx.lang;
  const ids = [...new Set(view.rows.flatMap((r) => r.sources))];
  const items = ids
    .map((id) => ({ id, s: ctx.sources[id] }))
    .filter((x): x is { id: string; s: NonNullable<ChartContext["sources"][string]> } => x.s != null)
    .sort((x, y) => (x.s.publisher[lang] || x.s.title).localeCompare(y.s.publisher[lang] || y.s.title));
  const ol = el(doc, "ol", { class: "ind-sources text-xs list-decimal pl-5", "data-ind-sources": "" });
  for (const { s } of items) {
    const li = el(doc, "li");
    const date = s.published ? ` (${formatDate(s.published, lang)})` : "";
    li.append(`${s.publisher[lang] || ""}, ${s.title}${date}. `);
    if (/^https?:\/\//.test(s.url)) li.append(el(doc, "span", { class: "ind-url" }, s.url));
    ol.append(li);
  }
  return ol;
}
