/**
 * The interactive layer, loaded on first intent: re-queries DuckDB-WASM with the same SQL as the build and
 * redraws the chart, summary, table and source line in place. Text goes in as text, never as HTML.
 */
import { browserDb, getEngine } from "../db/client";
import { runChartQuery } from "../db/queries";
import { preparedDb, type ViewPack } from "../db/prepared";
import type { ChartSpec } from "../spec/spec";
import type { Payload } from "./payload";
import { renderChart } from "./render";
import { summarize } from "./summary";
import { sourcesOf, tableModel, type TableModel } from "./table";
import { eventsInView } from "./events";
import { viewTitle } from "./title";
import { t } from "../i18n";
import { citedSource } from "./source-text";

/** Prepared views first (src/db/prepared.ts), the engine for any other. */
const db = preparedDb(browserDb());

export function addViews(packs: readonly ViewPack[]): void {
  packs.forEach((p) => db.add(p));
}

let warming: Promise<void> | null = null;

/**
 * Resolves when the engine is up (views not prepared need it) and has run one query of each kind on the page.
 * The engine is WebAssembly that the browser compiles as it first runs: a first query of its kind took 320–540 ms
 * on Trends, the next ones 45–90 ms, so the page's own views are queried once (the rows dropped) before the
 * engine counts as ready. Prepared views draw the reader's first changes meanwhile.
 */
export function ready(specs: readonly ChartSpec[] = []): Promise<void> {
  warming ??= (async () => {
    await getEngine();
    const engineDb = browserDb();
    const kinds = new Map(specs.map((s) => [s.view, s]));
    for (const spec of kinds.values()) await runChartQuery(engineDb, spec).catch(() => undefined);
  })();
  // A failure is not remembered here (the client remembers the engine's): a later call asks again.
  warming.catch(() => (warming = null));
  return warming;
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
  ids.forEach((id, i) => {
    const s = p.ctx.sources[id];
    if (!s) return;
    if (i > 0) el.append("; ");
    el.append(" ");
    const { pub, rest } = citedSource(s, lang);
    const a = document.createElement("a");
    a.href = /^https?:\/\//.test(s.url) ? s.url : "#";
    out(a, "noopener noreferrer external");
    a.textContent = pub;
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

/**
 * Re-query and redraw one figure; resolves when the new chart is in the DOM. `still()` is asked before the DOM
 * changes: a newer request for the same figure wins over a slower older one. `event` names the event fired when
 * done (`dsc:redrawn` for a reader's change, `dsc:fitted` for a redraw at a new width).
 */
export async function redraw(
  fig: HTMLElement,
  p: Payload,
  spec: ChartSpec,
  opts: { still?: () => boolean; event?: string } = {},
): Promise<void> {
  const t0 = performance.now();
  const hits = db.hits;
  const rows = await runChartQuery(db, spec);
  const from = db.hits > hits ? "prepared" : "engine";
  if (opts.still && !opts.still()) return;
  const box = fig.querySelector<HTMLElement>("[data-svg]");
  const summaryEl = fig.querySelector<HTMLElement>("[data-summary]");
  // Laid out for the width it gets (the tooltip layer beside it stays).
  const width = Math.max(300, Math.min(1200, Math.floor(box?.clientWidth || 720)));
  // Where readers pick the series, the title follows the view (heading, SVG name, table caption, downloads).
  let title = p.title;
  if (p.bounds.fields.includes("series")) {
    const v = viewTitle(spec, rows, p.ctx);
    title = v.title;
    const h = fig.querySelector("[data-title]");
    if (h) h.textContent = v.title;
    const sub = fig.querySelector("[data-subtitle]");
    if (sub) sub.textContent = v.subtitle;
  }
  const el = renderChart(spec, rows, p.ctx, { width, label: title, describedBy: summaryEl?.id }, document);
  (box?.querySelector("[data-plot]") ?? box)?.replaceChildren(el);
  if (box) box.dataset.drawnWidth = String(width);
  if (summaryEl) summaryEl.textContent = summarize(spec, rows, p.ctx);
  fig.querySelector("[data-table]")?.replaceChildren(tableDom(tableModel(spec, rows, p.ctx), title));
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
  fig.dataset.redrawFrom = from;
  fig.dispatchEvent(
    new CustomEvent(opts.event ?? "dsc:redrawn", { bubbles: true, detail: { ms, rows: rows.length, from } }),
  );
}
