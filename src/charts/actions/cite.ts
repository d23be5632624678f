/** "How to cite" text for a chart view, in the page's language: producers, titles, period, release, permalink. */
import { t, formatDate, type Lang } from "../../i18n";
import type { ChartSpec } from "../../spec/spec";
import type { ChartContext } from "../context";

export interface CiteInput {
  lang: Lang;
  spec: ChartSpec;
  /** Source ids behind the rows shown. */
  sourceIds: readonly string[];
  sources: ChartContext["sources"];
  release: string;
  permalink: string;
  /** Access date, ISO YYYY-MM-DD. */
  accessed: string;
}

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

export function periodShown(spec: ChartSpec, lang: Lang): string {
  if (spec.view === "compare") return t(lang, "share.periodPair", { a: spec.a, b: spec.b });
  if (spec.from === spec.to) return t(lang, "share.periodOne", { year: spec.from });
  return t(lang, "share.periodRange", { from: spec.from, to: spec.to });
}

export function citation(c: CiteInput): string {
  const src = c.sourceIds.map((id) => c.sources[id]).filter((s) => s != null);
  const producers = uniq(src.map((s) => s.publisher[c.lang] || s.publisher.en || s.publisher.ko)).join("; ");
  const titles = uniq(src.map((s) => s.title))
    .map((x) => (c.lang === "ko" ? `「${x}」` : `“${x}”`))
    .join("; ");
  return t(c.lang, "share.citeText", {
    producers,
    titles,
    period: periodShown(c.spec, c.lang),
    release: c.release,
    permalink: c.permalink,
    date: formatDate(c.accessed, c.lang),
  });
}
