/**
 * The SQL console (loaded lazily by ./boot): wires the editor, the run controller (./run-controller), the
 * result table (./results-table), the quick chart (./quick-chart), CSV download, shared links and the reader's
 * own CSV (./upload). A query from a link is shown, never run by itself: the reader presses Run.
 */
import { getConsole, type ConsoleResult } from "../db/console";
import { idlePeriod } from "../lib/idle";
import { quoteIdent } from "../db/queries/explore";
import { recordsToCsv } from "../lib/csv";
import { drawQuickChart } from "./quick-chart";
import { resultsTable } from "./results-table";
import { runController } from "./run-controller";
import { shareSearch, MAX_SHARED_SQL, type SharedQuery } from "./share";
import type { SqlErrorInfo } from "./sqlerror";
import { fmt, num, readStrings } from "./strings";
import { initUpload } from "./upload";

function q<T extends Element>(root: ParentNode, sel: string): T {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
}

/** Warm the engine's CSV reader once the page is idle (see ConsoleSession.warmCsvReader); best effort. */
function warmAtIdle(): void {
  void idlePeriod(2000, 200)
    .then(() => getConsole())
    .then((c) => c.warmCsvReader())
    .catch(() => {});
}

export async function start(root: HTMLElement, shared: SharedQuery): Promise<void> {
  const s = readStrings();
  const lang = root.dataset.lang ?? "en";
  const editor = q<HTMLTextAreaElement>(root, "textarea[data-sql]");
  const runBtn = q<HTMLButtonElement>(root, "[data-run]");
  const cancelBtn = q<HTMLButtonElement>(root, "[data-cancel]");
  const shareBtn = q<HTMLButtonElement>(root, "[data-share]");
  const dlBtn = q<HTMLButtonElement>(root, "[data-download]");
  const status = q<HTMLElement>(root, "[data-console-status]");
  const origin = q<HTMLElement>(root, "[data-query-origin]");
  const errorBox = q<HTMLElement>(root, "[data-error]");
  const wrap = q<HTMLElement>(root, "[data-results-wrap]");
  const chartBox = q<HTMLElement>(root, "[data-quick-chart]");
  const table = resultsTable(
    {
      results: q(root, "[data-results]"),
      pageLabel: q(root, "[data-page]"),
      prev: q(root, "[data-prev]"),
      next: q(root, "[data-next]"),
      note: q(root, "[data-results-note]"),
    },
    s,
    lang,
  );

  // A shared query is shown with where it came from, and waits for Run (it could be anything).
  if (shared.rejected) origin.textContent = fmt(s, "explore.shared.bad", { reason: shared.rejected });
  else if (shared.sql !== null) origin.textContent = fmt(s, "explore.shared");
  origin.hidden = !origin.textContent;

  root.dataset.engine = "loading";
  status.textContent = fmt(s, "explore.status.loading");
  try {
    await getConsole();
  } catch (e) {
    status.textContent = fmt(s, "explore.status.failed", { reason: e instanceof Error ? e.message : String(e) });
    root.dataset.engine = "failed";
    return;
  }
  root.dataset.engine = "ready";
  status.textContent = fmt(s, "explore.status.ready");
  warmAtIdle();

  let result: ConsoleResult | null = null;
  const showError = (info: SqlErrorInfo) => {
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
  const controller = runController(
    {
      root,
      status,
      runBtn,
      cancelBtn,
      onClear() {
        errorBox.hidden = true;
      },
      onResult(r) {
        result = r;
        wrap.hidden = false;
        table.show(r);
        drawQuickChart(chartBox, r, s);
        dlBtn.disabled = r.columns.length === 0;
      },
      onError(info) {
        // An old result under a new error would read as the error's result.
        result = null;
        wrap.hidden = true;
        q(root, "[data-results]").replaceChildren();
        chartBox.replaceChildren();
        dlBtn.disabled = true;
        showError(info);
      },
    },
    s,
    lang,
  );
  const run = () => {
    origin.hidden = true;
    void controller.run(editor.value);
  };

  runBtn.addEventListener("click", run);
  cancelBtn.addEventListener("click", () => controller.cancel());
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
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
      result.allRows(),
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
      editor.focus();
      run();
    });
  }
  runBtn.disabled = false;
  shareBtn.disabled = false;

  const userBox = q<HTMLElement>(root, "[data-user-tables]");
  const userList = q<HTMLElement>(root, "[data-user-list]");
  const drawTables = async () => {
    const tables = await (await getConsole()).userTables();
    userBox.hidden = tables.length === 0;
    userList.replaceChildren(
      ...tables.map((tb) => {
        const li = document.createElement("li");
        li.dataset.userTable = tb.name;
        const more = tb.columnCount - tb.columns.length;
        const cols = tb.columns.map((c) => `${c.name} ${c.type}`);
        if (more > 0) cols.push(fmt(s, "explore.user.more", { n: num(more, lang) }));
        li.textContent = `${tb.name} (${cols.join(", ")})`;
        return li;
      }),
    );
  };
  // One listing at a time, and at most one more after it: the listing shares the reader's connection, so a burst
  // of loads must not queue a listing each in front of the reader's next query.
  let listing: Promise<void> | null = null;
  let stale = false;
  const refreshTables = (): void => {
    if (listing) {
      stale = true;
      return;
    }
    listing = drawTables()
      .catch(() => {})
      .finally(() => {
        listing = null;
        if (stale) {
          stale = false;
          refreshTables();
        }
      });
  };
  root.addEventListener("explore:tables", refreshTables);
  initUpload(root, s, lang, (table) => {
    // The new table, ready to query (its name quoted, as written).
    editor.value = `SELECT * FROM ${quoteIdent(table)} LIMIT 100`;
    origin.hidden = true;
  });
}
