/**
 * Runs the editor's SQL and makes sure it can always be stopped. Cancel first asks DuckDB to interrupt and
 * the results loop to stop pulling; if the statement has not ended STOP_WITHIN_MS later (some operators
 * only look at the interrupt flag at coarse boundaries), the engine's worker is terminated and a fresh
 * engine started — the published tables come back, the reader's own tables must be loaded again (the
 * status says so). The page's main thread never waits on the engine.
 */
import {
  PublishedTableError,
  getConsole,
  restartConsole,
  type ConsoleResult,
  type ConsoleSession,
} from "../db/console";
import { parseSqlError, type SqlErrorInfo } from "./sqlerror";
import { fmt, num, type Strings } from "./strings";

export const STOP_WITHIN_MS = 2000;
/** Rows kept per result, and columns converted for display. */
export const ROW_CAP = 10_000;
export const COLUMN_CAP = 200;

class HardStop extends Error {}

export interface RunView {
  root: HTMLElement;
  status: HTMLElement;
  runBtn: HTMLButtonElement;
  cancelBtn: HTMLButtonElement;
  onResult(r: ConsoleResult, ms: number): void;
  onError(info: SqlErrorInfo): void;
  onClear(): void;
}

export interface RunController {
  run(sql: string): Promise<void>;
  cancel(): void;
  readonly running: boolean;
}

export function runController(view: RunView, s: Strings, lang: string): RunController {
  const { root, status, runBtn, cancelBtn } = view;
  let running = false;
  let cancelRequested = false;
  let hardStop: ((e: Error) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (name: string, detail: unknown = null) =>
    root.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));

  /** Terminate the engine (the statement with it) and start a fresh one; the page says what was lost. */
  const restart = async (): Promise<void> => {
    root.dataset.engine = "loading";
    runBtn.disabled = true;
    status.textContent = `${fmt(s, "explore.status.cancelled")} ${fmt(s, "explore.status.restarting")}`;
    const restarting = restartConsole();
    // The statement is stopped now (its worker is gone); the fresh engine follows.
    emit("explore:error", { cancelled: true, restarted: true });
    try {
      await restarting;
      root.dataset.engine = "ready";
      status.textContent = `${fmt(s, "explore.status.cancelled")} ${fmt(s, "explore.status.restarted")}`;
    } catch (e) {
      root.dataset.engine = "failed";
      status.textContent = fmt(s, "explore.status.failed", { reason: e instanceof Error ? e.message : String(e) });
    }
    runBtn.disabled = root.dataset.engine !== "ready";
    emit("explore:tables");
  };

  const run = async (sql: string): Promise<void> => {
    if (running || !sql.trim() || root.dataset.engine !== "ready") return;
    running = true;
    cancelRequested = false;
    root.dataset.running = "true";
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    view.onClear();
    const t0 = performance.now();
    const tick = setInterval(() => {
      status.textContent = fmt(s, "explore.status.running", { s: ((performance.now() - t0) / 1000).toFixed(1) });
    }, 250);
    status.textContent = fmt(s, "explore.status.running", { s: "0.0" });
    const stopped = new Promise<never>((_, reject) => (hardStop = reject));
    let session: ConsoleSession | null = null;
    let hardStopped = false;
    try {
      session = await getConsole();
      const r = await Promise.race([session.run(sql, { limit: ROW_CAP, maxColumns: COLUMN_CAP }), stopped]);
      const ms = Math.round(performance.now() - t0);
      view.onResult(r, ms);
      const n = num(r.rows.length, lang);
      status.textContent = r.rows.length
        ? `${fmt(s, "explore.status.done", { rows: n, ms })}${r.truncated ? ` ${fmt(s, "explore.status.truncated", { rows: n })}` : ""}`
        : fmt(s, "explore.status.nostmt");
      emit("explore:result", { ms, rows: r.rows.length, columns: r.columns.length });
      emit("explore:tables");
    } catch (e) {
      if (e instanceof HardStop) {
        hardStopped = true;
      } else if (e instanceof PublishedTableError) {
        status.textContent = "";
        view.onError({ message: fmt(s, "explore.readonly", { tables: e.tables.join(", ") }) });
        emit("explore:error", { cancelled: false, readonly: e.tables });
      } else if (cancelRequested) {
        status.textContent = fmt(s, "explore.status.cancelled");
        emit("explore:error", { cancelled: true });
      } else {
        status.textContent = "";
        view.onError(parseSqlError(e instanceof Error ? e.message : String(e), sql));
        emit("explore:error", { cancelled: false });
      }
    } finally {
      clearInterval(tick);
      clearTimeout(timer);
      hardStop = null;
      running = false;
      delete root.dataset.running;
      runBtn.disabled = root.dataset.engine !== "ready";
      cancelBtn.disabled = true;
    }
    if (hardStopped) await restart();
  };

  const cancel = () => {
    if (!running || cancelRequested) return;
    cancelRequested = true;
    void getConsole()
      .then((c) => c.cancel())
      .catch(() => {});
    // The last resort: a statement that ignores the interrupt takes the engine down with it.
    timer = setTimeout(() => hardStop?.(new HardStop()), STOP_WITHIN_MS);
  };

  return {
    run,
    cancel,
    get running() {
      return running;
    },
  };
}
