/** The share, embed, cite and compose functions behind a chart's actions (pure; table-style, with bad inputs). */
import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import { citation, periodShown } from "../../../src/charts/actions/cite";
import { embedCode, embedUrl, permalink, type LinkConfig } from "../../../src/charts/actions/links";
import { composeSvg, escapeXml, svgSize, wrap } from "../../../src/charts/actions/compose";
import type { ChartContext } from "../../../src/charts/context";

const defaults = testSpec({ id: "victims", series: ["dsc_victims"], from: 2018, to: 2024, a: 2023, b: 2024 });
const cfg = (over: Partial<LinkConfig> = {}): LinkConfig => ({
  id: "victims",
  pagePath: "/en/",
  embedPath: "/en/embed/victims/",
  primary: true,
  defaults,
  fields: ["from", "to", "mode"],
  ...over,
});
const O = "https://example.org";

describe("permalink and embed URL", () => {
  it.each([
    ["primary, default view", cfg(), defaults, `${O}/en/#chart-victims`],
    ["primary, changed view", cfg(), { ...defaults, from: 2020 }, `${O}/en/?from=2020#chart-victims`],
    [
      "not primary: its own route",
      cfg({ id: "vh_sex", primary: false, pagePath: "/en/victims/", embedPath: "/en/embed/vh_sex/" }),
      { ...defaults, id: "vh_sex", mode: "share" as const },
      `${O}/en/embed/vh_sex/?mode=share`,
    ],
    // A field the chart does not let readers change never reaches a URL.
    ["field not offered", cfg(), { ...defaults, series: ["x"] }, `${O}/en/#chart-victims`],
  ])("%s", (_, c, spec, want) => {
    expect(permalink(O, c, spec)).toBe(want);
  });

  it("embed URLs carry the view relative to the same defaults", () => {
    expect(embedUrl(O, cfg(), defaults)).toBe(`${O}/en/embed/victims/`);
    expect(embedUrl(O, cfg(), { ...defaults, to: 2022, mode: "index" })).toBe(
      `${O}/en/embed/victims/?to=2022&mode=index`,
    );
  });

  it("embed code escapes the title and URL and loads the resize script from the site", () => {
    const code = embedCode(O, `${O}/en/embed/victims/?a=1&b=2`, 'Title "with" <tags>', 412.6);
    expect(code).toContain('src="https://example.org/en/embed/victims/?a=1&amp;b=2"');
    expect(code).toContain('title="Title &quot;with&quot; &lt;tags&gt;"');
    expect(code).toContain('height="413"');
    expect(code).toContain(`<script src="${O}/embed-resize.js" async></script>`);
    expect(code).not.toMatch(/<tags>/);
  });
});

describe("citation", () => {
  const sources: ChartContext["sources"] = {
    a: {
      publisher: { ko: "여성가족부", en: "Ministry of Gender Equality" },
      title: "Report",
      url: "",
      grade: "A",
      published: "",
    },
    b: { publisher: { ko: "", en: "Police" }, title: "Stats", url: "", grade: "B", published: "" },
  };
  it.each([
    [{ ...defaults }, "en", "2018–2024"],
    [{ ...defaults, from: 2022, to: 2022 }, "en", "2022"],
    [{ ...defaults, view: "compare" as const }, "en", "2023"],
  ])("period shown %#", (spec, lang, want) => {
    expect(periodShown(spec, lang as "en")).toContain(want);
  });

  it("pairs each publisher with its title, once each, with the period, release, permalink and date, per language", () => {
    const en = citation({
      lang: "en",
      spec: defaults,
      sourceIds: ["a", "b", "a", "missing"],
      sources,
      release: "0.1.0",
      permalink: `${O}/en/#chart-victims`,
      accessed: "2026-11-30",
    });
    expect(en).toContain("Ministry of Gender Equality, “Report”; Police, “Stats”");
    expect(en).toContain("0.1.0");
    expect(en).toContain(`${O}/en/#chart-victims`);
    expect(en.match(/Ministry/g)).toHaveLength(1);
    const ko = citation({
      lang: "ko",
      spec: { ...defaults, lang: "ko" },
      sourceIds: ["a", "b"],
      sources,
      release: "0.1.0",
      permalink: `${O}/ko/`,
      accessed: "2026-11-30",
    });
    // A missing Korean publisher name falls back to the English one.
    expect(ko).toContain("여성가족부, 「Report」; Police, 「Stats」");
  });
});

describe("compose", () => {
  it("escapes XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
  it.each([
    ["", 12, 100, []],
    ["one", 12, 100, ["one"]],
    ["aaaa bbbb cccc dddd", 10, 60, ["aaaa bbbb", "cccc dddd"]],
    ["averyveryverylongword", 10, 20, ["averyveryverylongword"]],
  ])("wraps %j", (s, size, max, want) => {
    expect(wrap(s, size, max)).toEqual(want);
  });
  it("wraps Hangul sooner than Latin (wider glyphs)", () => {
    expect(wrap("가나다라 마바사아 자차카타", 10, 80).length).toBeGreaterThan(wrap("abcd efgh ijkl", 10, 80).length);
  });
  it("reads the size of an svg start tag, 0 when absent", () => {
    expect(svgSize('<svg width="640" height="400.5" viewBox="0 0 1 1"><g width="9"/></svg>')).toEqual({
      width: 640,
      height: 400.5,
    });
    expect(svgSize("<div></div>")).toEqual({ width: 0, height: 0 });
  });
  it("composes header, nested chart and footer into one standalone SVG", () => {
    const svg = composeSvg({
      chartSvg: '<svg width="400" height="200" aria-describedby="x" focusable="false"><rect/></svg>',
      width: 400,
      height: 200,
      title: "A & B",
      subtitle: "",
      footer: ["Source: <X>"],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="432"')).toBe(true);
    expect(svg).toContain("<title>A &amp; B</title>");
    expect(svg).toContain('<svg x="16" y=');
    expect(svg).not.toContain("aria-describedby");
    expect(svg).not.toContain("focusable");
    expect(svg).toContain("Source: &lt;X&gt;");
    expect(svg.endsWith("</svg></svg>")).toBe(true);
  });
});
