/**
 * A source as a chart's source line cites it: the publisher's name (the link), then title, date and flags. One
 * place for the build's SourceLine.astro and the browser's redraw, so both say the same.
 */
import type { ChartContext } from "./context";
import { t, type Lang } from "../i18n";
import { formatDate } from "../i18n/format";

/** A published file read from a copy kept in a code repository (the publisher's own page was not available). */
export const isFileCopy = (url: string) => /^https:\/\/(?:github\.com|raw\.githubusercontent\.com)\//.test(url);

export function citedSource(s: ChartContext["sources"][string], lang: Lang): { pub: string; rest: string } {
  const pub = s.publisher[lang] || s.publisher.en;
  // Title, date and flags follow the publisher's name directly (no stray space before the comma).
  const rest = [
    s.title ? `, ${t(lang, "chart.quotedTitle", { title: s.title })}` : "",
    s.published ? ` (${formatDate(s.published, lang)})` : "",
    s.grade === "D" || s.grade === "L" ? ` (${t(lang, "chart.secondary")})` : "",
    isFileCopy(s.url) ? ` (${t(lang, "chart.fileCopy")})` : "",
  ].join("");
  return { pub, rest };
}
