/**
 * Embeds inside a host page on another origin, in real Chromium: every link in every embed (both languages)
 * opens outside the frame, and clicking each kind (publisher, source id, full view, also after a redraw) leaves
 * the host page and the embed where they were; the fixed height of the no-script code fits the content;
 * ?theme= chooses the colours whatever the reader's setting (light by default), ?bg=transparent lets the host's
 * colour through, and axe finds nothing in any theme; the embed dialog offers the three codes and the options.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, launch } from "./browser";
import { builtPages } from "./pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const OUT = process.env.DSC_OUT ?? "dist";
const EMBEDS = builtPages().filter((p) => /^\/(ko|en)\/embed\/[\w-]+\/$/.test(p));
const site = () => new URL(baseUrl()).origin;

/** A page on the second origin holding one iframe; other sites' links are answered locally (no network). */
async function hostPage(opts: { colorScheme?: "light" | "dark" } = {}) {
  const alt = inject("altBaseUrl");
  expect(alt, "second origin for host pages").not.toBe("");
  const context = await browser.newContext({ colorScheme: opts.colorScheme ?? "light" });
  // Tabs opened by links get a stub page: the test asserts where they go, not what is there (and stays offline).
  await context.route(
    (u) => !u.origin.startsWith("http://127.0.0.1") || (u.origin === site() && !/^\/(ko|en)\/embed\//.test(u.pathname)),
    (r) =>
      r.request().resourceType() === "document"
        ? r.fulfill({ status: 200, contentType: "text/html", body: "<title>elsewhere</title>" })
        : r.continue(),
  );
  await context.route(`${alt}/host.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="background:#fff"><h1>News story</h1><iframe id="f" title="chart" width="930" height="700" style="border:0"></iframe><p>After.</p></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(`${alt}/host.html`, { waitUntil: "load" });
  return { context, page, hostUrl: `${alt}/host.html` };
}

async function show(page: Page, src: string): Promise<Frame> {
  const el = await page.waitForSelector("#f");
  await Promise.all([
    page.waitForEvent("framenavigated", { predicate: (f) => f.url() === src }),
    page.evaluate((s) => document.querySelector<HTMLIFrameElement>("#f")!.setAttribute("src", s), src),
  ]);
  const f = (await el.contentFrame())!;
  await f.waitForLoadState("load");
  await f.waitForSelector("figure[data-chart] [data-svg] svg", { state: "attached" });
  return f;
}

/** Links in the frame that do not leave it (no target=_blank/_top, or _blank without noopener). */
function framedLinks(f: Frame): Promise<string[]> {
  return f.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .filter((a) => {
        const t = a.target;
        if (t === "_top") return false;
        return t !== "_blank" || !/\bnoopener\b/.test(a.rel);
      })
      .map((a) => a.outerHTML.slice(0, 160)),
  );
}

/** Click a link inside the frame: it must open a new page at its href and leave host and frame as they were. */
async function clickOut(context: BrowserContext, page: Page, f: Frame, selector: string, hostUrl: string) {
  const frameUrl = f.url();
  const a = f.locator(selector).first();
  const href = await a.evaluate((el) => (el as HTMLAnchorElement).href);
  const [popup] = await Promise.all([context.waitForEvent("page"), a.click()]);
  await popup.waitForURL((u) => u.href !== "about:blank", { timeout: 15_000 }).catch(() => undefined);
  // Chromium upgrades a plain-http navigation to https on its own (HTTPS-Upgrades); the link is still the one followed.
  const upgraded = (u: string) => u.replace(/^http:/, "https:");
  expect(upgraded(popup.url()), `${frameUrl} ${selector} opens its target`).toBe(upgraded(href));
  await popup.close();
  expect(page.url(), "the host page stays").toBe(hostUrl);
  expect(f.url(), "the embed stays").toBe(frameUrl);
  expect(await f.locator("figure[data-chart]").count()).toBe(1);
  return href;
}

describe("links inside embeds open outside the frame", () => {
  it(`every link in all ${EMBEDS.length} embeds; clicking each kind leaves the host page intact`, async () => {
    expect(EMBEDS.length).toBeGreaterThanOrEqual(60);
    const { context, page, hostUrl } = await hostPage();
    const kinds = { publisher: 0, source: 0, full: 0 };
    for (const p of EMBEDS) {
      const f = await show(page, `${site()}${p}`);
      expect(await framedLinks(f), p).toEqual([]);
      if (await f.locator("[data-sources] a[href^='http']").count()) {
        await clickOut(context, page, f, "[data-sources] a[href^='http']", hostUrl);
        kinds.publisher++;
      }
      if (await f.locator("[data-sources] a[href*='#src-']").count()) {
        const href = await clickOut(context, page, f, "[data-sources] a[href*='#src-']", hostUrl);
        expect(new URL(href).pathname).toBe(`/${p.slice(1, 3)}/sources/`);
        kinds.source++;
      }
      const full = await clickOut(context, page, f, "a[data-full-view]", hostUrl);
      expect(new URL(full).pathname, p).toMatch(new RegExp(`^/${p.slice(1, 3)}/`));
      kinds.full++;
    }
    expect(kinds.full).toBe(EMBEDS.length);
    expect(kinds.publisher).toBeGreaterThan(EMBEDS.length / 2);
    expect(kinds.source).toBeGreaterThan(EMBEDS.length / 2);
    await context.close();
  }, 900_000);

  it("source links drawn by the interactive layer after a redraw open outside the frame too", async () => {
    const { context, page, hostUrl } = await hostPage();
    for (const lang of ["en", "ko"]) {
      const f = await show(page, `${site()}/${lang}/embed/trends/?series=knpa_deepfake_cases`);
      await f.waitForFunction(
        () => document.querySelector("figure[data-chart]")?.getAttribute("data-redraw-ms") != null,
        undefined,
        { timeout: 60_000 },
      );
      expect(await framedLinks(f)).toEqual([]);
      await clickOut(context, page, f, "[data-sources] a[href*='#src-']", hostUrl);
      await clickOut(context, page, f, "[data-sources] a[href^='http']", hostUrl);
    }
    await context.close();
  });

  it("the fixed-height code's height fits each embed at its oEmbed width (no script needed)", async () => {
    const { context, page } = await hostPage();
    const short: string[] = [];
    for (const p of EMBEDS) {
      const [, lang, id] = /^\/(ko|en)\/embed\/([\w-]+)\/$/.exec(p)!;
      const o = JSON.parse(readFileSync(`${OUT}/static-charts/${lang}/${id}.oembed.json`, "utf8")) as {
        width: number;
        height: number;
      };
      await page.evaluate(
        ([w, h]) => {
          const el = document.querySelector<HTMLIFrameElement>("#f")!;
          el.width = String(w);
          el.height = String(h);
        },
        [o.width, o.height],
      );
      const f = await show(page, `${site()}${p}`);
      const h = await f.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
      if (h > o.height) short.push(`${p}: content ${h} px > ${o.height} px`);
    }
    expect(short).toEqual([]);
    await context.close();
  }, 600_000);
});

const LIGHT = "rgb(255, 255, 255)";
const DARK = "rgb(21, 23, 26)";
const colours = (f: Frame) =>
  f.evaluate(() => {
    const cs = getComputedStyle(document.documentElement);
    return {
      bg: cs.backgroundColor,
      text: cs.color,
      html: cs.backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      figure: getComputedStyle(document.querySelector("figure.chart")!).backgroundColor,
    };
  });

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

describe("embed colours", () => {
  it("light by default and with theme=light even for a dark-preferring reader; dark and auto as asked", async () => {
    const { context, page } = await hostPage({ colorScheme: "dark" });
    const src = `${site()}/en/embed/victims/`;
    expect((await colours(await show(page, src))).bg).toBe(LIGHT);
    expect((await colours(await show(page, `${src}?theme=light`))).bg).toBe(LIGHT);
    expect((await colours(await show(page, `${src}?theme=dark`))).bg).toBe(DARK);
    expect((await colours(await show(page, `${src}?theme=auto`))).bg).toBe(DARK);
    expect((await colours(await show(page, `${src}?theme=nonsense`))).bg).toBe(LIGHT);
    const clear = await colours(await show(page, `${src}?bg=transparent`));
    expect([clear.html, clear.body, clear.figure]).toEqual([
      "rgba(0, 0, 0, 0)",
      "rgba(0, 0, 0, 0)",
      "rgba(0, 0, 0, 0)",
    ]);
    await context.close();
    const light = await hostPage({ colorScheme: "light" });
    expect((await colours(await show(light.page, `${src}?theme=auto`))).bg).toBe(LIGHT);
    expect((await colours(await show(light.page, `${src}?theme=dark`))).bg).toBe(DARK);
    await light.context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`axe finds no WCAG 2.1 AA violation in any theme (reader prefers ${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const lang of ["en", "ko"]) {
        for (const id of ["victims", "trends", "vh_harm"]) {
          for (const q of ["", "?theme=dark", "?theme=auto", "?bg=transparent"]) {
            await page.goto(`${baseUrl()}/${lang}/embed/${id}/${q}`, { waitUntil: "load" });
            for (const v of await axe(page)) found.push(`/${lang}/embed/${id}/${q}: ${v}`);
          }
        }
      }
      expect(found).toEqual([]);
      await context.close();
    }, 600_000);
  }
});

