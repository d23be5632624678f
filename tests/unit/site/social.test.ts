/**
 * Link previews, static images and oEmbed in the built site (run after `npm run build`; DSC_OUT for another
 * folder): every chart has its PNG and card in both languages, each decodes to the right size and is not blank;
 * the PNGs are deterministic (a fresh render equals the built file, byte for byte); every oEmbed file has what
 * the oEmbed spec requires for type "rich", and its html is the fixed-height iframe; every page carries Open
 * Graph and Twitter meta whose image exists; chart pages and embeds point to their oEmbed file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/spec/catalog";
import { CARD, PNG_SCALE, SITE_CARD } from "../../../src/charts/social/paths";
import { svgSize } from "../../../src/charts/actions/compose";
import { svgToPng } from "../../../scripts/lib/png.mjs";
import { jobs } from "../../../scripts/render-png.mjs";
import { servedPaths } from "../../../scripts/write-headers.mjs";
import { headersFor } from "../../../scripts/lib/site-headers.mjs";
import { decodePng, inkShare } from "./png-decode";

const OUT = path.resolve(process.env.DSC_OUT ?? "dist");
const LANGS = ["ko", "en"] as const;
const IDS = Object.keys(CATALOG);
const file = (p: string) => path.join(OUT, p);
if (!existsSync(file("static-charts"))) throw new Error(`${OUT}/static-charts missing: run npm run build first`);

describe("static PNGs and link-preview cards", () => {
  it("exist for every chart in both languages, decode, have the right size and are not blank", () => {
    expect(IDS.length).toBeGreaterThan(30);
    for (const lang of LANGS) {
      for (const id of IDS) {
        const dir = `static-charts/${lang}/${id}`;
        const svg = svgSize(readFileSync(file(`${dir}.svg`), "utf8"));
        const png = decodePng(readFileSync(file(`${dir}.png`)));
        expect([png.width, png.height], `${dir}.png is the SVG at ${PNG_SCALE}×`).toEqual([
          svg.width * PNG_SCALE,
          svg.height * PNG_SCALE,
        ]);
        expect(inkShare(png), `${dir}.png has text and marks`).toBeGreaterThan(0.002);
        const card = decodePng(readFileSync(file(`${dir}.card.png`)));
        expect([card.width, card.height], `${dir}.card.png`).toEqual([CARD.width, CARD.height]);
        expect(inkShare(card), `${dir}.card.png has text and marks`).toBeGreaterThan(0.002);
      }
      const site = decodePng(readFileSync(file(`static-charts/${lang}/${SITE_CARD}.card.png`)));
      expect([site.width, site.height]).toEqual([CARD.width, CARD.height]);
    }
  }, 180_000);

  it("every SVG under static-charts has its PNG (nothing is skipped by the rasteriser)", () => {
    const list = jobs(OUT);
    expect(list.length).toBe(LANGS.length * (IDS.length * 2 + 1));
    for (const j of list) expect(existsSync(String(j[1])), String(j[1])).toBe(true);
  });

  it("are deterministic: rendering the same SVG again gives the built file byte for byte", () => {
    for (const [svg, png, scale] of [
      [file("static-charts/ko/vh_harm.card.svg"), file("static-charts/ko/vh_harm.card.png"), 1],
      [file("static-charts/en/df_taskforce.svg"), file("static-charts/en/df_taskforce.png"), 2],
    ] as const) {
      const a = svgToPng(readFileSync(svg, "utf8"), scale);
      const b = svgToPng(readFileSync(svg, "utf8"), scale);
      expect(Buffer.compare(a, b), "two renders").toBe(0);
      expect(Buffer.compare(a, readFileSync(png)), `fresh render = ${path.basename(png)}`).toBe(0);
    }
  }, 60_000);

  it("draw Hangul with the bundled font (text in Korean leaves ink; no system font is consulted)", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#fff"/><text x="10" y="40" font-size="32" font-family="'No Such Font'">피해 유형</text></svg>`;
    expect(inkShare(decodePng(svgToPng(svg, 1)))).toBeGreaterThan(0.03);
  });
});

interface OEmbed {
  [k: string]: unknown;
}

describe("oEmbed files", () => {
  it("have the fields the oEmbed spec requires for type rich, and the html is the fixed-height iframe", () => {
    for (const lang of LANGS) {
      for (const id of IDS) {
        const where = `static-charts/${lang}/${id}.oembed.json`;
        const o = JSON.parse(readFileSync(file(where), "utf8")) as OEmbed;
        expect(o.version, where).toBe("1.0");
        expect(o.type, where).toBe("rich");
        for (const k of ["width", "height"]) {
          expect(Number.isInteger(o[k]) && (o[k] as number) > 0, `${where} ${k}`).toBe(true);
        }
        expect(typeof o.title === "string" && o.title.length > 0, where).toBe(true);
        expect(o.provider_name).toBe("dsc-stats");
        expect(String(o.provider_url)).toMatch(/^https?:\/\/[^/]+\/(ko|en)\/$/);
        const html = String(o.html);
        expect(html, where).toMatch(
          new RegExp(
            `^<iframe src="https?://[^"/]+/${lang}/embed/${id}/" title="[^"]+" loading="lazy" width="100%" height="${o.height as number}" frameborder="0" style="width:100%;border:0"></iframe>$`,
          ),
        );
        // thumbnail_url, _width and _height come together; the thumbnail is the card PNG and exists.
        expect([o.thumbnail_width, o.thumbnail_height]).toEqual([CARD.width, CARD.height]);
        const thumb = new URL(String(o.thumbnail_url));
        expect(thumb.pathname).toBe(`/static-charts/${lang}/${id}.card.png`);
        expect(existsSync(file(thumb.pathname))).toBe(true);
      }
    }
  });

  it("are served to other sites like the images (CORP cross-origin), and PNGs as image/png", () => {
    const paths = servedPaths(OUT);
    expect(paths).toContain("/static-charts/en/victims.oembed.json");
    expect(paths).toContain("/static-charts/ko/victims.card.png");
    for (const p of ["/static-charts/ko/victims.card.png", "/static-charts/en/victims.oembed.json"]) {
      expect(headersFor(p)["Cross-Origin-Resource-Policy"], p).toBe("cross-origin");
    }
    expect(readFileSync("deploy/nginx.conf", "utf8")).toMatch(/image\/png\s+png;/);
  });
});

function meta(html: string, attr: "property" | "name", key: string): string | null {
  const m = new RegExp(`<meta ${attr}="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`).exec(html);
  return m
    ? m[1]!
        .replace(/&amp;/g, "&")
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
    : null;
}

describe("link-preview meta", () => {
  const pages = servedPaths(OUT).filter((p) => p.endsWith("/index.html"));

  it("every page has og:title, og:description, an existing absolute og:image, og:locale and twitter:card", () => {
    expect(pages.length).toBeGreaterThan(80);
    for (const p of pages) {
      const html = readFileSync(file(p), "utf8");
      const lang = /^\/(ko|en)\//.exec(p)?.[1] ?? "ko";
      expect(meta(html, "property", "og:title"), p).toBeTruthy();
      expect((meta(html, "property", "og:description") ?? "").length, p).toBeGreaterThan(10);
      const img = meta(html, "property", "og:image") ?? "";
      expect(img, p).toMatch(/^https?:\/\/[^/]+\/static-charts\/(ko|en)\/[\w-]+\.card\.png$/);
      expect(existsSync(file(new URL(img).pathname)), `${p}: ${img}`).toBe(true);
      expect(meta(html, "property", "og:locale"), p).toBe(lang === "ko" ? "ko_KR" : "en_GB");
      expect(meta(html, "name", "twitter:card"), p).toBe("summary_large_image");
    }
  });

  it("embeds and pages with charts show their chart's card, summary and oEmbed file", () => {
    for (const lang of LANGS) {
      for (const id of IDS) {
        const p = `/${lang}/embed/${id}/index.html`;
        const html = readFileSync(file(p), "utf8");
        expect(meta(html, "property", "og:image"), p).toMatch(new RegExp(`/static-charts/${lang}/${id}\\.card\\.png$`));
        const link = new RegExp(
          `<link rel="alternate" type="application/json\\+oembed" href="https?://[^"/]+(/static-charts/${lang}/${id}\\.oembed\\.json)"`,
        ).exec(html);
        expect(link, p).not.toBeNull();
        expect(existsSync(file(link![1]!))).toBe(true);
        // The summary of the default view, then the note that the preview shows the default view.
        const summary = /<p id="chart-[\w-]+-summary"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? "";
        expect(summary.length).toBeGreaterThan(5);
        expect(meta(html, "property", "og:description"), p).toContain(summary.replace(/&#39;/g, "'"));
      }
      for (const slug of ["", "trends/", "compare/", "deepfakes/", "victims/", "international/"]) {
        const html = readFileSync(file(`/${lang}/${slug}index.html`), "utf8");
        expect(html, `/${lang}/${slug}`).toContain('type="application/json+oembed"');
      }
    }
  });
});
