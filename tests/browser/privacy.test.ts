/**
 * Privacy and CSP: every built page (embeds included) loads with JS on without any request leaving the site's
 * origin, sets no cookie, leaves localStorage/sessionStorage empty and loads no analytics; every page carries
 * the CSP <meta>; scripts/serve.mjs sends the CSP header with frame-ancestors per route; no CSP violation occurs
 * while the Trends page loads the DuckDB worker and redraws.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, open, waitForRedraw } from "./browser";
import { builtPages, isEmbedPath } from "./pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = builtPages();
const REQUIRED_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];
const directives = (csp: string) =>
  csp
    .split(";")
    .map((d) => d.trim().replace(/\s+/g, " "))
    .filter(Boolean);
const ANALYTICS =
  /google-analytics|googletagmanager|gtag\(|_ga=|plausible|matomo|piwik|segment\.io|mixpanel|hotjar|clarity\.ms|umami|fathom|beacon/i;

describe("no third parties, no storage, no analytics", () => {
  for (const p of PAGES) {
    it(`${p}`, async () => {
      const t = await open(browser, p);
      const { page, context } = t;
      // Use the page the way a reader starts to: intent on the controls loads the interactive layer.
      const form = page.locator("form[data-controls]").first();
      if (await form.count()) await form.hover().catch(() => undefined);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      expect(t.foreign).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
      expect(storage).toEqual({ local: 0, session: 0 });
      expect(await page.evaluate(() => document.cookie)).toBe("");
      const html = await page.content();
      expect(html).not.toMatch(ANALYTICS);
      expect(await page.evaluate(() => navigator.sendBeacon.toString())).toContain("[native code]");
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      expect(csp, `${p}: CSP <meta> missing`).toBeTruthy();
      const d = directives(csp!);
      for (const r of REQUIRED_CSP) expect(d, `${p}: ${r}`).toContain(r);
      // frame-ancestors is ignored in <meta>; it must come from the header.
      expect(d.some((x) => x.startsWith("frame-ancestors"))).toBe(false);
      expect(t.errors).toEqual([]);
      await context.close();
    });
  }
});

describe("headers from scripts/serve.mjs", () => {
  it("every page gets the CSP header; only embed routes may be framed", async () => {
    expect(PAGES.some(isEmbedPath) || PAGES.length > 0).toBe(true);
    for (const p of PAGES) {
      const r = await fetch(new URL(p, baseUrl()));
      expect(r.status, p).toBe(200);
      const d = directives(r.headers.get("content-security-policy") ?? "");
      for (const req of REQUIRED_CSP) expect(d, `${p}: ${req}`).toContain(req);
      const fa = d.find((x) => x.startsWith("frame-ancestors"));
      if (isEmbedPath(p)) {
        expect(fa, p).not.toBe("frame-ancestors 'none'");
        expect(r.headers.get("x-frame-options"), p).toBeNull();
        expect(r.headers.get("cross-origin-opener-policy"), p).toBeNull();
      } else {
        expect(fa, p).toBe("frame-ancestors 'none'");
        expect(r.headers.get("x-frame-options"), p).toBe("DENY");
        expect(r.headers.get("cross-origin-opener-policy"), p).toBe("same-origin");
      }
      expect(r.headers.get("permissions-policy"), p).not.toContain("interest-cohort");
      expect(r.headers.get("set-cookie"), p).toBeNull();
    }
  });
});

describe("CSP holds while the engine loads", () => {
  it("no securitypolicyviolation while Trends loads the DuckDB worker and redraws", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const foreign: string[] = [];
    const origin = new URL(baseUrl()).origin;
    let wasm = 0;
    page.on("request", (r) => {
      const u = r.url();
      if (u.endsWith(".wasm")) wasm++;
      if (!u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin) foreign.push(u);
    });
    await page.goto(new URL("/en/trends/", baseUrl()).href, { waitUntil: "load" });
    const fig = page.locator('figure[data-chart="trends"]');
    const ms = await waitForRedraw(page, "trends", async () => {
      await fig.locator("select[name=series]").focus();
      await fig.locator("select[name=series]").selectOption("dsc_victims_by_sex");
    });
    expect(ms).toBeGreaterThan(0);
    expect(wasm).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
