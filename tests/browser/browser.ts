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

/** Wait until the interactive layer has redrawn a figure (after a control change). */
export async function waitForRedraw(page: Page, chartId: string, action: () => Promise<unknown>): Promise<number> {
  const done = page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        document
          .querySelector(`figure[data-chart="${id}"]`)!
          .addEventListener("dsc:redrawn", (e) => resolve((e as CustomEvent<{ ms: number }>).detail.ms), {
            once: true,
          });
      }),
    chartId,
  );
  await action();
  return done;
}
