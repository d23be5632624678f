/**
 * The console's result table: text only (never HTML), paged, and capped — at most `shownColumns` columns
 * (the session converts no more) and PAGE_SIZE rows per page — with a note saying what is not drawn and that
 * the CSV download has every column. Numbers are written as the page's language writes them (the download keeps
 * them plain).
 */
import type { ConsoleResult } from "../db/console";
import { consoleNumber, fmt, num, type Strings } from "./strings";

export const PAGE_SIZE = 50;

export interface ResultsTable {
  show(result: ConsoleResult): void;
}

export function resultsTable(
  els: {
    results: HTMLElement;
    pageLabel: HTMLElement;
    prev: HTMLButtonElement;
    next: HTMLButtonElement;
    note: HTMLElement;
  },
  s: Strings,
  lang: string,
): ResultsTable {
  let result: ConsoleResult | null = null;
  let page = 0;
  const draw = () => {
    if (!result) return;
    const pages = Math.max(1, Math.ceil(result.rows.length / PAGE_SIZE));
    page = Math.min(Math.max(0, page), pages - 1);
    const cols = result.columns.slice(0, result.shownColumns);
    const table = document.createElement("table");
    table.className = "data text-xs";
    const head = table.createTHead().insertRow();
    for (const c of cols) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = c.name;
      th.title = c.type;
      head.append(th);
    }
    const body = table.createTBody();
    for (const r of result.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
      const tr = body.insertRow();
      for (const c of cols) {
        const td = tr.insertCell();
        const v = r[c.name];
        td.textContent = v == null ? "NULL" : typeof v === "number" ? consoleNumber(v, c.name, lang) : String(v);
        if (typeof v === "number") td.className = "num";
        if (v == null) td.classList.add("muted");
      }
    }
    els.results.replaceChildren(table);
    els.pageLabel.textContent = fmt(s, "explore.page", { page: page + 1, pages });
    els.prev.disabled = page === 0;
    els.next.disabled = page >= pages - 1;
  };
  els.prev.addEventListener("click", () => {
    page--;
    draw();
  });
  els.next.addEventListener("click", () => {
    page++;
    draw();
  });
  return {
    show(r) {
      result = r;
      page = 0;
      const hidden = r.columns.length - r.shownColumns;
      els.note.hidden = hidden <= 0;
      els.note.textContent =
        hidden > 0
          ? fmt(s, "explore.cols.capped", { shown: num(r.shownColumns, lang), total: num(r.columns.length, lang) })
          : "";
      draw();
    },
  };
}
