/**
 * The compare page's indicator table in the browser: sorting (mouse and keyboard: buttons in the headers),
 * the body filter, CSV of exactly the rows shown, the print button, and the sticky year bar. Changing a year
 * re-queries DuckDB-WASM (./requery, loaded on first change) and moves every panel with it, through the figure that
 * owns the years in the URL. No Plot and no DuckDB in this module: it is part of the page's first script.
 */
import type { Row } from "../../db/tables";
import type { ChartContext } from "../context";
import type { ChartSpec } from "../../spec/spec";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n";
import {
  DEFAULT_SORT,
  csvCells,
  indicatorView,
  panelWarning,
  whatChanged,
  type IndicatorView,
  type Sort,
  type SortKey,
} from "./model";
import { renderNotes, renderSources, renderTable, renderTopCharts } from "./dom";

interface IndPayload {
  lang: Lang;
  a: number;
  b: number;
  rows: Row[];
  ctx: ChartContext;
  links: Record<string, string>;
  pairs: [number, number][];
  breaks: Record<string, string>;
  leader: string;
}

const TEXT_KEYS: readonly SortKey[] = ["indicator", "body", "unit", "source"];

function init(root: HTMLElement): void {
  const raw = root.querySelector("script[data-ind-payload]")?.textContent;
  if (!raw) return;
  const p = JSON.parse(raw) as IndPayload;
  const lang = p.lang;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const state = { a: p.a, b: p.b, rows: p.rows, sort: DEFAULT_SORT as Sort, body: "", seq: 0 };
  // Built on first need: the table, sentence and panel warnings for the page's own years are already in the HTML,
  // and formatting every row while the page loads is a long task on a phone.
  /** The years the table shows (state.a/b move as soon as the reader picks; these once the rows arrive). */
  const shown = { a: p.a, b: p.b };
  let built: IndicatorView | null = null;
  const view = (): IndicatorView => (built ??= indicatorView(state.rows, shown.a, shown.b, p.ctx, p.links, state.sort));
  const bar = q<HTMLFormElement>("[data-ind-bar]")!;
  const selA = q<HTMLSelectElement>('[data-ind-year="a"]')!;
  const selB = q<HTMLSelectElement>('[data-ind-year="b"]')!;
  const bodySel = q<HTMLSelectElement>("[data-ind-body]")!;
  const status = q<HTMLElement>("[data-ind-status]")!;
  const leader = document.getElementById(p.leader);

  const shownView = (): IndicatorView => ({
    ...view(),
    rows: state.body ? view().rows.filter((r) => r.body === state.body) : view().rows,
  });

  function say(text: string, visible: boolean): void {
    status.textContent = text;
    status.classList.toggle("sr-only", !visible);
  }

  /** Offer only year pairs some indicator covers: A's options with any pair, B's with a pair from A. */
  function syncBar(): void {
    selA.value = String(state.a);
    selB.value = String(state.b);
    for (const o of Array.from(selA.options)) o.disabled = !p.pairs.some(([x]) => x === Number(o.value));
    for (const o of Array.from(selB.options))
      o.disabled = !p.pairs.some(([x, y]) => x === state.a && y === Number(o.value));
  }

  function draw(focusKey?: SortKey): void {
    const v = shownView();
    const table = renderTable(v, lang, state.sort, document);
    q("[data-ind-wrap]")!.replaceChildren(table);
    q("[data-ind-heading]")!.textContent = t(lang, "ind.heading", { a: state.a, b: state.b });
    q("[data-ind-count]")!.textContent = t(lang, "ind.shown", { n: v.rows.length, m: view().rows.length });
    if (focusKey) table.querySelector<HTMLButtonElement>(`button[data-sort="${focusKey}"]`)?.focus();
  }

  function drawAll(): void {
    draw();
    // The sentence, the brief's charts, notes and sources describe every indicator, whatever the filter.
    q("[data-ind-sentence]")!.textContent = whatChanged(view(), p.ctx);
    q("[data-ind-brief-title]")!.textContent = t(lang, "ind.brief.title", { a: state.a, b: state.b });
    q("[data-ind-top-wrap]")!.replaceChildren(renderTopCharts(view(), lang, document));
    q("[data-ind-notes-wrap]")!.replaceChildren(renderNotes(view(), p.ctx, p.breaks, document));
    q("[data-ind-sources-wrap]")!.replaceChildren(renderSources(view(), p.ctx, document));
    const link = new URL(location.pathname, location.href);
    link.search = `a=${state.a}&b=${state.b}`;
    q("[data-ind-permalink]")!.textContent = link.href;
    panelWarnings();
  }

  /** Each panel carries its breakdown's unknown-share warning for the years shown (or none). */
  function panelWarnings(): void {
    for (const fig of document.querySelectorAll<HTMLElement>("figure[data-chart^='compare_']")) {
      const lines = panelWarning(view(), fig.dataset.chart!.slice("compare_".length));
      const box = fig.querySelector<HTMLElement>("[data-ind-panel-warn]");
      if (box) box.hidden = lines.length === 0;
      box?.replaceChildren(
        ...lines.map((l, i) => {
          const e = document.createElement("p");
          if (i === 0) e.className = "ind-warn";
          e.textContent = i === 0 ? `⚠ ${l}` : l;
          return e;
        }),
      );
    }
  }

  async function setYears(a: number, b: number, fromLeader: boolean): Promise<void> {
    if (a === state.a && b === state.b) return;
    state.a = a;
    state.b = b;
    syncBar();
    if (!fromLeader) moveLeader(a, b);
    const seq = ++state.seq;
    root.setAttribute("aria-busy", "true");
    say(t(lang, "ind.status.updating", { a, b }), true);
    try {
      const m = await import("./requery");
      const rows = await m.requery(a, b);
      if (seq !== state.seq) return;
      state.rows = rows;
      Object.assign(shown, { a, b });
      built = null;
      drawAll();
      say(t(lang, "ind.status.ready", { a, b }), false);
      root.dispatchEvent(new CustomEvent("dsc:indicators", { bubbles: true, detail: { a, b, rows: rows.length } }));
    } catch (err) {
      if (seq !== state.seq) return;
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 200);
      say(t(lang, "ind.status.failed", { reason, a: shown.a, b: shown.b }), true);
    } finally {
      if (seq === state.seq) root.removeAttribute("aria-busy");
    }
  }

  /** The leader figure owns the years in the URL and moves the other panels (src/charts/mount.ts). */
  function moveLeader(a: number, b: number): void {
    const form = leader?.querySelector<HTMLFormElement>("form[data-controls]");
    if (!form) return;
    const fa = form.elements.namedItem("a");
    const fb = form.elements.namedItem("b");
    if (fa instanceof HTMLSelectElement) fa.value = String(a);
    if (fb instanceof HTMLSelectElement) fb.value = String(b);
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function onYearChange(): void {
    let a = Number(selA.value);
    let b = Number(selB.value);
    // A new year A keeps B when the pair is covered, else takes the nearest covered B.
    if (!p.pairs.some(([x, y]) => x === a && y === b)) {
      const bs = p.pairs.filter(([x]) => x === a).map(([, y]) => y);
      if (!bs.length) return syncBar();
      b = bs.reduce((best, y) => (Math.abs(y - b) < Math.abs(best - b) ? y : best), bs[0]!);
    }
    if (a >= b) a = state.a;
    void setYears(a, b, false);
  }

  bar.addEventListener("submit", (e) => e.preventDefault());
  bar.addEventListener("change", onYearChange);
  bodySel.addEventListener("change", () => {
    state.body = bodySel.value;
    draw();
  });
  root.addEventListener("click", (e) => {
    const btn = e.target instanceof Element ? e.target.closest<HTMLButtonElement>("button[data-sort]") : null;
    if (!btn) return;
    const key = btn.dataset.sort as SortKey;
    const dir: Sort["dir"] =
      state.sort.key === key ? (state.sort.dir === "asc" ? "desc" : "asc") : TEXT_KEYS.includes(key) ? "asc" : "desc";
    state.sort = { key, dir };
    built = null;
    draw(key);
  });
  const csvBtn = q<HTMLButtonElement>("[data-ind-csv]")!;
  csvBtn.addEventListener("click", async () => {
    // The CSV writer (papaparse) loads on first download, never with the page.
    const { toCsv } = await import("../../lib/csv");
    const [head, ...body] = csvCells(shownView(), lang);
    const blob = new Blob([toCsv(head as string[], body)], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `dsc-stats-indicators-${state.a}-${state.b}-${lang}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  const printBtn = q<HTMLButtonElement>("[data-ind-print]")!;
  printBtn.addEventListener("click", () => window.print());
  for (const b of [csvBtn, printBtn]) b.hidden = false;
  for (const s of [selA, selB, bodySel]) s.disabled = false;
  syncBar();
  say("", false);

  // Years from a permalink (or the back button) arrive through the leader figure's spec.
  const follow = (spec: ChartSpec | undefined) => {
    if (spec && (spec.a !== state.a || spec.b !== state.b)) void setYears(spec.a, spec.b, true);
  };
  leader?.addEventListener("dsc:spec", (e) => follow((e as CustomEvent<ChartSpec>).detail));
  if (leader?.dataset.spec) follow(JSON.parse(leader.dataset.spec) as ChartSpec);
}

function start(): void {
  const root = document.querySelector<HTMLElement>("[data-indicators]");
  if (!root) return;
  // mount.ts publishes the leader's spec (from the URL) on init; take the table over after it.
  if (document.documentElement.dataset.js === "on") init(root);
  else document.addEventListener("dsc:mounted", () => init(root), { once: true });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
