import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_ARGS as BASE_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium.mjs";

/** Shared flags, plus one for the embed tests. */
export const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  // Host pages in the embed tests are fulfilled by the test itself (no address), which Chromium's Local Network
  // Access check treats as public and so blocks their loopback iframe. On the web, host and site are both public.
  "--disable-features=LocalNetworkAccessChecks",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const baseUrl = () => inject("baseUrl");

/** A page that records every request leaving the site's origin, page errors and console errors. */
export interface Tracked {
  page: Page;
  context: BrowserContext;
  foreign: string[];
  errors: string[];
}

export async function open(
  browser: Browser,
  path: string,
  opts: {
    javaScriptEnabled?: boolean;
    allowOrigins?: string[];
    /** Runs on the new context before the page loads (e.g. init scripts). */
    init?: (context: BrowserContext) => Promise<void>;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Tracked> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    ...(opts.viewport ? { viewport: opts.viewport } : {}),
  });
  await opts.init?.(context);
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const allowed = new Set([origin, ...(opts.allowOrigins ?? [])]);
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const u = r.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    if (!allowed.has(new URL(u).origin)) foreign.push(u);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(new URL(path, baseUrl()).href, { waitUntil: "load" });
  return { page, context, foreign, errors };
}

/** What a figure's dsc:redrawn event says: how long the redraw took and where its rows came from. */
export interface Redrawn {
  ms: number;
  rows: number;
  from: "prepared" | "engine";
}

/**
 * Listen for a figure's next redraw. Resolves once the page is listening (arm it before acting: a prepared view
 * is drawn within the change event itself) to a function that waits for that redraw.
 */
export async function nextRedraw(page: Page, chartId: string, timeoutMs = 30_000): Promise<() => Promise<Redrawn>> {
  const key = await page.evaluate(
    ([id, timeout]) => {
      const w = window as unknown as { __redraws?: Record<string, Promise<unknown>> };
      const k = `${id}:${Math.random()}`;
      (w.__redraws ??= {})[k] = new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no dsc:redrawn of ${id} within ${timeout} ms`)), timeout);
        document.querySelector(`figure[data-chart="${id}"]`)!.addEventListener(
          "dsc:redrawn",
          (e) => {
            clearTimeout(t);
            resolve((e as CustomEvent).detail);
          },
          { once: true },
        );
      });
      return k;
    },
    [chartId, timeoutMs] as const,
  );
  return () =>
    page.evaluate((k) => (window as unknown as { __redraws: Record<string, Promise<Redrawn>> }).__redraws[k]!, key);
}

/** Wait until the interactive layer has redrawn a figure (after a control change). */
export async function waitForRedraw(page: Page, chartId: string, action: () => Promise<unknown>): Promise<number> {
  const done = await nextRedraw(page, chartId);
  await action();
  return (await done()).ms;
}
