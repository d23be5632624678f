/**
 * The reader-facing text check (scripts/check-reader-text.mjs, run on dist/ by `npm test`): it must catch each kind
 * of working note on a fixture, leave ids in attributes alone, and pass on the built site when one is there.
 */
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtForPublicSite, checkDist, findLeaks, readerText } from "../../../scripts/check-reader-text.mjs";
import { makeZip } from "../../../scripts/lib/zip.ts";

const rules = (text: string, publicSite = false) => findLeaks(text, { publicSite }).map((f) => f.rule);

describe("findLeaks", () => {
  it.each([
    [
      "(date from the research notes, international.md §7)",
      ["research-record file name", "section mark", "working-note wording"],
    ],
    ["(날짜는 연구 노트 기준)", ["working-note wording"]],
    ["Source: Korea Herald [theqoo_2024_hwang]", ["bracketed source id"]],
    [
      "한국여성인권진흥원_디지털성범죄피해자지원센터 지원현황_20241231.csv (copy in GitHub repo x/y, commit a2fe501)",
      ["official file name used as text", "repository provenance", "repository provenance"],
    ],
    ["Four years combined. [parts-not-exhaustive] female count", ["validator flag"]],
  ])("flags %j", (text, want) => {
    expect(rules(text).sort()).toEqual([...want].sort());
  });
  it("passes plain reader text", () => {
    expect(rules("Source: Korea Herald, “Deepfake crimes” (30 Aug 2024) (quote and grade)")).toEqual([]);
    expect(rules("출처: 코리아헤럴드, 「딥페이크」 (2024년 8월 30일)")).toEqual([]);
  });
  it("flags a loopback origin only in a site built for a public origin", () => {
    const cite = "Via dsc-stats, http://127.0.0.1:4321/en/#chart-victims";
    expect(rules(cite)).toEqual([]);
    expect(rules(cite, true)).toEqual(["build host in a public build"]);
    expect(builtForPublicSite('<link rel="canonical" href="https://dsc.example.org/en/">')).toBe(true);
    expect(builtForPublicSite('<link rel="canonical" href="http://127.0.0.1:4321/en/">')).toBe(false);
  });
  it("reads text and visible attributes, not link targets", () => {
    const html = '<a href="/en/sources/#src-theqoo_2024_hwang" aria-label="Sources: Korea Herald">Korea Herald</a>';
    expect(rules(readerText(html))).toEqual([]);
    expect(rules(readerText('<a href="#src-x_y" title="[x_y]">x</a>'))).toEqual(["bracketed source id"]);
  });
});

describe("checkDist on a fixture site", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const site = (page: string, readme: string, canonical = "http://127.0.0.1:4321/en/") => {
    const d = mkdtempSync(join(tmpdir(), "reader-text-"));
    dirs.push(d);
    mkdirSync(join(d, "en"), { recursive: true });
    mkdirSync(join(d, "data"), { recursive: true });
    writeFileSync(join(d, "en", "index.html"), `<link rel="canonical" href="${canonical}"><p>${page}</p>`);
    writeFileSync(
      join(d, "data", "dsc-stats-data-0.0.1.zip"),
      makeZip([{ name: "README.md", data: new TextEncoder().encode(readme) }]),
    );
    return d;
  };
  it("fails on a page with a working note and on a README pointing outside the package", () => {
    const problems = checkDist(
      site("June 2020 (date from the research notes, korea.md)", "See `../shared/sources/` (beside this repository)."),
    );
    expect(problems.join("\n")).toMatch(/en\/index\.html:1 — working-note wording/);
    expect(problems.join("\n")).toMatch(/README\.md:1 — pointer outside the package/);
  });
  it("fails on a build host in a public build", () => {
    const problems = checkDist(site("<code>http://127.0.0.1:4321/en/</code>", "clean", "https://dsc.example.org/en/"));
    expect(problems.join("\n")).toMatch(/build host in a public build/);
  });
  it("passes a clean fixture", () => {
    expect(checkDist(site("Korea Herald, “Deepfake crimes” (2024)", "Figures with their sources."))).toEqual([]);
  });
});

describe.runIf(existsSync("dist/en/index.html"))("the built site", () => {
  it("has no working notes, bracketed ids or build hosts in any page or the package README", () => {
    expect(checkDist("dist")).toEqual([]);
  });
});
