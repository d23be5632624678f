/** Shared steps for the explore page's browser tests (real Chromium, real DuckDB-WASM). */
import type { BrowserContext, Page } from "playwright-core";

export async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-explore][data-engine=ready]", { state: "attached", timeout: 60_000 });
}

/** Resolve when the first of the given events reaches the document; call `action` after listening. */
export async function until(
  page: Page,
  events: string[],
  action: () => Promise<unknown>,
  timeoutMs = 110_000,
): Promise<{ name: string; detail: unknown }> {
  const done = page.evaluate(
    ({ names, ms }) =>
      new Promise<{ name: string; detail: unknown }>((resolve) => {
        for (const n of names)
          document.addEventListener(n, (e) => resolve({ name: n, detail: (e as CustomEvent).detail }), { once: true });
        setTimeout(() => resolve({ name: "timeout", detail: null }), ms);
      }),
    { names: events, ms: timeoutMs },
  );
  await action();
  return done;
}

export async function runSql(page: Page, sql: string): Promise<string> {
  await page.fill("textarea[data-sql]", sql);
  return (await until(page, ["explore:result", "explore:error"], () => page.click("[data-run]"))).name;
}

export async function cells(page: Page): Promise<string[][]> {
  return page.$$eval("[data-results] tr", (trs) =>
    trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? "").trim())),
  );
}

export type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

export async function upload(page: Page, file: FileArg): Promise<string> {
  return (await until(page, ["explore:preview", "explore:upload-error"], () => page.setInputFiles("[data-file]", file)))
    .name;
}

export async function loadTable(page: Page): Promise<string> {
  return (await until(page, ["explore:loaded", "explore:upload-error"], () => page.click("[data-load]"))).name;
}

/**
 * Record every long main-thread task (PerformanceObserver "longtask": tasks over 50 ms) from page start;
 * `longest(page, since)` gives the longest one that started after `since` (performance.now() time).
 */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks that started after `since`: "start+duration" in ms from `since`, for a failure's log. */
export async function longTasks(page: Page, since: number): Promise<{ at: number; ms: number }[]> {
  return page.evaluate(
    (t) =>
      (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks
        .filter((x) => x.start >= t)
        .map((x) => ({ at: Math.round(x.start - t), ms: Math.round(x.duration) })),
    since,
  );
}

export async function longest(page: Page, since: number): Promise<number> {
  return Math.max(0, ...(await longTasks(page, since)).map((x) => x.ms));
}

/** The published tables' row counts and the DSC victims maximum: what tampering would change. */
export async function publishedState(page: Page): Promise<string> {
  const sql = `SELECT (SELECT count(*) FROM observations) || '/' || (SELECT count(*) FROM series) || '/' ||
  (SELECT count(*) FROM sources) || '/' || (SELECT count(*) FROM categories) || '/' || (SELECT count(*) FROM events)
  || '/' || (SELECT count(*) FROM alternatives) || '/' ||
  (SELECT max(value) FROM observations WHERE series_id = 'dsc_victims') AS state`;
  if ((await runSql(page, sql)) !== "explore:result") return "error";
  return (await cells(page))[1]?.[0] ?? "";
}
