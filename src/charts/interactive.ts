/**
 * The interactive layer, loaded on first intent: re-queries DuckDB-WASM with the same SQL as the build and
 * redraws the chart, summary, table and source line in place. Text goes in as text, never as HTML.
 */
import { browserDb, getEngine } from "../db/client";
import { runChartQuery } from "../db/queries";
import type { ChartSpec } from "../spec/spec";
import type { Payload } from "./payload";
import { renderChart } from "./render";
import { summarize } from "./summary";
import { sourcesOf, tableModel, type TableModel } from "./table";
import { eventsInView } from "./events";
import { t } from "../i18n";
import { formatDate } from "../i18n/format";

const db = browserDb();

export async function ready(): Promise<void> {
  await getEngine();
}

function tableDom(model: TableModel, caption: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "overflow-x-auto";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const table = document.createElement("table");
  table.className = "data";
  const cap = table.createCaption();
  cap.className = "sr-only";
  cap.textContent = caption;
  const numeric = model.columns.map((_, i) => model.raw.some((r) => typeof r[i] === "number"));
  const head = table.createTHead().insertRow();
  model.columns.forEach((c, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    if (numeric[i]) th.className = "num";
    head.append(th);
  });
  const body = table.createTBody();
  for (const r of model.display) {
    const tr = body.insertRow();
    r.forEach((c, i) => {
      const td = tr.insertCell();
      td.textContent = c;
      if (numeric[i]) td.className = "num";
    });
  }
  wrap.append(table);
  return wrap;
}

/**
 * The source line as SourceLine.astro writes it: publisher, title and date linked to the original, then a link to
 * the source's entry on the sources page. Ids stay in link targets, never in the text.
 */
function sourceLine(el: Element, p: Payload, ids: string[]): void {
  const lang = p.ctx.lang;
  // Inside an embed every link leaves the frame (the sources page refuses to be framed).
  const embed = p.embed || document.querySelector("[data-embed-id]") !== null;
  const out = (a: HTMLAnchorElement, rel: string) => {
    a.rel = rel;
    if (embed) a.target = "_blank";
  };
  const label = el.querySelector("span");
  const keep = label?.cloneNode(true);
  el.replaceChildren();
  if (keep) el.append(keep);
  const quoted = (x: string) => t(lang, "chart.quotedTitle", { title: x });
  ids.forEach((id, i) => {
    const s = p.ctx.sources[id];
    if (!s) return;
    if (i > 0) el.append("; ");
    el.append(" ");
    const pub = s.publisher[lang] || s.publisher.en;
    const a = document.createElement("a");
    a.href = /^https?:\/\//.test(s.url) ? s.url : "#";
    out(a, "noopener noreferrer external");
    a.textContent = pub;
    const rest = [
      s.title ? `, ${quoted(s.title)}` : "",
      s.published ? ` (${formatDate(s.published, lang)})` : "",
      s.grade === "D" || s.grade === "L" ? ` (${t(lang, "chart.secondary")})` : "",
    ].join("");
    const line = document.createElement("span");
    line.append(a, rest);
    el.append(line, " ");
    const ref = document.createElement("a");
    ref.className = "muted";
    ref.href = `${p.sourcesPage}#src-${id}`;
    out(ref, "noopener");
    ref.setAttribute("aria-label", `${t(lang, "chart.sourceDetails")}: ${pub}`);
    ref.textContent = `(${t(lang, "chart.sourceDetails")})`;
    el.append(ref);
  });
}

/** Re-query and redraw one figure; resolves when the new chart is in the DOM. */
export async function redraw(fig: HTMLElement, p: Payload, spec: ChartSpec): Promise<void> {
  const t0 = performance.now();
  const rows = await runChartQuery(db, spec);
  const box = fig.querySelector<HTMLElement>("[data-svg]");
  const summaryEl = fig.querySelector<HTMLElement>("[data-summary]");
  const width = Math.max(320, Math.min(960, box?.clientWidth || 720));
  const el = renderChart(spec, rows, p.ctx, { width, label: p.title, describedBy: summaryEl?.id }, document);
  box?.replaceChildren(el);
  if (summaryEl) summaryEl.textContent = summarize(spec, rows, p.ctx);
  fig.querySelector("[data-table]")?.replaceChildren(tableDom(tableModel(spec, rows, p.ctx), p.title));
  const ol = fig.querySelector<HTMLOListElement>("[data-events]");
  if (ol) {
    const events = eventsInView(spec, rows, p.ctx);
    ol.replaceChildren(
      ...events.map((e) => {
        const li = document.createElement("li");
        li.value = e.n;
        li.textContent = `${e.date} — ${e.label}`;
        return li;
      }),
    );
    ol.hidden = events.length === 0;
  }
  const src = fig.querySelector("[data-sources]");
  if (src) sourceLine(src, p, sourcesOf(rows));
  const ms = performance.now() - t0;
  fig.dataset.redrawMs = ms.toFixed(1);
  fig.dispatchEvent(new CustomEvent("dsc:redrawn", { bubbles: true, detail: { ms, rows: rows.length } }));
}