describe("embed dialog", () => {
  it("offers the responsive, fixed-height and image codes, with colours and a transparent background", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/ko/deepfakes/`, { waitUntil: "load" });
    const fig = 'figure[data-chart="df_taskforce"]';
    await page.click(`${fig} [data-embed] summary`);
    await page.locator(`${fig} [data-embed-look]`).waitFor({ state: "visible" });
    const code = (k: string) => page.inputValue(`${fig} [data-embed-code="${k}"]`);
    await page.waitForFunction(
      (s) => document.querySelector<HTMLTextAreaElement>(s)!.value.includes(location.origin),
      `${fig} [data-embed-code="fixed"]`,
    );
    const src = `${baseUrl()}/ko/embed/df_taskforce/`;
    expect(await code("responsive")).toContain(`<iframe src="${src}"`);
    expect(await code("responsive")).toContain("/embed-resize.js");
    expect(await code("fixed")).toMatch(
      new RegExp(`^<iframe src="${src}" title="[^"]+" loading="lazy" width="100%" height="\\d+"`),
    );
    expect(await code("fixed")).not.toContain("<script");
    const image = await code("image");
    const summary = (await page.textContent(`${fig} [data-summary]`))!.trim();
    expect(image).toContain(`alt="${summary}"`);
    const img = /<img src="([^"]+)"/.exec(image)![1]!;
    expect(img).toBe(`${baseUrl()}/static-charts/ko/df_taskforce.png`);
    const res = await fetch(img);
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const href = /<a href="([^"]+)"/.exec(image)![1]!;
    expect((await fetch(href)).status).toBe(200);

    await page.check(`${fig} [data-embed-theme][value="dark"]`);
    await page.check(`${fig} [data-embed-transparent]`);
    for (const k of ["responsive", "fixed"]) expect(await code(k)).toContain(`${src}?theme=dark&amp;bg=transparent"`);
    await page.check(`${fig} [data-embed-theme][value="auto"]`);
    expect(await code("fixed")).toContain(`${src}?theme=auto&amp;bg=transparent"`);
    await page.check(`${fig} [data-embed-theme][value="light"]`);
    await page.uncheck(`${fig} [data-embed-transparent]`);
    expect(await code("fixed")).toContain(`<iframe src="${src}"`);
    await context.close();
  });
});
