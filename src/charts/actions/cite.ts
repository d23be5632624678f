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
  /** Years the shown data covers (first and last), when known: the period cited is the data's, not the axis's. */
  dataYears?: readonly number[];
}

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

export function periodShown(spec: ChartSpec, lang: Lang, dataYears: readonly number[] = []): string {
  if (spec.view === "compare") return t(lang, "share.periodPair", { a: spec.a, b: spec.b });
  const ys = dataYears.filter((y) => Number.isInteger(y));
  const [from, to] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [spec.from, spec.to];
  if (from === to) return t(lang, "share.periodOne", { year: from });
  return t(lang, "share.periodRange", { from, to });
}

export function citation(c: CiteInput): string {
  const src = c.sourceIds.map((id) => c.sources[id]).filter((s) => s != null);
  // Each publisher with its own title ("Korea Herald, “…”; Yonhap, “…”"), never two lists that readers must match up.
  const works = uniq(
    src.map((s) => {
      const pub = s.publisher[c.lang] || s.publisher.en || s.publisher.ko;
      return s.title ? `${pub}, ${t(c.lang, "chart.quotedTitle", { title: s.title })}` : pub;
    }),
  ).join("; ");
  return t(c.lang, "share.citeText", {
    works,
    period: periodShown(c.spec, c.lang, c.dataYears),
    release: c.release,
    permalink: c.permalink,
    date: formatDate(c.accessed, c.lang),
  });
}
