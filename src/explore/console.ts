/**
 * The SQL console (loaded lazily by ./boot): runs the editor's SQL on its own DuckDB-WASM connection in the
 * worker (the page never blocks), can cancel it, shows DuckDB's error with line/column, a paged result table
 * (text only, never HTML), a quick Plot chart, CSV download, and the query in the URL.
 */
import * as Plot from "@observablehq/plot";
import { getConsole, type ConsoleResult, type ConsoleSession } from "../db/client";
import { parseSqlError } from "./sqlerror";
import { recordsToCsv } from "../lib/csv";
import { chooseChart } from "./quickchart";
import { looksReadOnly, shareSearch, MAX_SHARED_SQL, type SharedQuery } from "./share";
import { initUpload } from "./upload";
import { LANGS, formatNumber, type Lang } from "../i18n/format";
import { fill } from "../i18n/template";

const PAGE_SIZE = 50;
export type Strings = Record<string, string>;

export function fmt(s: Strings, key: string, vars: Record<string, string | number> = {}): string {
  return fill(s[key] ?? key, vars);
}

function q<T extends Element>(root: ParentNode, sel: string): T {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
}

export async function start(root: HTMLElement, shared: SharedQuery): Promise<void> {
  const s = JSON.parse(document.querySelector("[data-explore-strings]")?.textContent ?? "{}") as Strings;
  const lang: Lang = (LANGS as readonly string[]).includes(root.dataset.lang ?? "")
    ? (root.dataset.lang as Lang)
    : "en";
  const editor = q<HTMLTextAreaElement>(root, "textarea[data-sql]");
  const gutter = q<HTMLElement>(root, "[data-gutter]");
  const runBtn = q<HTMLButtonElement>(root, "[data-run]");
  const cancelBtn = q<HTMLButtonElement>(root, "[data-cancel]");
  const shareBtn = q<HTMLButtonElement>(root, "[data-share]");
  const dlBtn = q<HTMLButtonElement>(root, "[data-download]");
  const status = q<HTMLElement>(root, "[data-console-status]");
  const errorBox = q<HTMLElement>(root, "[data-error]");
  const wrap = q<HTMLElement>(root, "[data-results-wrap]");
  const results = q<HTMLElement>(root, "[data-results]");
  const pageLabel = q<HTMLElement>(root, "[data-page]");
  const prev = q<HTMLButtonElement>(root, "[data-prev]");
  const next = q<HTMLButtonElement>(root, "[data-next]");
  const chartBox = q<HTMLElement>(root, "[data-quick-chart]");

  const gutterSync = () => {
    const n = editor.value.split("\n").length;
    gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join("\n");
    gutter.scrollTop = editor.scrollTop;
  };
  editor.addEventListener("input", gutterSync);
  editor.addEventListener("scroll", () => (gutter.scrollTop = editor.scrollTop));
  gutterSync();

  if (shared.rejected) status.textContent = fmt(s, "explore.shared.bad", { reason: shared.rejected });
  else if (shared.sql !== null) status.textContent = fmt(s, "explore.shared");

  let session: ConsoleSession;
  root.dataset.engine = "loading";
  const loadingNote = status.textContent;
  if (!loadingNote) status.textContent = fmt(s, "explore.status.loading");
  try {
    session = await getConsole();
  } catch (e) {
    status.textContent = fmt(s, "explore.status.failed", { reason: e instanceof Error ? e.message : String(e) });
    root.dataset.engine = "failed";
    return;
  }
  root.dataset.engine = "ready";
  if (!loadingNote) status.textContent = fmt(s, "explore.status.ready");

  let result: ConsoleResult | null = null;
  let page = 0;
  let running = false;
  let cancelRequested = false;

  const showPage = () => {
    if (!result) return;
    const pages = Math.max(1, Math.ceil(result.rows.length / PAGE_SIZE));
    page = Math.min(Math.max(0, page), pages - 1);
    const table = document.createElement("table");
    table.className = "data text-xs";
    const head = table.createTHead().insertRow();
    for (const c of result.columns) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = c.name;
      th.title = c.type;
      head.append(th);
    }
    const body = table.createTBody();
    for (const r of result.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
      const tr = body.insertRow();
      for (const c of result.columns) {
        const td = tr.insertCell();
        const v = r[c.name];
        td.textContent = v == null ? "NULL" : String(v);
        if (typeof v === "number") td.className = "num";
        if (v == null) td.classList.add("muted");
      }
    }
    results.replaceChildren(table);
    pageLabel.textContent = fmt(s, "explore.page", { page: page + 1, pages });
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  };
  prev.addEventListener("click", () => {
    page--;
    showPage();
  });
  next.addEventListener("click", () => {
    page++;
    showPage();
  });

  const drawChart = () => {
    chartBox.replaceChildren();
    if (!result) return;
    const cols = result.columns.map((c) => c.name);
    const choice = chooseChart(cols, result.rows);
    if (!choice) {
      const p = document.createElement("p");
      p.className = "muted text-sm";
      p.textContent = fmt(s, "explore.chart.none");
      chartBox.append(p);
      return;
    }
    const data = result.rows.map((r) => ({
      ...r,
      [choice.x]: choice.xDate ? new Date(String(r[choice.x])) : r[choice.x],
    }));
    const width = Math.max(320, Math.min(chartBox.clientWidth || 720, 960));
    const label = fmt(s, "explore.chart.label", { x: choice.x, y: choice.y });
    const common = { width, style: { fontSize: "13px", background: "transparent" }, ariaLabel: label };
    const svg =
      choice.kind === "line"
        ? Plot.plot({
            ...common,
            height: 320,
            x: { label: choice.x, tickFormat: choice.xDate ? undefined : (d: number) => String(d) },
            y: { label: choice.y, grid: true },
            color: choice.color ? { legend: true } : undefined,
            marks: [
              Plot.ruleY([0]),
              Plot.line(data, { x: choice.x, y: choice.y, stroke: choice.color, sort: choice.x }),
              Plot.dot(data, { x: choice.x, y: choice.y, fill: choice.color ?? "currentColor", r: 2.5, tip: true }),
            ],
          })
        : Plot.plot({
            ...common,
            height: Math.min(900, 60 + 22 * new Set(data.map((d) => d[choice.x])).size),
            marginLeft: 140,
            x: { label: choice.y, grid: true },
            y: { label: null },
            marks: [
              Plot.barX(data.slice(0, 40), { y: choice.x, x: choice.y, fill: "#0072B2", tip: true, sort: { y: "-x" } }),
              Plot.ruleX([0]),
            ],
          });
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
    chartBox.append(svg);
  };

  const showError = (raw: string, sql: string) => {
    const info = parseSqlError(raw, sql);
    errorBox.hidden = false;
    const head = document.createElement("strong");
    head.textContent =
      info.line !== undefined
        ? `${fmt(s, "explore.error")} ${fmt(s, "explore.error.at", { line: info.line, column: info.column ?? 1 })}`
        : fmt(s, "explore.error");
    const msg = document.createElement("div");
    msg.textContent = info.message;
    errorBox.replaceChildren(head, msg);
    errorBox.dataset.line = String(info.line ?? "");
    errorBox.dataset.column = String(info.column ?? "");
    if (info.line !== undefined) {
      // Put the cursor where DuckDB says the problem is.
      const lines = editor.value.split("\n");
      const offset =
        lines.slice(0, info.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (info.column ?? 1) - 1);
      editor.setSelectionRange(offset, offset);
    }
  };

  const run = async () => {
    if (running) return;
    const sql = editor.value;
    if (!sql.trim()) return;
    running = true;
    cancelRequested = false;
    root.dataset.running = "true";
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    errorBox.hidden = true;
    const t0 = performance.now();
    const tick = setInterval(() => {
      status.textContent = fmt(s, "explore.status.running", { s: ((performance.now() - t0) / 1000).toFixed(1) });
    }, 250);
    status.textContent = fmt(s, "explore.status.running", { s: "0.0" });
    try {
      const r = await session.run(sql);
      const ms = Math.round(performance.now() - t0);
      result = r;
      page = 0;
      wrap.hidden = false;
      showPage();
      drawChart();
      dlBtn.disabled = r.columns.length === 0;
      const n = formatNumber(r.rows.length, lang, 0);
      status.textContent = r.rows.length
        ? `${fmt(s, "explore.status.done", { rows: n, ms })}${r.truncated ? ` ${fmt(s, "explore.status.truncated", { rows: n })}` : ""}`
        : fmt(s, "explore.status.nostmt");
      root.dispatchEvent(new CustomEvent("explore:result", { bubbles: true, detail: { ms, rows: r.rows.length } }));
      root.dispatchEvent(new CustomEvent("explore:tables", { bubbles: true }));
    } catch (e) {
      const raw = e instanceof Error ? e.message : String(e);
      if (cancelRequested) status.textContent = fmt(s, "explore.status.cancelled");
      else {
        status.textContent = "";
        showError(raw, sql);
      }
      root.dispatchEvent(new CustomEvent("explore:error", { bubbles: true, detail: { cancelled: cancelRequested } }));
    } finally {
      clearInterval(tick);
      running = false;
      delete root.dataset.running;
      runBtn.disabled = false;
      cancelBtn.disabled = true;
    }
  };

  runBtn.addEventListener("click", () => void run());
  cancelBtn.addEventListener("click", () => {
    if (!running) return;
    cancelRequested = true;
    void session.cancel();
  });
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  shareBtn.addEventListener("click", () => {
    const search = shareSearch(editor.value);
    if (!search) {
      status.textContent = fmt(s, "explore.share.long", { n: editor.value.length, max: MAX_SHARED_SQL });
      return;
    }
    history.replaceState(null, "", location.pathname + search);
    const sw = document.querySelector<HTMLAnchorElement>("a[data-lang-switch]");
    if (sw) sw.href = new URL(sw.href, location.href).pathname + search;
    void navigator.clipboard?.writeText(location.href).catch(() => {});
    status.textContent = fmt(s, "explore.share.done");
  });
  dlBtn.addEventListener("click", () => {
    if (!result) return;
    const csv = recordsToCsv(
      result.columns.map((c) => c.name),
      result.rows,
    );
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    a.download = "dsc-stats-query.csv";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });

  for (const b of root.querySelectorAll<HTMLButtonElement>("[data-example]")) {
    b.disabled = false;
    b.addEventListener("click", () => {
      editor.value = b.dataset.sql ?? "";
      gutterSync();
      editor.focus();
      void run();
    });
  }
  runBtn.disabled = false;
  shareBtn.disabled = false;

  const userBox = q<HTMLElement>(root, "[data-user-tables]");
  const userList = q<HTMLElement>(root, "[data-user-list]");
  const refreshTables = async () => {
    const tables = await session.userTables();
    userBox.hidden = tables.length === 0;
    userList.replaceChildren(
      ...tables.map((tb) => {
        const li = document.createElement("li");
        li.textContent = `${tb.name} (${tb.columns.map((c) => `${c.name} ${c.type}`).join(", ")})`;
        return li;
      }),
    );
  };
  root.addEventListener("explore:tables", () => void refreshTables().catch(() => {}));
  initUpload(root, session, s);

  if (shared.sql !== null && !shared.rejected) {
    if (looksReadOnly(shared.sql)) {
      status.textContent = fmt(s, "explore.shared.ran");
      await run();
      if (!errorBox.hidden || result) {
        /* the status of the run replaced the note; keep the note visible above results */
        status.textContent = `${fmt(s, "explore.shared.ran")} ${status.textContent}`;
      }
    }
  }
}
