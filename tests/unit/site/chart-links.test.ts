/**
 * Every chart's full-view link, permalink and embed URL, in both languages, lead to a page that contains that
 * chart — checked on the built site (dist/), since that is what readers follow.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { CATALOG } from "../../../src/spec/catalog";
import { LANGS } from "../../../src/i18n";
import { pageUrl } from "../../../src/i18n/routes";
import { embedUrl, permalink } from "../../../src/charts/actions/links";
import { actionsConfig } from "../../../src/charts/actions/config";
import type { Payload } from "../../../src/charts/payload";

const DIST = path.resolve("dist");
const hasDist = existsSync(path.join(DIST, "en", "index.html"));
// In CI the site is built before the unit tests: a missing dist/ is a failure there, not a skip.
const need = hasDist || !!process.env.CI;

function page(urlPath: string): Document | null {
  const p = new URL(urlPath, "http://x").pathname;
  const file = path.join(DIST, decodeURIComponent(p), "index.html");
  if (!file.startsWith(DIST) || !existsSync(file)) return null;
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

const hasAnchor = (doc: Document | null, id: string) => !!doc?.getElementById(`chart-${id}`);
const ORIGIN = "https://example.org";
const local = (url: string) => {
  expect(url.startsWith(ORIGIN)).toBe(true);
  return url.slice(ORIGIN.length);
};

describe.runIf(need)("chart links on the built site", () => {
  const cases = LANGS.flatMap((lang) => Object.keys(CATALOG).map((id) => [lang, id] as const));

  it("has the site built", () => expect(hasDist).toBe(true));

  it.each(cases)("%s %s: its page shows it, and its embed's full-view link leads there", (lang, id) => {
    const def = CATALOG[id]!;
    expect(hasAnchor(page(pageUrl(lang, def.page)), id)).toBe(true);
    const embed = page(pageUrl(lang, `embed/${id}`));
    expect(embed?.querySelector(`[data-embed-id="${id}"]`)).toBeTruthy();
    const href = embed!.querySelector("a[data-full-view]")!.getAttribute("href")!;
    const [p, hash] = href.split("#");
    expect(hash).toBe(`chart-${id}`);
    expect(hasAnchor(page(p!), id)).toBe(true);
  });

  it.each(cases)("%s %s: permalink, embed code and citation lead to the chart", (lang, id) => {
    const def = CATALOG[id]!;
    const fig = page(pageUrl(lang, def.page))!.querySelector(`figure[data-chart="${id}"]`);
    if (!fig) return expect(def.defaults.mark).toBe("sparkline"); // sparks sit in headline cards, no actions
    const cfg = actionsConfig(JSON.parse(fig.querySelector("script[data-payload]")!.textContent!) as Payload)!;
    const spec = cfg.prerendered.spec;
    const link = local(permalink(ORIGIN, cfg, spec));
    const [p, hash] = link.split("#");
    if (def.role === "primary") {
      expect(hash).toBe(`chart-${id}`);
      expect(hasAnchor(page(p!), id)).toBe(true);
    } else expect(page(p!)?.querySelector(`[data-embed-id="${id}"]`)).toBeTruthy();
    const e = local(embedUrl(ORIGIN, cfg, spec));
    expect(page(e)?.querySelector(`[data-embed-id="${id}"]`)).toBeTruthy();
    // What the page prints (embed code, citation) uses the same URLs.
    // linkedom leaves a textarea's text escaped; the browser shows it decoded.
    const code = fig
      .querySelector("[data-embed-code]")!
      .innerHTML.replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    const src = /src="([^"]+)"/.exec(code)![1]!.replace(/^https?:\/\/[^/]+/, "");
    expect(page(src)?.querySelector(`[data-embed-id="${id}"]`)).toBeTruthy();
    const cite = fig.querySelector("[data-cite-text]")!.textContent!;
    // A citation names the chart on its page (page and anchor), whatever its role.
    const cited = new RegExp(`https?://[^/\\s]+(/\\S*)#chart-${id}\\b`).exec(cite);
    expect(cited, cite).toBeTruthy();
    expect(hasAnchor(page(cited![1]!), id)).toBe(true);
    if (def.role === "primary") expect(cited![1]).toBe(p);
  });
});
